import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import { advanceChain, chainEvents, fixtureSigner, checkEnvelope, checkEncodedEnvelope, emptyHead, hashEnvelope, headAfter, startChain, verifyStream, type ChainFinding } from '../index';

const meta = {
  actor: { userId: 'officer-qp-1', bureau: '310118', role: 'officer' as const },
  correlationId: 'corr-1',
  causationId: null,
  now: new Date('2026-03-02T08:00:00.000Z'),
};

function probes(n: number, from = emptyHead('probe-abc')): EventEnvelope[] {
  return chainEvents(
    from,
    Array.from({ length: n }, (_, seq) => ({ type: 'backbone.probed', data: { seq } })),
    meta,
    fixtureSigner('audit'),
  );
}

describe('chainEvents', () => {
  it('numbers versions from the head and links each event to the previous hash', () => {
    const events = probes(3);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(events[0].prevHash).toBeNull();
    expect(events[1].prevHash).toBe(events[0].hash);
    expect(events[2].prevHash).toBe(events[1].hash);
    const more = probes(1, headAfter(events, 'probe-abc'));
    expect(more[0].streamVersion).toBe(4);
    expect(more[0].prevHash).toBe(events[2].hash);
    expect(verifyStream([...events, ...more])).toEqual([]);
  });

  it('hashes the canonical form, so key order does not matter', () => {
    const [e] = probes(1);
    const reordered = Object.fromEntries(Object.entries(e).reverse()) as unknown as EventEnvelope;
    expect(Object.keys(reordered)[0]).toBe('signature');
    expect(hashEnvelope(reordered)).toBe(e.hash);
  });
});

describe('checkEnvelope', () => {
  it('accepts a sealed event of a known type', () => {
    const [e] = probes(1);
    expect(checkEncodedEnvelope(Buffer.from(JSON.stringify(e)), eventCatalog)).toEqual({ ok: true, envelope: e });
  });

  it('rejects a tampered payload as a hash mismatch', () => {
    const [e] = probes(1);
    const tampered = { ...e, payload: { seq: 99 } };
    expect(checkEnvelope(tampered, eventCatalog)).toMatchObject({ ok: false, reason: 'hash-mismatch' });
  });

  it('rejects non-JSON, missing fields, unknown types and bad payloads with the reason', () => {
    const [e] = probes(1);
    expect(checkEncodedEnvelope(Buffer.from('{nope'), eventCatalog)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkEncodedEnvelope(null, eventCatalog)).toMatchObject({ ok: false, reason: 'malformed' });
    const { hash: _h, ...noHash } = e;
    expect(checkEnvelope(noHash, eventCatalog)).toMatchObject({ ok: false, reason: 'malformed' });
    const [unknown] = chainEvents(emptyHead('probe-x'), [{ type: 'nothing.known', data: {} }], meta, fixtureSigner('audit'));
    expect(checkEnvelope(unknown, eventCatalog)).toMatchObject({ ok: false, reason: 'unknown-type' });
    const [bad] = chainEvents(emptyHead('probe-y'), [{ type: 'backbone.probed', data: { seq: -1 } }], meta, fixtureSigner('audit'));
    const check = checkEnvelope(bad, eventCatalog);
    expect(check).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(check.ok ? '' : check.error).toContain('seq');
  });
});

describe('verifyStream', () => {
  it('reports a removed event as a gap', () => {
    const [a, , c] = probes(3);
    expect(verifyStream([a, c])).toEqual([{ kind: 'gap', streamId: 'probe-abc', expectedVersion: 2, actualVersion: 3 }]);
  });

  it('reports a duplicated event', () => {
    const [a, b] = probes(2);
    expect(verifyStream([a, b, b])).toEqual([
      { kind: 'duplicate', streamId: 'probe-abc', version: 2, eventIds: [b.eventId, b.eventId] },
    ]);
  });

  it('reports a modified event and the re-sealed forgery that breaks the link', () => {
    const [a, b, c] = probes(3);
    const modified = { ...b, payload: { seq: 7 } };
    expect(verifyStream([a, modified, c])).toEqual([
      { kind: 'hash-mismatch', streamId: 'probe-abc', version: 2, eventId: b.eventId },
    ]);
    const forged = { ...modified, hash: hashEnvelope(modified) };
    expect(verifyStream([a, forged, c])).toEqual([
      { kind: 'broken-link', streamId: 'probe-abc', version: 3, expectedPrevHash: forged.hash, actualPrevHash: b.hash },
    ]);
  });
});

describe('advanceChain (incremental verification)', () => {
  it('finds event by event what verifyStream finds over the whole stream, holding only a cursor', () => {
    const [a, b, c, d] = probes(4);
    const received = [a, b, b, { ...c, payload: { seq: 7 } }, d];
    const findings: ChainFinding[] = [];
    const cursor = startChain();
    received.forEach((e) => advanceChain(cursor, e, findings));
    expect(findings).toEqual(verifyStream(received));
    expect(cursor).toEqual({ expectedVersion: 5, lastVersion: 4, lastHash: d.hash, lastEventId: d.eventId });
  });

  it('starts mid-stream from an anchor and still checks the next link', () => {
    const [, b, c] = probes(3);
    const findings: ChainFinding[] = [];
    const cursor = startChain({ version: 1, hash: b.prevHash, eventId: null });
    advanceChain(cursor, b, findings);
    advanceChain(cursor, { ...c, prevHash: b.prevHash }, findings, c.hash);
    expect(findings).toEqual([{ kind: 'broken-link', streamId: 'probe-abc', version: 3, expectedPrevHash: b.hash, actualPrevHash: b.prevHash }]);
  });
});
