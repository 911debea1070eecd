import {
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';

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

/**
 * 400 body: `{ statusCode, error, message: string[], errors: FieldError[] }` — `message` keeps
 * Nest's usual shape (each entry names the field), `errors` is the machine-readable form.
 */
export function validationExceptionFactory(
  errors: ValidationError[],
): BadRequestException {
  const fieldErrors = flattenValidationErrors(errors);
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
