import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { describeValidator } from '@yrd/platform';
import { bureauRegistry, parseCreditCode, parsePersonId } from '@yrd/bureaus';
import { chinaDateOf, compareDates, EARLIEST_CASE_DATE, isIsoDate } from '@yrd/calendar';

/**
 * Field checks for intake DTOs. Messages start with the property name, so the platform's
 * validation pipe rewrites them to the full path: `subject.creditCode is not a valid …: check
 * character is 'A', expected 'B'`.
 */
type Check = (value: unknown, args: ValidationArguments) => string | null;

function fieldCheck(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const failures = new WeakMap<object, string>();
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const failure = check(value, args);
          if (failure === null) return true;
          failures.set(args.object, failure);
          return false;
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} ${failures.get(args.object) ?? 'is invalid'}`;
        },
      },
    });
  };
}

/** Why a credit code is invalid, or null when it is valid (GB 32100-2015, with its check character). */
export function creditCodeProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a unified social credit code (18 characters)';
  const parsed = parseCreditCode(value);
  return parsed.ok ? null : `is not a valid unified social credit code: ${parsed.reason}`;
}

/** Why a resident id is invalid, or null (GB 11643-1999, ISO 7064 MOD 11-2 check character). */
export function personIdProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a resident id number (18 characters)';
  const parsed = parsePersonId(value);
  return parsed.ok ? null : `is not a valid resident id: ${parsed.reason}`;
}

const absent = (v: unknown): boolean => v === undefined || v === null;

/**
 * A valid credit code when given. An absent value passes, so the property can also carry
 * {@link ExactlyOneOf} (class-validator's `@IsOptional` would skip every check of the property).
 */
export const IsCreditCode = (options?: ValidationOptions): PropertyDecorator =>
  fieldCheck('isCreditCode', (v) => (absent(v) ? null : creditCodeProblem(v)), options);

/** A valid resident id when given (absent passes, as for {@link IsCreditCode}). */
export const IsPersonId = (options?: ValidationOptions): PropertyDecorator =>
  fieldCheck('isPersonId', (v) => (absent(v) ? null : personIdProblem(v)), options);

/**
 * Exactly one of the named properties is given (an organisation has a credit code, a person a
 * resident id). Put it on one of them, without `@IsOptional`: the message names that property.
 */
export const ExactlyOneOf = (properties: readonly string[], options?: ValidationOptions): PropertyDecorator =>
  fieldCheck(
    'exactlyOneOf',
    (_v, args) => {
      const obj = args.object as Record<string, unknown>;
      const given = properties.filter((p) => !absent(obj[p]));
      if (given.length === 1) return null;
      return given.length === 0
        ? `or one of ${properties.filter((p) => p !== args.property).join(', ')} is required`
        : `must not be given together with ${given.filter((p) => p !== args.property).join(', ')} (exactly one of ${properties.join(', ')})`;
    },
    options,
  );

/** A bureau in the registry (six-digit division code of a market-supervision bureau). */
export const IsRegisteredBureau = (options?: ValidationOptions): PropertyDecorator =>
  fieldCheck(
    'isRegisteredBureau',
    (v) =>
      typeof v === 'string' && /^\d{6}$/.test(v)
        ? bureauRegistry.findBureau(v)
          ? null
          : `is not a registered bureau (${v})`
        : 'must be a six-digit division code of a registered bureau',
    options,
  );

/** A six-digit division code inside a registered bureau's area (so some bureau is competent). */
export const IsWithinRegisteredArea = (options?: ValidationOptions): PropertyDecorator =>
  fieldCheck(
    'isWithinRegisteredArea',
    (v) =>
      typeof v === 'string' && /^\d{6}$/.test(v)
        ? bureauRegistry.competentBureauFor(v)
          ? null
          : `is not within any registered bureau's area (${v})`
        : 'must be a six-digit division code',
    options,
  );

/** A calendar date `YYYY-MM-DD` not after today in China (UTC+8) nor before 1949-10-01; `now` is injectable for tests. */
export const IsDateNotInFuture = (options?: ValidationOptions & { now?: () => Date }): PropertyDecorator =>
  fieldCheck(
    'isDateNotInFuture',
    (v) => {
      if (!isIsoDate(v)) return 'must be a date YYYY-MM-DD';
      const today = chinaDateOf((options?.now ?? (() => new Date()))());
      if (compareDates(v, EARLIEST_CASE_DATE) < 0) return `must not be before ${EARLIEST_CASE_DATE}`;
      return compareDates(v, today) > 0 ? `must not be in the future (today is ${today} in China)` : null;
    },
    options,
  );

// What the published OpenAPI says of these checks: the shape as a pattern; the check character,
// registry membership and "not in the future" cannot be said in a schema (422 when only they fail).
describeValidator('isCreditCode', { schema: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' }, semantic: true });
describeValidator('isPersonId', { schema: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' }, semantic: true });
describeValidator('exactlyOneOf', { semantic: true });
describeValidator('isRegisteredBureau', { schema: { type: 'string', pattern: '^[0-9]{6}$' }, semantic: true });
describeValidator('isWithinRegisteredArea', { schema: { type: 'string', pattern: '^[0-9]{6}$' }, semantic: true });
describeValidator('isDateNotInFuture', { schema: { type: 'string', format: 'date' }, semantic: true });
