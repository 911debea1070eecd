import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { MerkleTree } from '@yrd/merkle';
import { LEAVES_COLLECTION, LeafRecord } from './leaf-record';

type Pending = { record: Omit<LeafRecord, '_id'>; resolve: (index: number) => void; reject: (e: unknown) => void };

const BATCH = 200;

/**
 * The append-only Merkle log: leaves persisted insert-only (`_id` = index) and mirrored in an
 * in-memory MerkleTree rebuilt from them at start-up (crash recovery). One appender per process
 * drains a queue in ordered `insertMany` batches; if another process took an index (duplicate
 * key), it catches up from the store and retries the rest, so the tree always equals what is
 * persisted and nothing is acknowledged before it is.
 */
@Injectable()
export class MerkleLogService implements OnModuleInit {
  private readonly log = new Logger(MerkleLogService.name);
  readonly tree = new MerkleTree();
  private readonly indexByEntry = new Map<string, number>();
  private readonly queue: Pending[] = [];
  private draining = false;
  private readonly leaves: Collection<LeafRecord>;

  constructor(@InjectConnection() connection: Connection) {
    this.leaves = connection.collection<LeafRecord>(LEAVES_COLLECTION);
  }

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await this.catchUp();
    this.log.log(`Merkle log rebuilt: ${this.tree.size} leaves in ${Date.now() - started} ms`);
  }

  get size(): number {
    return this.tree.size;
  }

  leafIndexOf(entryId: string): number | undefined {
    return this.indexByEntry.get(entryId);
  }

  async record(index: number): Promise<LeafRecord | undefined> {
    return index < this.tree.size ? ((await this.leaves.findOne({ _id: index })) ?? undefined) : undefined;
  }

  /** The evidence entries recorded for a clue (at most `limit`, oldest first). Scans: the log is small per clue. */
  async evidenceForClue(clueId: string, limit = 200): Promise<LeafRecord[]> {
    return this.leaves.find({ 'entry.kind': 'evidence', 'metadata.clueId': clueId }).sort({ _id: 1 }).limit(limit).toArray();
  }

  /** Appends a leaf; resolves with its index once it is persisted and in the tree. */
  append(record: Omit<LeafRecord, '_id'>): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, BATCH);
        const first = this.tree.size;
        const docs = batch.map((p, i) => ({ ...p.record, _id: first + i }));
        try {
          await this.leaves.insertMany(docs, { ordered: true });
          docs.forEach((d, i) => this.mirror(d, batch[i]));
        } catch (error) {
          if (!isDuplicateKey(error)) {
            // Ordered inserts stop at the first failure: keep what landed, fail the rest.
            await this.catchUp(batch);
            batch.filter((p) => !this.indexByEntry.has(p.record.entry.entryId)).forEach((p) => p.reject(error));
            continue;
          }
          await this.catchUp(batch);
          // Whatever of ours did not land goes back to the front, to be retried at new indexes.
          this.queue.unshift(...batch.filter((p) => !this.indexByEntry.has(p.record.entry.entryId)));
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Loads leaves beyond the in-memory tree (start-up, or after losing an index race). */
  private async catchUp(ours: Pending[] = []): Promise<void> {
    const byEntry = new Map(ours.map((p) => [p.record.entry.entryId, p]));
    const cursor = this.leaves.find({ _id: { $gte: this.tree.size } }, { projection: { _id: 1, leafHash: 1, 'entry.entryId': 1 } }).sort({ _id: 1 });
    for await (const doc of cursor) {
      if (doc._id !== this.tree.size) throw new Error(`Merkle log has a gap: expected leaf ${this.tree.size}, found ${doc._id}`);
      this.mirror(doc as LeafRecord, byEntry.get(doc.entry.entryId));
    }
  }

  private mirror(doc: Pick<LeafRecord, '_id' | 'leafHash' | 'entry'>, pending?: Pending): void {
    this.tree.appendLeafHash(Buffer.from(doc.leafHash, 'hex'));
    this.indexByEntry.set(doc.entry.entryId, doc._id);
    pending?.resolve(doc._id);
  }
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: Array<{ code?: number }> };
  return e?.code === 11000 || (e?.writeErrors ?? []).some((w) => w.code === 11000);
}
