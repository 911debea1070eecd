import {
  Injectable,
  SetMetadata,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

const READS_OWN_BODY = 'yrd:reads-own-body';

/**
 * Marks a handler that reads the request body itself (multipart, a raw upload): the JSON-only
 * rule does not apply to it and it must check what it reads.
 */
export const ReadsOwnBody = (): MethodDecorator & ClassDecorator =>
  SetMetadata(READS_OWN_BODY, true);

/** The media type the JSON parser reads (the same one: `type` is left at its default). */
function isJson(req: Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0] ?? '';
  return type.trim().toLowerCase() === 'application/json';
}

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

/**
 * 415 for a body that is not JSON on an endpoint that takes JSON: a `text/plain` or form body
 * would otherwise reach the handler as an empty object (every field optional → it runs).
 */
@Injectable()
export class JsonOnlyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      const ownBody = this.reflector.getAllAndOverride<boolean>(READS_OWN_BODY, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (!ownBody && hasBody(req) && !isJson(req))
        throw new UnsupportedMediaTypeException(
          `Content-Type must be application/json (got ${req.headers['content-type'] ?? 'none'})`,
        );
    }
    return next.handle();
  }
}
