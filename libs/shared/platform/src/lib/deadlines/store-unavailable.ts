/**
 * Errors that mean a store or the broker did not serve in time (or is unreachable), as opposed to
 * a defect: a request that meets one is answered 503 with Retry-After, never 500.
 */
const UNAVAILABLE_ERROR_NAMES = new Set([
  // MongoDB driver
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoOperationTimeoutError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
  // kafkajs
  'KafkaJSRequestTimeoutError',
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSConnectionClosedError',
  // ours
  'DeadlineExceeded',
]);

/** MongoDB's "operation exceeded time limit" (maxTimeMS), code 50. */
const MONGO_MAX_TIME_EXPIRED = 50;

export function isStoreUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (UNAVAILABLE_ERROR_NAMES.has(err.name)) return true;
  if ((err as { code?: unknown }).code === MONGO_MAX_TIME_EXPIRED) return true;
  // ioredis rejects with a plain Error when `commandTimeout` passes.
  if (err.message === 'Command timed out') return true;
  // withTimeout() and similar deadline wrappers.
  return /\btimed out after \d+ ms\b/.test(err.message);
}

/** Thrown when a request outlives its deadline. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
  constructor(readonly deadlineMs: number) {
    super(`the request was not served within ${deadlineMs} ms`);
  }
}
