import { generateKeyPairSync } from 'node:crypto';
import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureSigner, emptyHead, hashEnvelope } from '@yrd/event-log';
import { AGGREGATES } from './aggregates';
import { Ed25519HeaderSignatures, signatureHeaders } from './event-signature';
import type { LogMessage } from './log-message';
import { LogVerifier, type LogVerifierOptions } from './log-verifier';
import { referralLifecycle, referralStream } from './testing/referral-fixtures';

const TOPIC = 't.referral.events';
let offset = 0;
const msg = (e: EventEnvelope | string, headers?: LogMessage['headers']): LogMessage => ({
  topic: TOPIC,
  partition: 0,
  offset: offset++,
  key: typeof e === 'string' ? null : e.streamId,
  value: Buffer.from(typeof e === 'string' ? e : JSON.stringify(e)),
  headers,
});

function verify(messages: LogMessage[], options: Partial<LogVerifierOptions> = {}): LogVerifier {
  const v = new LogVerifier({ catalog: eventCatalog, ...options });
  messages.forEach((m) => v.accept(m));
  return v;
}

const kinds = (v: LogVerifier) => v.findings().map((f) => [f.kind, f.streamId, f.version]);

describe('LogVerifier', () => {
  const stream = referralStream('r1', referralLifecycle('r1', 'c1'));

  it('finds nothing in an intact stream and folds it with the service evolve', () => {
    const v = verify(stream.map((e) => msg(e)), { rebuild: AGGREGATES });
    expect(v.findings()).toEqual([]);
    expect(v.events).toBe(stream.length);
    const record = v.stream('referral-r1');
    expect(record?.cursor.lastVersion).toBe(stream.length);
    expect(record?.fold?.aggregate?.statusOf(record.fold.state)).toBe('accepted');
    expect(record?.fold?.hashes).toEqual(stream.map((e) => e.hash));
  });

  it('reports a modified payload as a hash mismatch at its version, the chain otherwise intact', () => {
    const tampered = stream.map((e, i) => (i === 1 ? { ...e, payload: { ...e.payload, toBureau: '320509' } } : e));
    const v = verify(tampered.map((e) => msg(e)));
    expect(kinds(v)).toEqual([['hash-mismatch', 'referral-r1', 2]]);
    expect(v.findings()[0].data).toMatchObject({ sealedHash: stream[1].hash, contentHash: hashEnvelope(tampered[1]) });
  });

  it('reports a re-sealed modified event as a broken link at the next version', () => {
    const forged = { ...stream[1], payload: { ...stream[1].payload, toBureau: '320509' } };
    const resealed = { ...forged, hash: hashEnvelope(forged) };
    const v = verify([stream[0], resealed, ...stream.slice(2)].map((e) => msg(e)));
    expect(kinds(v)).toEqual([['broken-link', 'referral-r1', 3]]);
  });

  it('reports a removed event as a gap starting at the missing version', () => {
    const v = verify([stream[0], ...stream.slice(2)].map((e) => msg(e)));
    expect(kinds(v)).toEqual([['gap', 'referral-r1', 2]]);
    expect(v.findings()[0].data).toEqual({ missingFrom: 2, missingTo: 2, readNext: 3 });
  });

  it('reports duplicates: an identical copy, two events claiming one version, an old version again', () => {
    const [a, b, c] = stream;
    const rival = chainEvents({ streamId: a.streamId, version: 1, lastHash: a.hash }, [{ type: 'referral.accepted', data: { referralId: 'r1', bureau: '330421', acceptedAt: '2026-03-02T02:00:00.000Z' } }], {
      actor: a.actor, correlationId: 'x', causationId: null, now: new Date('2026-03-02T03:00:00Z'),
    }, fixtureSigner('clue-transfer'))[0];
    const v = verify([a, b, b, rival, c, a].map((e) => msg(e)));
    const found = v.findings();
    expect(found.map((f) => [f.kind, f.version, f.data?.['identical']])).toEqual([
      ['duplicate', 1, undefined],
      ['duplicate', 2, true],
      ['duplicate', 2, false],
    ]);
  });

  it('reports a malformed message, an unknown type and an invalid payload with where they were read', () => {
    const [bad] = chainEvents(emptyHead('referral-r2'), [{ type: 'referral.accepted', data: { referralId: 'r2' } }], { actor: stream[0].actor, correlationId: 'c', causationId: null, now: new Date() }, fixtureSigner('clue-transfer'));
    const [unknown] = chainEvents(emptyHead('referral-r3'), [{ type: 'referral.teleported', data: {} }], { actor: stream[0].actor, correlationId: 'c', causationId: null, now: new Date() }, fixtureSigner('clue-transfer'));
    offset = 100;
    const v = verify([msg('{"not":"an envelope"'), msg(bad), msg(unknown)]);
    expect(v.findings().map((f) => [f.kind, f.streamId, f.version, f.location?.offset])).toEqual([
      ['malformed-envelope', null, null, 100],
      ['invalid-payload', 'referral-r2', 1, 101],
      ['unknown-type', 'referral-r3', 1, 102],
    ]);
  });

  it('checks signatures where events carry them, through a pluggable verifier', () => {
    const trusted = generateKeyPairSync('ed25519');
    const stranger = generateKeyPairSync('ed25519');
    const signatures = [new Ed25519HeaderSignatures([trusted.publicKey])];
    const v = verify(
      [msg(stream[0], signatureHeaders(stream[0], trusted.privateKey)), msg(stream[1], signatureHeaders(stream[1], stranger.privateKey)), msg(stream[2])],
      { signatures },
    );
    expect(v.signatureTotals).toEqual({ valid: 1, invalid: 1, unsigned: 1 });
    expect(kinds(v)).toEqual([['bad-signature', 'referral-r1', 2]]);
    const borrowed = signatureHeaders(stream[1], trusted.privateKey);
    const w = verify([msg(stream[0]), msg(stream[1]), msg(stream[2], borrowed)], { signatures });
    expect(w.findings().find((f) => f.kind === 'bad-signature')?.detail).toContain('does not verify');
  });

  it('from a point in time: a stream first read mid-way is anchored on its first link, then checked', () => {
    const v = verify(stream.slice(2).map((e) => msg(e)), { filter: { from: '2026-03-02T00:00:00Z' }, rebuild: AGGREGATES });
    expect(v.findings()).toEqual([]);
    expect(v.stream('referral-r1')).toMatchObject({ partial: true, fold: null });
  });

  describe('filters', () => {
    const other = referralStream('r9', referralLifecycle('r9'));
    const all = [...stream, ...other].map((e) => msg(e));
    const selected = (options: Partial<LogVerifierOptions>) => [...verify(all, options).streams()].filter((r) => verify(all, options).isSelected(r)).map((r) => r.streamId);

    it('by stream, by case, by bureau and by event type', () => {
      expect(selected({ filter: { streams: ['referral-r9'] } })).toEqual(['referral-r9']);
      expect(selected({ filter: { caseId: 'c1' } })).toEqual(['referral-r1']);
      expect(selected({ filter: { caseId: 'r9' } })).toEqual(['referral-r9']);
      expect(selected({ filter: { bureau: '330421' } })).toEqual(['referral-r1', 'referral-r9']);
      expect(selected({ filter: { bureau: '340000' } })).toEqual([]);
      expect(selected({ filter: { types: ['referral.accepted'] } })).toEqual(['referral-r1', 'referral-r9']);
      expect(selected({ filter: { types: ['referral.rejected'] } })).toEqual([]);
    });

    it('reports only the findings of selected streams', () => {
      const broken = [stream[0], ...stream.slice(2), ...other].map((e) => msg(e));
      expect(verify(broken, { filter: { streams: ['referral-r9'] } }).findings()).toEqual([]);
      expect(kinds(verify(broken, { filter: { caseId: 'c1' } }))).toEqual([['gap', 'referral-r1', 2]]);
    });

    it('keeps the events of selected streams for a case timeline', () => {
      const v = verify(all, { filter: { caseId: 'c1' }, retainEvents: true });
      expect(v.stream('referral-r1')?.retained?.map((r) => r.envelope.streamVersion)).toEqual(stream.map((e) => e.streamVersion));
    });
  });
});
