import * as Sanction from './sanction';
import { SanctionsIndex } from './sanctions-index';
import { at, CC_QINGPU, decisionContent, PERSON_A, PERSON_B } from './testing/fixtures';

const t0 = at('2026-04-01');
const given = (events: Sanction.SanctionEvent[]) => events.reduce(Sanction.evolve, Sanction.initialState);
const value = <T>(r: { ok: boolean; value?: T; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const judgment = (overrides: Partial<Sanction.CourtJudgment> = {}): Sanction.CourtJudgment => ({
  judgmentNumber: '（2026）沪0118刑初123号',
  court: '上海市青浦区人民法院',
  region: '310000',
  person: { name: '张某', personId: PERSON_A },
  charge: '生产、销售有毒、有害食品罪',
  foodSafetyCrime: true,
  sentence: 'fixed-term-imprisonment',
  effectiveOn: '2026-04-01',
  ...overrides,
});

describe('Sanctions (食品行业禁入, 严重违法失信名单)', () => {
  it('a food licence revocation bans the operator and its responsible persons for five years from the decision', () => {
    const terms = Sanction.sanctionsFromDecision(
      'd9',
      decisionContent({
        category: 'food-safety',
        decisionDate: '2026-03-10',
        penalties: [{ kind: 'licence-revocation', licence: { type: 'food-business', number: 'JY13101180000001' } }],
        responsiblePersons: [{ name: '李某', personId: PERSON_B, role: 'legal-representative' }],
      }),
      '310000',
    );
    expect(terms.map((t) => [t.kind, t.subject.creditCode ?? t.subject.personId, t.start, t.until, t.lifelong])).toEqual([
      ['food-industry-ban', CC_QINGPU, '2026-03-10', '2031-03-09', false],
      ['food-industry-ban', PERSON_B, '2026-03-10', '2031-03-09', false],
    ]);
    expect(terms[0].basis.article).toBe('第一百三十五条第一款');
    expect(terms[0].source).toEqual({ type: 'penalty-decision', ref: 'd9', documentNumber: '沪市监青处罚〔2026〕12号', region: '310000', issuer: '310118' });
  });

  it('a licence revocation outside food and a plain fine carry no ban; a listing decision lists the subject for three years', () => {
    expect(Sanction.sanctionsFromDecision('d1', decisionContent({ penalties: [{ kind: 'licence-revocation', licence: { type: 'drug', number: 'x' } }] }), '310000')).toEqual([]);
    const [listed] = Sanction.sanctionsFromDecision('d2', decisionContent({ listings: ['serious-violation-list'] }), '310000');
    expect(listed).toMatchObject({ kind: 'serious-violation-list', start: '2026-03-02', until: '2029-03-01' });
  });

  it('a food-safety crime sentence of fixed-term imprisonment or more bans for life; lighter sentences do not', () => {
    expect(value(Sanction.sanctionFromJudgment(judgment()))).toMatchObject({ kind: 'food-industry-ban', lifelong: true, start: '2026-04-01', basis: { article: '第一百三十五条第二款' } });
    expect(value(Sanction.sanctionFromJudgment(judgment({ sentence: 'life-imprisonment' }))).lifelong).toBe(true);
    expect(Sanction.sanctionFromJudgment(judgment({ sentence: 'criminal-detention' }))).toMatchObject({ ok: false, error: { code: 'NOT_A_QUALIFYING_SENTENCE' } });
    expect(Sanction.sanctionFromJudgment(judgment({ foodSafetyCrime: false, charge: '盗窃罪' }))).toMatchObject({ ok: false, error: { code: 'NOT_A_FOOD_SAFETY_CRIME' } });
  });

  it('credit repair lifts a list entry but not a statutory ban, which only the revocation of its source lifts', () => {
    const [listed] = Sanction.sanctionsFromDecision('d2', decisionContent({ listings: ['serious-violation-list'] }), '310000');
    const listState = given(value(Sanction.decide({ type: 'ImposeSanction', data: { terms: listed } }, given([]), t0)));
    expect(value(Sanction.decide({ type: 'LiftSanction', data: { how: 'credit-repair', by: '330000', ref: '浙信修〔2026〕1号', reason: '已整改', liftedOn: '2026-05-01' } }, listState, t0))[0]).toMatchObject({
      type: 'sanction.lifted',
      data: { how: 'credit-repair', by: '330000' },
    });

    const ban = value(Sanction.sanctionFromJudgment(judgment()));
    const banState = given(value(Sanction.decide({ type: 'ImposeSanction', data: { terms: ban } }, given([]), t0)));
    const repair = Sanction.decide({ type: 'LiftSanction', data: { how: 'credit-repair', by: '310000', ref: 'r', reason: 'x', liftedOn: '2026-05-01' } }, banState, t0);
    expect(repair).toMatchObject({ ok: false, error: { code: 'NOT_REPAIRABLE', rule: { id: 'CREDIT_REPAIR' } } });
    const quashed = Sanction.decide({ type: 'LiftSanction', data: { how: 'source-revoked', by: '310000', ref: ban.source.ref, reason: '再审改判无罪', liftedOn: '2026-06-01' } }, banState, t0);
    expect(quashed.ok).toBe(true);
  });

  it('the index answers banned / why / since / until / source, and a lift ends it in every region', () => {
    const index = new SanctionsIndex();
    const ban = value(Sanction.sanctionFromJudgment(judgment()));
    const [imposed] = value(Sanction.decide({ type: 'ImposeSanction', data: { terms: ban } }, given([]), t0));
    index.apply(imposed, 1);
    for (const region of ['310000', '320000', '330000', '340000']) {
      expect(index.check({ personId: PERSON_A }, '2026-04-02', region)).toMatchObject({
        banned: true,
        lifelong: true,
        since: '2026-04-01',
        until: null,
        why: expect.stringContaining('有期徒刑'),
        source: { type: 'court-judgment', documentNumber: '（2026）沪0118刑初123号', region: '310000' },
      });
    }
    expect(index.check({ personId: PERSON_A }, '2026-03-31', '330000').banned).toBe(false);
    expect(index.check({ personId: PERSON_B }, '2026-04-02', '330000')).toMatchObject({ banned: false, listed: false, why: null, sanctions: [] });
    const [lifted] = value(Sanction.decide({ type: 'LiftSanction', data: { how: 'source-revoked', by: '310000', ref: ban.source.ref, reason: '再审改判', liftedOn: '2026-06-01' } }, given([imposed]), t0));
    index.apply(lifted, 2);
    expect(index.apply(imposed, 1)).toBe(false);
    expect(index.check({ personId: PERSON_A }, '2026-06-02', '340000').banned).toBe(false);
  });
});
