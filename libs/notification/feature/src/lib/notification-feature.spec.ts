import { ForbiddenException, UnprocessableEntityException } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import type { EventEnvelope } from '@yrd/contracts';
import type { RoutingRule } from '@yrd/notification-domain';
import type { EmailSender } from './channels/email.sender';
import { notificationConfigFrom } from './config';
import type { DeliveryJobData } from './delivery/delivery-job';
import type { DeliveryQueues } from './delivery/delivery-queues';
import { RouteEvent } from './routing/route-event.usecase';
import { RoutingRules } from './routing/routing-rules';
import type { CaseFilesStore } from './stores/case-files.store';
import type { EmailContactsStore } from './stores/email-contacts.store';
import type { WebhookEndpoint, WebhookEndpointsStore } from './stores/webhook-endpoints.store';
import { WebhookEndpointsUseCases } from './usecases/webhook-endpoints.usecases';

const bureauUser: Principal = { sub: 'bureau-jsh-1', role: 'bureau', bureau: '330421' };
const admin: Principal = { sub: 'admin-1', role: 'admin', bureau: '310000' };

function endpointsStore() {
  const docs = new Map<string, WebhookEndpoint>();
  const store = {
    insert: jest.fn(async (e: WebhookEndpoint) => void docs.set(e._id, structuredClone(e))),
    get: jest.fn(async (id: string) => structuredClone(docs.get(id)) ?? null),
    replace: jest.fn(async (e: WebhookEndpoint) => void docs.set(e._id, structuredClone(e))),
    list: jest.fn(async () => [...docs.values()]),
    activeFor: jest.fn(async (bureaus: readonly string[]) => [...docs.values()].filter((d) => d.active && bureaus.includes(d.bureau))),
  };
  return { docs, store };
}

describe('configuration', () => {
  it('has defaults and names every bad variable', () => {
    const c = notificationConfigFrom({ NODE_ENV: 'production' });
    expect(c).toMatchObject({ queuePrefix: 'yrd', requireHttps: true, policy: { attempts: 8, baseDelayMs: 2000, jitter: 0.5 }, rateLimit: { max: 300, windowMs: 60_000 } });
    expect(notificationConfigFrom({ NODE_ENV: 'development' }).requireHttps).toBe(false);
    expect(() => notificationConfigFrom({ QUEUE_PREFIX: 'a:b', NOTIFY_ATTEMPTS: '0', SMTP_URL: 'http://x' })).toThrow(
      'Invalid configuration: QUEUE_PREFIX: must be 1-64 letters, digits, "_", "." or "-"; SMTP_URL: must be an smtp:// or smtps:// URL; NOTIFY_ATTEMPTS: Too small: expected number to be >=1',
    );
    expect(() => notificationConfigFrom({ NOTIFY_BACKOFF_BASE_MS: '5000', NOTIFY_BACKOFF_MAX_MS: '100' })).toThrow('maxDelayMs must be at least baseDelayMs');
  });
});

