import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, throwError, timeout, type Observable } from 'rxjs';
import { PLATFORM_ENV } from '../config/platform-config';
import type { PlatformEnv } from '../config/env.schema';
import { DeadlineExceeded, isStoreUnavailable } from './store-unavailable';

/** Seconds a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Nothing waits forever: a request that is not answered within REQUEST_DEADLINE_MS, or that meets
 * a store or broker which did not serve in time, is answered 503 with `Retry-After` instead of
 * hanging or failing with 500. Streaming uploads (multipart) are bounded by their own limits.
 */
@Injectable()
export class RequestDeadlineInterceptor implements NestInterceptor {
  private readonly log = new Logger(RequestDeadlineInterceptor.name);
  private readonly deadlineMs: number;

  constructor(@Inject(PLATFORM_ENV) env: PlatformEnv) {
    this.deadlineMs = env.REQUEST_DEADLINE_MS;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const streaming = (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
    const handled = streaming
      ? next.handle()
      : next.handle().pipe(
          timeout({
            first: this.deadlineMs,
            with: () => throwError(() => new DeadlineExceeded(this.deadlineMs)),
          }),
        );
    return handled.pipe(
      catchError((err: unknown) => {
        if (!isStoreUnavailable(err)) return throwError(() => err);
        this.log.warn(`${req.method} ${req.originalUrl ?? req.url}: ${(err as Error).message} → 503`);
        if (!res.headersSent) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        return throwError(
          () =>
            new HttpException(
              {
                statusCode: HttpStatus.SERVICE_UNAVAILABLE,
                error: 'Service Unavailable',
                code: 'STORE_UNAVAILABLE',
                message: `not served in time (${(err as Error).name}); retry after ${RETRY_AFTER_SECONDS} s`,
              },
              HttpStatus.SERVICE_UNAVAILABLE,
            ),
        );
      }),
    );
  }
}
