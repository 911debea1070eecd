import {
  BadRequestException,
  HttpException,
  HttpStatus,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { isSemanticFailure } from './openapi-from-validators';

/** One invalid field: its dotted path (`items.0.name`) and what is wrong with it. */
export interface FieldError {
  field: string;
  messages: string[];
}

const MESSAGE_PREFIXES = [
  '',
  'each value in ',
  'nested property ',
  'each value in nested property ',
];

/** `count must…`, `each value in items must…`: name the property by its full path. */
function withPath(message: string, property: string, field: string): string {
  for (const prefix of MESSAGE_PREFIXES)
    if (message.startsWith(`${prefix}${property} `))
      return `${prefix}${field}${message.slice(prefix.length + property.length)}`;
  return message;
}

/** Flatten class-validator's tree into dotted paths; messages name the full path. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
  parentProperty = '',
): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.values(error.constraints ?? {});
    if (constraints.length > 0) {
      out.push({
        field,
        // An array element's error (`items.0`) words its message after the array (`items`).
        messages: constraints.map((m) =>
          /^\d+$/.test(error.property) && parentProperty
            ? withPath(m, parentProperty, parent)
            : withPath(m, error.property, field),
        ),
      });
    }
    if (error.children && error.children.length > 0)
      out.push(
        ...flattenValidationErrors(error.children, field, error.property),
      );
  }
  return out;
}

/** Every failed constraint in class-validator's tree (`isInt`, `isCreditCode`, …) with the value it saw. */
function failedConstraints(errors: ValidationError[]): Array<{ name: string; value: unknown }> {
  return errors.flatMap((e) => [
    ...Object.keys(e.constraints ?? {}).map((name) => ({ name, value: e.value })),
    ...failedConstraints(e.children ?? []),
  ]);
}

/**
 * 400 body: `{ statusCode, error, message: string[], errors: FieldError[] }` — `message` keeps
 * Nest's usual shape (each entry names the field), `errors` is the machine-readable form.
 * When the request matches the published schema and fails only checks the schema cannot
 * express (a check character, a date in the future), the same body comes with 422.
 */
export function validationExceptionFactory(
  errors: ValidationError[],
): HttpException {
  const fieldErrors = flattenValidationErrors(errors);
  const failed = failedConstraints(errors);
  const semantic = failed.length > 0 && failed.every((f) => isSemanticFailure(f.name, f.value));
  if (semantic) {
    return new HttpException(
      {
        statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
        error: 'Unprocessable Entity',
        message: fieldErrors.flatMap((e) => e.messages),
        errors: fieldErrors,
      },
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fieldErrors.flatMap((e) => e.messages),
    errors: fieldErrors,
  });
}

/** The global pipe: strip nothing silently — unknown properties are a 400, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationExceptionFactory,
  });
}
