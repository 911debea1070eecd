import { DEFAULT_PAGE_HASHES, HashPages } from './hash-pages';
import { emptyRoot, leafHash, nodeHash } from './hashing';
import { assertSize, half, isOdd, splitPoint } from './tree-math';

/**
 * An append-only RFC 6962 Merkle tree held as levels of perfect-subtree hashes:
 * `levels[l][i]` is the hash of leaves [i·2^l, (i+1)·2^l). Each append adds one leaf hash and
 * completes at most log2(n) parents (amortised one), so every node a proof needs is a lookup;
 * only the ragged right edge of a non-power-of-two tree is hashed on demand (≤ log2 n hashes).
 *
 * Roots and proofs can be asked for any earlier size too, because perfect subtrees never change.
 * Persistence is the caller's: store the leaf hashes append-only and rebuild with `fromLeafHashes`.
 */
export class MerkleTree {
  private readonly levels: HashPages[] = [new HashPages()];

  static fromLeafHashes(hashes: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const h of hashes) tree.appendLeafHash(h);
    return tree;
  }

  get size(): number {
    return this.levels[0].length;
  }

  /** Appends raw leaf data (hashed as SHA-256(0x00 || data)); returns the new leaf's index. */
  append(data: Uint8Array): number {
    return this.appendLeafHash(leafHash(data));
  }

  /** Appends an already computed leaf hash; returns its index. */
  appendLeafHash(hash: Uint8Array): number {
    const index = this.size;
    this.levels[0].push(hash);
    // Carry upward while the new node is a right child: its parent is now complete.
    let level = 0;
    let i = index;
    while (isOdd(i)) {
      const parent = nodeHash(this.levels[level].get(i - 1), this.levels[level].get(i));
      level++;
      if (this.levels.length === level) this.levels.push(new HashPages(Math.max(DEFAULT_PAGE_HASHES / 2 ** level, 64)));
      this.levels[level].push(parent);
      i = half(i);
    }
    return index;
  }

  leafHash(index: number): Buffer {
    return Buffer.from(this.levels[0].get(index));
  }

  /** MTH(D[0:size]) for the current size or any earlier one. */
  rootHash(size: number = this.size): Buffer {
    this.checkSize(size);
    if (size === 0) return emptyRoot();
    return Buffer.from(this.subtreeHash(0, size));
  }

  /** PATH(index, D[0:size]) of RFC 6962 §2.1.1, leaf-side sibling first. */
  inclusionProof(index: number, size: number = this.size): Buffer[] {
    this.checkSize(size);
    assertSize('index', index);
    if (index >= size) throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
    const path: Buffer[] = [];
    this.collectPath(index, 0, size, path);
    return path.reverse().map((h) => Buffer.from(h));
  }

  /** PROOF(first, D[0:second]) of RFC 6962 §2.1.2. */
  consistencyProof(first: number, second: number = this.size): Buffer[] {
    this.checkSize(second);
    assertSize('first', first);
    if (first > second) throw new RangeError(`first size ${first} is larger than second size ${second}`);
    if (first === 0 || first === second) return [];
    const proof: Buffer[] = [];
    this.collectSubproof(first, 0, second, true, proof);
    return proof.reverse().map((h) => Buffer.from(h));
  }

  /** Bytes held by the level pages (for capacity planning). */
  byteSize(): number {
    return this.levels.reduce((sum, l) => sum + l.byteSize(), 0);
  }

  /**
   * MTH(D[start:start+n]). Callers only ask for ranges that are either perfect and aligned
   * (a lookup) or end at the tree's current right edge; the latter splits into a perfect left
   * part and a shorter right part, so the recursion is at most log2(n) deep.
   */
  private subtreeHash(start: number, n: number): Buffer {
    const perfect = this.perfectHash(start, n);
    if (perfect) return perfect;
    const k = splitPoint(n);
    return nodeHash(this.subtreeHash(start, k), this.subtreeHash(start + k, n - k));
  }

  /** The stored hash when [start, start+n) is a complete aligned subtree, else undefined. */
  private perfectHash(start: number, n: number): Buffer | undefined {
    let level = 0;
    let width = 1;
    while (width < n) {
      width *= 2;
      level++;
    }
    if (width !== n || start % n !== 0) return undefined;
    const levelHashes = this.levels[level];
    const i = start / n;
    return levelHashes && i < levelHashes.length ? levelHashes.get(i) : undefined;
  }

  // Both collectors push root-side first; the public methods reverse to the RFC's order.
  private collectPath(m: number, start: number, n: number, out: Buffer[]): void {
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      out.push(this.subtreeHash(start + k, n - k));
      this.collectPath(m, start, k, out);
    } else {
      out.push(this.subtreeHash(start, k));
      this.collectPath(m - k, start + k, n - k, out);
    }
  }

  private collectSubproof(m: number, start: number, n: number, isWholeFirstTree: boolean, out: Buffer[]): void {
    if (m === n) {
      if (!isWholeFirstTree) out.push(this.subtreeHash(start, n));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      out.push(this.subtreeHash(start + k, n - k));
      this.collectSubproof(m, start, k, isWholeFirstTree, out);
    } else {
      out.push(this.subtreeHash(start, k));
      this.collectSubproof(m - k, start + k, n - k, false, out);
    }
  }

  private checkSize(size: number): void {
    assertSize('size', size);
    if (size > this.size) throw new RangeError(`tree has ${this.size} leaves, not ${size}`);
  }
}
