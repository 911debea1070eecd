import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { StandardPublicationError } from '@yrd/discretion-domain';
import type { PublicationError } from '@yrd/exemption-domain';
import { domainErrorKind, DomainError, DomainErrorKind } from '@yrd/sanctions-domain';

/**
 * invalid → 422 (the request matched the published schema, the domain refuses its content: a check
 * character, an unknown bureau; schema violations are the validation pipe's 400), not-found → 404,
 * forbidden → 403, conflict and rule → 409.
 */
const STATUS_BY_KIND: Record<DomainErrorKind, HttpStatus> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.CONFLICT,
};

/** Publishing an exemption list or a discretion standard: an invalid file is 422 (the body is any JSON object per the contract), the rest conflict. */
const PUBLICATION_STATUS: Record<PublicationError['code'] | StandardPublicationError['code'], HttpStatus> = {
  INVALID_LIST: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_STANDARD: HttpStatus.UNPROCESSABLE_ENTITY,
  VERSION_EXISTS: HttpStatus.CONFLICT,
  VERSION_NOT_NEWER: HttpStatus.CONFLICT,
  RETROACTIVE: HttpStatus.CONFLICT,
  SCOPE_CHANGED: HttpStatus.CONFLICT,
};

/** A refusal carried out of a use case: nothing was appended; the filter answers with the code and reason. */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  constructor(
    readonly status: HttpStatus,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body['message']));
  }

  static of(error: DomainError): Refusal {
    const status = STATUS_BY_KIND[domainErrorKind(error.code)];
    return new Refusal(status, { statusCode: status, error: error.code, message: error.message, ...(error.rule ? { rule: error.rule } : {}) });
  }

  static ofPublication(error: PublicationError | StandardPublicationError): Refusal {
    const status = PUBLICATION_STATUS[error.code];
    return new Refusal(status, { statusCode: status, error: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) });
  }

  static forbidden(message: string): Refusal {
    return new Refusal(HttpStatus.FORBIDDEN, { statusCode: 403, error: 'ACTOR_NOT_PERMITTED', message });
  }

  /** Schema-valid data the domain refuses (exactly one of two optional fields, an unknown bureau). */
  static invalid(message: string): Refusal {
    return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, { statusCode: 422, error: 'INVALID_COMMAND', message });
  }

  /** Data the published schema already excludes (a malformed path parameter). */
  static badRequest(message: string): Refusal {
    return new Refusal(HttpStatus.BAD_REQUEST, { statusCode: 400, error: 'INVALID_COMMAND', message });
  }

  static notFound(message: string): Refusal {
    return new Refusal(HttpStatus.NOT_FOUND, { statusCode: 404, error: 'NOT_FOUND', message });
  }
}

@Catch(Refusal)
export class RefusalFilter implements ExceptionFilter<Refusal> {
  catch(exception: Refusal, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    res.status(exception.status).json(exception.body);
  }
}
