import { DecisionSummary } from './recognition';
import { ViolationHistory } from './violation-history';
import { CC_QINGPU } from './testing/fixtures';

const shanghaiDecision = (overrides: Partial<DecisionSummary> = {}): DecisionSummary => ({
  decisionId: 'd-sh',
  decisionNumber: '沪市监青处罚〔2026〕12号',
  issuingBureau: '310118',
  sourceRegion: '310000',
  subject: { name: '上海某某食品有限公司', creditCode: CC_QINGPU },
  category: 'advertising',
  violationKind: 'advertising.absolute-terms',
  decisionDate: '2026-03-02',
  keyId: 'k',
  revision: 1,
  ...overrides,
});
const subject = { creditCode: CC_QINGPU };

describe('ViolationHistory (首违 across recognised history)', () => {
  it("a Shanghai decision counts in Zhejiang's history only once Zhejiang recognised it", () => {
    const h = new ViolationHistory();
    h.putDecision(shanghaiDecision());
    expect(h.firstViolation(subject, '330000', 'advertising.absolute-terms', '2026-09-01').firstViolation).toBe(true);
    expect(h.firstViolation(subject, '310000', 'advertising.absolute-terms', '2026-09-01').firstViolation).toBe(false);
    h.recognise('330000', shanghaiDecision());
    const answer = h.firstViolation(subject, '330000', 'advertising.absolute-terms', '2026-09-01');
    expect(answer).toMatchObject({ firstViolation: false, windowFrom: '2024-09-01', windowYears: 2 });
    expect(answer.priorViolations).toEqual([expect.objectContaining({ decisionId: 'd-sh', origin: 'recognised', sourceRegion: '310000' })]);
  });

  it('other kinds, older decisions and revoked decisions do not count', () => {
    const h = new ViolationHistory();
    h.recognise('330000', shanghaiDecision());
    expect(h.firstViolation(subject, '330000', 'food.label-defect', '2026-09-01').firstViolation).toBe(true);
    expect(h.firstViolation(subject, '330000', 'advertising.absolute-terms', '2028-03-02').firstViolation).toBe(true);
    expect(h.firstViolation(subject, '330000', 'advertising.absolute-terms', '2028-03-01').firstViolation).toBe(false);
    expect(h.firstViolation(subject, '330000', 'advertising.absolute-terms', '2029-01-01', 3).firstViolation).toBe(false);
    h.revoke('d-sh', 2);
    expect(h.firstViolation(subject, '330000', 'advertising.absolute-terms', '2026-09-01').firstViolation).toBe(true);
  });

  it('a correction replaces the entry; an older revision arriving late is ignored', () => {
    const h = new ViolationHistory();
    h.recognise('330000', shanghaiDecision());
    h.putDecision(shanghaiDecision({ revision: 2, violationKind: 'advertising.unapproved-drug-ad' }));
    h.putDecision(shanghaiDecision({ revision: 1 }));
    expect(h.historyFor(subject, '330000').map((e) => e.violationKind)).toEqual(['advertising.unapproved-drug-ad']);
  });
});
