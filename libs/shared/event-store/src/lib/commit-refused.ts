/**
 * The database refused one commit on its own, as it stood (e.g. PostgreSQL under FerretDB refuses
 * a NUL character in a string): a data error of that command alone, never a reason to fail the
 * commits written with it. HTTP answers it with 422.
 */
export class CommitRefused extends Error {
  override readonly name = 'CommitRefused';
  constructor(
    readonly streamId: string,
    override readonly cause: unknown,
  ) {
    super(`the store refused the commit to ${streamId}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The server answered (a MongoServerError with a code), as opposed to a lost connection or a timeout. */
export function isServerRefusal(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const err = e as { name?: unknown; code?: unknown; errorLabelSet?: Set<string> };
  if (typeof err.code !== 'number') return false;
  if (err.errorLabelSet instanceof Set && (err.errorLabelSet.has('RetryableWriteError') || err.errorLabelSet.has('ResetPool'))) return false;
  return err.name === 'MongoServerError' || err.name === 'MongoBulkWriteError' || err.name === 'WriteError';
}
