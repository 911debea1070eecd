import type { Readable } from 'node:stream';

/** What a put learns in its single streaming pass. */
export interface StoredBlob {
  /** Content address: `sha256/<hex>`. */
  key: string;
  sha256: string;
  /** SM3 (GB/T 32905) digest, hex, when asked for. */
  sm3?: string;
  size: number;
  /** Media type recognised from the content's magic bytes, if any. */
  sniffedMediaType?: string;
  /** false when identical content was already stored (de-duplicated). */
  created: boolean;
}

export interface PutOptions {
  /** Also compute SM3 (the national-standard hash). */
  sm3?: boolean;
  /** Reject (and store nothing) when the content is longer than this many bytes. */
  maxBytes?: number;
  /** Reject (and store nothing) when the content's magic bytes contradict this media type. */
  declaredMediaType?: string;
}

/**
 * Content-addressed, de-duplicating evidence blob storage. Content is streamed, never held
 * whole in memory, and only becomes visible under its address once it is complete and accepted.
 */
export interface BlobStore {
  put(source: Readable, options?: PutOptions): Promise<StoredBlob>;
  /** A stream of the content; BlobNotFoundError when absent. */
  get(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** For tests and retention jobs: evidence is otherwise never deleted. */
  delete(sha256: string): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function blobKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new RangeError('not a lower-case hex SHA-256 digest');
  return `sha256/${sha256}`;
}
