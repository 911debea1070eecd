import { ForbiddenException, UnprocessableEntityException } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import type { BureauDirectory } from '@yrd/notification-domain';

/**
 * Whose endpoint or mailbox a request manages: a bureau user manages its own bureau only; an
 * admin names any registered bureau or authority (default: its own). Unknown → 422 (any
 * division-code-shaped string matches the schema; the directory refuses it).
 */
export function owningBureau(principal: Principal, requested: string | undefined, directory: BureauDirectory): string {
  if (principal.role !== 'admin') {
    if (requested !== undefined && requested !== principal.bureau) {
      throw new ForbiddenException(`role '${principal.role}' may only manage its own bureau ${principal.bureau}, not ${requested}`);
    }
    return principal.bureau;
  }
  const bureau = requested ?? principal.bureau;
  if (!directory.isKnown(bureau)) throw new UnprocessableEntityException(`bureau ${bureau} is not a registered bureau or authority`);
  return bureau;
}

/** Which bureau a listing covers: own for bureau users, any (or all: undefined) for admins. */
export function listingBureau(principal: Principal, requested: string | undefined, directory: BureauDirectory): string | undefined {
  if (principal.role === 'admin') {
    if (requested !== undefined && !directory.isKnown(requested)) throw new UnprocessableEntityException(`bureau ${requested} is not a registered bureau or authority`);
    return requested;
  }
  return owningBureau(principal, requested, directory);
}

/** 404 rather than 403 for another bureau's record: its existence is not the caller's business. */
export function canManage(principal: Principal, bureau: string): boolean {
  return principal.role === 'admin' || principal.bureau === bureau;
}
