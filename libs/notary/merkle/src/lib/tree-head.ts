import { toBytes } from './bytes';
import { HASH_SIZE } from './hashing';
import { assertSize } from './tree-math';

/** What the log commits to at one moment. */
export interface TreeHead {
  treeSize: number;
  /** MTH of the first `treeSize` leaves, lower-case hex. */
  rootHash: string;
  /** Milliseconds since the Unix epoch (as RFC 6962 timestamps are). */
  timestamp: number;
}

/** A tree head with an Ed25519 signature over `treeHeadSigningBytes` and the signing key's id. */
export interface SignedTreeHead extends TreeHead {
  keyId: string;
  /** Base64 Ed25519 signature (64 bytes). */
  signature: string;
}

/**
 * The bytes that are signed: RFC 6962 §3.5's TreeHeadSignature, 50 bytes, big-endian:
 *
 *   version          uint8   = 0 (v1)
 *   signature_type   uint8   = 1 (tree_hash)
 *   timestamp        uint64  ms since epoch
 *   tree_size        uint64
 *   sha256_root_hash 32 bytes
 *
 * A standard, fixed layout means anyone can rebuild the bytes without our code or a JSON
 * canonicaliser.
 */
export function treeHeadSigningBytes(head: TreeHead): Buffer {
  assertSize('treeSize', head.treeSize);
  assertSize('timestamp', head.timestamp);
  const root = toBytes(head.rootHash);
  if (root.byteLength !== HASH_SIZE) throw new RangeError('rootHash must be a 32-byte hex hash');
  const out = Buffer.alloc(2 + 8 + 8 + HASH_SIZE);
  out.writeUInt8(0, 0);
  out.writeUInt8(1, 1);
  out.writeBigUInt64BE(BigInt(head.timestamp), 2);
  out.writeBigUInt64BE(BigInt(head.treeSize), 10);
  root.copy(out, 18);
  return out;
}
