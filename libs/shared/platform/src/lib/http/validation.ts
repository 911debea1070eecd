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
