/**
 * Crash test: the built service (dist/apps/notification/main.js, built by the test target's
 * dependency) is SIGKILLed in the middle of a batch of webhook deliveries, then started again.
 * Jobs live in Redis, so nothing is lost: the killed worker's in-flight jobs stall and are taken
 * over, every delivery completes, each inbox entry and each receipt exists exactly once. A
 * webhook POST in flight at the moment of the kill may be sent again (at-least-once), with the
 * same `x-yrd-delivery-id`, by which a receiver drops the duplicate.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import mongoose from 'mongoose';
import { devUser, mintToken } from '@yrd/auth';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureKeys, fixtureSigner, emptyHead } from '@yrd/event-log';
import { EventKeyStore } from '@yrd/event-store';
import { EventPublisher } from '@yrd/messaging';
import { deliveryId } from '@yrd/notification-domain';
import { eventually, infraEnv, kafkaSaslEnv, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { WebhookReceiver } from './testing/receivers';

jest.setTimeout(180_000);

const MAIN = join(__dirname, '../../../../dist/apps/notification/main.js');
const SECRET = 'notification-restart-secret-0123456789abcdefgh';
const namespace = uniqueName('nk');
const BATCH = 60;
const CONCURRENCY = 4;
const BUREAU = '330421';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('notification service killed mid-batch', () => {
  const receiver = new WebhookReceiver();
  const kafka = testKafka();
  const publisher = new EventPublisher(kafka, eventCatalog, new TopicRegistry(namespace));
  const webhookQueue = new Queue('notify-webhook', { connection: { url: infraEnv().redisUrl }, prefix: namespace });
  const inboxQueue = new Queue('notify-inbox', { connection: { url: infraEnv().redisUrl }, prefix: namespace });
  const children: ChildProcess[] = [];
  let port = 0;
  let stderr = '';

  function start(): ChildProcess {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
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
        NOTIFY_LOCK_MS: '2000',
        NOTIFY_STALLED_INTERVAL_MS: '1000',
        NOTIFY_BACKOFF_BASE_MS: '100',
        NOTIFY_RATE_LIMIT: '100000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-5000)));
    children.push(child);
    return child;
  }

  const api = (path: string, init: RequestInit & { user: string }) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${mintToken(devUser(init.user), { secret: SECRET, ttl: '1h' })}`, 'content-type': 'application/json' },
    });

  async function healthy(): Promise<void> {
    await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200), { timeoutMs: 60_000, intervalMs: 250 });
  }

  const exited = (child: ChildProcess) => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`build the app first: npx nx build notification (${MAIN} is missing)`);
    receiver.on('/jsh', () => ({ status: 200, delayMs: 200 }));
    await receiver.start();
    port = await freePort();
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await Promise.all([webhookQueue.obliterate({ force: true }).catch(() => undefined), inboxQueue.obliterate({ force: true }).catch(() => undefined)]);
    await Promise.all([webhookQueue.close(), inboxQueue.close(), publisher.close(), receiver.stop()]);
    const conn = await mongoose.createConnection(mongoUrlFor(namespace)).asPromise();
    await conn.dropDatabase();
    await conn.close();
  });

  it('loses nothing: after SIGKILL and a restart every delivery completes, inbox entries and receipts exactly once', async () => {
    const first = start();
    await healthy();
    const reg = await api('/webhooks', { method: 'POST', user: 'bureau-jsh-1', body: JSON.stringify({ url: receiver.url('/jsh') }) });
    expect(reg.status).toBe(201);
    const endpoint = (await reg.json()) as { id: string };

    const events: EventEnvelope[] = Array.from({ length: BATCH }, (_, i) => {
      const referralId = `rf-kill-${i}`;
      const data = { referralId, bureau: BUREAU, dueDate: '2026-12-01', remindedAt: new Date().toISOString() };
      return chainEvents(emptyHead(`referral-${referralId}`), [{ type: 'referral.deadline-reminded', data }], {
        actor: { userId: 'clue-transfer', bureau: 'YRD-SYSTEM', role: 'system' },
        correlationId: uniqueName('corr-'),
        causationId: null,
        now: new Date(),
      }, fixtureSigner('clue-transfer'))[0];
    });
    // Signed with clue-transfer's fixture key, published beside the service's own.
    const keys = await mongoose.createConnection(mongoUrlFor(namespace)).asPromise();
    for (const key of fixtureKeys(['clue-transfer'])) await new EventKeyStore(keys).publish(key);
    await keys.close();
    await publisher.publish(events);
    const expected = new Set(events.map((e) => deliveryId(e.eventId, 'webhook', endpoint.id)));

    // All jobs are in Redis; kill the service while the deliveries are under way.
    await eventually(async () => expect(Object.values(await webhookQueue.getJobCounts()).reduce((a, b) => a + b, 0)).toBe(BATCH), { timeoutMs: 60_000 });
    await eventually(() => expect(receiver.received('/jsh').length).toBeGreaterThanOrEqual(BATCH / 4), { intervalMs: 5 });
    first.kill('SIGKILL');
    expect(await exited(first)).toBe(null);
    const atKill = receiver.received('/jsh').length;
    expect(atKill).toBeLessThan(BATCH);

    const second = start();
    await healthy();
    await eventually(
      async () => {
        const ids = new Set(receiver.received('/jsh').map((r) => String(r.headers['x-yrd-delivery-id'])));
        expect(ids).toEqual(expected);
        expect(await webhookQueue.getJobCounts('completed', 'failed', 'active', 'waiting', 'delayed')).toEqual({ completed: BATCH, failed: 0, active: 0, waiting: 0, delayed: 0 });
        expect(await inboxQueue.getJobCounts('completed', 'failed')).toEqual({ completed: BATCH, failed: 0 });
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    // Re-sent at most the POSTs that were in flight when the process died.
    const duplicates = receiver.received('/jsh').length - BATCH;
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);

    const inbox = await api('/inbox?limit=200', { method: 'GET', user: 'bureau-jsh-1' });
    const body = (await inbox.json()) as { entries: Array<{ eventId: string }>; unread: number };
    expect(body.unread).toBe(BATCH);
    expect(new Set(body.entries.map((e) => e.eventId))).toEqual(new Set(events.map((e) => e.eventId)));

    // One receipt per delivery (a re-published commit carries the same event id).
    await eventually(
      async () => {
        const receipts = (await readTopic(kafka, `${namespace}.notification.events`)).map((m) => JSON.parse(m.value?.toString() ?? '{}') as EventEnvelope);
        const byDelivery = new Map<string, Set<string>>();
        for (const r of receipts.filter((x) => x.type === 'notification.delivered')) {
          const id = String(r.payload['deliveryId']);
          byDelivery.set(id, (byDelivery.get(id) ?? new Set()).add(r.eventId));
        }
        expect(byDelivery.size).toBe(2 * BATCH);
        expect([...byDelivery.values()].every((s) => s.size === 1)).toBe(true);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  });
});
