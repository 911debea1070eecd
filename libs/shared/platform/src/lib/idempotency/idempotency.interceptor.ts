import {
  BadRequestException,
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PRINCIPAL_REQUEST_KEY, type Principal } from '@yrd/auth';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotencyRecordId, parseIdempotencyKey, requestFingerprint, sha256 } from './idempotency-key';
import { IdempotencyStore, type StoredAnswer } from './idempotency.store';
import { IDEMPOTENT_OPTIONS, type IdempotentOptions } from './idempotent-options';

/** How long a duplicate waits for the first request with its key before it is told 409. */
const WAIT_FOR_FIRST_MS = 5_000;

interface UploadedFile {
  fieldname: string;
  buffer?: Buffer;
}

/**
 * `Idempotency-Key` on a creating POST: the first request with a key runs; a retry with the same
 * key and body (same principal, method, path) gets the first answer again, marked
 * `Idempotent-Replayed: true`; the same key with another body is 422; a duplicate arriving while
 * the first still runs waits for its answer, and is 409 if it does not come in time. Only a
 * success is remembered: after a refusal or a failure the key is released so a retry runs again.
 * Without the header nothing changes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { [PRINCIPAL_REQUEST_KEY]?: Principal; file?: UploadedFile; files?: UploadedFile[] | Record<string, UploadedFile[]> }>();
    const raw = req.header(IDEMPOTENCY_KEY_HEADER);
    if (raw === undefined) return next.handle();
    const key = parseIdempotencyKey(raw);
    if (!key) throw new BadRequestException({ statusCode: 400, code: 'INVALID_IDEMPOTENCY_KEY', message: `${IDEMPOTENCY_KEY_HEADER} must be 1-255 printable ASCII characters` });
    const res = context.switchToHttp().getResponse<Response>();
    const principal = req[PRINCIPAL_REQUEST_KEY];
    const id = idempotencyRecordId(principal ? `${principal.bureau}/${principal.sub}` : 'anonymous', req.method, req.baseUrl + req.path, key);
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_OPTIONS, context.getHandler()) ?? {};
    return from(this.run(id, requestFingerprint(bodyOf(req, options), filesOf(req)), res, next));
  }

  private async run(id: string, fingerprint: string, res: Response, next: CallHandler): Promise<unknown> {
    const claim = await this.store.claim(id, fingerprint);
    if (claim.kind === 'taken') {
      if (claim.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED', message: `this ${IDEMPOTENCY_KEY_HEADER} was used for a different request` });
      }
      const earlier = await this.store.awaitAnswer(id, WAIT_FOR_FIRST_MS);
      if (!earlier) throw new ConflictException({ statusCode: 409, code: 'REQUEST_IN_PROGRESS', message: `a request with this ${IDEMPOTENCY_KEY_HEADER} is still being processed; retry later` });
      return replay(earlier, res);
    }
    const settle = this.store.startRunning(id);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const answer: StoredAnswer = { status: res.statusCode, body, ...locationOf(res) };
      await this.store.answer(id, answer);
      settle(answer);
      return body;
    } catch (e) {
      // A refused or failed request changed nothing: duplicates waiting for it get its answer, and
      // the key is released, so a retry with it runs again (e.g. an evidence upload refused while
      // the notary has not yet heard of its clue succeeds once it has).
      const status = e instanceof HttpException ? e.getStatus() : 500;
      settle(status < 500 && e instanceof HttpException ? { status, body: e.getResponse() } : undefined);
      await this.store.release(id).catch(() => undefined);
      throw e;
    }
  }
}

function replay(answer: StoredAnswer, res: Response): unknown {
  res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
  if (answer.status >= 400) throw new HttpException(answer.body as Record<string, unknown>, answer.status);
  res.status(answer.status);
  if (answer.location) res.setHeader('Location', answer.location);
  return answer.body;
}

function locationOf(res: Response): { location?: string } {
  const location = res.getHeader('Location');
  return typeof location === 'string' ? { location } : {};
}

/**
 * The parsed body; for a body the handler streams itself (uploads), what identifies it before it
 * is read: its type, length and the headers the route names.
 */
function bodyOf(req: Request, options: IdempotentOptions): unknown {
  // Express 5 leaves `req.body` undefined unless a body parser read the body.
  if (req.body !== undefined) return req.body;
  const headers = Object.fromEntries((options.headers ?? []).map((h) => [h.toLowerCase(), req.header(h) ?? null]));
  return { streamed: { type: req.header('content-type')?.split(';')[0]?.trim() ?? null, length: req.header('content-length') ?? null, headers } };
}

function filesOf(req: { file?: UploadedFile; files?: UploadedFile[] | Record<string, UploadedFile[]> }): { field: string; sha256: string }[] {
  const all = [...(req.file ? [req.file] : []), ...(Array.isArray(req.files) ? req.files : Object.values(req.files ?? {}).flat())];
  return all.map((f) => ({ field: f.fieldname, sha256: f.buffer ? sha256(f.buffer) : '' }));
}
