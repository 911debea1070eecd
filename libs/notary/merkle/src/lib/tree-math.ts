/**
 * Integer helpers for tree sizes. Sizes may exceed 2^31, so these use arithmetic, never the
 * 32-bit bitwise operators.
 */

export function assertSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative safe integer`);
}

/** k = the largest power of two strictly smaller than n (n ≥ 2), the RFC 6962 split point. */
export function splitPoint(n: number): number {
  if (n < 2) throw new RangeError('splitPoint needs n >= 2');
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** log2 of a power of two. */
export function log2(n: number): number {
  let level = 0;
  while (n > 1) {
    n /= 2;
    level++;
  }
  return level;
}

export const isOdd = (n: number): boolean => n % 2 === 1;
export const half = (n: number): number => Math.floor(n / 2);
