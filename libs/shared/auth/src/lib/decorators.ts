import {
  applyDecorators,
  BadRequestException,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  ALLOW_AUDITOR_WRITE_KEY,
  BEARER_AUTH_NAME,
  IS_PUBLIC_KEY,
  ROLES_KEY,
} from './auth.constants';
import { bureauScope } from './bureau-scope';
import { Role } from './principal';
import { httpRequest, requirePrincipal } from './request';

/** The route (or every route of the controller) needs no token: health checks, API docs. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(IS_PUBLIC_KEY, true);

/** Only these roles may call the route (403 otherwise). On a method it overrides the controller's. */
export const Roles = (
  ...roles: [Role, ...Role[]]
): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * Auditors are read-only (non-GET/HEAD → 403); this lets them call a writing route anyway,
 * e.g. starting a replay.
 */
export const AllowAuditorWrite = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOW_AUDITOR_WRITE_KEY, true);

/** The verified caller: `@CurrentPrincipal() me: Principal`. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    requirePrincipal(httpRequest(context)),
);

/**
 * The bureau scope for this request, from `?bureau=` (or the query parameter named in the
 * argument) and the caller's role — see `bureauScope()`: `@BureauScope() scope: BureauScopeValue`.
 * Throws 403 when an officer/bureau user asks for another bureau, 400 for a malformed code.
 */
export const BureauScope = createParamDecorator(
  (queryParam: string | undefined, context: ExecutionContext) => {
    const request = httpRequest(context);
    const principal = requirePrincipal(request);
    const param = queryParam ?? 'bureau';
    const requested = request.query?.[param];
    if (requested !== undefined && typeof requested !== 'string') {
      throw new BadRequestException(
        `Query parameter '${param}' must be given once, as a 6-digit bureau code`,
      );
    }
    return bureauScope(principal, requested);
  },
);

/**
 * OpenAPI: the route/controller needs a bearer token and may answer 401/403.
 * Pair with `addBearerAuth(new DocumentBuilder())` (or `.addBearerAuth()`) in main.ts.
 */
export const ApiAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(BEARER_AUTH_NAME),
    ApiUnauthorizedResponse({
      description: 'Missing, invalid or expired bearer token',
    }),
    ApiForbiddenResponse({
      description: 'Role not allowed, auditor write, or bureau outside scope',
    }),
  );
