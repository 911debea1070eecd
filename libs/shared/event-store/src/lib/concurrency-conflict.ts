/**
 * Another writer appended to the stream first; reload and decide again, or tell the caller (409
 * with `currentVersion`, the version the caller's command was last judged against).
 */
export class ConcurrencyConflict extends Error {
  override readonly name = 'ConcurrencyConflict';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    /** The stream's version when the writer gave up, when known. */
    readonly currentVersion?: number,
  ) {
    super(`stream ${streamId} moved past version ${expectedVersion}: another command was accepted first`);
  }
}

export function isDuplicateKeyError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { code?: unknown; err?: { code?: unknown } };
  return err.code === 11000 || err.err?.code === 11000;
}
