import type { Collection, Connection } from 'mongoose';
import { checkpointId, receiptTime, type Checkpoint } from '@yrd/audit-domain';

export const CHECKPOINTS_COLLECTION = 'audit_checkpoints';

interface CheckpointDocument extends Checkpoint {
  _id: string;
  createdAt: Date;
}

/**
 * Notarized checkpoints, insert-only: `_id` = `<topic>:<partition>:<fromOffset>`, so a range is
 * notarized once, two checkpointers racing on it cannot both store it, and nothing is ever
 * rewritten. A later rewrite of the log shows as a mismatch against these.
 */
export class CheckpointStore {
  private readonly docs: Collection<CheckpointDocument>;

  constructor(connection: Connection, collection = CHECKPOINTS_COLLECTION) {
    this.docs = connection.collection<CheckpointDocument>(collection) as unknown as Collection<CheckpointDocument>;
  }

  /** Stores a checkpoint; false when that range was already notarized (another run won). */
  async insert(checkpoint: Checkpoint, now = new Date()): Promise<boolean> {
    try {
      await this.docs.insertOne({ _id: checkpointId(checkpoint.claim), claim: checkpoint.claim, receipt: checkpoint.receipt, createdAt: now });
      return true;
    } catch (e) {
      if ((e as { code?: number }).code === 11000) return false;
      throw e;
    }
  }

  /** Every checkpoint of these topics (the collection stays small: one document per N events). */
  async list(topics: readonly string[]): Promise<Checkpoint[]> {
    const docs = await this.docs.find({ 'claim.topic': { $in: [...topics] } }).toArray();
    return docs.map(({ claim, receipt }) => ({ claim, receipt }));
  }

  /** Where the next checkpoint of each partition starts, and when the last was notarized. */
  async heads(topics: readonly string[]): Promise<Map<string, { toOffset: number; at: number }>> {
    const heads = new Map<string, { toOffset: number; at: number }>();
    for (const { claim, receipt } of await this.list(topics)) {
      const key = `${claim.topic}#${claim.partition}`;
      const head = heads.get(key);
      if (!head || claim.toOffset > head.toOffset) heads.set(key, { toOffset: claim.toOffset, at: receiptTime(receipt) });
    }
    return heads;
  }
}
