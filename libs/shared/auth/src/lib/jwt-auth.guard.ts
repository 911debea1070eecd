import {
  CanActivate,
  ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, PRINCIPAL_REQUEST_KEY } from './auth.constants';
import { httpRequest } from './request';
import { AuthTokenService, InvalidTokenError } from './token';

/**
 * Global guard: every HTTP route needs `Authorization: Bearer <jwt>` unless it is `@Public()`.
 * Puts the verified principal on the request. Non-HTTP handlers (Kafka consumers in a hybrid
 * app) are not concerned: they carry no bearer token and are authenticated by the broker.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AuthTokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (isPublic(this.reflector, context)) return true;

    const request = httpRequest(context);
    const token = bearerToken(request.headers['authorization']);
    try {
      request[PRINCIPAL_REQUEST_KEY] = this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new UnauthorizedException(error.message);
      throw error;
    }
    return true;
  }
}

export function isPublic(
  reflector: Reflector,
  context: ExecutionContext,
): boolean {
  return (
    reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]) === true
  );
}

function bearerToken(header: string | string[] | undefined): string {
  if (header === undefined || header === '') {
    throw new UnauthorizedException(
      'Missing bearer token: send the header "Authorization: Bearer <token>"',
    );
  }
  const value = Array.isArray(header) ? (header[0] ?? '') : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match?.[1]) {
    throw new UnauthorizedException(
      'Malformed Authorization header: expected "Bearer <token>"',
    );
  }
  return match[1];
}
