import { Hash, createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { BlobRejectedError } from './blob-errors';
import { SNIFF_BYTES } from './media-type';

export interface Inspection {
  sha256: string;
  sm3?: string;
  size: number;
  /** The first SNIFF_BYTES bytes, for media-type sniffing. */
  head: Buffer;
}

/**
 * A pass-through stream that hashes (SHA-256, optionally SM3), counts and keeps the first few
 * bytes of what flows through it, so storing and hashing are one pass over the data. It fails
 * the stream as soon as the size limit is passed, so an oversized upload stops early.
 */
export class BlobInspector extends Transform {
  private readonly sha256 = createHash('sha256');
  private readonly sm3?: Hash;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  // Not `size`/`length`: @aws-sdk/lib-storage reads those off a Body stream as its total length.
  private bytesSeen = 0;
  private result?: Inspection;

  constructor(private readonly options: { sm3?: boolean; maxBytes?: number } = {}) {
    super();
    if (options.sm3) this.sm3 = createHash('sm3');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesSeen += chunk.length;
    if (this.options.maxBytes !== undefined && this.bytesSeen > this.options.maxBytes) {
      done(new BlobRejectedError('too-large', `content is larger than the limit of ${this.options.maxBytes} bytes`));
      return;
    }
    this.sha256.update(chunk);
    this.sm3?.update(chunk);
    if (this.headLength < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.headLength);
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.result = {
      sha256: this.sha256.digest('hex'),
      ...(this.sm3 ? { sm3: this.sm3.digest('hex') } : {}),
      size: this.bytesSeen,
      head: Buffer.concat(this.headChunks),
    };
    done();
  }

  /** Available once the stream has finished. */
  inspection(): Inspection {
    if (!this.result) throw new Error('inspection is only available after the stream ends');
    return this.result;
  }
}
