import { leafHash, type PublicKeyLike } from '@yrd/merkle';
import { checkpointId, receiptTime, verifyCheckpoint, type Checkpoint } from './checkpoint';
import type { AuditFinding } from './finding';
import type { LogMessage } from './log-message';
import { MerkleRangeRoot } from './merkle-range-root';

/** The offsets a replay read from one partition: [fromOffset, toOffset), toOffset = high watermark at start. */
export interface ReadRange {
  topic: string;
  partition: number;
  fromOffset: number;
  toOffset: number;
}

export type CheckpointState = 'verified' | 'mismatch' | 'unverifiable' | 'not-covered';

export interface CheckpointStatus {
  id: string;
  topic: string;
  partition: number;
  fromOffset: number;
  toOffset: number;
  count: number;
  notarizedAt: string;
  status: CheckpointState;
}

interface Tracked {
  checkpoint: Checkpoint;
  root: MerkleRangeRoot;
  covered: boolean;
}

/**
 * Recomputes, during a replay, the root over each notarized checkpoint's range and compares it
 * with the notarized one. A checkpoint that starts before what the replay read (a replay from a
 * point in time) is `not-covered`; one that ends past the high watermark finds fewer messages,
 * which is a mismatch (history lost).
 */
export class CheckpointVerifier {
  private readonly byPartition = new Map<string, { list: Tracked[]; next: number }>();
  private readonly all: Tracked[] = [];

  constructor(
    checkpoints: readonly Checkpoint[],
    ranges: readonly ReadRange[],
    private readonly trustedKeys: readonly PublicKeyLike[],
  ) {
    const readFrom = new Map(ranges.map((r) => [`${r.topic}#${r.partition}`, r.fromOffset]));
    for (const checkpoint of checkpoints) {
      const key = `${checkpoint.claim.topic}#${checkpoint.claim.partition}`;
      const from = readFrom.get(key);
      const tracked = { checkpoint, root: new MerkleRangeRoot(), covered: from !== undefined && from <= checkpoint.claim.fromOffset };
      this.all.push(tracked);
      const entry = this.byPartition.get(key) ?? { list: [], next: 0 };
      entry.list.push(tracked);
      this.byPartition.set(key, entry);
    }
    for (const entry of this.byPartition.values()) entry.list.sort((a, b) => a.checkpoint.claim.fromOffset - b.checkpoint.claim.fromOffset);
  }

  get size(): number {
    return this.all.length;
  }

  accept(message: LogMessage): void {
    if (this.all.length === 0) return;
    const entry = this.byPartition.get(`${message.topic}#${message.partition}`);
    if (!entry) return;
    const { list } = entry;
    const offset = message.offset;
    while (entry.next < list.length && list[entry.next].checkpoint.claim.toOffset <= offset) entry.next++;
    let leaf: Buffer | null = null;
    for (let j = entry.next; j < list.length && list[j].checkpoint.claim.fromOffset <= offset; j++) {
      const t = list[j];
      if (!t.covered || offset >= t.checkpoint.claim.toOffset) continue;
      leaf ??= leafHash(message.value ?? Buffer.alloc(0));
      t.root.appendLeafHash(leaf);
    }
  }

  results(): { statuses: CheckpointStatus[]; findings: AuditFinding[] } {
    const findings: AuditFinding[] = [];
    const statuses = this.all.map((t): CheckpointStatus => {
      const { claim } = t.checkpoint;
      let status: CheckpointState = 'not-covered';
      if (t.covered) {
        const found = verifyCheckpoint(t.checkpoint, { complete: true, count: t.root.size, rootHash: t.root.rootHex() }, this.trustedKeys);
        findings.push(...found);
        status = found.some((f) => f.kind === 'checkpoint-mismatch') ? 'mismatch' : found.length > 0 ? 'unverifiable' : 'verified';
      }
      return {
        id: checkpointId(claim),
        topic: claim.topic,
        partition: claim.partition,
        fromOffset: claim.fromOffset,
        toOffset: claim.toOffset,
        count: claim.count,
        notarizedAt: new Date(receiptTime(t.checkpoint.receipt)).toISOString(),
        status,
      };
    });
    statuses.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition || a.fromOffset - b.fromOffset || a.toOffset - b.toOffset));
    return { statuses, findings };
  }
}
