import { HttpStatus } from '@nestjs/common';
import { DOMAIN_ERROR_KINDS, RULES, type DomainErrorCode } from '@yrd/referral-domain';
import { clueNotFound, DomainErrorException, httpStatusOf } from './domain-error.exception';

describe('domain error → HTTP', () => {
  it.each<[DomainErrorCode, HttpStatus]>([
    // The request matched the schema (the validation pipe passed it): the domain refuses its content.
    ['INVALID_CREDIT_CODE', 422],
    ['UNKNOWN_BUREAU', 422],
    ['NOT_FOUND', 404],
    ['ACTOR_NOT_PERMITTED', 403],
    ['EXTENSION_ALREADY_USED', 422],
    ['EXTENSION_AFTER_DEADLINE', 422],
    ['CLUE_ALREADY_DECIDED', 409],
    ['CLUE_REFERRED', 409],
  ])('%s → %d', (code, status) => {
    expect(httpStatusOf({ code })).toBe(status);
  });

  it('maps every known code', () => {
    for (const code of Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[]) {
      expect([400, 403, 404, 409, 422]).toContain(httpStatusOf({ code }));
    }
  });

  it('answers { statusCode, error: code, message, rule }', () => {
    const e = new DomainErrorException({ code: 'EXTENSION_ALREADY_USED', message: 'only once', rule: RULES.CLUE_CHECK_DEADLINE });
    expect(e.getStatus()).toBe(422);
    expect(e.getResponse()).toEqual({
      statusCode: 422,
      error: 'EXTENSION_ALREADY_USED',
      message: 'only once',
      rule: RULES.CLUE_CHECK_DEADLINE,
    });
    expect(clueNotFound('x').getResponse()).toEqual({ statusCode: 404, error: 'NOT_FOUND', message: 'no clue x in your bureau' });
  });
});
