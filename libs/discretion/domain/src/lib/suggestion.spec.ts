import { bundledRegistry, CaseFacts, PriorViolation } from '@yrd/exemption-domain';
import { bundledStandards } from './bundled-standards';
import { checkDecision, DEPARTURE_RULE } from './decision-check';
import { suggestPenalty, Suggestion } from './suggestion';
import v1 from './standards/yrd-advertising-absolute-terms.v1.json';
import { StandardRegistry } from './standard-registry';

const YUAN = 100;
const lists = bundledRegistry();
const standards = bundledStandards();

/** A Shanghai advertiser's case that no exemption item covers (the ad was not on its own premises). */
const adCase = (o: Partial<CaseFacts> = {}): CaseFacts => ({
  caseRef: 'case-sh-1',
  bureau: '310000',
  subject: { name: '上海某某广告主有限公司', creditCode: '91310000MA1FL00018' },
  violationKind: 'advertising.absolute-terms',
  caseDate: '2026-09-01',
  discoveredOn: '2026-08-01',
  correction: { orderedBy: '2026-08-20' },
  harm: 'minor',
  violationDays: 60,
  flags: { ownPremisesOrSelfMedia: false },
  ...o,
});

const prior: PriorViolation = {
  decisionId: 'pd-1',
  decisionNumber: '沪市监处〔2025〕1号',
  violationKind: 'advertising.absolute-terms',
  decisionDate: '2025-06-01',
  sourceRegion: '320000',
  origin: 'recognised',
};

