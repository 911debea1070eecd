import type { Collection, Connection } from 'mongoose';

import type { AppliedHead } from '@yrd/event-log';

interface ProcessedEvent {
  _id: string;
  topic: string;
  partition: number;
  offset: string;
  /** Where the event stands in its stream: the consumer's memory of each stream's applied head. */
  streamId: string;
  version: number;
  hash: string;
  at: Date;
}

/**
 * The idempotency record of one consumer: which event ids it has handled, and so the head (last
 * version and hash) it applied of each stream, which survives restarts. One collection per
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

  /** The applied head of each of these streams that this consumer has applied anything of (one query). */
  async heads(streamIds: readonly string[]): Promise<Map<string, AppliedHead>> {
    const heads = new Map<string, AppliedHead>();
    if (streamIds.length === 0) return heads;
    const found = await this.collection
      .find({ streamId: { $in: [...streamIds] } }, { projection: { streamId: 1, version: 1, hash: 1 } })
      .toArray();
    for (const d of found) {
      const known = heads.get(d.streamId);
      if (!known || d.version > known.version) heads.set(d.streamId, { version: d.version, hash: d.hash });
    }
    return heads;
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
