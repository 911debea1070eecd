import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENT_OPTIONS, type IdempotentOptions } from './idempotent-options';

/**
 * A creating POST that clients may retry safely: send `Idempotency-Key` (a fresh random value per
 * form submission, the same on every retry of it). Put it after any file interceptor, so an
 * upload's files count in what "the same request" means.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        `A unique value per intended request (e.g. a UUID), the same on every retry of it (IETF httpapi Idempotency-Key). ` +
        `A retry with the same key and body gets the first answer again, with \`${IDEMPOTENT_REPLAYED_HEADER}: true\`. Remembered for 24 hours.`,
      // What parseIdempotencyKey accepts: 1-255 printable ASCII characters (optionally quoted).
      schema: { type: 'string', pattern: '^[!-~]{1,255}$' },
    }),
    ApiConflictResponse({ description: 'A request with the same Idempotency-Key is still being processed (`REQUEST_IN_PROGRESS`), or the record changed concurrently (`CONCURRENT_MODIFICATION`, with `currentVersion`)' }),
    ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was already used with a different request body (`IDEMPOTENCY_KEY_REUSED`)' }),
  );
}