function suggest(facts: CaseFacts, history: PriorViolation[] = [], standardId?: string): Suggestion {
  const r = suggestPenalty({ standards, lists, facts, history, ...(standardId ? { standardId } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.suggestion;
}
const circumstance = (s: Suggestion, id: string) => s.bands.flatMap((b) => b.circumstances).find((c) => c.id === id);

describe('suggestPenalty — advertising with absolute terms (广告法第九条第三项、第五十七条)', () => {
  it('given the ad was on its own premises, corrected in time, no harm, first time — when suggested — then the exemption item answers: no penalty, no band range', () => {
    const s = suggest(adCase({ harm: 'none', correction: { orderedBy: '2026-08-20', correctedOn: '2026-08-10' }, flags: { ownPremisesOrSelfMedia: true } }));
    expect(s.outcome).toBe('exempt');
    expect(s.band).toBe('不予处罚');
    expect(s.fine).toBeNull();
    expect(s.exemption.items).toEqual(['sh-light-violations@v2#SH23-02']);
    expect(s.reason).toContain('sh-light-violations@v2#SH23-02');
  });

  it('given the party proved it had no fault — then 不予处罚 by the standard, because no-fault is met', () => {
    const s = suggest(adCase({ noSubjectiveFaultProven: true }));
    expect(s.outcome).toBe('penalty');
    expect(s.band).toBe('不予处罚');
    expect(s.fine).toBeNull();
    expect(circumstance(s, 'no-fault')).toMatchObject({ met: true, fact: 'noSubjectiveFaultProven', value: true });
  });

  it('given a same-kind decision within two years (recognised from Jiangsu) — then 从重, 760k–1M yuan, because of the repeat violation', () => {
    const s = suggest(adCase(), [prior]);
    expect(s.band).toBe('从重');
    expect(s.fine).toMatchObject({ minFen: 760_000 * YUAN, maxFen: 1_000_000 * YUAN });
    expect(circumstance(s, 'repeat-violation')).toMatchObject({ met: true, fact: 'history', negated: true });
    expect(s.reason).toContain('再次违法');
    expect(s.otherPenalties).toEqual([{ penalty: '吊销营业执照（可以）', when: '情节严重的' }]);
  });

  it('given the party removed the harm on its own — then 减轻, below the statutory minimum (0–200k yuan), because mitigatedHarm is met', () => {
    const s = suggest(adCase({ flags: { ownPremisesOrSelfMedia: false, mitigatedHarm: true } }));
    expect(s.band).toBe('减轻');
    expect(s.fine).toMatchObject({ minFen: 0, maxFen: 200_000 * YUAN });
    expect(circumstance(s, 'mitigated-harm')).toMatchObject({ met: true, fact: 'flags.mitigatedHarm', value: true });
  });

  it('given correction within the ordered period and nothing aggravating — then 从轻, 200k–440k yuan (the lower 30%)', () => {
    const s = suggest(adCase({ correction: { orderedBy: '2026-08-20', correctedOn: '2026-08-15' } }));
    expect(s.band).toBe('从轻');
    expect(s.fine).toMatchObject({ minFen: 200_000 * YUAN, maxFen: 440_000 * YUAN });
    expect(circumstance(s, 'corrected-in-time')).toMatchObject({ met: true, value: '2026-08-15' });
    expect(circumstance(s, 'repeat-violation')?.met).toBe(false);
  });

  it('given no circumstance of any band — then 一般, 440k–760k yuan, each circumstance shown not met with its fact', () => {
    const s = suggest(adCase());
    expect(s.band).toBe('一般');
    expect(s.fine).toMatchObject({ minFen: 440_000 * YUAN, maxFen: 760_000 * YUAN });
    expect(s.bands.map((b) => [b.band, b.holds])).toEqual([['不予处罚', false], ['从重', false], ['减轻', false], ['从轻', false], ['一般', true]]);
    expect(circumstance(s, 'long-duration')).toMatchObject({ met: false, fact: 'violationDays', value: 60 });
    expect(s.standard).toMatchObject({ standardId: 'yrd-advertising-absolute-terms', version: 1 });
    expect(s.standard?.sources.map((x) => x.number).filter(Boolean)).toContain('国市监法规〔2022〕2号');
  });

  it('given both an aggravating and a mitigating circumstance — then 从重, the earlier band in the standard', () => {
    const s = suggest(adCase({ flags: { ownPremisesOrSelfMedia: false, mitigatedHarm: true } }), [prior]);
    expect(s.band).toBe('从重');
  });

  it('given a fact not recorded — then a negated circumstance over it is not met (unknown is never a circumstance)', () => {
    const s = suggest(adCase({ violationDays: undefined }));
    expect(circumstance(s, 'long-duration')).toMatchObject({ met: false, value: null, detail: 'fact violationDays not provided' });
  });

  it('given 120 days of violation — when judged on 2026-12-31 then v1 (一般), on 2027-01-01 v2 takes over (从重: more than 90 days)', () => {
    const before = suggest(adCase({ caseDate: '2026-12-31', violationDays: 120 }));
    const on = suggest(adCase({ caseDate: '2027-01-01', violationDays: 120 }));
    expect([before.standard?.version, before.band]).toEqual([1, '一般']);
    expect([on.standard?.version, on.band]).toEqual([2, '从重']);
    expect(circumstance(on, 'long-duration')).toMatchObject({ met: true, value: 120 });
  });

  it('given a joint action names the standard — then it applies for any Delta bureau; an unknown one is refused', () => {
    expect(suggest(adCase({ bureau: '340000' }), [], 'yrd-advertising-absolute-terms').standard?.standardId).toBe('yrd-advertising-absolute-terms');
    const r = suggestPenalty({ standards, lists, facts: adCase(), history: [], standardId: 'no-such-standard' });
    expect(r).toMatchObject({ ok: false, error: { code: 'STANDARD_NOT_APPLICABLE' } });
  });

  it('given an unknown bureau — then refused; given a kind without a standard — then no-standard', () => {
    expect(suggestPenalty({ standards, lists, facts: adCase({ bureau: '999999' }), history: [] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_BUREAU' } });
    expect(suggest(adCase({ violationKind: 'food.label-defect' })).outcome).toBe('no-standard');
  });

  it('given a band fined in multiples of illegal income — then the range is computed from the fact, and missing it is refused', () => {
    const multiple = structuredClone(v1) as Record<string, unknown> & { bands: Array<{ fine: unknown }> };
    multiple['standardId'] = 'test-multiple';
    multiple.bands[4].fine = { kind: 'multiple', of: 'illegalIncomeFen', min: 1, max: 3 };
    const registry = new StandardRegistry([multiple]);
    const ok = suggestPenalty({ standards: registry, lists, facts: adCase({ amounts: { illegalIncomeFen: 5000 * YUAN } }), history: [] });
    expect(ok.ok && ok.suggestion.fine).toMatchObject({ kind: 'multiple', minFen: 5000 * YUAN, maxFen: 15000 * YUAN });
    expect(suggestPenalty({ standards: registry, lists, facts: adCase(), history: [] })).toMatchObject({ ok: false, error: { code: 'FACT_REQUIRED' } });
  });
});

describe('checkDecision', () => {
  const general = suggest(adCase());

  it('given a fine inside the band — then it stands', () => {
    expect(checkDecision(general, { fineFen: 500_000 * YUAN })).toMatchObject({ ok: true, withinRange: true });
  });

  it('given a fine below the band without a justification — then refused, naming the rule', () => {
    const r = checkDecision(general, { fineFen: 300_000 * YUAN });
    expect(r).toMatchObject({ ok: false, code: 'DISCRETION_JUSTIFICATION_REQUIRED', rule: { id: DEPARTURE_RULE.id } });
  });

  it('given the same fine with a justification — then it stands as a departure to flag', () => {
    expect(checkDecision(general, { fineFen: 300_000 * YUAN, justification: '经集体讨论：当事人系小微企业，经营困难' })).toMatchObject({
      ok: true,
      withinRange: false,
      departure: 'below-range',
    });
  });

  it('given a fine above the statutory maximum — then refused even with a justification', () => {
    expect(checkDecision(general, { fineFen: 1_500_000 * YUAN, justification: 'x' })).toMatchObject({ ok: false, code: 'FINE_ABOVE_STATUTORY_MAXIMUM' });
  });

  it('given an exempt case and a fine — then a departure needing a justification', () => {
    const exempt = suggest(adCase({ harm: 'none', correction: { orderedBy: '2026-08-20', correctedOn: '2026-08-10' }, flags: { ownPremisesOrSelfMedia: true } }));
    expect(checkDecision(exempt, { fineFen: 0 })).toMatchObject({ ok: true, withinRange: true });
    expect(checkDecision(exempt, { fineFen: 100 * YUAN })).toMatchObject({ ok: false, code: 'DISCRETION_JUSTIFICATION_REQUIRED' });
    expect(checkDecision(exempt, { fineFen: 100 * YUAN, justification: '…' })).toMatchObject({ ok: true, departure: 'fine-despite-exemption' });
  });
});
