import { BytesLike, bytesEqual } from './bytes';
import { nodeHash } from './hashing';
import { assertSize, half, isOdd, isPowerOfTwo } from './tree-math';
import { VERIFIED, Verification, failed } from './verification';
import { decodeAll } from './verify-inclusion';

export interface ConsistencyClaim {
  firstSize: number;
  secondSize: number;
  firstRoot: BytesLike;
  secondRoot: BytesLike;
  proof: readonly BytesLike[];
}

/**
 * Checks that the tree of `secondSize` is an append-only extension of the tree of `firstSize`
 * (RFC 9162 §2.1.4.2), so a log cannot rewrite history between two signed tree heads.
 */
export function verifyConsistency(claim: ConsistencyClaim): Verification {
  const { firstSize, secondSize } = claim;
  try {
    assertSize('firstSize', firstSize);
    assertSize('secondSize', secondSize);
  } catch (e) {
    return failed((e as Error).message);
  }
  if (firstSize > secondSize) return failed(`first size ${firstSize} is larger than second size ${secondSize}`);
  const roots = decodeAll([claim.firstRoot, claim.secondRoot]);
  if (!roots.ok) return failed(`root ${roots.reason}`);
  const [firstRoot, secondRoot] = roots.hashes;

  // Every tree extends the empty tree, and a tree is only consistent with itself.
  if (firstSize === 0) return claim.proof.length === 0 ? VERIFIED : failed('proof from the empty tree must be empty');
  if (firstSize === secondSize) {
    if (claim.proof.length !== 0) return failed('proof between equal sizes must be empty');
    return bytesEqual(firstRoot, secondRoot) ? VERIFIED : failed('equal sizes but different roots');
  }
  if (claim.proof.length === 0) return failed('consistency proof is empty');

  const decoded = decodeAll(claim.proof);
  if (!decoded.ok) return failed(decoded.reason);
  const path = decoded.hashes;
  // When the first tree is a perfect subtree of the second, its root is the proof's implicit start.
  if (isPowerOfTwo(firstSize)) path.unshift(firstRoot);

  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return failed('consistency proof is longer than needed');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return failed('consistency proof is shorter than needed');
  if (!bytesEqual(fr, firstRoot)) return failed('consistency proof does not lead to the first root');
  if (!bytesEqual(sr, secondRoot)) return failed('consistency proof does not lead to the second root');
  return VERIFIED;
}
