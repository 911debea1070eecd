/**
 * Notification throughput: webhook deliveries per second to a local receiver, against raw BullMQ
 * job throughput on the same Redis, in one run.
 *   npm run bench:notification -- [--jobs 5000] [--deliveries 2000] [--concurrency 16]
 * Rows:
 *   1. raw BullMQ, no-op processor                 (the queue's own ceiling)
 *   2. raw BullMQ, processor POSTs the body         (queue + HTTP, no signing, no receipts)
 *   3. notification workers, jobs added directly    (endpoint lookup, HMAC signing, POST, receipt
 *                                                    event committed to FerretDB + relayed, metrics)
 *   4. end to end: events on Kafka → router → jobs → delivered (adds consumption, case file,
 *                                                    endpoint query, an inbox job per event)
 * Rows 3-4 run the built service (dist/apps/notification/main.js) as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { devUser, mintToken } from '@yrd/auth';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { chainEvents, emptyHead, fixtureKeys, fixtureSigner } from '@yrd/event-log';
import { EventKeyStore } from '@yrd/event-store';
import { EventPublisher } from '@yrd/messaging';
import { deliveryId } from '@yrd/notification-domain';
import { dropRunDatabase, infraEnv, kafkaSaslEnv, mongoUrlFor, testKafka, uniqueName } from '@yrd/testing';
import { percentile, report, round, type BenchRow } from '../lib/report';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const JOBS = arg('jobs', 5000);
const DELIVERIES = arg('deliveries', 2000);
const CONCURRENCY = arg('concurrency', 16);
const MAIN = join(__dirname, '../../dist/apps/notification/main.js');
const SECRET = 'notification-bench-secret-0123456789abcdefghij';
const BUREAU = '330421';
// As in @yrd/notification-feature (not imported: its Nest classes need decorator metadata).
const WEBHOOK_QUEUE = 'notify-webhook';
const BACKOFF_TYPE = 'yrd-policy';

const redis = { url: infraEnv().redisUrl, maxRetriesPerRequest: null };
const body = JSON.stringify({ message: { zh: { subject: '移送提醒'.repeat(5), body: '正文'.repeat(200) }, en: { subject: 'Reminder', body: 'Body '.repeat(100) } } });

/** A partner's receiver: answers 200 at once and notes when each delivery id arrived. */
class Receiver {
  readonly arrivals = new Map<string, number>();
  count = 0;
  private server?: Server;
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const id = req.headers['x-yrd-delivery-id'];
        if (typeof id === 'string' && !this.arrivals.has(id)) this.arrivals.set(id, Date.now());
        this.count++;
        res.end('ok');
        this.waiters = this.waiters.filter((w) => (this.count >= w.n ? (w.resolve(), false) : true));
      });
    });
    this.server.keepAliveTimeout = 10_000;
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}${path}`;
  }

  reset(): void {
    this.arrivals.clear();
    this.count = 0;
  }

  until(n: number): Promise<void> {
    return this.count >= n ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}

async function rawBullmq(prefix: string, post: string | null): Promise<number> {
  const name = post ? 'raw-post' : 'raw-noop';
  const queue = new Queue(name, { connection: redis, prefix });
  let done = 0;
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const worker = new Worker(
    name,
    async (job) => {
      if (post) {
        const res = await fetch(post, { method: 'POST', headers: { 'content-type': 'application/json', 'x-yrd-delivery-id': String(job.id) }, body: JSON.stringify(job.data) });
        await res.body?.cancel();
      }
    },
    { connection: redis, prefix, concurrency: CONCURRENCY },
  );
  worker.on('completed', () => {
    if (++done === JOBS) resolve();
  });
  await worker.waitUntilReady();
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, JOBS - i) }, (_, j) => ({ name: 'j', data: { body, i: i + j }, opts: { jobId: `j${i + j}`, removeOnComplete: true } })));
  }
  await finished;
  const secs = (performance.now() - t0) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return JOBS / secs;
}

async function main() {
  if (!existsSync(MAIN)) throw new Error(`build the service first: npx nx build notification (${MAIN} is missing)`);
  const namespace = uniqueName('nb');
  const receiver = new Receiver();
  await receiver.start();
  const rows: BenchRow[] = [];

  // Baselines on the same Redis.
  const noop = await rawBullmq(namespace, null);
  rows.push({ name: 'raw BullMQ, no-op job', jobs: JOBS, 'per s': round(noop, 0) });
  receiver.reset();
  const posting = await rawBullmq(namespace, receiver.url('/raw'));
  rows.push({ name: 'raw BullMQ, job POSTs to receiver', jobs: JOBS, 'per s': round(posting, 0) });

  // The service.
  const port = await new Promise<number>((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => r(p));
    });
  });
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','),
      ...kafkaSaslEnv(infraEnv().kafkaSasl),
      MONGO_URL: mongoUrlFor(namespace),
      REDIS_URL: infraEnv().redisUrl,
      AUTH_JWT_SECRET: SECRET,
      KAFKA_TOPIC_NAMESPACE: namespace,
      QUEUE_PREFIX: namespace,
      SMTP_URL: '',
      NOTIFY_CONCURRENCY: String(CONCURRENCY),
      NOTIFY_RATE_LIMIT: '1000000',
      NOTIFY_RATE_WINDOW_MS: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if ((await fetch(`${base}/health`).then((r) => r.status).catch(() => 0)) === 200) break;
    if (i > 240) throw new Error('the service did not become healthy');
    await new Promise((r) => setTimeout(r, 250));
  }
  const reg = await fetch(`${base}/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mintToken(devUser('bureau-jsh-1'), { secret: SECRET })}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: receiver.url('/jsh') }),
  });
  const endpoint = (await reg.json()) as { id: string };

  // 3. Jobs straight into the service's webhook queue.
  receiver.reset();
  const queue = new Queue(WEBHOOK_QUEUE, { connection: redis, prefix: namespace });
  const queuedAt = new Map<string, number>();
  const t0 = performance.now();
  for (let i = 0; i < DELIVERIES; i += 500) {
    const jobs = Array.from({ length: Math.min(500, DELIVERIES - i) }, (_, j) => {
      const eventId = uuidv7();
      const id = deliveryId(eventId, 'webhook', endpoint.id);
      const now = new Date().toISOString();
      queuedAt.set(id, Date.now());
      return {
        name: 'referral.deadline-reminded',
        data: {
          deliveryId: id, channel: 'webhook', recipient: { kind: 'bureau', bureau: BUREAU }, target: endpoint.id, bureau: BUREAU, reasons: ['bureau-at'],
          message: JSON.parse(body).message, eventId, eventType: 'referral.deadline-reminded', sourceStreamId: `referral-bench-${i + j}`,
          occurredAt: now, correlationId: `bench-${i + j}`, queuedAt: now,
        },
        opts: { jobId: id, attempts: 8, backoff: { type: BACKOFF_TYPE }, removeOnComplete: { age: 3600 }, removeOnFail: false },
      };
    });
    await queue.addBulk(jobs);
  }
  await receiver.until(DELIVERIES);
  const workerSecs = (performance.now() - t0) / 1000;
  const workerLatency = [...receiver.arrivals].map(([id, at]) => at - (queuedAt.get(id) ?? at));
  rows.push({ name: 'notification workers (signed, receipts)', jobs: DELIVERIES, 'per s': round(DELIVERIES / workerSecs, 0), 'p50 ms': round(percentile(workerLatency, 50)), 'p95 ms': round(percentile(workerLatency, 95)) });

  // 4. End to end from Kafka.
  receiver.reset();
  const publisher = new EventPublisher(testKafka(), eventCatalog, new TopicRegistry(namespace));
  const events: EventEnvelope[] = Array.from({ length: DELIVERIES }, (_, i) =>
    chainEvents(emptyHead(`referral-bench-e2e-${i}`), [{ type: 'referral.deadline-reminded', data: { referralId: `bench-e2e-${i}`, bureau: BUREAU, dueDate: '2026-12-01', remindedAt: new Date().toISOString() } }], {
      actor: { userId: 'bench', bureau: 'YRD-SYSTEM', role: 'system' },
      correlationId: `bench-e2e-${i}`,
      causationId: null,
      now: new Date(),
    }, fixtureSigner('clue-transfer'))[0],
  );
  // Signed with clue-transfer's fixture key: published beside the service's own key.
  const keys = await mongoose.createConnection(mongoUrlFor(namespace)).asPromise();
  for (const key of fixtureKeys(['clue-transfer'])) await new EventKeyStore(keys).publish(key);
  await keys.close();
  const published = new Map(events.map((e) => [deliveryId(e.eventId, 'webhook', endpoint.id), 0]));
  const e0 = performance.now();
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    const at = Date.now();
    for (const e of batch) published.set(deliveryId(e.eventId, 'webhook', endpoint.id), at);
    await publisher.publish(batch);
  }
  await receiver.until(DELIVERIES);
  const e2eSecs = (performance.now() - e0) / 1000;
  const e2eLatency = [...receiver.arrivals].map(([id, at]) => at - (published.get(id) ?? at));
  rows.push({ name: 'end to end: Kafka → router → webhook', jobs: DELIVERIES, 'per s': round(DELIVERIES / e2eSecs, 0), 'p50 ms': round(percentile(e2eLatency, 50)), 'p95 ms': round(percentile(e2eLatency, 95)) });

  const metrics = await fetch(`${base}/admin/notifications/metrics`, { headers: { authorization: `Bearer ${mintToken(devUser('admin-1'), { secret: SECRET })}` } }).then((r) => r.json());
  const ratios = {
    workersVsRawNoop: round(DELIVERIES / workerSecs / noop, 3),
    workersVsRawPost: round(DELIVERIES / workerSecs / posting, 3),
    endToEndVsRawPost: round(DELIVERIES / e2eSecs / posting, 3),
  };
  console.log('ratios', ratios);
  report('notification', rows, { ratios, params: { JOBS, DELIVERIES, CONCURRENCY }, serviceMetrics: { webhook: metrics.webhook, inbox: metrics.inbox } });

  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  for (const name of [WEBHOOK_QUEUE, 'notify-inbox', 'notify-email']) {
    const q = new Queue(name, { connection: redis, prefix: namespace });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  await Promise.all([queue.close(), publisher.close(), receiver.stop()]);
  await dropRunDatabase(mongoUrlFor(namespace));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
