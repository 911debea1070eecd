import { HASH_SIZE } from './hashing';

/** 2^16 hashes (2 MiB) per page: big enough to be cheap, small enough that growth never copies. */
export const DEFAULT_PAGE_HASHES = 1 << 16;

/**
 * An append-only array of 32-byte hashes kept in fixed pages, so a level of 10M hashes grows
 * without reallocating and copying hundreds of megabytes. Stored bytes are never overwritten,
 * which is why `get` may hand out views.
 */
export class HashPages {
  private readonly pages: Buffer[] = [];
  private count = 0;

  /** Upper tree levels hold few hashes, so they use smaller pages. */
  constructor(private readonly pageHashes = DEFAULT_PAGE_HASHES) {}

  get length(): number {
    return this.count;
  }

  push(hash: Uint8Array): void {
    if (hash.byteLength !== HASH_SIZE) throw new RangeError(`hash must be ${HASH_SIZE} bytes`);
    const offset = this.count % this.pageHashes;
    if (offset === 0) this.pages.push(Buffer.allocUnsafe(this.pageHashes * HASH_SIZE));
    this.pages[this.pages.length - 1].set(hash, offset * HASH_SIZE);
    this.count++;
  }

  /** A read-only view (do not mutate) of hash `index`. */
  get(index: number): Buffer {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) throw new RangeError(`no hash at ${index}`);
    const page = this.pages[Math.floor(index / this.pageHashes)];
    const start = (index % this.pageHashes) * HASH_SIZE;
    return page.subarray(start, start + HASH_SIZE);
  }

  /** Bytes held, including the unused tail of the last page. */
  byteSize(): number {
    return this.pages.length * this.pageHashes * HASH_SIZE;
  }
}
