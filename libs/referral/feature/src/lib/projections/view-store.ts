import type { EventEnvelope } from '@yrd/contracts';
import type { Collection, Connection } from 'mongoose';
import type { VersionedView } from './views';

export interface ApplyOutcome<V> {
  /** The view after the event (or as it was, when skipped); null when there is none. */
  view: V | null;
  applied: boolean;
}

/**
 * A read model collection with its version guard. Its only writer is the projection consumer of
 * the stream (Kafka keys by streamId, so one consumer owns a stream at a time), which is why a
 * read-then-`updateOne($set, upsert)` by `_id` is safe on FerretDB v1, where conditional updates
 * are not atomic: nobody else writes the document in between.
 */
export class ViewStore<V extends VersionedView> {
  readonly collection: Collection<V>;

  constructor(connection: Connection, name: string) {
    this.collection = connection.collection<V>(name) as unknown as Collection<V>;
  }

  async get(id: string): Promise<V | null> {
    return (await this.collection.findOne({ _id: id } as never)) as V | null;
  }

  async apply(id: string, event: EventEnvelope, project: (view: V | null, e: EventEnvelope) => V | null): Promise<ApplyOutcome<V>> {
    const current = await this.get(id);
    if (current && current.version >= event.streamVersion) return { view: current, applied: false };
    const next = project(current, event);
    if (!next) return { view: current, applied: false };
    const { _id, ...fields } = next;
    await this.collection.updateOne({ _id } as never, { $set: fields } as never, { upsert: true });
    return { view: next, applied: true };
  }
}
