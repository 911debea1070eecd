import { BytesLike, bytesEqual, toBytes } from './bytes';
import { HASH_SIZE, nodeHash } from './hashing';
import { assertSize, half, isOdd } from './tree-math';
import { VERIFIED, Verification, failed } from './verification';

export interface InclusionClaim {
  leafIndex: number;
  treeSize: number;
  /** The leaf hash, SHA-256(0x00 || entry). */
  leafHash: BytesLike;
  proof: readonly BytesLike[];
  rootHash: BytesLike;
}

/**
 * Recomputes the root from a leaf hash and its audit path (RFC 9162 §2.1.3.2), needing nothing
 * but the claim: this is what a third party runs. Returns the root, or why the path is malformed.
 */
export function rootFromInclusionProof(
  claim: Omit<InclusionClaim, 'rootHash'>,
): { ok: true; root: Buffer } | { ok: false; reason: string } {
  const { leafIndex, treeSize } = claim;
  try {
    assertSize('leafIndex', leafIndex);
    assertSize('treeSize', treeSize);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  if (leafIndex >= treeSize) return { ok: false, reason: `leaf index ${leafIndex} is not below tree size ${treeSize}` };
  const decoded = decodeAll([claim.leafHash, ...claim.proof]);
  if (!decoded.ok) return decoded;
  const [leaf, ...path] = decoded.hashes;

  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return { ok: false, reason: 'inclusion proof is longer than the tree is deep' };
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return { ok: false, reason: 'inclusion proof is shorter than the tree is deep' };
  return { ok: true, root: r };
}

/** Checks that `leafHash` is leaf `leafIndex` of the tree of `treeSize` whose root is `rootHash`. */
export function verifyInclusion(claim: InclusionClaim): Verification {
  const computed = rootFromInclusionProof(claim);
  if (!computed.ok) return computed;
  const root = decodeHash(claim.rootHash);
  if (!root) return failed('root hash is not a 32-byte hash');
  return bytesEqual(computed.root, root) ? VERIFIED : failed('inclusion proof does not lead to the root hash');
}

export function decodeHash(value: BytesLike): Buffer | undefined {
  try {
    const bytes = toBytes(value);
    return bytes.byteLength === HASH_SIZE ? bytes : undefined;
  } catch {
    return undefined;
  }
}

export function decodeAll(values: readonly BytesLike[]): { ok: true; hashes: Buffer[] } | { ok: false; reason: string } {
  const hashes: Buffer[] = [];
  for (const [i, v] of values.entries()) {
    const h = decodeHash(v);
    if (!h) return { ok: false, reason: `hash #${i} is not a 32-byte hash` };
    hashes.push(h);
  }
  return { ok: true, hashes };
}
