import mongoose, { type Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { fixtureKeys, fixtureSigner, Keyring, verifyStream, type EventMetadata } from '@yrd/event-log';
import { AggregateRepository, CommitStore, ConcurrencyConflict, OutboxRelay } from '@yrd/event-store';
import { eventually, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { EventConsumer, EventPublisher, HEADER, ProcessedEvents, provisionTopics, headerString } from '../index';
import { probe, probeAggregate, type ProbeEvent, type ProbeState } from './probe-aggregate';

jest.setTimeout(90000);

const signer = fixtureSigner('audit');

const meta = (): EventMetadata => ({
  actor: { userId: 'backbone-test', bureau: '310118', role: 'system' },
  correlationId: uniqueName('corr-'),
  causationId: null,
  now: new Date(),
});

describe('event backbone on the real Kafka broker and FerretDB', () => {
  let kafka: Kafka;
  let conn: Connection;
  let topics: TopicRegistry;
  let topic: string;
  let publisher: EventPublisher;
  let store: CommitStore;
  const consumers: EventConsumer[] = [];
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    topics = new TopicRegistry(uniqueName('t'));
    topic = topics.eventsTopic('diagnostics');
    await provisionTopics(kafka, topics.all(['diagnostics']), { partitions: 3, replicationFactor: 1, minInSyncReplicas: 1 });
    conn = await mongoose.createConnection(mongoUrlFor(uniqueName('backbone_'))).asPromise();
    publisher = new EventPublisher(kafka, eventCatalog, topics);
    store = new CommitStore(conn);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await Promise.all(relays.map((r) => r.stop()));
    await publisher.close();
    await conn.dropDatabase();
    await conn.close();
  });

  function relay(options: ConstructorParameters<typeof OutboxRelay>[2] = {}): OutboxRelay {
    const r = new OutboxRelay(store, publisher, options);
    relays.push(r);
    return r;
  }

  async function consumer(groupId: string, handler: (e: EventEnvelope) => Promise<void>, maxAttempts = 3): Promise<EventConsumer> {
    const c = new EventConsumer({
      kafka,
      groupId,
      topics: [topic],
      catalog: eventCatalog,
      processed: new ProcessedEvents(conn, groupId),
      keyring: new Keyring(fixtureKeys()),
      dlq: publisher,
      dlqTopic: (t) => topics.dlqTopic(t),
      handler,
      retry: { maxAttempts, initialDelayMs: 10, maxDelayMs: 50 },
    });
    consumers.push(c);
    await c.start();
    await c.whenJoined();
    return c;
  }

  it('relay crash between publish and mark: the sweep re-publishes and the consumer handles the event once', async () => {
    let crash = true;
    const crashing = relay({
      afterPublish: () => {
        if (crash) {
          crash = false;
          throw new Error('simulated crash after publish, before mark');
        }
      },
    });
    const repo = new AggregateRepository<ProbeState, ProbeEvent>(store, crashing, probeAggregate, signer);
    const streamId = `probe-${uniqueName('crash')}`;
    const outcome = await repo.create(streamId, probe('crash'), meta());
    if (!outcome.ok) throw new Error('decision failed');
    const [event] = outcome.events;

    await eventually(async () => expect((await store.get(streamId, 1))?.published).toBe(false));
    expect(await relay().sweep(0)).toBe(1);
    expect((await store.get(streamId, 1))?.published).toBe(true);

    const onTopic = (await readTopic(kafka, topic)).filter((m) => headerString(m.headers, HEADER.eventId) === event.eventId);
    expect(onTopic).toHaveLength(2);

    const handled: string[] = [];
    const c = await consumer(uniqueName('g-crash-'), async (e) => {
      if (e.streamId === streamId) handled.push(e.eventId);
    });
    await eventually(() => expect(c.stats.duplicates).toBeGreaterThanOrEqual(1));
    expect(handled).toEqual([event.eventId]);
  });

  it('poison, tampered and failing messages go to the DLQ with the reason; the consumer goes on', async () => {
    const streamId = `probe-${uniqueName('poison')}`;
    const repo = new AggregateRepository<ProbeState, ProbeEvent>(store, relay(), probeAggregate, signer, { awaitPublish: true });
    const first = await repo.create(streamId, probe('will fail'), meta());
    if (!first.ok) throw new Error('decision failed');
    const failing = first.events[0];
    const tampered = { ...failing, eventId: failing.eventId.replace(/.$/, '0'), payload: { seq: 41 } };
    await publisher.sendRaw(topic, [
      { key: streamId, value: '{"not":"an envelope"' },
      { key: streamId, value: JSON.stringify(tampered), headers: { 'x-origin': 'tamperer' } },
    ]);
    const last = await repo.handle(streamId, probe('fine'), meta());
    if (!last.ok) throw new Error('decision failed');

    const handled: number[] = [];
    let attempts = 0;
    const group = uniqueName('g-poison-');
    const c = await consumer(group, async (e) => {
      if (e.streamId !== streamId) return;
      if (e.eventId === failing.eventId) {
        attempts++;
        throw new Error('handler cannot cope with this event');
      }
      handled.push(e.streamVersion);
    });
    await eventually(() => expect(handled).toEqual([2]));
    expect(attempts).toBe(3);

    const dlq = await eventually(async () => {
      // Every consumer group dead-letters on its own; look at this group's entries.
      const msgs = (await readTopic(kafka, topics.dlqTopic(topic))).filter(
        (m) => m.key?.toString() === streamId && headerString(m.headers, HEADER.dlqConsumer) === group,
      );
      expect(msgs).toHaveLength(3);
      return msgs;
    });
    const reasons = Object.fromEntries(dlq.map((m) => [headerString(m.headers, HEADER.dlqReason), m]));
    expect(Object.keys(reasons).sort()).toEqual(['handler-failed', 'hash-mismatch', 'malformed']);
    expect(headerString(reasons['handler-failed'].headers, HEADER.dlqAttempts)).toBe('3');
    expect(headerString(reasons['handler-failed'].headers, HEADER.dlqError)).toContain('handler cannot cope');
    expect(headerString(reasons['hash-mismatch'].headers, 'x-origin')).toBe('tamperer');
    expect(headerString(reasons['hash-mismatch'].headers, HEADER.dlqSourceTopic)).toBe(topic);
    expect(c.stats.deadLettered).toBe(3);
  });

  it('a consumer stopped mid-stream and replaced loses no event and handles none twice', async () => {
    const streamIds = Array.from({ length: 20 }, () => `probe-${uniqueName('restart')}`);
    const group = uniqueName('g-restart-');
    const seen = new Map<string, number>();
    const ours = new Set(streamIds);
    const record = async (e: EventEnvelope) => {
      if (ours.has(e.streamId)) seen.set(e.eventId, (seen.get(e.eventId) ?? 0) + 1);
    };
    const repo = new AggregateRepository<ProbeState, ProbeEvent>(store, relay(), probeAggregate, signer, { awaitPublish: true });
    const expected: string[] = [];
    const submit = async (round: number) => {
      for (const id of streamIds) {
        const o = round === 0 ? await repo.create(id, probe(), meta()) : await repo.handle(id, probe(), meta());
        if (o.ok) expected.push(...o.events.map((e) => e.eventId));
      }
    };

    await submit(0);
    const first = await consumer(group, record);
    await eventually(() => expect(seen.size).toBeGreaterThanOrEqual(10));
    await first.stop();
    await submit(1);
    await submit(2);
    await consumer(group, record);
    await eventually(() => expect(seen.size).toBe(expected.length));
    expect(new Set(seen.keys())).toEqual(new Set(expected));
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('32 concurrent writers of one version: exactly one wins, the others are told of the conflict', async () => {
    const streamId = `probe-${uniqueName('race')}`;
    const repo = new AggregateRepository<ProbeState, ProbeEvent>(store, relay(), probeAggregate, signer, { maxConflictRetries: 0 });
    const results = await Promise.allSettled(Array.from({ length: 32 }, () => repo.create(streamId, probe(), meta())));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(31);
    expect(lost.every((r) => r.reason instanceof ConcurrencyConflict)).toBe(true);
  });

  it('32 concurrent commands on one aggregate: versions 1…32 each written exactly once, chain intact', async () => {
    const streamId = `probe-${uniqueName('cmds')}`;
    const repos = Array.from({ length: 4 }, () => new AggregateRepository<ProbeState, ProbeEvent>(store, relay(), probeAggregate, signer, { maxConflictRetries: 64 }));
    const outcomes = await Promise.all(Array.from({ length: 32 }, (_, i) => repos[i % 4].handle(streamId, probe(`cmd ${i}`), meta())));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(events.map((e) => (e.payload as { seq: number }).seq)).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect(new Set(events.map((e) => e.payload['note'])).size).toBe(32);
    expect(verifyStream(events)).toEqual([]);
  });
});
