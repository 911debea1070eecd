import type { Collection, Connection } from 'mongoose';

interface ProcessedEvent {
  _id: string;
  topic: string;
  partition: number;
  offset: string;
  at: Date;
}

/**
 * The idempotency record of one consumer: which event ids it has handled. One collection per
 * consumer keeps each small (FerretDB v1 scans); lookups and writes are batched per Kafka batch.
 */
export class ProcessedEvents {
  private readonly collection: Collection<ProcessedEvent>;

  constructor(connection: Connection, consumer: string) {
    const name = `processed_${consumer.replace(/[^A-Za-z0-9_]/g, '_')}`;
    this.collection = connection.collection<ProcessedEvent>(name) as unknown as Collection<ProcessedEvent>;
  }

  async alreadyProcessed(eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const found = await this.collection.find({ _id: { $in: [...eventIds] } }, { projection: { _id: 1 } }).toArray();
    return new Set(found.map((d) => d._id));
  }

  async record(entries: ReadonlyArray<Omit<ProcessedEvent, 'at'>>): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    try {
      await this.collection.insertMany(
        entries.map((e) => ({ ...e, at })),
        { ordered: false },
      );
    } catch (e) {
      // Another delivery recorded some of them first: the record exists, which is all we need.
      const writeErrors = (e as { writeErrors?: Array<{ code?: number }> }).writeErrors;
      const onlyDuplicates = (e as { code?: number }).code === 11000 || (Array.isArray(writeErrors) && writeErrors.every((w) => w.code === 11000));
      if (!onlyDuplicates) throw e;
    }
  }

  async count(): Promise<number> {
    return this.collection.countDocuments();
  }
}
