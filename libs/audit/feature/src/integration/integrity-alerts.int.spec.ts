import mongoose, { type Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { checkEnvelope, chainEvents, emptyHead, fixtureKeys, fixtureSigner, Keyring } from '@yrd/event-log';
import { AggregateRepository, CommitStore, OutboxRelay } from '@yrd/event-store';
import { EventPublisher, HEADER, provisionTopics } from '@yrd/messaging';
import { eventually, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { AUDIT_ACTOR, IntegrityAlerts, integrityAlertAggregate, type AlertEvent, type AlertState } from '../index';

jest.setTimeout(120000);

describe('integrity alerts: the audit reads the DLQs and raises one signed alert per refused message (real Kafka + FerretDB)', () => {
  let kafka: Kafka;
  let conn: Connection;
  let topics: TopicRegistry;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let alerts: IntegrityAlerts;

  beforeAll(async () => {
    kafka = testKafka();
    topics = new TopicRegistry(uniqueName('alerts'));
    await provisionTopics(kafka, topics.all(), { partitions: 2, replicationFactor: 1, minInSyncReplicas: 1 });
    conn = await mongoose.createConnection(mongoUrlFor(uniqueName('alerts_'))).asPromise();
    publisher = new EventPublisher(kafka, eventCatalog, topics);
    await publisher.connect();
    relay = new OutboxRelay(new CommitStore(conn, 'commits_audit'), publisher);
    const repository = new AggregateRepository<AlertState, AlertEvent>(new CommitStore(conn, 'commits_audit'), relay, integrityAlertAggregate, fixtureSigner('audit'), { awaitPublish: true });
    alerts = new IntegrityAlerts({
      kafka,
      topics,
      repository,
      auditors: ['310000'],
      groupId: uniqueName('g-alerts-'),
      metadata: (now) => ({ actor: AUDIT_ACTOR, correlationId: uniqueName('corr-'), causationId: null, now }),
    });
    await alerts.start();
  });

  afterAll(async () => {
    await alerts?.stop();
    await relay?.stop();
    await publisher?.close();
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('two consumers refusing one forged event raise one alert; a handler failure raises none', async () => {
    const source = topics.eventsTopic('referral');
    const [forged] = chainEvents(emptyHead(`referral-${uniqueName('r')}`), [{ type: 'referral.accepted', data: { referralId: 'x', bureau: '330421', acceptedAt: new Date().toISOString() } }], {
      actor: { userId: 'mallory', bureau: '330421', role: 'bureau' },
      correlationId: 'c',
      causationId: null,
      now: new Date(),
    }, fixtureSigner('notification'));
    const refused = (consumer: string, reason: string, offset: string) => ({
      key: forged.streamId,
      value: JSON.stringify(forged),
      headers: {
        [HEADER.dlqReason]: reason,
        [HEADER.dlqError]: 'notification may not produce referral events',
        [HEADER.dlqConsumer]: consumer,
        [HEADER.dlqSourceTopic]: source,
        [HEADER.dlqSourcePartition]: '1',
        [HEADER.dlqSourceOffset]: offset,
        [HEADER.dlqAt]: new Date().toISOString(),
      },
    });
    await publisher.sendRaw(topics.dlqTopic(source), [
      refused('clue-transfer.referral-views', 'bad-signature', '7'),
      refused('case-intake.clue-views', 'bad-signature', '7'),
      refused('notification.router', 'handler-failed', '7'),
      // Behind them on the same partition: once its alert is out, the three before were read.
      { ...refused('clue-transfer.referral-views', 'unsigned', '8'), value: JSON.stringify({ ...forged, eventId: 'sentinel' }) },
    ]);

    const raised = await eventually(async () => {
      const onTopic = (await readTopic(kafka, topics.eventsTopic('audit'))).map((m) => JSON.parse(m.value?.toString() ?? '{}') as EventEnvelope);
      expect(onTopic.map((e) => e.payload['eventId']).sort()).toEqual([forged.eventId, 'sentinel'].sort());
      return onTopic.find((e) => e.payload['eventId'] === forged.eventId) as EventEnvelope;
    });
    expect(raised).toMatchObject({ type: 'audit.integrity-alert-raised', streamVersion: 1, actor: AUDIT_ACTOR, signature: { keyId: 'audit:fixture' } });
    expect(raised.payload).toMatchObject({ reason: 'bad-signature', eventId: forged.eventId, streamId: forged.streamId, keyId: 'notification:fixture', auditors: ['310000'] });
    expect(checkEnvelope(raised, eventCatalog, new Keyring(fixtureKeys()))).toMatchObject({ ok: true });
  });
});
