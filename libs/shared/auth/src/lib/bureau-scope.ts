import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { BureauCodeSchema, CROSS_BUREAU_ROLES, Principal } from './principal';

declare const scopedBureauBrand: unique symbol;

/**
 * A bureau code that has been through the scoping rule. Only {@link bureauScope} (for callers)
 * and {@link systemScope} (for trusted internal code) produce one, so a raw `?bureau=` string can
 * never be passed to a repository by mistake.
 */
export type ScopedBureau = string & { readonly [scopedBureauBrand]: true };

/**
 * The bureau filter a query must apply: a bureau code, or `undefined` meaning "all bureaus"
 * (only ever returned for roles allowed to see every bureau, or by `systemScope()`).
 */
export type BureauScopeValue = ScopedBureau | undefined;

/**
 * A repository query carrying its bureau scope as a required field: `find(q: Scoped<{ status?: S }>)`.
 * The key must be present, so the scope cannot be forgotten; its value comes from the caller's
 * principal (`@BureauScope()` / `bureauScope()`) or, in trusted internal code, from `systemScope()`.
 */
export type Scoped<T extends object = object> = T & {
  readonly scope: BureauScopeValue;
};

/**
 * The scoping rule. Officers and bureau users see their own bureau only: asking for another
 * bureau is a 403. Auditors and admins see any bureau: the requested one, or all (`undefined`).
 * A requested code that is not 6 digits is a 400.
 */
export function bureauScope(
  principal: Principal,
  requested?: string,
): BureauScopeValue {
  const wanted =
    requested === undefined || requested === ''
      ? undefined
      : validBureau(requested);
  if (CROSS_BUREAU_ROLES.includes(principal.role)) {
    return wanted as BureauScopeValue;
  }
  if (wanted !== undefined && wanted !== principal.bureau) {
    throw new ForbiddenException(
      `Bureau scope: role '${principal.role}' may only access its own bureau ${principal.bureau}, not ${wanted}`,
    );
  }
  return principal.bureau as ScopedBureau;
}

/**
 * Scope for trusted internal code with no caller (Kafka consumers, projections, jobs, CLIs).
 * `systemScope()` = all bureaus. Never feed it request input: use `bureauScope()` there.
 */
export function systemScope(bureau?: string): BureauScopeValue {
  return (
    bureau === undefined ? undefined : validBureau(bureau)
  ) as BureauScopeValue;
}

/** True when a record belonging to any of `bureaus` is visible under `scope`. */
export function inScope(
  scope: BureauScopeValue,
  ...bureaus: readonly (string | null | undefined)[]
): boolean {
  return scope === undefined || bureaus.some((b) => b === scope);
}

/**
 * For reads and writes by id: throws 403 when none of the record's bureaus is in scope.
 * (Prefer putting the scope in the query itself; use this after loading by `_id`.)
 */
export function assertInScope(
  scope: BureauScopeValue,
  ...bureaus: readonly (string | null | undefined)[]
): void {
  if (!inScope(scope, ...bureaus)) {
    throw new ForbiddenException(
      `Bureau scope: this record belongs to ${bureaus.filter(Boolean).join(', ') || 'no bureau'}, outside bureau ${scope}`,
    );
  }
}

/**
 * A MongoDB filter fragment for the scope. With one field `{ bureau: s }`, with several (e.g. a
 * referral visible to sender and receiver) `{ $or: [{ fromBureau: s }, { toBureau: s }] }`,
 * and `{}` when the scope is all bureaus.
 */
export function scopeFilter(
  scope: BureauScopeValue,
  ...fields: [string, ...string[]]
): Record<string, unknown> {
  if (scope === undefined) return {};
  if (fields.length === 1) return { [fields[0]]: scope };
  return { $or: fields.map((field) => ({ [field]: scope })) };
}

function validBureau(code: string): string {
  if (!BureauCodeSchema.safeParse(code).success) {
    throw new BadRequestException(
      `Invalid bureau '${code}': must be a 6-digit administrative division code`,
    );
  }
  return code;
}
