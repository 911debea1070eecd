/** Why an upload was refused; each maps to a 4xx at the edge. */
export type BlobRejection = 'empty' | 'too-large' | 'media-type-mismatch';

/** The content was refused and nothing was stored. */
export class BlobRejectedError extends Error {
  constructor(
    readonly reason: BlobRejection,
    message: string,
  ) {
    super(message);
    this.name = 'BlobRejectedError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`no blob with SHA-256 ${sha256}`);
    this.name = 'BlobNotFoundError';
  }
}
