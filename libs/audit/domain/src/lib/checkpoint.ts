import canonicalize from 'canonicalize';
import { leafHash, verifyInclusion, verifyTreeHead, type PublicKeyLike, type SignedTreeHead } from '@yrd/merkle';
import { verifyReceipt as verifyNotaryReceipt, type NotaryReceipt } from '@yrd/notary-domain';
import type { AuditFinding } from './finding';

/**
 * What is notarized: the RFC 6962 root over the messages at offsets [fromOffset, toOffset) of
 * one topic partition (each message value is a leaf). Once notarized, rewriting any of those
 * messages — or deleting one — changes the root, and the notary's signed tree head proves the
 * original root existed at that time.
 */
export interface CheckpointClaim {
  topic: string;
  partition: number;
  fromOffset: number;
  /** Exclusive. */
  toOffset: number;
  /** Messages in the range (offsets may have holes; a missing message changes the count). */
  count: number;
  rootHash: string;
}

/** An RFC 6962 log's answer (the in-process notary): `checkpointEntry(claim)` is leaf `leafIndex` under `treeHead`. */
export interface MerkleEntryReceipt {
  kind: 'merkle-entry';
  leafIndex: number;
  treeHead: SignedTreeHead;
  /** RFC 6962 audit path, hex, leaf-side sibling first. */
  inclusionProof: string[];
}

/**
 * The evidence notary's receipt (`POST /notary/checkpoints`): the checkpoint is an entry like any
 * evidence, its content hash the root, its metadata the range — time-stamped, logged and signed.
 */
export interface EvidenceNotaryReceipt {
  kind: 'evidence-notary';
  receipt: NotaryReceipt;
}

export type CheckpointReceipt = MerkleEntryReceipt | EvidenceNotaryReceipt;

/** A stored checkpoint (insert-only, `_id` = `checkpointId(claim)`). */
export interface Checkpoint {
  claim: CheckpointClaim;
  receipt: CheckpointReceipt;
}

/** How the evidence notary's checkpoint metadata names a claim's range. */
export function checkpointRange(claim: CheckpointClaim): { scope: string; fromPosition: string; toPosition: string; eventCount: number } {
  return { scope: `${claim.topic}:${claim.partition}`, fromPosition: String(claim.fromOffset), toPosition: String(claim.toOffset), eventCount: claim.count };
}

/** When the notary signed (its tree head's time). */
export function receiptTime(receipt: CheckpointReceipt): number {
  return receipt.kind === 'merkle-entry' ? receipt.treeHead.timestamp : receipt.receipt.treeHead.timestamp;
}

export const CHECKPOINT_ENTRY_PREFIX = 'yrd-audit-checkpoint/v1\n';

/** The bytes the notary logs as a leaf: a fixed prefix and the claim's RFC 8785 canonical JSON. */
export function checkpointEntry(claim: CheckpointClaim): Buffer {
  const { topic, partition, fromOffset, toOffset, count, rootHash } = claim;
  return Buffer.from(CHECKPOINT_ENTRY_PREFIX + canonicalize({ topic, partition, fromOffset, toOffset, count, rootHash }), 'utf8');
}

export function checkpointId(claim: Pick<CheckpointClaim, 'topic' | 'partition' | 'fromOffset'>): string {
  return `${claim.topic}:${claim.partition}:${claim.fromOffset}`;
}

/**
 * The receipt is genuine and is for this claim: signed by a trusted notary key, including the
 * entry, and the entry notarizes this root over this range.
 */
export function verifyCheckpointReceipt(claim: CheckpointClaim, receipt: CheckpointReceipt, trustedKeys: readonly PublicKeyLike[]): { ok: true } | { ok: false; reason: string } {
  if (receipt.kind === 'evidence-notary') return verifyEvidenceNotaryReceipt(claim, receipt.receipt, trustedKeys);
  const signature = verifyTreeHead(receipt.treeHead, trustedKeys);
  if (!signature.ok) return signature;
  const inclusion = verifyInclusion({
    leafIndex: receipt.leafIndex,
    treeSize: receipt.treeHead.treeSize,
    leafHash: leafHash(checkpointEntry(claim)),
    proof: receipt.inclusionProof,
    rootHash: receipt.treeHead.rootHash,
  });
  return inclusion.ok ? inclusion : { ok: false, reason: `checkpoint is not in the notarized tree: ${inclusion.reason}` };
}

function verifyEvidenceNotaryReceipt(claim: CheckpointClaim, receipt: NotaryReceipt, trustedKeys: readonly PublicKeyLike[]): { ok: true } | { ok: false; reason: string } {
  // The notary's own verifier: root = the entry's content hash, metadata hash, leaf, signature, proof, time-stamp imprint.
  const verified = verifyNotaryReceipt(receipt, { sha256: claim.rootHash }, trustedKeys);
  if (!verified.ok) return { ok: false, reason: verified.failures.map((f) => `${f.code}: ${f.message}`).join('; ') };
  if (receipt.entry.kind !== 'checkpoint') return { ok: false, reason: `the notarized entry is ${receipt.entry.kind}, not a checkpoint` };
  const expected = checkpointRange(claim);
  const metadata = receipt.metadata as Partial<Record<keyof typeof expected, unknown>>;
  const differs = (Object.keys(expected) as Array<keyof typeof expected>).filter((k) => metadata[k] !== expected[k]);
  if (differs.length > 0) return { ok: false, reason: `the notarized checkpoint is for another range (${differs.map((k) => `${k} ${String(metadata[k])} ≠ ${String(expected[k])}`).join(', ')})` };
  return { ok: true };
}

/** What a replay saw over a checkpoint's range, or why it could not see all of it. */
export type ObservedRange = { complete: true; count: number; rootHash: string } | { complete: false; reason: string };

/** Compares a checkpoint with the log as replayed now, and checks the notary's receipt. */
export function verifyCheckpoint(checkpoint: Checkpoint, observed: ObservedRange, trustedKeys: readonly PublicKeyLike[]): AuditFinding[] {
  const { claim } = checkpoint;
  const where = `checkpoint ${checkpointId(claim)}..${claim.toOffset}`;
  const base = {
    source: 'notary' as const,
    streamId: null,
    version: null,
    location: { topic: claim.topic, partition: claim.partition, offset: claim.fromOffset },
  };
  const findings: AuditFinding[] = [];
  const receipt = verifyCheckpointReceipt(claim, checkpoint.receipt, trustedKeys);
  if (!receipt.ok) {
    findings.push({ ...base, kind: 'checkpoint-unverifiable', detail: `${where}: ${receipt.reason}`, data: { toOffset: claim.toOffset } });
  }
  if (!observed.complete) {
    findings.push({ ...base, kind: 'checkpoint-unverifiable', detail: `${where}: ${observed.reason}`, data: { toOffset: claim.toOffset } });
  } else if (observed.rootHash !== claim.rootHash || observed.count !== claim.count) {
    findings.push({
      ...base,
      kind: 'checkpoint-mismatch',
      detail: `${where}: the log now has ${observed.count} messages with root ${observed.rootHash}; the notarized root is ${claim.rootHash} over ${claim.count}`,
      data: { toOffset: claim.toOffset, notarizedRoot: claim.rootHash, notarizedCount: claim.count, observedRoot: observed.rootHash, observedCount: observed.count },
    });
  }
  return findings;
}
