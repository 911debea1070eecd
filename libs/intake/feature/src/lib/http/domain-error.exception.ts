import { HttpException, HttpStatus } from '@nestjs/common';
import { domainErrorKind, type DomainError, type DomainErrorKind, type RuleRef } from '@yrd/referral-domain';

/** The error body every refused command gets: `{ statusCode, error: <code>, message, rule? }`. */
export interface DomainErrorBody {
  statusCode: number;
  error: string;
  message: string;
  rule?: RuleRef;
}

/**
 * HTTP status per domain error kind:
 * invalid → 422 (the request passed the validation pipe, so it matches the published schema; the
 * domain refuses its content), not-found → 404, forbidden → 403,
 * rule → 422 (a legal or business rule refuses it; the body names the rule), conflict → 409
 * (not possible in the clue's current state).
 */
export const STATUS_BY_KIND: Record<DomainErrorKind, HttpStatus> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  conflict: HttpStatus.CONFLICT,
};

export function httpStatusOf(error: Pick<DomainError, 'code'>): HttpStatus {
  return STATUS_BY_KIND[domainErrorKind(error.code)] ?? HttpStatus.UNPROCESSABLE_ENTITY;
}

export function domainErrorBody(error: DomainError): DomainErrorBody {
  const statusCode = httpStatusOf(error);
  return error.rule
    ? { statusCode, error: error.code, message: error.message, rule: error.rule }
    : { statusCode, error: error.code, message: error.message };
}

/** A refused domain command as an HTTP error (Nest renders the body as is). */
export class DomainErrorException extends HttpException {
  constructor(readonly domainError: DomainError) {
    super(domainErrorBody(domainError), httpStatusOf(domainError));
  }
}

/** 404 with the same body shape, e.g. for a clue outside the caller's bureau. */
export const clueNotFound = (clueId: string): DomainErrorException =>
  new DomainErrorException({ code: 'NOT_FOUND', message: `no clue ${clueId} in your bureau` });
