/**
 * The store under contention and bad input, on the real FerretDB (`deploy/local/infra.sh up`):
 * one commit the database refuses fails alone, concurrent commands on one stream all land within
 * the conflict budget, and commutative facts never contend.
 */
import mongoose, { type Connection } from 'mongoose';
import type { EventEnvelope } from '@yrd/contracts';
import { chainEvents, emptyHead, fixtureSigner, verifyStream, type DomainEvent, type EventMetadata } from '@yrd/event-log';
import { mongoUrlFor, uniqueName } from '@yrd/testing';
import { AggregateRepository, CommitRefused, CommitStore, OutboxRelay, type Decision, type EventSink } from '../index';

const signer = fixtureSigner('case-intake');

jest.setTimeout(90_000);

type Counted = DomainEvent<'backbone.probed', { seq: number; note?: string }>;
const counter = {
  initialState: (): { count: number } => ({ count: 0 }),
  evolve: (s: { count: number }, e: Counted) => ({ count: Math.max(s.count, e.data.seq + 1) }),
};
const next =
  (note: string) =>
  (s: { count: number }): Decision<Counted, never> => ({ ok: true, value: [{ type: 'backbone.probed', data: { seq: s.count, note } }] });

const meta = (): EventMetadata => ({
  actor: { userId: 'contention-test', bureau: '310118', role: 'system' },
  correlationId: uniqueName('corr-'),
  causationId: null,
  now: new Date(),
});

/** Where the relay hands events: kept in memory, the broker is not what this test is about. */
class Received implements EventSink {
  readonly events: EventEnvelope[] = [];
  async publish(events: readonly EventEnvelope[]): Promise<void> {
    this.events.push(...events);
  }
}

describe('event store under contention on the real FerretDB', () => {
  let conn: Connection;
  let store: CommitStore;
  let relay: OutboxRelay;
  let sink: Received;

  beforeAll(async () => {
    conn = await mongoose.createConnection(mongoUrlFor(uniqueName('contention_'))).asPromise();
    store = new CommitStore(conn);
    sink = new Received();
    relay = new OutboxRelay(store, sink);
  });

  afterAll(async () => {
    await relay.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  const envelopesOf = (streamId: string, note: string) => chainEvents(emptyHead(streamId), [{ type: 'backbone.probed', data: { seq: 0, note } }], meta(), signer);

  it('20 valid commits and 1 the database refuses (NUL in a string), sent together: the 20 are stored, the 1 fails alone', async () => {
    const valid = Array.from({ length: 20 }, (_, i) => envelopesOf(`probe-${uniqueName('ok')}`, `clue ${i}`));
    const poison = envelopesOf(`probe-${uniqueName('nul')}`, 'poison \u0000 byte');
    const all = [...valid.slice(0, 10), poison, ...valid.slice(10)];
    const results = await Promise.allSettled(all.map((events) => store.append(events)));

    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(CommitRefused);
    expect((failed[0].reason as CommitRefused).streamId).toBe(poison[0].streamId);
    for (const events of valid) expect((await store.readStream(events[0].streamId)).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(await store.readStream(poison[0].streamId)).toEqual([]);
  });

  it('32 concurrent commands on one stream (4 instances, no retry count): all accepted, versions 1…32 once each', async () => {
    const streamId = `probe-${uniqueName('race')}`;
    const repos = Array.from({ length: 4 }, () => new AggregateRepository(store, relay, counter, signer));
    const outcomes = await Promise.all(Array.from({ length: 32 }, (_, i) => repos[i % 4].handle(streamId, next(`cmd ${i}`), meta())));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.payload['note'])).size).toBe(32);
    expect(verifyStream(events)).toEqual([]);
  });

  it('32 concurrent facts about one aggregate go to streams of their own: 32 recorded, the aggregate untouched; the same fact twice is recorded once', async () => {
    const streamId = `probe-${uniqueName('subject')}`;
    const repo = new AggregateRepository(store, relay, counter, signer, { awaitPublish: true });
    await repo.create(streamId, next('created'), meta());
    const factStream = (i: number) => `probe-fact-${streamId}-${i}`;
    const outcomes = await Promise.all(Array.from({ length: 32 }, (_, i) => repo.recordFact(streamId, factStream(i), next(`fact ${i}`), meta())));
    expect(outcomes.every((o) => o.ok && o.events.length === 1)).toBe(true);
    for (let i = 0; i < 32; i++) {
      const fact = await store.readStream(factStream(i));
      expect(fact.map((e) => e.payload['note'])).toEqual([`fact ${i}`]);
      expect(verifyStream(fact)).toEqual([]);
    }
    expect((await store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1]);
    expect(sink.events.filter((e) => e.streamId.startsWith(`probe-fact-${streamId}-`))).toHaveLength(32);

    expect((await repo.facts(`probe-fact-${streamId}-`)).map((e) => e.payload['note']).sort()).toEqual(Array.from({ length: 32 }, (_, i) => `fact ${i}`).sort());
    expect(await repo.facts(`probe-fact-${streamId}.`)).toEqual([]);

    const again = await repo.recordFact(streamId, factStream(0), next('fact 0 again'), meta());
    expect(again.ok && again.events).toEqual([]);
    expect(await store.readStream(factStream(0))).toHaveLength(1);
  });
});
