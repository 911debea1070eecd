import { emptyRoot, leafHash, nodeHash } from '@yrd/merkle';

/**
 * The RFC 6962 Merkle tree hash (MTH) of a range of log entries, computed as they stream past in
 * O(log n) memory: a stack of perfect-subtree roots, like a binary counter. Folding the stack
 * right to left at the end gives MTH, because RFC 6962 splits at the largest power of two below n.
 */
export class MerkleRangeRoot {
  private readonly stack: Array<{ size: number; hash: Buffer }> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(entry: Uint8Array): void {
    this.appendLeafHash(leafHash(entry));
  }

  appendLeafHash(hash: Buffer): void {
    let node = { size: 1, hash };
    let top = this.stack[this.stack.length - 1];
    while (top && top.size === node.size) {
      this.stack.pop();
      node = { size: node.size * 2, hash: nodeHash(top.hash, node.hash) };
      top = this.stack[this.stack.length - 1];
    }
    this.stack.push(node);
    this.count++;
  }

  /** Lower-case hex MTH of everything appended so far. */
  rootHex(): string {
    if (this.stack.length === 0) return emptyRoot().toString('hex');
    let root = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) root = nodeHash(this.stack[i].hash, root);
    return root.toString('hex');
  }
}
