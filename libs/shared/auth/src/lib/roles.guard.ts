import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOW_AUDITOR_WRITE_KEY, ROLES_KEY } from './auth.constants';
import { isPublic } from './jwt-auth.guard';
import { Role } from './principal';
import { httpRequest, requirePrincipal } from './request';

/** HTTP methods that do not change anything; auditors may use only these (unless `@AllowAuditorWrite()`). */
export const READ_ONLY_METHODS: readonly string[] = ['GET', 'HEAD'];

/**
 * Global guard, runs after {@link JwtAuthGuard}: enforces `@Roles(...)` and the rule that
 * auditors are read-only.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (isPublic(this.reflector, context)) return true;

    const request = httpRequest(context);
    const { role } = requirePrincipal(request);
    const targets = [context.getHandler(), context.getClass()];

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(
      ROLES_KEY,
      targets,
    );
    if (allowed && !allowed.includes(role)) {
      throw new ForbiddenException(
        `Role '${role}' may not use this route (allowed: ${allowed.join(', ')})`,
      );
    }

    const method = request.method.toUpperCase();
    if (
      role === 'auditor' &&
      !READ_ONLY_METHODS.includes(method) &&
      this.reflector.getAllAndOverride<boolean | undefined>(
        ALLOW_AUDITOR_WRITE_KEY,
        targets,
      ) !== true
    ) {
      throw new ForbiddenException(
        `Auditors are read-only: ${method} is not allowed for role 'auditor'`,
      );
    }
    return true;
  }
}
