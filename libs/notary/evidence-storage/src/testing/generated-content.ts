import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * A stream of `size` pseudo-random bytes made on the fly (never held whole), which also reports
 * the SHA-256 of what it produced, so tests can check the store hashed the same bytes.
 */
export function generatedContent(size: number, chunkSize = 1024 * 1024): { stream: Readable; sha256: () => string } {
  const block = randomBytes(chunkSize);
  const hash = createHash('sha256');
  let sent = 0;
  let counter = 0;
  const stream = new Readable({
    read() {
      if (sent >= size) {
        this.push(null);
        return;
      }
      const n = Math.min(chunkSize, size - sent);
      const chunk = Buffer.from(block.subarray(0, n));
      chunk.writeUInt32BE(counter++ >>> 0, 0); // every chunk differs, so the content is not periodic
      hash.update(chunk);
      sent += n;
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

/** Peak RSS growth while `work` runs, sampled every 25 ms. */
export async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthBytes: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthBytes: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}
