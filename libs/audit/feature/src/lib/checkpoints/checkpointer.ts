import { MerkleRangeRoot, type Checkpoint, type CheckpointClaim, type ReadRange } from '@yrd/audit-domain';
import type { KafkaLogReader } from '../log/kafka-log-reader';
import type { CheckpointNotary } from './checkpoint-notary';
import type { CheckpointStore } from './checkpoint-store';

export interface CheckpointPolicy {
  /** Notarize as soon as a partition has this many new messages (and in chunks of this size). */
  everyEvents: number;
  /** …or when this long has passed since its last checkpoint and it has any new message (0: never by time). */
  intervalMs: number;
}

interface Chunk {
  range: ReadRange;
  root: MerkleRangeRoot;
}

/**
 * Cuts the log into checkpoints: per partition, the messages since the last checkpoint, in chunks
 * of `everyEvents`, each root notarized and stored insert-only. Run by a timer in the service,
 * or once from the CLI.
 */
export class Checkpointer {
  constructor(
    private readonly reader: KafkaLogReader,
    private readonly store: CheckpointStore,
    private readonly notary: CheckpointNotary,
    private readonly policy: CheckpointPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (!Number.isInteger(policy.everyEvents) || policy.everyEvents < 1) throw new Error('checkpoint policy: everyEvents must be a positive integer');
  }

  /** Notarizes what is due (`force`: every partition with new messages); returns the new checkpoints. */
  async runOnce(topics: readonly string[], options: { force?: boolean; groupId: string }): Promise<Checkpoint[]> {
    const now = this.clock().getTime();
    const heads = await this.store.heads(topics);
    const chunks: Chunk[] = [];
    for (const r of await this.reader.plan(topics)) {
      const head = heads.get(`${r.topic}#${r.partition}`);
      const from = Math.max(head?.toOffset ?? r.fromOffset, r.fromOffset);
      const pending = r.toOffset - from;
      if (pending <= 0) continue;
      const dueByTime = this.policy.intervalMs > 0 && (head === undefined || now - head.at >= this.policy.intervalMs);
      if (!options.force && pending < this.policy.everyEvents && !dueByTime) continue;
      for (let start = from; start < r.toOffset; start += this.policy.everyEvents) {
        const end = Math.min(start + this.policy.everyEvents, r.toOffset);
        // Without `force` or the timer, only whole chunks: the tail waits for more events.
        if (end - start < this.policy.everyEvents && !options.force && !dueByTime) break;
        chunks.push({ range: { topic: r.topic, partition: r.partition, fromOffset: start, toOffset: end }, root: new MerkleRangeRoot() });
      }
    }
    if (chunks.length === 0) return [];

    const byPartition = new Map<string, Chunk[]>();
    for (const c of chunks) {
      const key = `${c.range.topic}#${c.range.partition}`;
      byPartition.set(key, [...(byPartition.get(key) ?? []), c]);
    }
    const ranges = [...byPartition.values()].map((cs) => ({ ...cs[0].range, toOffset: cs[cs.length - 1].range.toOffset }));
    await this.reader.read(
      ranges,
      (m) => {
        const cs = byPartition.get(`${m.topic}#${m.partition}`);
        if (!cs) return;
        // Chunks of a partition are contiguous and `everyEvents` long: the offset gives the chunk.
        const chunk = cs[Math.floor((m.offset - cs[0].range.fromOffset) / this.policy.everyEvents)];
        if (chunk && m.offset < chunk.range.toOffset) chunk.root.append(m.value ?? Buffer.alloc(0));
      },
      { groupId: options.groupId },
    );

    const created: Checkpoint[] = [];
    for (const c of chunks) {
      const claim: CheckpointClaim = { ...c.range, count: c.root.size, rootHash: c.root.rootHex() };
      const receipt = await this.notary.notarize(claim);
      const checkpoint = { claim, receipt };
      if (await this.store.insert(checkpoint)) created.push(checkpoint);
    }
    return created;
  }
}
