import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage as pinoStorage } from 'nestjs-pino/storage';
import { v7 as uuidv7 } from 'uuid';

/** Request/response header that carries the correlation id. */
export const CORRELATION_HEADER = 'x-correlation-id';

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface CorrelationStore {
  correlationId: string;
}

const als = new AsyncLocalStorage<CorrelationStore>();

/**
 * The correlation id of the work in progress.
 *
 * HTTP requests get one from the platform middleware (the `x-correlation-id` header if valid,
 * else a new UUIDv7). Kafka consumers wrap each message handler in `CorrelationContext.run(id, fn)`
 * so that what they log and produce carries the id of the event they handle.
 */
export const CorrelationContext = {
  /** The id of the current request/message, or undefined outside one. */
  current(): string | undefined {
    return als.getStore()?.correlationId;
  },

  /** The current id, or a fresh UUIDv7 when there is none (e.g. a timer-triggered job). */
  currentOrNew(): string {
    return als.getStore()?.correlationId ?? uuidv7();
  },

  /**
   * Run `fn` with `correlationId` as the current id. Log lines written through nestjs-pino
   * (`Logger`/`PinoLogger`) inside `fn` carry `correlationId` too. An invalid id is replaced by a
   * new one (so a hostile header in a message cannot poison the logs).
   */
  run<T>(correlationId: string | undefined, fn: () => T): T {
    const id = CorrelationContext.isValid(correlationId)
      ? correlationId
      : uuidv7();
    const root = PinoLogger.root as PinoLogger['logger'] | undefined;
    if (root) {
      return als.run({ correlationId: id }, () =>
        pinoStorage.run(new Store(root.child({ correlationId: id })), fn),
      );
    }
    return als.run({ correlationId: id }, fn);
  },

  /** A new correlation id (UUIDv7). */
  newId(): string {
    return uuidv7();
  },

  /** ≤ 128 characters of `[A-Za-z0-9._:-]`. */
  isValid(value: unknown): value is string {
    return typeof value === 'string' && VALID_ID.test(value);
  },
};

const RESOLVED = Symbol('yrd.correlationId');
type RequestWithId = IncomingMessage & { id?: unknown; [RESOLVED]?: string };

/**
 * The correlation id of an HTTP request: the valid `x-correlation-id` header, else a new UUIDv7.
 * Idempotent per request (cached on it, also as `req.id` for pino-http) and echoes the id in
 * the response header. Used both by pino-http's `genReqId` and the ALS middleware, whichever
 * runs first.
 */
export function resolveCorrelationId(
  req: IncomingMessage,
  res?: ServerResponse,
): string {
  const r = req as RequestWithId;
  const cached = r[RESOLVED];
  if (cached) return cached;
  const header = req.headers[CORRELATION_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  const id = CorrelationContext.isValid(candidate) ? candidate : uuidv7();
  r[RESOLVED] = id;
  r.id = id;
  if (res && !res.headersSent) res.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** Express-style middleware body: resolve the id and run the rest of the request inside it. */
export function runWithRequestCorrelation(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  const id = resolveCorrelationId(req, res);
  als.run({ correlationId: id }, next);
}
