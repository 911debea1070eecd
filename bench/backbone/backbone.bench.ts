/**
 * Backbone throughput: raw kafkajs produce→consume and raw insertMany into FerretDB (the
 * baselines) versus the backbone's commit (insert + envelope + hash) → relay → consume
 * (validation + idempotency record), all in one run on the same servers.
 *   npx tsx bench/backbone/backbone.bench.ts [--events 5000] [--concurrency 32]
 */
import mongoose from 'mongoose';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { chainEvents, emptyHead, fixtureKeys, fixtureSigner, Keyring } from '@yrd/event-log';
import { CommitStore, OutboxRelay } from '@yrd/event-store';
import { EventConsumer, EventPublisher, ProcessedEvents, provisionTopics } from '@yrd/messaging';
import { dropRunDatabase, mongoUrlFor, testKafka, uniqueName } from '@yrd/testing';
import { percentile, report, round, type BenchRow } from '../lib/report';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RAW_MESSAGES = arg('raw', 20000);
const EVENTS = arg('events', 5000);
const CONCURRENCY = arg('concurrency', 32);

async function main() {
  const kafka = testKafka(uniqueName('bench-'));
  const topics = new TopicRegistry(uniqueName('bench'));
  await provisionTopics(kafka, topics.all(['diagnostics']), { partitions: 3, replicationFactor: 1, minInSyncReplicas: 1 });
  const mongoUrl = mongoUrlFor(uniqueName('bench_'));
  const conn = await mongoose.createConnection(mongoUrl).asPromise();
  const rows: BenchRow[] = [];

  // Baseline 1: raw kafkajs, idempotent producer, acks=all, batches of 500, 400-byte values.
  const rawTopic = `${topics.namespace}.raw`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: rawTopic, numPartitions: 3 }] });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const value = 'x'.repeat(400);
  const t0 = performance.now();
  for (let i = 0; i < RAW_MESSAGES; i += 500) {
    await producer.send({ topic: rawTopic, acks: -1, messages: Array.from({ length: Math.min(500, RAW_MESSAGES - i) }, (_, j) => ({ key: `k${(i + j) % 1000}`, value })) });
  }
  const produceSecs = (performance.now() - t0) / 1000;
  await producer.disconnect();
  const rawConsumer = kafka.consumer({ groupId: uniqueName('bench-raw-') });
  await rawConsumer.connect();
  await rawConsumer.subscribe({ topic: rawTopic, fromBeginning: true });
  let received = 0;
  let c0 = 0;
  await new Promise<void>((resolve) => {
    void rawConsumer.run({
      eachBatch: async ({ batch }) => {
        if (c0 === 0) c0 = performance.now();
        received += batch.messages.length;
        if (received >= RAW_MESSAGES) resolve();
      },
    });
  });
  const consumeSecs = (performance.now() - c0) / 1000;
  await rawConsumer.disconnect();
  rows.push({ name: 'raw kafkajs produce', messages: RAW_MESSAGES, 'msg/s': round(RAW_MESSAGES / produceSecs, 0) });
  rows.push({ name: 'raw kafkajs consume', messages: RAW_MESSAGES, 'msg/s': round(RAW_MESSAGES / consumeSecs, 0) });

  // Baseline 2: raw insertMany into FerretDB, batches of 500.
  const docs = conn.collection('raw_inserts');
  const i0 = performance.now();
  for (let i = 0; i < EVENTS; i += 500) {
    await docs.insertMany(Array.from({ length: Math.min(500, EVENTS - i) }, (_, j) => ({ _id: `d${i + j}` as unknown as never, value })));
  }
  const insertSecs = (performance.now() - i0) / 1000;
  rows.push({ name: 'raw FerretDB insertMany(500)', messages: EVENTS, 'msg/s': round(EVENTS / insertSecs, 0) });

  // The backbone: one commit per command (insert + envelope + hash) → relay → consumer.
  const store = new CommitStore(conn);
  const publisher = new EventPublisher(kafka, eventCatalog, topics);
  const relay = new OutboxRelay(store, publisher);
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let handled = 0;
  let allHandled: () => void = () => undefined;
  const done = new Promise<void>((r) => (allHandled = r));
  const groupId = uniqueName('bench-backbone-');
  const consumer = new EventConsumer({
    kafka,
    groupId,
    topics: [topics.eventsTopic('diagnostics')],
    catalog: eventCatalog,
    processed: new ProcessedEvents(conn, groupId),
    keyring: new Keyring(fixtureKeys()),
    dlq: publisher,
    dlqTopic: (t) => topics.dlqTopic(t),
    handler: async (e: EventEnvelope) => {
      const at = committedAt.get(e.eventId);
      if (at !== undefined) latencies.push(performance.now() - at);
      if (++handled >= EVENTS) allHandled();
    },
  });
  await consumer.start();
  await consumer.whenJoined();
  const actor = { userId: 'bench', bureau: '310118', role: 'system' as const };
  const b0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS) {
        const seq = next++;
        const events = chainEvents(emptyHead(`probe-b${seq}`), [{ type: 'backbone.probed', data: { seq, note: value } }], {
          actor,
          correlationId: `bench-${seq}`,
          causationId: null,
          now: new Date(),
        }, fixtureSigner('audit'));
        const commit = await store.append(events);
        committedAt.set(events[0].eventId, performance.now());
        void relay.relay(commit).catch(() => undefined);
      }
    }),
  );
  const commitSecs = (performance.now() - b0) / 1000;
  await done;
  const totalSecs = (performance.now() - b0) / 1000;
  rows.push({ name: 'backbone commit (insert+hash)', messages: EVENTS, 'msg/s': round(EVENTS / commitSecs, 0) });
  rows.push({
    name: 'backbone commit→relay→handled',
    messages: EVENTS,
    'msg/s': round(EVENTS / totalSecs, 0),
    'p50 ms': round(percentile(latencies, 50)),
    'p99 ms': round(percentile(latencies, 99)),
  });
  const rawProduce = RAW_MESSAGES / produceSecs;
  const ratios = {
    backboneVsRawKafkaProduce: round(EVENTS / totalSecs / rawProduce, 3),
    backboneCommitVsRawInsertMany: round(EVENTS / commitSecs / (EVENTS / insertSecs), 3),
  };
  console.log('ratios', ratios);
  report('backbone', rows, { ratios, params: { RAW_MESSAGES, EVENTS, CONCURRENCY } });

  await consumer.stop();
  await relay.stop();
  await publisher.close();
  await conn.close();
  await dropRunDatabase(mongoUrl);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