describe('webhook endpoint registration', () => {
  const setup = (env: Record<string, string>) => {
    const { docs, store } = endpointsStore();
    const useCases = new WebhookEndpointsUseCases(store as unknown as WebhookEndpointsStore, new RoutingRules(), notificationConfigFrom(env));
    return { docs, store, useCases };
  };

  it('in production: https only; malformed URLs and unknown bureaus refused; nothing stored', async () => {
    const { store, useCases } = setup({ NODE_ENV: 'production' });
    await expect(useCases.register({ principal: bureauUser, url: 'http://case.jiashan.example.cn/hook' })).rejects.toThrow(new UnprocessableEntityException('url must use https in production'));
    await expect(useCases.register({ principal: bureauUser, url: 'https//missing-colon' })).rejects.toThrow(UnprocessableEntityException);
    await expect(useCases.register({ principal: admin, url: 'https://x.example.cn/', bureau: '123456' })).rejects.toThrow('bureau 123456 is not a registered bureau or authority');
    await expect(useCases.register({ principal: bureauUser, url: 'https://x.example.cn/', bureau: '310118' })).rejects.toThrow(ForbiddenException);
    expect(store.insert).not.toHaveBeenCalled();
    const ok = await useCases.register({ principal: admin, url: 'https://joint.example.cn/hook', bureau: 'YRD-JOINT' });
    expect(ok).toMatchObject({ bureau: 'YRD-JOINT', url: 'https://joint.example.cn/hook', active: true });
    expect(ok.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it('rotation: the old secret keeps signing for the overlap, never longer; expired ones are dropped', async () => {
    const { docs, useCases } = setup({ NODE_ENV: 'development', NOTIFY_SECRET_OVERLAP_HOURS: '24' });
    const t0 = new Date('2026-03-01T00:00:00Z');
    const created = await useCases.register({ principal: bureauUser, url: 'http://127.0.0.1:1/h' }, t0);
    const r1 = await useCases.rotateSecret(bureauUser, created.id, undefined, new Date('2026-03-01T01:00:00Z'));
    expect(r1.secrets.map((s) => [s.active, s.expiresAt])).toEqual([
      [true, null],
      [true, '2026-03-02T01:00:00.000Z'],
    ]);
    // A second rotation an hour later with a longer overlap does not extend the first secret.
    const r2 = await useCases.rotateSecret(bureauUser, created.id, 48, new Date('2026-03-01T02:00:00Z'));
    expect(r2.secrets.map((s) => s.expiresAt)).toEqual([null, '2026-03-03T02:00:00.000Z', '2026-03-02T01:00:00.000Z']);
    // After the overlaps, only the newest is left.
    const r3 = await useCases.rotateSecret(bureauUser, created.id, 0, new Date('2026-03-10T00:00:00Z'));
    expect(r3.secrets).toHaveLength(2);
    expect(docs.get(created.id)?.secrets.filter((s) => s.expiresAt === null)).toHaveLength(1);
    await expect(useCases.rotateSecret({ ...bureauUser, bureau: '320509' }, created.id)).rejects.toThrow(`no webhook endpoint ${created.id} in your bureau`);
  });
});

describe('the router', () => {
  const event = (type: string, payload: Record<string, unknown>): EventEnvelope => ({
    eventId: '0190f3a2-0000-7000-8000-000000000001',
    type,
    schemaVersion: 1,
    streamId: 'referral-rf-1',
    streamVersion: 1,
    occurredAt: '2026-03-02T02:00:00.000Z',
    actor: { userId: 'clue-transfer', bureau: 'YRD-SYSTEM', role: 'system' },
    correlationId: 'c',
    causationId: null,
    payload,
    prevHash: null,
    hash: 'a'.repeat(64),
  });

  function router(rules?: RoutingRule[]) {
    const enqueued: DeliveryJobData[][] = [];
    const files = { get: jest.fn(async () => undefined), put: jest.fn(async () => undefined) };
    const { store } = endpointsStore();
    void store.insert({ _id: 'whe_1', bureau: '320509', url: 'https://x', active: true, secrets: [], createdAt: new Date(), createdBy: 'x', updatedAt: new Date() });
    const contacts = { forBureaus: jest.fn(async () => [{ _id: 'emc_1', bureau: '320509', address: 'a@b.cn', userId: null, createdAt: new Date(), createdBy: 'x' }]) };
    const queues = { enqueue: jest.fn(async (jobs: DeliveryJobData[]) => void enqueued.push(jobs)) };
    const r = new RouteEvent(
      rules ? new RoutingRules(rules) : new RoutingRules(),
      files as unknown as CaseFilesStore,
      store as unknown as WebhookEndpointsStore,
      contacts as unknown as EmailContactsStore,
      { enabled: true } as EmailSender,
      queues as unknown as DeliveryQueues,
    );
    return { r, enqueued, files, queues };
  }

  it('one job per recipient address and channel, ids deterministic across runs', async () => {
    const { r, enqueued } = router();
    const e = event('referral.deadline-reminded', { referralId: 'rf-1', bureau: '320509', dueDate: '2026-12-01', remindedAt: '2026-11-28T00:00:00Z' });
    await r.execute(e);
    await r.execute(e);
    expect(enqueued[0].map((j) => [j.channel, j.target])).toEqual([
      ['webhook', 'whe_1'],
      ['email', 'emc_1'],
      ['inbox', 'inbox'],
    ]);
    expect(enqueued[1].map((j) => j.deliveryId)).toEqual(enqueued[0].map((j) => j.deliveryId));
    expect(enqueued[0][0].event).toBe(e);
    expect(enqueued[0][1].event).toBeUndefined();
  });

  it('a template the event cannot fill: the event fails with the template named, nothing is queued or stored', async () => {
    const broken: RoutingRule[] = [
      {
        event: 'referral.deadline-reminded',
        notify: [{ who: { to: 'bureau-at', path: 'payload.bureau' }, channels: ['webhook', 'inbox'] }],
        templates: { zh: { subject: '{{payload.referralId}}', body: '{{payload.handlerName}}' }, en: { subject: 's', body: 'b' } },
      },
    ];
    const { r, queues, files } = router(broken);
    const e = event('referral.deadline-reminded', { referralId: 'rf-1', bureau: '320509', dueDate: '2026-12-01', remindedAt: '2026-11-28T00:00:00Z' });
    await expect(r.execute(e)).rejects.toThrow('template referral.deadline-reminded/zh/body: {{payload.handlerName}}: the event has no value at payload.handlerName');
    expect(queues.enqueue).not.toHaveBeenCalled();
    expect(files.put).not.toHaveBeenCalled();
  });

  it('refuses to start with a broken rule set', () => {
    expect(() => new RoutingRules([{ event: 'referral.accepted', notify: [{ who: { to: 'target-bureaus' }, channels: ['inbox'] }], templates: { zh: { subject: '{{x', body: '' }, en: { subject: '', body: '' } } }])).toThrow(
      /Invalid routing rules: rule referral.accepted: template referral.accepted\/zh\/subject: unclosed/,
    );
  });
});
