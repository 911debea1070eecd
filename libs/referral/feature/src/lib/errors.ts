import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { domainErrorKind, DomainError, DomainErrorKind, RuleRef } from '@yrd/referral-domain';

/**
 * HTTP status per kind of refusal:
 * - invalid → 422 (the request matches the published schema but the domain refuses its content,
 *   e.g. unknown bureau; the validation pipe answers 400 for schema violations);
 * - not-found → 404; forbidden → 403 (not this actor's decision);
 * - conflict → 409 (not possible in the current state: accepting twice, feedback before acceptance);
 * - rule → 409 as well: the request conflicts with a legal rule, which the body names
 *   (`rule`), e.g. RETRANSFER_FORBIDDEN (不得再自行移送) or EXTENSION_AFTER_DEADLINE.
 */
export const STATUS_BY_KIND: Record<DomainErrorKind, HttpStatus> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.CONFLICT,
};

export interface RefusalBody {
  statusCode: number;
  /** The domain error code, e.g. 'RETRANSFER_FORBIDDEN'. */
  error: string;
  message: string;
  rule?: RuleRef;
}

/** A decider's refusal carried out of a use case; the filter turns it into the HTTP answer. */
export class DomainRefusal extends Error {
  override readonly name = 'DomainRefusal';
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
  }

  get status(): HttpStatus {
    return STATUS_BY_KIND[domainErrorKind(this.error.code)];
  }

  body(): RefusalBody {
    const { code, message, rule } = this.error;
    return rule ? { statusCode: this.status, error: code, message, rule } : { statusCode: this.status, error: code, message };
  }
}

/** Maps a refusal to `{ statusCode, error: code, message, rule? }`. */
export function refusalResponse(error: DomainError): RefusalBody {
  return new DomainRefusal(error).body();
}

@Catch(DomainRefusal)
export class DomainRefusalFilter implements ExceptionFilter<DomainRefusal> {
  catch(exception: DomainRefusal, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    res.status(exception.status).json(exception.body());
  }
}
