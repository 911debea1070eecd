import { EventCatalog } from '@yrd/contracts';
import { receiptFixture } from '../testing/receipt-fixture';
import { Caller, EvidenceEvent, EvidenceState, decideEvidence, evidenceAggregate, evidenceStreamId } from './evidence-item';
import { NotaryPayload, notaryEvents } from './notary.events';

const catalog = new EventCatalog([...notaryEvents]);
const now = new Date('2026-01-03T08:00:00.000Z');
const owner: Caller = { userId: 'officer-qp-1', bureau: '310118', role: 'officer' };
const partner: Caller = { userId: 'officer-wj-1', bureau: '320509', role: 'officer' };
const auditor: Caller = { userId: 'auditor-1', bureau: '310000', role: 'auditor' };

const { receipt } = receiptFixture();
const notarized: NotaryPayload<'evidence.notarized'> = {
  entry: receipt.entry,
  leafIndex: 5,
  leafHash: receipt.leafHash,
  timeStamp: { serialNumber: '010203', genTime: '2026-01-02T03:04:05.678Z', policy: '1.3.6.1.4.1.32473.3161.1', tokenBase64: receipt.timeStamp.token },
  metadata: receipt.metadata as NotaryPayload<'evidence.notarized'>['metadata'],
  blobKey: `sha256/${receipt.entry.sha256}`,
  ownerBureau: '310118',
};

/** given events → state */
const given = (...events: EvidenceEvent[]): EvidenceState => events.reduce(evidenceAggregate.evolve, evidenceAggregate.initialState());
const valid = (events: EvidenceEvent[]) => events.forEach((e) => expect(catalog.checkPayload(e.type, 1, e.data)).toMatchObject({ ok: true }));

describe('evidence item aggregate', () => {
  const notarizedState = given({ type: 'evidence.notarized', data: notarized });

  it('notarizes once; the event matches its declared schema', () => {
    const first = decideEvidence.notarize(notarized)(given());
    expect(first.ok && first.value.map((e) => e.type)).toEqual(['evidence.notarized']);
    if (first.ok) valid(first.value);
    expect(decideEvidence.notarize(notarized)(notarizedState)).toMatchObject({ ok: false, error: { code: 'already-notarized' } });
  });

  it('records a download by the owner, and hides the entry from other bureaus', () => {
    const download = decideEvidence.download(owner, now)(notarizedState);
    expect(download).toMatchObject({ ok: true, value: [{ type: 'evidence.downloaded', data: { bureau: '310118', sha256: receipt.entry.sha256, downloadedAt: now.toISOString() } }] });
    if (download.ok) valid(download.value);
    expect(decideEvidence.download(partner, now)(notarizedState)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(decideEvidence.access(auditor, 'receipt', now)(notarizedState).ok).toBe(true);
    expect(decideEvidence.access(owner, 'receipt', now)(given())).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lets the owner share with another bureau, which may then read and download', () => {
    const share = decideEvidence.share(owner, '320509', '协查需要', now)(notarizedState);
    expect(share.ok && share.value).toEqual([
      { type: 'evidence.shared', data: { entryId: receipt.entry.entryId, fromBureau: '310118', toBureau: '320509', userId: owner.userId, reason: '协查需要', sharedAt: now.toISOString() } },
    ]);
    if (!share.ok) throw new Error('share refused');
    valid(share.value);
    const shared = given({ type: 'evidence.notarized', data: notarized }, ...share.value);
    expect(shared.sharedWith).toEqual(['320509']);
    expect(decideEvidence.download(partner, now)(shared).ok).toBe(true);
    expect(decideEvidence.share(owner, '320509', undefined, now)(shared)).toEqual({ ok: true, value: [] });
    expect(decideEvidence.share(partner, '330421', undefined, now)(shared)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(decideEvidence.share(owner, '310118', undefined, now)(shared)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(decideEvidence.share(owner, 'x', undefined, now)(shared)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('records verifications with their outcome and reasons', () => {
    const ok = decideEvidence.recordVerification(partner, receipt.entry.sha256, [], now)(notarizedState);
    expect(ok).toMatchObject({ ok: true, value: [{ data: { outcome: 'verified', reasons: [] } }] });
    const bad = decideEvidence.recordVerification(partner, 'ab'.repeat(32), ['tampered-file: …'], now)(notarizedState);
    expect(bad).toMatchObject({ ok: true, value: [{ data: { outcome: 'failed' } }] });
    if (bad.ok) valid(bad.value);
    expect(decideEvidence.recordVerification(partner, 'ab'.repeat(32), [], now)(given())).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps checkpoints readable by auditors only and without a file', () => {
    const checkpoint = given({
      type: 'notary.checkpoint-notarized',
      data: {
        ...notarized,
        entry: { ...notarized.entry, kind: 'checkpoint' },
        metadata: { source: 'audit', scope: 'all', fromPosition: '0', toPosition: '100', eventCount: 100, createdAt: now.toISOString(), requestedBy: { userId: 'audit-svc', bureau: 'YRD-AUDIT' } },
      } as NotaryPayload<'notary.checkpoint-notarized'>,
    });
    expect(decideEvidence.access(owner, 'proof', now)(checkpoint).ok).toBe(false);
    expect(decideEvidence.access(auditor, 'proof', now)(checkpoint).ok).toBe(true);
    expect(decideEvidence.download(auditor, now)(checkpoint)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('names streams evidence-<entryId>, valid for the envelope', () => {
    expect(evidenceStreamId(receipt.entry.entryId)).toMatch(/^evidence-0190f0aa/);
  });
});
