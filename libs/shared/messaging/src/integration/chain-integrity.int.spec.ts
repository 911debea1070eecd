import mongoose, { type Connection } from 'mongoose';
import type { Kafka, Producer } from 'kafkajs';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { chainEvents, emptyHead, fixtureKeys, fixtureSigner, headAfter, Keyring, type EventSigner, type StreamHead } from '@yrd/event-log';
import { EventKeyStore } from '@yrd/event-store';
import { eventually, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { EventConsumer, EventPublisher, HEADER, ProcessedEvents, headerString, provisionTopics } from '../index';

jest.setTimeout(120000);

const clueTransfer = fixtureSigner('clue-transfer');

/** The next `referral.accepted` after `head`, as clue-transfer (or whoever holds `signer`) would write it. */
function next(head: StreamHead, signer: EventSigner = clueTransfer, at = new Date()): EventEnvelope {
  const referralId = head.streamId.slice('referral-'.length);
  const data = { referralId, bureau: '330421', acceptedAt: at.toISOString() };
  return chainEvents(head, [{ type: 'referral.accepted', data }], { actor: { userId: 'bureau-jsh-1', bureau: '330421', role: 'bureau' }, correlationId: uniqueName('c-'), causationId: null, now: at }, signer)[0];
}

describe('a consumer applies only the next signed link of each stream (real Kafka + FerretDB)', () => {
  let kafka: Kafka;
  let conn: Connection;
  let topics: TopicRegistry;
  let topic: string;
  let publisher: EventPublisher;
  let raw: Producer;
  const consumers: EventConsumer[] = [];
  const streamId = `referral-${uniqueName('fk')}`;
  const group = uniqueName('g-integrity-');
  const applied: EventEnvelope[] = [];

  async function consumer(): Promise<EventConsumer> {
    const keys = new EventKeyStore(conn);
    const c = new EventConsumer({
      kafka,
      groupId: group,
      topics: [topic],
      catalog: eventCatalog,
      processed: new ProcessedEvents(conn, group),
      keyring: new Keyring(await keys.load()),
      loadKeyring: () => keys.load(),
      dlq: publisher,
      dlqTopic: (t) => topics.dlqTopic(t),
      handler: async (e) => {
        if (e.streamId === streamId) applied.push(e);
      },
    });
    consumers.push(c);
    await c.start();
    await c.whenJoined();
    return c;
  }

  /** What an attacker with write access to the broker sends: straight onto the topic, keyed like the real thing. */
  const forge = (event: unknown) => raw.send({ topic, messages: [{ key: streamId, value: JSON.stringify(event) }] });

  const refusals = () =>
    eventually(async () => (await readTopic(kafka, topics.dlqTopic(topic))).filter((m) => headerString(m.headers, HEADER.dlqConsumer) === group));

  beforeAll(async () => {
    kafka = testKafka();
    topics = new TopicRegistry(uniqueName('t'));
    topic = topics.eventsTopic('referral');
    await provisionTopics(kafka, topics.all(['referral']), { partitions: 3, replicationFactor: 1, minInSyncReplicas: 1 });
    conn = await mongoose.createConnection(mongoUrlFor(uniqueName('integrity_'))).asPromise();
    // clue-transfer's key is published (the notification fixture key too: valid, but not for referral events).
    for (const key of fixtureKeys(['clue-transfer', 'notification'])) await new EventKeyStore(conn).publish(key);
    publisher = new EventPublisher(kafka, eventCatalog, topics);
    raw = kafka.producer();
    await raw.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await raw?.disconnect();
    await publisher?.close();
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('refuses broken links, forks, unsigned and wrongly signed events to the DLQ; after a restart the heads are still known', async () => {
    const v1 = next(emptyHead(streamId));
    const v2 = next(headAfter([v1], streamId));
    const first = await consumer();
    await publisher.publish([v1, v2]);
    await eventually(() => expect(applied.map((e) => e.streamVersion)).toEqual([1, 2]));

    // Next version, genuine signature, but linked to something that was never applied.
    const brokenLink = next({ streamId, version: 2, lastHash: 'f'.repeat(64) });
    // A different version 2, hash recomputed and validly signed: a fork of what was applied.
    const fork = next(headAfter([v1], streamId), clueTransfer, new Date(Date.now() + 1000));
    const v3 = next(headAfter([v1, v2], streamId));
    const { signature: _dropped, ...unsigned } = next(headAfter([v1, v2], streamId));
    const byNotification = next(headAfter([v1, v2], streamId), fixtureSigner('notification'));
    const forgedSignature = { ...next(headAfter([v1, v2], streamId)), signature: v2.signature };
    for (const forged of [brokenLink, fork, unsigned, byNotification, forgedSignature]) await forge(forged);
    await publisher.publish([v3]);

    await eventually(() => expect(applied.map((e) => e.streamVersion)).toEqual([1, 2, 3]));
    expect(applied[2].eventId).toBe(v3.eventId);
    const dlq = await eventually(async () => {
      const found = await refusals();
      expect(found).toHaveLength(5);
      return found;
    });
    const reasonOf = (e: { eventId: string }) => {
      const m = dlq.find((d) => JSON.parse(d.value?.toString() ?? '{}').eventId === e.eventId);
      return m && headerString(m.headers, HEADER.dlqReason);
    };
    expect([brokenLink, fork, unsigned, byNotification, forgedSignature].map(reasonOf)).toEqual(['broken-link', 'fork', 'unsigned', 'bad-signature', 'bad-signature']);
    expect(headerString(dlq.find((d) => headerString(d.headers, HEADER.dlqReason) === 'broken-link')?.headers, HEADER.dlqError)).toContain('is not the applied head');
    expect(first.stats).toMatchObject({ handled: 3, refused: 5 });

    // A fresh consumer of the same group knows the heads from the processed record.
    await first.stop();
    const restarted = await consumer();
    const forkOfV3 = next(headAfter([v1, v2], streamId), clueTransfer, new Date(Date.now() + 2000));
    const v4 = next(headAfter([v1, v2, v3], streamId));
    const gap = next({ streamId, version: 5, lastHash: 'e'.repeat(64) });
    await forge(forkOfV3);
    await publisher.publish([v4]);
    await forge(gap);
    await eventually(() => expect(applied.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4]));
    const after = await eventually(async () => {
      const found = await refusals();
      expect(found).toHaveLength(7);
      return found.slice(5);
    });
    expect(after.map((m) => headerString(m.headers, HEADER.dlqReason))).toEqual(['fork', 'broken-link']);
    expect(headerString(after[1].headers, HEADER.dlqError)).toContain('version 5 is missing');
    // A re-delivery of an applied event stays a silent duplicate.
    await forge(v2);
    await eventually(() => expect(restarted.stats.duplicates).toBe(1));
    expect(applied).toHaveLength(4);
  });
});
