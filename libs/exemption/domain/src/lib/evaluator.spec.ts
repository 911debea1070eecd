import { bundledRegistry } from './bundled-lists';
import { PriorViolation } from './case-facts';
import { EDUCATION_RULE, evaluateCase } from './evaluator';
import { jiashanAdCase } from './testing/cases';

const registry = bundledRegistry();
const recognisedShanghaiAd: PriorViolation = {
  decisionId: 'd-sh',
  decisionNumber: '沪市监青处罚〔2026〕12号',
  violationKind: 'advertising.absolute-terms',
  decisionDate: '2026-03-02',
  sourceRegion: '310000',
  origin: 'recognised',
};

describe('exemption evaluation', () => {
  it('a first violation, corrected in time, without harm: no penalty, with every condition, the list version, basis and education', () => {
    const e = evaluateCase(registry, jiashanAdCase(), []);
    expect(e.region).toBe('330000');
    expect(e.listsInForce.map((l) => `${l.listId}@${l.version}`).sort()).toEqual(['yrd-no-compulsion@1', 'yrd-unified@1', 'zj-light-violations@1']);
    expect(e.penalty.outcome).toBe('penalty-may-be-waived');
    expect(e.penalty.items.sort()).toEqual(['yrd-unified@v1#YRD-03', 'zj-light-violations@v1#ZJ-04']);
    expect(e.penalty.basis[0]).toContain('第三十三条第一款');
    expect(e.educationRequired).toBe(true);
    expect(e.education).toBe(EDUCATION_RULE);
    const zj = e.items.find((i) => i.itemId === 'ZJ-04');
    expect(zj?.conditions.map((c) => [c.type, c.met, c.fact])).toEqual([
      ['first-violation', true, 'history'],
      ['fact', true, 'flags.ownPremisesOrSelfMedia'],
      ['corrected-within-ordered-period', true, 'correction.correctedOn'],
      ['harm-at-most', true, 'harm'],
    ]);
    expect(e.compulsion.outcome).toBe('no-list-item');
  });

  it('a recognised decision from another region makes it not a first violation; a late correction fails too', () => {
    const e = evaluateCase(registry, jiashanAdCase({ correction: { orderedBy: '2026-08-27', correctedOn: '2026-08-30' } }), [recognisedShanghaiAd]);
    expect(e.penalty.outcome).toBe('not-exempt');
    expect(e.educationRequired).toBe(false);
    const conditions = e.items.find((i) => i.itemId === 'ZJ-04')?.conditions ?? [];
    expect(conditions.find((c) => c.type === 'first-violation')).toMatchObject({
      met: false,
      detail: expect.stringContaining('沪市监青处罚〔2026〕12号 (2026-03-02, recognised from 310000)'),
    });
    expect(conditions.find((c) => c.type === 'corrected-within-ordered-period')).toMatchObject({ met: false, value: '2026-08-30', detail: 'corrected on 2026-08-30, ordered by 2026-08-27' });
    expect(conditions.find((c) => c.type === 'harm-at-most')).toMatchObject({ met: true });
  });

  it('a missing fact fails its condition and says which fact', () => {
    const e = evaluateCase(registry, jiashanAdCase({ harm: undefined }), []);
    expect(e.items[0].conditions.find((c) => c.type === 'harm-at-most')).toMatchObject({ met: false, fact: 'harm', detail: 'fact harm not provided' });
  });

  it('the no-compulsion list answers alongside: a harmless label defect gets neither penalty nor seizure', () => {
    const e = evaluateCase(
      registry,
      jiashanAdCase({ violationKind: 'food.label-defect', flags: { affectsFoodSafety: false, misleadsConsumers: false } }),
      [],
    );
    expect(e.penalty.outcome).toBe('no-penalty');
    expect(e.compulsion).toEqual({ outcome: 'no-compulsion', items: ['yrd-no-compulsion@v1#NC-01'], basis: [expect.stringContaining('行政强制法》第十六条第二款')] });
  });

  it('amount thresholds: goods value above the limit fails', () => {
    const base = { bureau: '320509', violationKind: 'product.marking-defect', flags: { productConforms: true }, harm: 'minor' as const };
    const under = evaluateCase(registry, jiashanAdCase({ ...base, amounts: { goodsValueFen: 80_000 } }), []);
    const over = evaluateCase(registry, jiashanAdCase({ ...base, amounts: { goodsValueFen: 150_000 } }), []);
    expect(under.penalty.outcome).toBe('penalty-may-be-waived');
    expect(over.penalty.outcome).toBe('not-exempt');
    expect(over.items.find((i) => i.itemId === 'JS-02')?.conditions.find((c) => c.type === 'amount-at-most')).toMatchObject({
      met: false,
      detail: '1500.00元 against a limit of 1000.00元',
    });
  });

  it('no matching item: says so, and requires no education', () => {
    const e = evaluateCase(registry, jiashanAdCase({ violationKind: 'pricing.price-fraud' }), []);
    expect(e).toMatchObject({ penalty: { outcome: 'no-list-item' }, compulsion: { outcome: 'no-list-item' }, educationRequired: false, items: [] });
  });
});
