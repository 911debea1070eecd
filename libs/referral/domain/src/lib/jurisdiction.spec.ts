import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { DOMAIN_ERROR_KINDS, domainErrorKind, RULES } from './errors';
import { routeClue } from './jurisdiction';

const QINGPU = '310118';
const WUJIANG = '320509';
const JIASHAN = '330421';

describe('routeClue', () => {
  it('explicit target > registration authority > place', () => {
    const creditCode = withCreditCodeCheckChar('91320509MA1N00001'); // registered in Wujiang
    const place = { placeDivisionCode: JIASHAN };
    expect(routeClue({ discoveringBureau: QINGPU, suggestedTarget: '330400', creditCode, ...place })).toEqual({
      ok: true,
      value: { outcome: 'refer', target: '330400', basis: 'explicit', competentDivision: '330400' },
    });
    expect(routeClue({ discoveringBureau: QINGPU, creditCode, ...place })).toEqual({
      ok: true,
      value: { outcome: 'refer', target: WUJIANG, basis: 'registration-authority', competentDivision: WUJIANG },
    });
    expect(routeClue({ discoveringBureau: QINGPU, ...place })).toEqual({
      ok: true,
      value: { outcome: 'refer', target: JIASHAN, basis: 'place', competentDivision: JIASHAN },
    });
  });

  it('resolves a division to the most specific registered bureau', () => {
    // 320506 (Wuzhong district) has no bureau of its own in the registry → Suzhou
    expect(routeClue({ discoveringBureau: QINGPU, placeDivisionCode: '320506' })).toMatchObject({
      value: { outcome: 'refer', target: '320500', competentDivision: '320506' },
    });
  });

  it("is 'local' when the competent bureau is within the submitter's own jurisdiction", () => {
    expect(routeClue({ discoveringBureau: QINGPU, placeDivisionCode: QINGPU })).toEqual({
      ok: true,
      value: { outcome: 'local', bureau: QINGPU, competentBureau: QINGPU, basis: 'place', competentDivision: QINGPU },
    });
    expect(routeClue({ discoveringBureau: '320000', placeDivisionCode: WUJIANG })).toMatchObject({
      value: { outcome: 'local', bureau: '320000', competentBureau: WUJIANG },
    });
    expect(routeClue({ discoveringBureau: QINGPU, suggestedTarget: QINGPU, placeDivisionCode: JIASHAN })).toMatchObject(
      {
        value: { outcome: 'local', basis: 'explicit' },
      },
    );
  });

  it('refuses what it cannot route', () => {
    expect(routeClue({ discoveringBureau: '110105', placeDivisionCode: JIASHAN })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_BUREAU' },
    });
    expect(routeClue({ discoveringBureau: QINGPU, creditCode: 'nope', placeDivisionCode: JIASHAN })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDIT_CODE' },
    });
    expect(routeClue({ discoveringBureau: QINGPU, placeDivisionCode: '440300' })).toMatchObject({
      ok: false,
      error: { code: 'NO_COMPETENT_BUREAU', rule: RULES.TRANSFER_TO_COMPETENT },
    });
  });
});

describe('domain errors', () => {
  it('every code has an HTTP-mappable kind', () => {
    const kinds = new Set(['invalid', 'rule', 'conflict', 'forbidden', 'not-found']);
    for (const kind of Object.values(DOMAIN_ERROR_KINDS)) expect(kinds.has(kind)).toBe(true);
    expect(domainErrorKind('RETRANSFER_FORBIDDEN')).toBe('rule');
    expect(domainErrorKind('REFERRAL_ALREADY_ACCEPTED')).toBe('conflict');
    expect(domainErrorKind('NOT_DESIGNATING_AUTHORITY')).toBe('forbidden');
  });
});
