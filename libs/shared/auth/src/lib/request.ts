import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { PRINCIPAL_REQUEST_KEY } from './auth.constants';
import { Principal } from './principal';

/** The parts of an HTTP request (Express or Fastify) the auth code reads. */
export interface AuthRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, unknown>;
  [PRINCIPAL_REQUEST_KEY]?: Principal;
}

export function httpRequest(context: ExecutionContext): AuthRequest {
  return context.switchToHttp().getRequest<AuthRequest>();
}

/** The principal the guard attached to this request; 401 when there is none (e.g. on a @Public route). */
export function requirePrincipal(request: AuthRequest): Principal {
  const principal = request[PRINCIPAL_REQUEST_KEY];
  if (!principal) {
    throw new UnauthorizedException('Authentication required');
  }
  return principal;
}
