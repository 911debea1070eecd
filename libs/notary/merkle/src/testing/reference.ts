import { emptyRoot, leafHash, nodeHash } from '../lib/hashing';
import { splitPoint } from '../lib/tree-math';

// A literal transcription of the recursive definitions in RFC 6962 §2.1, used only to
// cross-check the level-array implementation.

export function refRoot(d: Uint8Array[]): Buffer {
  if (d.length === 0) return emptyRoot();
  if (d.length === 1) return leafHash(d[0]);
  const k = splitPoint(d.length);
  return nodeHash(refRoot(d.slice(0, k)), refRoot(d.slice(k)));
}

export function refPath(m: number, d: Uint8Array[]): Buffer[] {
  if (d.length === 1) return [];
  const k = splitPoint(d.length);
  return m < k
    ? [...refPath(m, d.slice(0, k)), refRoot(d.slice(k))]
    : [...refPath(m - k, d.slice(k)), refRoot(d.slice(0, k))];
}

export function refProof(m: number, d: Uint8Array[]): Buffer[] {
  return m === 0 || m === d.length ? [] : refSubproof(m, d, true);
}

function refSubproof(m: number, d: Uint8Array[], b: boolean): Buffer[] {
  const n = d.length;
  if (m === n) return b ? [] : [refRoot(d)];
  const k = splitPoint(n);
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), refRoot(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refRoot(d.slice(0, k))];
}
