/** Metadata key of {@link IdempotentOptions} on a handler. */
export const IDEMPOTENT_OPTIONS = 'yrd:idempotent-options';

export interface IdempotentOptions {
  /**
   * For a body the handler streams itself (an upload), the request headers that, with its type
   * and length, tell one request from another (e.g. the evidence metadata header).
   */
  headers?: string[];
}
