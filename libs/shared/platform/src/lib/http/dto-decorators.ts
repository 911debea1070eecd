import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { chinaDateOf, isIsoDate, type IsoDate } from '@yrd/calendar';

export interface NestedOptions {
  /** The property may be absent (then `@IsOptional`); otherwise it is required. */
  optional?: boolean;
  /** An array of such objects. */
  each?: boolean;
}

/**
 * A nested DTO, validated: class-validator's `@ValidateNested` alone lets an absent value through
 * (so `{}` reached handlers that then failed with a 500) and does not insist on an object. This
 * is `@IsDefined` (unless optional), `@IsObject`/`@IsArray`, `@ValidateNested` and `@Type` in one.
 */
export function Nested(
  type: () => new (...args: never[]) => unknown,
  opts: NestedOptions = {},
): PropertyDecorator {
  return applyDecorators(
    opts.optional ? IsOptional() : IsDefined(),
    ...(opts.each ? [IsArray(), IsObject({ each: true })] : [IsObject()]),
    ValidateNested({ each: !!opts.each }),
    Type(type),
  );
}

export interface CalendarDateBounds {
  /** Earliest accepted day (inclusive). */
  notBefore?: IsoDate;
  /** Refuse days after today in China (Asia/Shanghai): things that have already happened. */
  notInFuture?: boolean;
}

/**
 * A real calendar day 'YYYY-MM-DD' (2026-02-30 is refused, unlike a regular expression), within
 * optional bounds. The one date check for DTOs.
 */
export function IsCalendarDate(
  bounds: CalendarDateBounds = {},
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      constraints: [bounds],
      validator: {
        validate: (value: unknown) =>
          isIsoDate(value) &&
          (bounds.notBefore === undefined || value >= bounds.notBefore) &&
          (!bounds.notInFuture || value <= chinaDateOf(new Date())),
        defaultMessage: () => {
          const extra = [
            bounds.notBefore ? `not before ${bounds.notBefore}` : '',
            bounds.notInFuture ? 'not in the future' : '',
          ].filter(Boolean);
          return `$property must be a calendar date YYYY-MM-DD${extra.length ? ` (${extra.join(', ')})` : ''}`;
        },
      },
    },
    options,
  );
}
