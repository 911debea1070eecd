import type { Collection, Connection } from 'mongoose';
import type { EventEnvelope } from '@yrd/contracts';
import { commitId, toCommit, type CommitDocument } from './commit';
import { GroupCommit } from './group-commit';

/**
 * The store of record. Written only by inserts; reads fold commits back into a stream.
 * FerretDB v1 scans on every query, so reads are by `streamId` and the outbox sweep is bounded.
 */
export class CommitStore {
  private readonly commits: Collection<CommitDocument>;
  private readonly group: GroupCommit;

  constructor(connection: Connection, collectionName = 'commits') {
    this.commits = connection.collection<CommitDocument>(collectionName) as unknown as Collection<CommitDocument>;
    this.group = new GroupCommit(this.commits);
  }

  /** Appends events that continue the stream at `events[0].streamVersion`; throws ConcurrencyConflict if taken. */
  async append(events: readonly EventEnvelope[], now = new Date()): Promise<CommitDocument> {
    const commit = toCommit(events, now);
    await this.group.insert(commit);
    return commit;
  }

  async readStream(streamId: string): Promise<EventEnvelope[]> {
    const commits = await this.commits.find({ streamId }).toArray();
    return commits.sort((a, b) => a.firstVersion - b.firstVersion).flatMap((c) => c.events);
  }

  /** The events of every stream whose id starts with `prefix` (fact streams of one aggregate), in commit order per stream. */
  async readStreamsStartingWith(prefix: string): Promise<EventEnvelope[]> {
    const commits = await this.commits.find({ streamId: { $regex: `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` } }).toArray();
    return commits
      .sort((a, b) => a.streamId.localeCompare(b.streamId) || a.firstVersion - b.firstVersion)
      .flatMap((c) => c.events);
  }

  async get(streamId: string, firstVersion: number): Promise<CommitDocument | null> {
    return this.commits.findOne({ _id: commitId(streamId, firstVersion) });
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.commits.updateMany({ _id: { $in: [...ids] } }, { $set: { published: true } });
  }

  /** Commits left unpublished (a crash between insert and publish), oldest first, in stream order. */
  async findUnpublished(committedBefore: Date, limit: number): Promise<CommitDocument[]> {
    const found = await this.commits
      .find({ published: false, committedAt: { $lt: committedBefore } })
      .sort({ committedAt: 1 })
      .limit(limit)
      .toArray();
    return found.sort(
      (a, b) => a.committedAt.getTime() - b.committedAt.getTime() || a.streamId.localeCompare(b.streamId) || a.firstVersion - b.firstVersion,
    );
  }

  /** Every commit in commit order: the audit's view of the store of record. */
  async *scanAll(batchSize = 1000): AsyncGenerator<CommitDocument> {
    yield* this.commits.find({}).sort({ committedAt: 1 }).batchSize(batchSize);
  }
}
