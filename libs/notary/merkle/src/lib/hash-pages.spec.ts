import { HashPages } from './hash-pages';

describe('HashPages', () => {
  it('keeps hashes across page boundaries and never moves stored bytes', () => {
    const pages = new HashPages(4);
    const hashes = Array.from({ length: 10 }, (_, i) => Buffer.alloc(32, i));
    hashes.forEach((h) => pages.push(h));
    const firstView = pages.get(0);
    expect(pages.length).toBe(10);
    hashes.forEach((h, i) => expect(pages.get(i)).toEqual(h));
    expect(firstView).toEqual(hashes[0]);
    expect(pages.byteSize()).toBe(3 * 4 * 32);
  });

  it('refuses out-of-range reads and wrong-sized hashes', () => {
    const pages = new HashPages(4);
    expect(() => pages.get(0)).toThrow(RangeError);
    expect(() => pages.push(Buffer.alloc(16))).toThrow(RangeError);
  });
});
