import * as Recognition from './recognition';
import { defaultPolicies } from './recognition-policy';
import { at, CC_QINGPU } from './testing/fixtures';

const t0 = at('2026-03-03');
const summary = (category = 'advertising'): Recognition.DecisionSummary => ({
  decisionId: 'd1',
  decisionNumber: '沪市监青处罚〔2026〕12号',
  issuingBureau: '310118',
  sourceRegion: '310000',
  subject: { name: '上海某某食品有限公司', creditCode: CC_QINGPU },
  category,
  violationKind: 'advertising.absolute-terms',
  decisionDate: '2026-03-02',
  keyId: 'k',
  revision: 1,
});
const zhejiang = defaultPolicies().find((p) => p.region === '330000');
const consider = (category?: string, region = '330000'): Recognition.ConsiderDecision => ({
  type: 'ConsiderDecision',
  data: { region, decision: summary(category), policy: zhejiang },
});
const given = (events: Recognition.RecognitionEvent[]) => events.reduce(Recognition.evolve, Recognition.initialState);
const ok = <T>(r: { ok: boolean; value?: T }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value as T;
};

describe('Recognition (处罚决定互认)', () => {
  it('recognises a decision of an automatic category at once, keeping the source', () => {
    expect(ok(Recognition.decide(consider('advertising'), given([]), t0))).toEqual([
      {
        type: 'recognition.recognised',
        data: {
          recognitionId: '330000-d1',
          region: '330000',
          decision: summary('advertising'),
          automatic: true,
          reason: 'category advertising is recognised automatically',
          recognisedAt: t0.toISOString(),
        },
      },
    ]);
  });

  it('queues other categories for review; a bureau of the region recognises or declines with a reason', () => {
    const queued = ok(Recognition.decide(consider('price'), given([]), t0));
    expect(queued[0]).toMatchObject({ type: 'recognition.queued', data: { region: '330000' } });
    const state = given(queued);
    expect(ok(Recognition.decide({ type: 'RecogniseDecision', data: { by: '330421' } }, state, t0))[0]).toMatchObject({
      type: 'recognition.recognised',
      data: { automatic: false, by: '330421' },
    });
    expect(Recognition.decide({ type: 'DeclineDecision', data: { by: '330000', reason: ' ' } }, state, t0)).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    expect(ok(Recognition.decide({ type: 'DeclineDecision', data: { by: '330000', reason: '事实认定存疑' } }, state, t0))[0]).toMatchObject({
      type: 'recognition.declined',
      data: { reason: '事实认定存疑' },
    });
  });

  it('only the region reviews its queue, once', () => {
    const state = given(ok(Recognition.decide(consider('price'), given([]), t0)));
    expect(Recognition.decide({ type: 'RecogniseDecision', data: { by: '320509' } }, state, t0)).toMatchObject({ ok: false, error: { code: 'ACTOR_NOT_PERMITTED' } });
    const done = given([...ok(Recognition.decide(consider('price'), given([]), t0)), ...ok(Recognition.decide({ type: 'RecogniseDecision', data: { by: '330000' } }, state, t0))]);
    expect(Recognition.decide({ type: 'DeclineDecision', data: { by: '330000', reason: 'x' } }, done, t0)).toMatchObject({ ok: false, error: { code: 'NOT_QUEUED' } });
    // Another region's bureau is refused as such, never told what became of the decision here.
    expect(Recognition.decide({ type: 'DeclineDecision', data: { by: '320509', reason: 'x' } }, done, t0)).toMatchObject({ ok: false, error: { code: 'ACTOR_NOT_PERMITTED' } });
  });

  it('a region does not recognise its own decisions, nor the same decision twice', () => {
    expect(Recognition.decide(consider('advertising', '310000'), given([]), t0)).toMatchObject({ ok: false, error: { code: 'OWN_REGION' } });
    const state = given(ok(Recognition.decide(consider(), given([]), t0)));
    expect(Recognition.decide(consider(), state, t0)).toMatchObject({ ok: false, error: { code: 'ALREADY_CONSIDERED' } });
  });
});
