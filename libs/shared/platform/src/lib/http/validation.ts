import {
  BadRequestException,
  HttpException,
  HttpStatus,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { isSemanticConstraint } from './openapi-from-validators';

/** One invalid field: its dotted path (`items.0.name`) and what is wrong with it. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** Flatten class-validator's tree into dotted paths; messages name the full path. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.values(error.constraints ?? {});
    if (constraints.length > 0) {
      out.push({
        field,
        messages: constraints.map((m) =>
          m.startsWith(`${error.property} `)
            ? `${field}${m.slice(error.property.length)}`
            : m,
        ),
      });
    }
    if (error.children && error.children.length > 0)
      out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** The names of every failed constraint in class-validator's tree (`isInt`, `isCreditCode`, …). */
function failedConstraints(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    ...Object.keys(e.constraints ?? {}),
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
  const semantic = failed.length > 0 && failed.every(isSemanticConstraint);
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
