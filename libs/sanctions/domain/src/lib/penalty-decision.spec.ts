import * as PenaltyDecision from './penalty-decision';
import { BureauKeyRegistry } from './key-registry';
import { verifyDocument } from './signature';
import { signedDocumentOf } from './signed-document';
import { at, decisionContent, registryEntry, registryOf, signingContext, testKey } from './testing/fixtures';

const qingpu = testKey('310118');
const jiashan = testKey('330421');
const ctx = signingContext(qingpu);
const registry = registryOf(qingpu, jiashan);
const t0 = at('2026-03-02');

const given = (events: PenaltyDecision.PenaltyDecisionEvent[]) => events.reduce(PenaltyDecision.evolve, PenaltyDecision.initialState);
const when = (state: PenaltyDecision.PenaltyDecisionState, cmd: PenaltyDecision.PenaltyDecisionCommand, now = t0) => PenaltyDecision.decide(cmd, state, now, ctx);
const events = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const record = (overrides = {}): PenaltyDecision.RecordPenaltyDecision => ({
  type: 'RecordPenaltyDecision',
  data: { decisionId: 'd1', by: '310118', decision: decisionContent(overrides) },
});
const verifyEvent = (e: PenaltyDecision.PenaltyDecisionEvent, reg: BureauKeyRegistry = registry, when = t0) => {
  const doc = signedDocumentOf(e.type, e.data as never);
  if (!doc) throw new Error('no document');
  return verifyDocument(doc, e.data.signature, reg, when);
};

describe('PenaltyDecision (行政处罚决定)', () => {
  it('records a decision signed by the issuing bureau, verifiable by anyone with the registry', () => {
    const [recorded] = events(when(given([]), record()));
    expect(recorded).toMatchObject({ type: 'penalty-decision.recorded', data: { decisionId: 'd1', revision: 1, signature: { alg: 'Ed25519', keyId: 'test-310118' } } });
    expect(verifyEvent(recorded)).toEqual({ ok: true, value: { keyId: 'test-310118', bureau: '310118' } });
  });

  it('refuses a tampered decision with the reason, whatever field changed', () => {
    const [recorded] = events(when(given([]), record())) as [PenaltyDecision.PenaltyDecisionRecorded];
    const tampered = { ...recorded, data: { ...recorded.data, decision: { ...recorded.data.decision, penalties: [{ kind: 'fine' as const, amountFen: 100 }] } } };
    const r = verifyEvent(tampered);
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_SIGNATURE' } });
    expect(!r.ok && r.error.message).toContain('does not match');
  });

  it.each([
    ['an unknown key', new BureauKeyRegistry([registryEntry(jiashan)]), 'UNKNOWN_KEY'],
    ["another bureau's key", new BureauKeyRegistry([{ ...registryEntry(jiashan), keyId: 'test-310118' }]), 'KEY_NOT_FOR_BUREAU'],
    ['a key revoked before signing', new BureauKeyRegistry([registryEntry(qingpu, { revokedOn: '2026-01-01' })]), 'KEY_NOT_VALID'],
    ['a key not yet valid', new BureauKeyRegistry([registryEntry(qingpu, { validFrom: '2027-01-01' })]), 'KEY_NOT_VALID'],
  ])('refuses a signature by %s', (_what, reg, code) => {
    const [recorded] = events(when(given([]), record()));
    expect(verifyEvent(recorded, reg)).toMatchObject({ ok: false, error: { code } });
  });

  it('a signature with a key of the right bureau but over another decision id fails', () => {
    const [recorded] = events(when(given([]), record())) as [PenaltyDecision.PenaltyDecisionRecorded];
    expect(verifyEvent({ ...recorded, data: { ...recorded.data, decisionId: 'd2' } })).toMatchObject({ ok: false, error: { code: 'BAD_SIGNATURE' } });
  });

  it('only the issuing bureau records its decision', () => {
    const r = PenaltyDecision.decide({ ...record(), data: { ...record().data, by: '330421' } }, given([]), t0, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'ACTOR_NOT_PERMITTED' } });
  });

  it.each([
    [{ penalties: [{ kind: 'fine', amountFen: 12.5 }] }, 'penalties[0]: amountFen must be a positive integer (fen)'],
    [{ penalties: [{ kind: 'fine', amountFen: 1e308 }] }, 'penalties[0]: amountFen must be a positive integer (fen) not above 100000000000'],
    [{ penalties: [{ kind: 'employment-restriction', years: 1e300 }] }, 'penalties[0]: years must be an integer from 1 to 10'],
    [{ penalties: [{ kind: 'licence-suspension', licence: { type: 'food-business', number: 'JY1' }, months: 1e6 }] }, 'penalties[0]: months must be an integer from 1 to 120'],
    [{ penalties: [] }, 'penalties needs at least one penalty'],
    [{ subject: { name: 'x', creditCode: '91310118MA1JL00010' } }, 'not a valid unified social credit code'],
    [{ provisionsViolated: [] }, 'provisionsViolated needs at least one provision'],
    [{ decisionDate: '2026-13-01' }, 'decisionDate must be an ISO date'],
  ])('refuses a malformed decision %j', (overrides, message) => {
    const r = when(given([]), record(overrides as never));
    expect(!r.ok && r.error.message).toContain(message);
  });

  it('corrections bump the revision and are signed again; identical ones are refused', () => {
    const recorded = events(when(given([]), record()));
    const corrected = { ...decisionContent(), penalties: [{ kind: 'fine' as const, amountFen: 15_000_000 }] };
    const [e] = events(when(given(recorded), { type: 'CorrectPenaltyDecision', data: { by: '310118', decision: corrected, reason: '罚款数额笔误' } }));
    expect(e).toMatchObject({ type: 'penalty-decision.corrected', data: { revision: 2, reason: '罚款数额笔误' } });
    expect(verifyEvent(e).ok).toBe(true);
    expect(when(given(recorded), { type: 'CorrectPenaltyDecision', data: { by: '310118', decision: decisionContent(), reason: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_CORRECTED' },
    });
  });

  it('revocation is signed, carries the issuing bureau, and ends corrections', () => {
    const recorded = events(when(given([]), record()));
    const [revoked] = events(when(given(recorded), { type: 'RevokePenaltyDecision', data: { by: '310118', reason: '复议撤销', revokedOn: '2026-05-01' } }));
    expect(revoked).toMatchObject({ type: 'penalty-decision.revoked', data: { revision: 2, issuingBureau: '310118', revokedOn: '2026-05-01' } });
    expect(verifyEvent(revoked).ok).toBe(true);
    const after = given([...recorded, revoked]);
    expect(after.status).toBe('revoked');
    expect(when(after, { type: 'CorrectPenaltyDecision', data: { by: '310118', decision: decisionContent({ facts: 'x' }), reason: 'y' } })).toMatchObject({
      ok: false,
      error: { code: 'DECISION_REVOKED' },
    });
    expect(when(after, { type: 'RevokePenaltyDecision', data: { by: '320509', reason: 'y' } })).toMatchObject({ ok: false, error: { code: 'ACTOR_NOT_PERMITTED' } });
  });
});
