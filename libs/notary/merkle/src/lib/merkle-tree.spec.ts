import { createHash } from 'node:crypto';
import { refPath, refProof, refRoot } from '../testing/reference';
import { toHex } from './bytes';
import { emptyRoot, leafHash } from './hashing';
import { MerkleTree } from './merkle-tree';
import { verifyConsistency } from './verify-consistency';
import { rootFromInclusionProof, verifyInclusion } from './verify-inclusion';

const MAX = 64;
const leaves = Array.from({ length: MAX }, (_, i) => createHash('sha256').update(`leaf ${i}`).digest().subarray(0, i % 7));
const tree = new MerkleTree();
leaves.forEach((l) => tree.append(l));
const roots = Array.from({ length: MAX + 1 }, (_, n) => refRoot(leaves.slice(0, n)));

describe('MerkleTree against the RFC 6962 definitions, every size 1..64', () => {
  it('has the reference root at every size, current or earlier', () => {
    for (let n = 0; n <= MAX; n++) {
      const grown = new MerkleTree();
      leaves.slice(0, n).forEach((l) => grown.append(l));
      expect(grown.rootHash()).toEqual(roots[n]);
      expect(tree.rootHash(n)).toEqual(roots[n]);
    }
  });

  it('proves and verifies every leaf of every size', () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m, n);
        expect(proof).toEqual(refPath(m, leaves.slice(0, n)));
        expect(verifyInclusion({ leafIndex: m, treeSize: n, leafHash: tree.leafHash(m), proof, rootHash: roots[n] })).toEqual({ ok: true });
      }
    }
  });

  it('proves and verifies consistency for every pair m ≤ n', () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(proof).toEqual(refProof(m, leaves.slice(0, n)));
        expect(verifyConsistency({ firstSize: m, secondSize: n, firstRoot: roots[m], secondRoot: roots[n], proof })).toEqual({
          ok: true,
        });
      }
    }
  });

  it('rebuilds the same tree from persisted leaf hashes', () => {
    const rebuilt = MerkleTree.fromLeafHashes(leaves.map((l) => leafHash(l)));
    expect(rebuilt.size).toBe(MAX);
    expect(rebuilt.rootHash()).toEqual(tree.rootHash());
    expect(rebuilt.inclusionProof(37)).toEqual(tree.inclusionProof(37));
  });

  it('has the empty root for an empty tree and refuses impossible requests', () => {
    expect(new MerkleTree().rootHash()).toEqual(emptyRoot());
    expect(() => tree.inclusionProof(MAX)).toThrow(RangeError);
    expect(() => tree.rootHash(MAX + 1)).toThrow(RangeError);
    expect(() => tree.consistencyProof(5, 4)).toThrow(RangeError);
    expect(() => tree.appendLeafHash(Buffer.alloc(31))).toThrow(RangeError);
  });
});

describe('verifiers reject what is wrong, with the reason', () => {
  const n = 45;
  const m = 21;
  const proof = tree.inclusionProof(m, n);
  const good = { leafIndex: m, treeSize: n, leafHash: tree.leafHash(m), proof, rootHash: roots[n] };

  it('rejects every single flipped bit in an inclusion proof', () => {
    for (let i = 0; i < proof.length; i++) {
      const bad = proof.map((p) => Buffer.from(p));
      bad[i][i % 32] ^= 1;
      expect(verifyInclusion({ ...good, proof: bad })).toEqual({ ok: false, reason: 'inclusion proof does not lead to the root hash' });
    }
  });

  it('rejects a tampered leaf, a wrong root, a wrong index or size', () => {
    expect(verifyInclusion({ ...good, leafHash: leafHash(Buffer.from('tampered')) }).ok).toBe(false);
    expect(verifyInclusion({ ...good, rootHash: roots[n - 1] })).toEqual({ ok: false, reason: 'inclusion proof does not lead to the root hash' });
    expect(verifyInclusion({ ...good, leafIndex: m + 1 }).ok).toBe(false);
    // The size is bound through the root: the same path under the next size's root fails.
    expect(verifyInclusion({ ...good, treeSize: n + 1, rootHash: roots[n + 1] }).ok).toBe(false);
    expect(verifyInclusion({ ...good, leafIndex: n })).toEqual({ ok: false, reason: 'leaf index 45 is not below tree size 45' });
  });

  it('rejects short, long and malformed inclusion proofs', () => {
    expect(verifyInclusion({ ...good, proof: proof.slice(1) })).toMatchObject({ ok: false, reason: 'inclusion proof is shorter than the tree is deep' });
    expect(verifyInclusion({ ...good, proof: [...proof, proof[0]] })).toMatchObject({ ok: false, reason: 'inclusion proof is longer than the tree is deep' });
    expect(verifyInclusion({ ...good, proof: ['zz'] }).ok).toBe(false);
    expect(verifyInclusion({ ...good, rootHash: 'abcd' })).toEqual({ ok: false, reason: 'root hash is not a 32-byte hash' });
    expect(rootFromInclusionProof({ ...good, leafIndex: -1 }).ok).toBe(false);
  });

  it('accepts hex strings as well as bytes', () => {
    expect(verifyInclusion({ ...good, leafHash: toHex(good.leafHash), proof: proof.map(toHex), rootHash: toHex(roots[n]) })).toEqual({ ok: true });
  });

  it('rejects consistency proofs for the wrong roots, sizes or contents', () => {
    const cp = tree.consistencyProof(m, n);
    const claim = { firstSize: m, secondSize: n, firstRoot: roots[m], secondRoot: roots[n], proof: cp };
    expect(verifyConsistency(claim)).toEqual({ ok: true });
    expect(verifyConsistency({ ...claim, firstRoot: roots[m + 1] })).toEqual({ ok: false, reason: 'consistency proof does not lead to the first root' });
    expect(verifyConsistency({ ...claim, secondRoot: roots[n - 1] })).toEqual({ ok: false, reason: 'consistency proof does not lead to the second root' });
    expect(verifyConsistency({ ...claim, proof: cp.slice(1) }).ok).toBe(false);
    expect(verifyConsistency({ ...claim, proof: [...cp, cp[0]] }).ok).toBe(false);
    expect(verifyConsistency({ ...claim, proof: [] })).toEqual({ ok: false, reason: 'consistency proof is empty' });
    expect(verifyConsistency({ ...claim, secondSize: m - 1 }).ok).toBe(false);
    expect(verifyConsistency({ ...claim, secondSize: m, proof: [] })).toEqual({ ok: false, reason: 'equal sizes but different roots' });
    // A log that rewrote leaf 3 cannot prove its new tree extends the old one.
    const forked = new MerkleTree();
    leaves.forEach((l, i) => forked.append(i === 3 ? Buffer.from('rewritten') : l));
    expect(verifyConsistency({ ...claim, secondRoot: forked.rootHash(n), proof: forked.consistencyProof(m, n) }).ok).toBe(false);
  });
});
