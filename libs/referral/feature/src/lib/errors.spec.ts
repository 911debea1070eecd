import { HttpStatus } from '@nestjs/common';
import { DOMAIN_ERROR_KINDS, RULES, type DomainErrorCode } from '@yrd/referral-domain';
import { DomainRefusal, DomainRefusalFilter, refusalResponse, STATUS_BY_KIND } from './errors';

describe('refusal → HTTP', () => {
  it('maps every kind: invalid 422, not-found 404, forbidden 403, conflict 409, rule 409', () => {
    const status = (code: DomainErrorCode) => new DomainRefusal({ code, message: 'm' }).status;
    expect(status('UNKNOWN_BUREAU')).toBe(HttpStatus.UNPROCESSABLE_ENTITY);
    expect(status('NOT_FOUND')).toBe(HttpStatus.NOT_FOUND);
    expect(status('ACTOR_NOT_PERMITTED')).toBe(HttpStatus.FORBIDDEN);
    expect(status('NOT_DESIGNATING_AUTHORITY')).toBe(HttpStatus.FORBIDDEN);
    expect(status('REFERRAL_ALREADY_ACCEPTED')).toBe(HttpStatus.CONFLICT);
    expect(status('REFERRAL_NOT_ACCEPTED')).toBe(HttpStatus.CONFLICT);
    expect(status('EXTENSION_AFTER_DEADLINE')).toBe(HttpStatus.CONFLICT);
    for (const code of Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[]) {
      expect([403, 404, 409, 422]).toContain(status(code));
    }
    expect(Object.keys(STATUS_BY_KIND).sort()).toEqual(['conflict', 'forbidden', 'invalid', 'not-found', 'rule']);
  });

  it('RETRANSFER_FORBIDDEN is a 409 naming the rule 不得再自行移送', () => {
    const body = refusalResponse({ code: 'RETRANSFER_FORBIDDEN', message: 'no', rule: RULES.NO_RETRANSFER });
    expect(body).toEqual({ statusCode: 409, error: 'RETRANSFER_FORBIDDEN', message: 'no', rule: RULES.NO_RETRANSFER });
    expect(body.rule?.text).toContain('不得再自行移送');
  });

  it('leaves `rule` out when there is none, and the filter writes status and body', () => {
    expect(refusalResponse({ code: 'NOT_FOUND', message: 'no such referral' })).toEqual({
      statusCode: 404,
      error: 'NOT_FOUND',
      message: 'no such referral',
    });
    const json = jest.fn();
    const status = jest.fn(() => ({ json }));
    const host = { switchToHttp: () => ({ getResponse: () => ({ status }) }) };
    new DomainRefusalFilter().catch(new DomainRefusal({ code: 'REASON_REQUIRED', message: 'give a reason' }), host as never);
    expect(status).toHaveBeenCalledWith(409);
    expect(json).toHaveBeenCalledWith({ statusCode: 409, error: 'REASON_REQUIRED', message: 'give a reason' });
  });
});
