/**
 * Integration test of the notification service on the real local servers (Kafka, FerretDB,
 * Redis: `bash deploy/local/infra.sh up`), with a real HTTP receiver (node:http) and a real SMTP
 * server (`smtp-server`). Boots the real AppModule with its own topic namespace, database and
 * queue prefix; events arrive on Kafka as the other services publish them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import request from 'supertest';
import { devUser, mintToken } from '@yrd/auth';
import { EventBackbone } from '@yrd/backbone';
import type { Actor, EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureKeys, fixtureSigner, emptyHead, headAfter, type StreamHead } from '@yrd/event-log';
import { DeliveryQueues, RouteEvent } from '@yrd/notification-feature';
import { verifyWebhookSignature } from '@yrd/notification-domain';
import { createHttpApp } from '@yrd/platform';
import { eventually, infraEnv, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { AppModule } from './app.module';
import { HTTP_SERVICE } from './service';
import { SmtpSink, WebhookReceiver } from './testing/receivers';

jest.setTimeout(120_000);

const QINGPU = '310118';
const JIASHAN = '330421';
const WUJIANG = '320509';
const SECRET = 'notification-integration-secret-0123456789abcdef';
const namespace = uniqueName('nt');
const SYSTEM: Actor = { userId: 'clue-transfer', bureau: 'YRD-SYSTEM', role: 'system' };
const RATE = { max: 5, windowMs: 1000 };

const token = (sub: string): string => mintToken(devUser(sub), { secret: SECRET, ttl: '1h' });
const as = (sub: string) => ({ Authorization: `Bearer ${token(sub)}` });

describe('notification on the real Kafka, FerretDB, Redis, an HTTP receiver and an SMTP server', () => {
  let app: INestApplication;
  let backbone: EventBackbone;
  const receiver = new WebhookReceiver();
  const smtp = new SmtpSink();
  const kafka = testKafka();
  const saved: Record<string, string | undefined> = {};
  const heads = new Map<string, StreamHead>();
  const extraServers: Server[] = [];

  beforeAll(async () => {
    await Promise.all([receiver.start(), smtp.start()]);
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','),
      MONGO_URL: mongoUrlFor(namespace),
      REDIS_URL: infraEnv().redisUrl,
      AUTH_JWT_SECRET: SECRET,
      KAFKA_TOPIC_NAMESPACE: namespace,
      QUEUE_PREFIX: namespace,
      SMTP_URL: smtp.url,
      NOTIFY_ATTEMPTS: '5',
      NOTIFY_BACKOFF_BASE_MS: '100',
      NOTIFY_BACKOFF_MAX_MS: '400',
      NOTIFY_BACKOFF_JITTER: '0.5',
      NOTIFY_RATE_LIMIT: String(RATE.max),
      NOTIFY_RATE_WINDOW_MS: String(RATE.windowMs),
      NOTIFY_WEBHOOK_TIMEOUT_MS: '2000',
    };
    for (const [k, v] of Object.entries(env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    app = await createHttpApp(AppModule, { ...HTTP_SERVICE, shutdownHooks: false });
    await app.init();
    backbone = app.get(EventBackbone);
    // The tests emit events as their owning services would, signed with the fixture keys.
    for (const key of fixtureKeys()) await backbone.keyStore.publish(key);
    await backbone.whenConsuming();
  });

  afterAll(async () => {
    const queues = app ? Object.values(app.get(DeliveryQueues).queues) : [];
    await app?.close();
    for (const q of queues) {
      const fresh = new (q.constructor as typeof import('bullmq').Queue)(q.name, { connection: { url: infraEnv().redisUrl }, prefix: namespace });
      await fresh.obliterate({ force: true }).catch(() => undefined);
      await fresh.close();
    }
    await Promise.all([receiver.stop(), smtp.stop(), ...extraServers.map((s) => new Promise((r) => s.close(r)))]);
    const conn = await mongoose.createConnection(mongoUrlFor(namespace)).asPromise();
    await conn.dropDatabase();
    await conn.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const http = () => request(app.getHttpServer());

  /** Publishes the next event of a stream, hash-chained, as its owning service would. */
  async function emit(streamId: string, type: string, data: Record<string, unknown>, actor: Actor = SYSTEM): Promise<EventEnvelope> {
    const [event] = chainEvents(heads.get(streamId) ?? emptyHead(streamId), [{ type, data }], { actor, correlationId: uniqueName('corr-'), causationId: null, now: new Date() }, fixtureSigner(type.startsWith('clue.') ? 'case-intake' : 'clue-transfer'));
    heads.set(streamId, headAfter([event], streamId));
    await backbone.publisher.publish([event]);
    return event;
  }

  const reminded = (bureau: string, referralId = uniqueName('rf')) =>
    emit(`referral-${referralId}`, 'referral.deadline-reminded', { referralId, bureau, dueDate: '2026-12-01', remindedAt: new Date().toISOString() });

  async function registerWebhook(user: string, path: string, body: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
    const res = await http().post('/webhooks').set(as(user)).send({ url: receiver.url(path), ...body }).expect(201);
    return res.body as { id: string; secret: string };
  }

  async function receipts(): Promise<EventEnvelope[]> {
    return (await readTopic(kafka, `${namespace}.notification.events`)).map((m) => JSON.parse(m.value?.toString() ?? '{}') as EventEnvelope);
  }

  async function receiptsFor(deliveryId: string, types: string[]): Promise<EventEnvelope[]> {
    return eventually(
      async () => {
        const found = (await receipts()).filter((e) => e.payload['deliveryId'] === deliveryId);
        expect(found.map((e) => e.type)).toEqual(types);
        return found;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  }

  async function queuesIdle(): Promise<void> {
    await eventually(async () => {
      for (const q of Object.values(app.get(DeliveryQueues).queues)) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        expect(c).toEqual({ waiting: 0, active: 0, delayed: 0, prioritized: 0 });
      }
    });
  }

  const clueId = uniqueName('c');
  const referralId = `rf-${clueId}`;
  let jiashanHook: { id: string; secret: string };

  it('a referral reaches the target bureau by signed webhook, email and inbox; the originating bureau in its inbox', async () => {
    jiashanHook = await registerWebhook('bureau-jsh-1', '/jsh', { description: '嘉善县案件系统' });
    await http().post('/email-contacts').set(as('bureau-jsh-1')).send({ address: 'duty@jsh.example.cn' }).expect(201);
    await http().post('/email-contacts').set(as('admin-1')).send({ address: 'officer-qp-1@qp.example.cn', userId: 'officer-qp-1', bureau: QINGPU }).expect(201);

    await emit(`clue-${clueId}`, 'clue.submitted', {
      clueId, discoveringBureau: QINGPU, subject: { name: '嘉善某食品有限公司' }, allegedViolation: '销售超过保质期的食品', facts: '网店销售过期食品',
      place: { divisionCode: JIASHAN, address: '嘉善县某路1号' }, evidenceRefs: [], urgency: 'normal', discoveredOn: '2026-03-02', submittedAt: new Date().toISOString(),
    }, { userId: 'officer-qp-1', bureau: QINGPU, role: 'officer' });
    const created = await emit(`referral-${referralId}`, 'referral.created', {
      referralId, clueId, fromBureau: QINGPU, toBureau: JIASHAN, basis: 'registration-authority', subject: { name: '嘉善某食品有限公司' },
      allegedViolation: '销售超过保质期的食品', facts: '网店销售过期食品', place: { divisionCode: JIASHAN, address: '嘉善县某路1号' }, evidenceRefs: [], urgency: 'normal', createdAt: new Date().toISOString(),
    });

    // Webhook: one POST, signed; the signature verifies with the secret and fails for a tampered body.
    const [post] = await eventually(() => {
      const got = receiver.received('/jsh');
      expect(got).toHaveLength(1);
      return got;
    });
    const body = JSON.parse(post.body) as { deliveryId: string; type: string; event: EventEnvelope; message: { zh: { subject: string } } };
    expect(body.type).toBe('referral.created');
    expect(body.event.eventId).toBe(created.eventId);
    expect(body.event.hash).toBe(created.hash);
    expect(body.message.zh.subject).toBe(`【案件移送】上海市青浦区市场监督管理局移送线索 ${referralId}`);
    expect(post.headers['x-yrd-delivery-id']).toBe(body.deliveryId);
    const header = post.headers['x-yrd-signature'] as string;
    expect(verifyWebhookSignature({ header, body: post.body, secrets: jiashanHook.secret })).toEqual({ ok: true, timestamp: expect.any(Number) });
    expect(verifyWebhookSignature({ header, body: post.body.replace('嘉善某食品', '青浦某食品'), secrets: jiashanHook.secret })).toEqual({ ok: false, reason: 'no-matching-signature' });
    expect(verifyWebhookSignature({ header, body: post.body, secrets: 'whsec_someone-else' }).ok).toBe(false);

    // Email to Jiashan's shared mailbox, both languages, Message-ID from the delivery id.
    const mail = await eventually(() => {
      const m = smtp.messages.find((x) => x.to.includes('duty@jsh.example.cn'));
      if (!m) throw new Error('no mail to duty@jsh.example.cn yet');
      return m;
    });
    expect(mail.raw).toMatch(/^Message-ID:\s+<[0-9a-f]{32}\.email\.[0-9a-f]{16}@notification\.yrd>/im);
    expect(mail.raw).toMatch(/^X-YRD-Event-Type: referral\.created/im);
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain('referred case clue');

    // Inbox: Jiashan (target) and Qingpu (originator) each have an entry; read / unread.
    const jshInbox = await eventually(async () => {
      const res = await http().get('/inbox').set(as('bureau-jsh-1')).expect(200);
      expect(res.body.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['referral.created']);
      return res.body as { entries: Array<{ id: string; reasons: string[]; subject: { en: string } }>; unread: number };
    });
    expect(jshInbox.unread).toBe(1);
    expect(jshInbox.entries[0].reasons).toEqual(['target-bureaus']);
    expect(jshInbox.entries[0].subject.en).toBe(`[Referral] Qingpu Administration for Market Regulation referred ${referralId}`);
    await eventually(async () => {
      const res = await http().get('/inbox').set(as('bureau-qp-1')).expect(200);
      expect(res.body.entries.map((e: { reasons: string[] }) => e.reasons)).toEqual([['originating-bureau']]);
    });
    const id = jshInbox.entries[0].id;
    await http().post(`/inbox/${id}/read`).set(as('bureau-jsh-1')).expect(200).expect((r) => expect(r.body.read).toBe(true));
    await http().get('/inbox').query({ unread: true }).set(as('bureau-jsh-1')).expect(200).expect((r) => expect(r.body).toEqual({ entries: [], unread: 0 }));
    await http().post(`/inbox/${id}/read`).set(as('bureau-qp-1')).expect(404);
    await http().post(`/inbox/${id}/unread`).set(as('bureau-jsh-1')).expect(200).expect((r) => expect(r.body.read).toBe(false));

    // The receipt of the webhook delivery, as an event.
    const [receipt] = await receiptsFor(body.deliveryId, ['notification.delivered']);
    expect(receipt.payload).toMatchObject({ channel: 'webhook', eventId: created.eventId, recipient: { bureau: JIASHAN }, target: jiashanHook.id, attempts: 1 });
    expect(receipt.causationId).toBe(created.eventId);
  });

  it('acceptance reaches the originating officer (inbox and own mailbox), known from the clue; not the accepting bureau', async () => {
    await emit(`referral-${referralId}`, 'referral.accepted', { referralId, bureau: JIASHAN, acceptedAt: new Date().toISOString() }, { userId: 'bureau-jsh-1', bureau: JIASHAN, role: 'bureau' });
    await eventually(async () => {
      const res = await http().get('/inbox').set(as('officer-qp-1')).expect(200);
      const personal = res.body.entries.filter((e: { personal: boolean }) => e.personal);
      expect(personal.map((e: { eventType: string }) => e.eventType)).toEqual(['referral.accepted']);
    });
    await eventually(() => expect(smtp.messages.filter((m) => m.to.includes('officer-qp-1@qp.example.cn'))).toHaveLength(1));
    await queuesIdle();
    expect(receiver.received('/jsh')).toHaveLength(1);
    const jsh = await http().get('/inbox').set(as('bureau-jsh-1')).expect(200);
    expect(jsh.body.entries).toHaveLength(1);
  });

  it('secret rotation: during the overlap both secrets sign; with no overlap only the new one', async () => {
    const rotated = await http().post(`/webhooks/${jiashanHook.id}/rotate-secret`).set(as('bureau-jsh-1')).send({ overlapHours: 1 }).expect(200);
    const newSecret = rotated.body.secret as string;
    expect(rotated.body.secrets.filter((s: { active: boolean }) => s.active)).toHaveLength(2);
    await reminded(JIASHAN);
    const post = await eventually(() => {
      expect(receiver.received('/jsh')).toHaveLength(2);
      return receiver.received('/jsh')[1];
    });
    const header = post.headers['x-yrd-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhookSignature({ header, body: post.body, secrets: newSecret }).ok).toBe(true);
    expect(verifyWebhookSignature({ header, body: post.body, secrets: jiashanHook.secret }).ok).toBe(true);

    const cut = await http().post(`/webhooks/${jiashanHook.id}/rotate-secret`).set(as('bureau-jsh-1')).send({ overlapHours: 0 }).expect(200);
    await reminded(JIASHAN);
    const last = await eventually(() => {
      expect(receiver.received('/jsh')).toHaveLength(3);
      return receiver.received('/jsh')[2];
    });
    const h3 = last.headers['x-yrd-signature'] as string;
    expect(h3.match(/v1=/g)).toHaveLength(1);
    expect(verifyWebhookSignature({ header: h3, body: last.body, secrets: cut.body.secret }).ok).toBe(true);
    expect(verifyWebhookSignature({ header: h3, body: last.body, secrets: [newSecret, jiashanHook.secret] }).ok).toBe(false);
  });

  it('a redelivered event sends once: the same envelope again on Kafka, and the router run again directly', async () => {
    await registerWebhook('bureau-wj-1', '/wj');
    const event = await reminded(WUJIANG);
    await eventually(() => expect(receiver.received('/wj')).toHaveLength(1));
    await backbone.publisher.publish([event]);
    await backbone.publisher.publish([event]);
    const again = await app.get(RouteEvent).execute(event);
    expect(again?.jobs.map((j) => j.channel).sort()).toEqual(['inbox', 'webhook']);
    // A later event of the same stream (same partition, so handled after the duplicates) marks the point.
    const marker = await emit(event.streamId, 'referral.deadline-reminded', { ...event.payload, remindedAt: new Date().toISOString() });
    await eventually(() => expect(receiver.received('/wj').map((r) => JSON.parse(r.body).event.eventId)).toEqual([event.eventId, marker.eventId]));
    await queuesIdle();
    expect(receiver.received('/wj')).toHaveLength(2);
    const inbox = await http().get('/inbox').set(as('bureau-wj-1')).expect(200);
    expect(inbox.body.entries.map((e: { eventId: string }) => e.eventId)).toEqual([marker.eventId, event.eventId]);
  });

  it('a receiver that fails 3 times then succeeds gets exactly one success, with backoff between attempts', async () => {
    receiver.on('/flaky', (n) => (n <= 3 ? 500 : 200));
    await registerWebhook('bureau-ah-1', '/flaky');
    await reminded('340000');
    await eventually(() => expect(receiver.received('/flaky').map((r) => r.status)).toEqual([500, 500, 500, 200]));
    const posts = receiver.received('/flaky');
    const ids = new Set(posts.map((p) => p.headers['x-yrd-delivery-id']));
    expect(ids.size).toBe(1);
    expect(posts.map((p) => p.headers['x-yrd-attempt'])).toEqual(['1', '2', '3', '4']);
    // Backoff 100·2^(n-1) ms with 50% jitter: at least 50, 100, 200 ms apart.
    const gaps = posts.slice(1).map((p, i) => p.at - posts[i].at);
    gaps.forEach((g, i) => expect(g).toBeGreaterThanOrEqual(50 * 2 ** i - 5));
    const [receipt] = await receiptsFor([...ids][0] as string, ['notification.delivered']);
    expect(receipt.payload['attempts']).toBe(4);
    await queuesIdle();
    expect(receiver.received('/flaky')).toHaveLength(4);
  });

  it('a dead receiver ends failed with notification.failed; a manual retry delivers once it is back', async () => {
    // A port nobody listens on (yet).
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const dead = await http().post('/webhooks').set(as('bureau-zj-1')).send({ url: `http://127.0.0.1:${port}/down` }).expect(201);
    await reminded('330000');

    const failed = await eventually(async () => {
      const res = await http().get('/admin/notifications/failed').query({ channel: 'webhook' }).set(as('admin-1')).expect(200);
      const mine = res.body.filter((f: { target: string }) => f.target === dead.body.id);
      expect(mine).toHaveLength(1);
      return mine[0] as { deliveryId: string; attempts: number; error: string };
    });
    expect(failed.attempts).toBe(5);
    expect(failed.error).toContain('ECONNREFUSED');
    const [record] = await receiptsFor(failed.deliveryId, ['notification.failed']);
    expect(record.payload).toMatchObject({ channel: 'webhook', attempts: 5, recipient: { bureau: '330000' } });

    await http().post(`/admin/notifications/failed/${failed.deliveryId}/retry`).set(as('bureau-zj-1')).expect(403);
    await http().post('/admin/notifications/failed/not-an-id/retry').set(as('admin-1')).expect(404);
    const back: string[] = [];
    const revived = createServer((req, res) => {
      back.push(String(req.headers['x-yrd-delivery-id']));
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    extraServers.push(revived);
    await new Promise<void>((r) => revived.listen(port, '127.0.0.1', r));
    await http().post(`/admin/notifications/failed/${failed.deliveryId}/retry`).set(as('admin-1')).expect(200);
    await eventually(() => expect(back).toEqual([failed.deliveryId]));
    await receiptsFor(failed.deliveryId, ['notification.failed', 'notification.retry-requested', 'notification.delivered']);
    await http().post(`/admin/notifications/failed/${failed.deliveryId}/retry`).set(as('admin-1')).expect(409);
  });

  it('a 4xx answer is a refusal: failed after one attempt, no retries', async () => {
    receiver.on('/gone', () => 410);
    await registerWebhook('bureau-js-1', '/gone');
    await reminded('320000');
    const res = await eventually(async () => {
      const r = await http().get('/admin/notifications/failed').set(as('admin-1')).expect(200);
      const mine = r.body.filter((f: { error: string }) => f.error.includes('/gone'));
      expect(mine).toHaveLength(1);
      return mine[0];
    });
    expect(res.attempts).toBe(1);
    expect(receiver.received('/gone')).toHaveLength(1);
  });

  it('per-bureau rate limit: never more than 5 webhook deliveries to one bureau in any second; another bureau is not held up', async () => {
    // Admins may register for any bureau: Suzhou (320500) is busy, Jiaxing (330400) is not.
    await registerWebhook('admin-1', '/busy', { bureau: '320500' });
    await registerWebhook('admin-1', '/quiet', { bureau: '330400' });
    const started = Date.now();
    const busy = await Promise.all(Array.from({ length: 15 }, () => reminded('320500')));
    const quiet = await Promise.all(Array.from({ length: 3 }, () => reminded('330400')));
    await eventually(() => expect(receiver.received('/busy')).toHaveLength(busy.length), { timeoutMs: 60_000 });
    await eventually(() => expect(receiver.received('/quiet')).toHaveLength(quiet.length));
    const at = receiver.received('/busy').map((r) => r.at).sort((a, b) => a - b);
    // Sliding window: the (i+5)-th delivery arrives at least a window after the i-th. Slots are
    // granted by Redis's clock before the POST; arrival times add the hop's jitter (150 ms slack
    // on a loaded 2-core machine).
    for (let i = 0; i + RATE.max < at.length; i++) expect(at[i + RATE.max] - at[i]).toBeGreaterThanOrEqual(RATE.windowMs - 150);
    expect(at[at.length - 1] - started).toBeGreaterThanOrEqual(2 * RATE.windowMs - 150);
    const quietLast = Math.max(...receiver.received('/quiet').map((r) => r.at));
    expect(quietLast).toBeLessThan(at[at.length - 1]);
    const metrics = await http().get('/admin/notifications/metrics').set(as('admin-1')).expect(200);
    expect(metrics.body.webhook.rateLimited).toBeGreaterThan(0);
  });

  it('bad input is refused with a clear 4xx and registers nothing', async () => {
    const before = (await http().get('/webhooks').set(as('admin-1')).expect(200)).body.length;
    await http().post('/webhooks').set(as('bureau-jsh-1')).send({ url: 'not a url' }).expect(422).expect((r) => expect(r.body.message).toBe('url "not a url" is not a valid absolute URL'));
    await http().post('/webhooks').set(as('bureau-jsh-1')).send({ url: 'ftp://x.example.cn/' }).expect(422);
    await http().post('/webhooks').set(as('admin-1')).send({ url: 'https://x.example.cn/', bureau: '999999' }).expect(422).expect((r) => expect(r.body.message).toBe('bureau 999999 is not a registered bureau or authority'));
    await http().post('/webhooks').set(as('bureau-jsh-1')).send({ url: 'https://x.example.cn/', bureau: QINGPU }).expect(403);
    await http().post('/webhooks').set(as('bureau-jsh-1')).send({ url: 'https://x.example.cn/', extra: 1 }).expect(400);
    await http().post('/webhooks').set(as('officer-jsh-1')).send({ url: 'https://x.example.cn/' }).expect(403);
    await http().post('/email-contacts').set(as('bureau-jsh-1')).send({ address: 'nobody' }).expect(400);
    await http().post('/webhooks/whe_nope/rotate-secret').set(as('bureau-jsh-1')).send({}).expect(404);
    await http().post(`/webhooks/${jiashanHook.id}/rotate-secret`).set(as('bureau-wj-1')).send({}).expect(404);
    await http().post('/admin/notifications/preview').set(as('admin-1')).send({ type: 'referral.nope', payload: {} }).expect(422);
    await http().post('/admin/notifications/preview').set(as('admin-1')).send({ type: 'referral.accepted', payload: { referralId: 'x' } }).expect(422);
    expect((await http().get('/webhooks').set(as('admin-1')).expect(200)).body.length).toBe(before);
  });

  it('operators: metrics per channel and the queue dashboard behind admin auth', async () => {
    const res = await http().get('/admin/notifications/metrics').set(as('admin-1')).expect(200);
    expect(res.body.webhook.sent).toBeGreaterThanOrEqual(20);
    expect(res.body.webhook.failed).toBeGreaterThanOrEqual(2);
    expect(res.body.email.sent).toBeGreaterThanOrEqual(2);
    expect(res.body.inbox.sent).toBeGreaterThanOrEqual(3);
    expect(res.body.webhook.latencyMs.p50).toEqual(expect.any(Number));
    await http().get('/admin/notifications/metrics').set(as('bureau-jsh-1')).expect(403);
    await http().get('/admin/queues').expect(401);
    await http().get('/admin/queues').set(as('bureau-jsh-1')).expect(403);
    await http().get('/admin/queues/api/queues').set(as('admin-1')).expect(200).expect((r) => expect(r.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['notify-email', 'notify-inbox', 'notify-webhook']));
  });
});
