import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import { chainEvents, emptyHead, fixtureKeys, fixtureSigner, hashEnvelope, Keyring } from '@yrd/event-log';
import { integrityAlertFor, type DeadLetter } from './integrity-alert';
import type { LogMessage } from './log-message';
import { LogVerifier } from './log-verifier';
import { producerSignatureFinding } from './producer-signatures';
import { fixtureMeta, referralLifecycle, referralStream } from './testing/referral-fixtures';

const msg = (e: EventEnvelope, offset: number): LogMessage => ({ topic: 't.referral.events', partition: 0, offset, key: e.streamId, value: Buffer.from(JSON.stringify(e)), headers: {} });

describe("the producers' signatures in the audit", () => {
  const keyring = new Keyring(fixtureKeys());
  const stream = referralStream('r1', referralLifecycle('r1', 'c1'));

  it('finds nothing when every event is signed by a service allowed to produce it', () => {
    expect(stream.map((e) => producerSignatureFinding(e, keyring, eventCatalog))).toEqual(stream.map(() => null));
  });

  it('reports unsigned events and bad signatures (unknown key, wrong service, not verifying) with stream and version', () => {
    const [a, b, c] = stream;
    const { signature: _s, ...unsigned } = a;
    const byNotification = chainEvents(emptyHead('referral-r2'), [{ type: b.type, data: b.payload }], fixtureMeta(new Date('2026-03-02T03:00:00Z')), fixtureSigner('notification'))[0];
    const resealed = { ...c, payload: { ...c.payload, bureau: '320509' } };
    const forged = { ...resealed, hash: hashEnvelope(resealed) };
    const v = new LogVerifier({ catalog: eventCatalog, keyring });
    [unsigned, b, forged, byNotification].forEach((e, i) => v.accept(msg(e, i)));
    const signatureFindings = v.findings().filter((f) => f.kind === 'unsigned' || f.kind === 'bad-signature');
    expect(signatureFindings.map((f) => [f.kind, f.streamId, f.version])).toEqual([
      ['unsigned', 'referral-r1', 1],
      ['bad-signature', 'referral-r1', 3],
      ['bad-signature', 'referral-r2', 1],
    ]);
    expect(signatureFindings[2]).toMatchObject({ detail: expect.stringContaining('notification may not produce referral'), data: { keyId: 'notification:fixture' } });
  });

  it('without a keyring the verifier judges no producer signature (callers that pass none)', () => {
    const { signature: _s, ...unsigned } = stream[0];
    const v = new LogVerifier({ catalog: eventCatalog });
    v.accept(msg(unsigned, 0));
    expect(v.findings()).toEqual([]);
  });
});

describe('integrity alerts from DLQ entries', () => {
  const [event] = referralStream('r3', referralLifecycle('r3', 'c3'));
  const entry = (reason: string, consumer = 'clue-transfer.referral-views'): DeadLetter => ({
    reason,
    error: 'referral-r3 v1: prevHash x is not the applied head y',
    consumer,
    sourceTopic: 'yrd.referral.events',
    sourcePartition: 2,
    sourceOffset: '41',
    value: Buffer.from(JSON.stringify(event)),
    at: '2026-12-07T10:00:00.000Z',
  });

  it('raises one for each integrity reason, with what the refused message claimed to be', () => {
    const found = integrityAlertFor(entry('broken-link'), ['310000']);
    expect(found?.streamId).toMatch(/^integrity-[0-9a-f]{32}$/);
    expect(found?.alert).toMatchObject({
      reason: 'broken-link',
      consumer: 'clue-transfer.referral-views',
      eventId: event.eventId,
      eventType: event.type,
      streamId: 'referral-r3',
      streamVersion: 1,
      keyId: 'clue-transfer:fixture',
      sourcePartition: 2,
      sourceOffset: '41',
      auditors: ['310000'],
    });
    for (const reason of ['fork', 'bad-signature', 'unsigned']) expect(integrityAlertFor(entry(reason), ['310000'])?.alert.reason).toBe(reason);
  });

  it('raises one alert per refused message and reason, whichever consumer refused it; none for operational reasons', () => {
    expect(integrityAlertFor(entry('fork', 'a'), ['310000'])?.streamId).toBe(integrityAlertFor(entry('fork', 'b'), ['310000'])?.streamId);
    expect(integrityAlertFor(entry('fork'), ['310000'])?.streamId).not.toBe(integrityAlertFor(entry('broken-link'), ['310000'])?.streamId);
    expect(integrityAlertFor(entry('handler-failed'), ['310000'])).toBeNull();
    expect(integrityAlertFor(entry('malformed'), ['310000'])).toBeNull();
    const garbage = integrityAlertFor({ ...entry('unsigned'), value: Buffer.from('{nope') }, ['310000']);
    expect(garbage?.alert).not.toHaveProperty('eventId');
  });

  it('produces a payload the catalogue accepts', () => {
    const found = integrityAlertFor(entry('unsigned'), ['310000', '320000']);
    expect(eventCatalog.checkPayload('audit.integrity-alert-raised', 1, found?.alert)).toMatchObject({ ok: true });
  });
});
