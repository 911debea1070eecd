/**
 * Integration test of the clue-transfer service against the real local servers
 * (`bash deploy/local/infra.sh up`: Kafka 127.0.0.1:19092, FerretDB 127.0.0.1:27018, Redis
 * 127.0.0.1:16379). Boots the real AppModule (platform, auth, backbone, referral feature) with its
 * own topic namespace, database and queue prefix, and drives it over HTTP as bureaus do. Clue
 * events come in as case-intake writes them: `Clue.decide` appended to a `clue-<id>` stream.
 */
import type { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import request from 'supertest';
import { devUser, mintToken } from '@yrd/auth';
import { EventBackbone } from '@yrd/backbone';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import type { Actor, EventEnvelope } from '@yrd/contracts';
import { fixtureKeys, fixtureSigner, verifyStream } from '@yrd/event-log';
import { AggregateRepository } from '@yrd/event-store';
import { createHttpApp } from '@yrd/platform';
import { Clue } from '@yrd/referral-domain';
import { ClueIntake, clueStream, DeadlineQueue, referralIdForClue } from '@yrd/referral-feature';
import { eventually, infraEnv, mongoUrlFor, uniqueName } from '@yrd/testing';
import { AppModule } from './app.module';
import { HTTP_SERVICE } from './service';

jest.setTimeout(120_000);

const QINGPU = '310118';
const WUJIANG = '320509';
const JIASHAN = '330421';
const SECRET = 'clue-transfer-integration-secret-0123456789abcdef';
const namespace = uniqueName('ct');
const ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','),
  MONGO_URL: mongoUrlFor(namespace),
  REDIS_URL: infraEnv().redisUrl,
  AUTH_JWT_SECRET: SECRET,
  KAFKA_TOPIC_NAMESPACE: namespace,
  QUEUE_PREFIX: namespace,
  DEADLINE_SECONDS_PER_WORKING_DAY: '1',
  DEADLINE_REMINDER_WORKING_DAYS: '3',
};

const NANJING = '320100';
const JIANGSU = '320000';
const token = (sub: string): string => mintToken(devUser(sub), { secret: SECRET, ttl: '1h' });
const as = (sub: string) => ({ Authorization: `Bearer ${token(sub)}` });
/** Nanjing's desk has no demo user: a token of its own. */
const NANJING_DESK = { Authorization: `Bearer ${mintToken({ sub: 'bureau-nj-1', role: 'bureau', bureau: NANJING }, { secret: SECRET, ttl: '1h' })}` };

/** A Jiashan-registered company (credit code positions 3–8 = 330421), valid check character. */
const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B3C4D5');

describe('clue-transfer on the real Kafka, FerretDB and Redis', () => {
  let app: INestApplication;
  let backbone: EventBackbone;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    app = await createHttpApp(AppModule, { ...HTTP_SERVICE, shutdownHooks: false });
    await app.init();
    backbone = app.get(EventBackbone);
    await backbone.whenConsuming();
    // The clues below are written as case-intake writes them, signed with its fixture key.
    for (const key of fixtureKeys(['case-intake'])) await backbone.keyStore.publish(key);
  });

  afterAll(async () => {
    await app?.get(DeadlineQueue).queue.obliterate({ force: true }).catch(() => undefined);
    await app?.close();
    const conn = await mongoose.createConnection(ENV['MONGO_URL'] ?? '').asPromise();
    await conn.dropDatabase();
    await conn.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const http = () => request(app.getHttpServer());

  /** What case-intake does: SubmitClue on a new clue stream (→ clue.submitted + clue.routed). */
  async function submitClue(
    overrides: Partial<Clue.SubmitClue['data']> = {},
    actor: Actor = { userId: 'officer-qp-1', bureau: QINGPU, role: 'officer' },
  ): Promise<string> {
    const clueId = uniqueName('c');
    const repo = new AggregateRepository(backbone.store, backbone.relay, { initialState: () => Clue.initialState, evolve: Clue.evolve }, fixtureSigner('case-intake'));
    const command: Clue.SubmitClue = {
      type: 'SubmitClue',
      data: {
        clueId,
        discoveringBureau: QINGPU,
        subject: { name: '嘉善某食品有限公司', creditCode: JIASHAN_COMPANY },
        allegedViolation: '销售超过保质期的食品',
        facts: '网店销售过期食品，青浦消费者投诉',
        place: { divisionCode: QINGPU, address: '青浦区某路1号（收货地）' },
        evidenceRefs: ['ev-1'],
        urgency: 'urgent',
        ...overrides,
      },
    };
    const outcome = await repo.create(clueStream(clueId), (s) => Clue.decide(command, s, new Date()), backbone.metadata(actor));
    if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
    expect(outcome.events.map((e) => e.type)).toEqual(['clue.submitted', 'clue.routed']);
    return referralIdForClue(clueId);
  }

  /** Polls the inbox view until the referral has `status` there. */
  async function inInbox(user: string, referralId: string, status: string, box = 'incoming'): Promise<Record<string, unknown>> {
    return eventually(
      async () => {
        const res = await http().get('/referrals').query({ box, limit: 100 }).set(as(user)).expect(200);
        const item = (res.body.items as Array<Record<string, unknown>>).find((i) => i['_id'] === referralId);
        expect(item?.['status']).toBe(status);
        return item as Record<string, unknown>;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  let undecided = '';
  let deliveredAt = 0;

  it('routes a clue about a Jiashan company to Jiashan’s inbox, delivered, with a 15-working-day deadline', async () => {
    undecided = await submitClue();
    const item = await inInbox('bureau-jsh-1', undecided, 'delivered');
    deliveredAt = Date.now();
    expect(item).toMatchObject({
      fromBureau: QINGPU,
      toBureau: JIASHAN,
      basis: 'registration-authority',
      urgency: 'urgent',
      overdue: false,
      workingDaysLeft: 15,
      subject: { creditCode: JIASHAN_COMPANY },
    });
    expect((item['checkDeadline'] as { dueDate: string }).dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the sender sees it in its outgoing box; a third bureau neither lists nor reads it
    await inInbox('officer-qp-1', undecided, 'delivered', 'outgoing');
    const wj = await http().get('/referrals').set(as('officer-wj-1')).expect(200);
    expect((wj.body.items as Array<{ _id: string }>).some((i) => i._id === undecided)).toBe(false);
    await http().get(`/referrals/${undecided}`).set(as('officer-wj-1')).expect(403);
    await http().get(`/referrals/${undecided}`).expect(401);
  });

  it('a redelivered clue.routed opens no second referral', async () => {
    const events = await backbone.store.readStream(`referral-${undecided}`);
    const clueEvents = await backbone.store.readStream(clueStream(undecided.replace(/^rf-/, '')));
    const intake = app.get(ClueIntake);
    for (const e of clueEvents) await intake.handle(e);
    expect(await backbone.store.readStream(`referral-${undecided}`)).toHaveLength(events.length);
  });

  it('accept → feedback → close, with the events in order on a verified hash chain', async () => {
    const id = await submitClue();
    await inInbox('bureau-jsh-1', id, 'delivered');

    await http().post(`/referrals/${id}/feedback`).set(as('bureau-jsh-1'))
      .send({ outcome: 'case-not-opened', handlingResult: '核查后不予立案' })
      .expect(409)
      .expect((r) => expect(r.body.error).toBe('REFERRAL_NOT_ACCEPTED'));
    await http().post(`/referrals/${id}/accept`).set(as('officer-qp-1')).expect(403);
    await http().post(`/referrals/${id}/accept`).set(as('auditor-1')).expect(403);
    // An unrelated bureau is refused as such (403), never told the referral's state (409).
    for (const action of ['feedback', 'close', 'designate'] as const) {
      const body = action === 'feedback' ? { outcome: 'case-not-opened', handlingResult: '核查后不予立案' } : action === 'designate' ? { designatedBureau: WUJIANG } : {};
      await http().post(`/referrals/${id}/${action}`).set(as('bureau-wj-1')).send(body).expect(403)
        .expect((r) => expect(r.body.error).toMatch(/^(ACTOR_NOT_PERMITTED|NOT_DESIGNATING_AUTHORITY)$/));
    }

    const accepted = await http().post(`/referrals/${id}/accept`).set(as('bureau-jsh-1')).expect(200);
    expect(accepted.body).toMatchObject({ id, state: { status: 'accepted', toBureau: JIASHAN } });
    await http().post(`/referrals/${id}/accept`).set(as('bureau-jsh-1')).expect(409)
      .expect((r) => expect(r.body).toMatchObject({ statusCode: 409, error: 'REFERRAL_ALREADY_ACCEPTED' }));

    await http().post(`/referrals/${id}/feedback`).set(as('bureau-jsh-1'))
      .send({ outcome: 'penalised', handlingResult: '没收违法所得并罚款', caseNumber: '嘉善市监案〔2026〕12号' })
      .expect(422)
      .expect((r) => expect(r.body.error).toBe('INVALID_COMMAND'));
    await http().post(`/referrals/${id}/feedback`).set(as('bureau-jsh-1'))
      .send({ outcome: 'won', handlingResult: '' })
      .expect(400)
      .expect((r) => expect(r.body.message.join(' ')).toMatch(/outcome.*handlingResult|handlingResult.*outcome/s));
    await http().post(`/referrals/${id}/feedback`).set(as('bureau-jsh-1'))
      .send({
        outcome: 'penalised',
        handlingResult: '没收违法所得并罚款',
        caseNumber: '嘉善市监案〔2026〕12号',
        penaltyDecisionRef: '嘉善市监罚字〔2026〕12号',
      })
      .expect(200);
    await http().post(`/referrals/${id}/feedback`).set(as('bureau-wj-1'))
      .send({ outcome: 'case-not-opened', handlingResult: 'x' }).expect(403)
      .expect((r) => expect(r.body.error).toBe('ACTOR_NOT_PERMITTED'));
    await http().post(`/referrals/${id}/close`).set(as('bureau-wj-1')).expect(403)
      .expect((r) => expect(r.body.error).toBe('ACTOR_NOT_PERMITTED'));
    const closed = await http().post(`/referrals/${id}/close`).set(as('officer-qp-1')).expect(200);
    expect(closed.body.state.status).toBe('closed');
    await http().post(`/referrals/${id}/close`).set(as('bureau-wj-1')).expect(403);

    const view = await inInbox('officer-qp-1', id, 'closed', 'outgoing');
    expect(view).toMatchObject({ feedback: { outcome: 'penalised', caseNumber: '嘉善市监案〔2026〕12号' }, closed: { outcome: 'handled' } });

    const detail = await http().get(`/referrals/${id}`).set(as('auditor-1')).expect(200);
    const timeline = detail.body.timeline as EventEnvelope[];
    const lifecycle = timeline.map((e) => e.type).filter((t) => !t.startsWith('referral.deadline') && t !== 'referral.overdue-escalated');
    expect(lifecycle).toEqual(['referral.created', 'referral.delivered', 'referral.accepted', 'referral.feedback-submitted', 'referral.closed']);
    expect(timeline.map((e) => e.streamVersion)).toEqual(timeline.map((_, i) => i + 1));
    expect(timeline[1]?.prevHash).toBe(timeline[0]?.hash);
    expect(verifyStream((await backbone.store.readStream(`referral-${id}`)))).toEqual([]);
  });

  it('reject needs a reason; a rejected referral closes as rejected', async () => {
    const id = await submitClue();
    await inInbox('bureau-jsh-1', id, 'delivered');
    await http().post(`/referrals/${id}/reject`).set(as('bureau-jsh-1')).send({}).expect(400)
      .expect((r) => expect(JSON.stringify(r.body)).toContain('reason'));
    await http().post(`/referrals/${id}/reject`).set(as('bureau-jsh-1')).send({ reason: '  ' }).expect(409)
      .expect((r) => expect(r.body.error).toBe('REASON_REQUIRED'));
    await http().post(`/referrals/${id}/reject`).set(as('bureau-jsh-1')).send({ reason: '材料不全' }).expect(200);
    await inInbox('bureau-jsh-1', id, 'rejected');
    const res = await http().get('/referrals').query({ box: 'outgoing', status: 'rejected' }).set(as('officer-qp-1')).expect(200);
    expect((res.body.items as Array<{ _id: string }>).map((i) => i._id)).toContain(id);
    await http().post(`/referrals/${id}/close`).set(as('officer-qp-1')).expect(200);
  });

  it('re-transfer by the receiver is refused 409 naming 不得再自行移送; dispute → designation re-routes it', async () => {
    const id = await submitClue();
    await inInbox('bureau-jsh-1', id, 'delivered');
    const refused = await http().post(`/referrals/${id}/transfer`).set(as('bureau-jsh-1')).send({ toBureau: WUJIANG }).expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, error: 'RETRANSFER_FORBIDDEN', rule: { id: 'NO_RETRANSFER' } });
    expect(refused.body.rule.text).toContain('不得再自行移送');
    const before = await backbone.store.readStream(`referral-${id}`);

    await http().post(`/referrals/${id}/dispute`).set(as('bureau-jsh-1')).send({ reason: '违法行为发生地在吴江' }).expect(200);
    const disputed = await inInbox('bureau-jsh-1', id, 'disputed');
    expect(disputed).toMatchObject({ designatingAuthority: 'YRD-JOINT', designatingAuthorityKind: 'joint-mechanism' });
    expect(before.length).toBeGreaterThan(0);

    // a bureau is not the joint mechanism; the admin coordinates it
    await http().post(`/referrals/${id}/designate`).set(as('bureau-jsh-1')).send({ designatedBureau: WUJIANG }).expect(403)
      .expect((r) => expect(r.body.error).toBe('NOT_DESIGNATING_AUTHORITY'));
    await http().post(`/referrals/${id}/designate`).set(as('admin-1')).send({ designatedBureau: '999999' }).expect(422)
      .expect((r) => expect(r.body.error).toBe('UNKNOWN_BUREAU'));
    await http().post(`/referrals/${id}/designate`).set(as('admin-1')).send({ designatedBureau: 'x' }).expect(400)
      .expect((r) => expect(r.body.message.join(' ')).toContain('designatedBureau'));
    const designated = await http().post(`/referrals/${id}/designate`).set(as('admin-1')).send({ designatedBureau: WUJIANG, reason: '经协调' }).expect(200);
    expect(designated.body.state).toMatchObject({ status: 'delivered', toBureau: WUJIANG, designated: true });

    const rerouted = await inInbox('bureau-wj-1', id, 'delivered');
    expect(rerouted['designations']).toEqual([expect.objectContaining({ designatedBy: 'YRD-JOINT', previousBureau: JIASHAN, designatedBureau: WUJIANG })]);
    const timeline = (await http().get(`/referrals/${id}`).set(as('bureau-wj-1')).expect(200)).body.timeline as EventEnvelope[];
    const designation = timeline.find((e) => e.type === 'referral.designated');
    // recorded as who acted: the admin with its own bureau, the authority named in the payload
    expect(designation?.actor).toMatchObject({ userId: 'admin-1', bureau: '310000', role: 'admin' });
    expect(designation?.payload).toMatchObject({ designatedBy: 'YRD-JOINT' });
    // designation binds: Wujiang may not reject it, nor pass it on
    await http().post(`/referrals/${id}/reject`).set(as('bureau-wj-1')).send({ reason: '不属本局' }).expect(409)
      .expect((r) => expect(r.body.error).toBe('JURISDICTION_ALREADY_DESIGNATED'));
    await http().post(`/referrals/${id}/transfer`).set(as('bureau-wj-1')).send({ toBureau: JIASHAN }).expect(409);
    await http().post(`/referrals/${id}/accept`).set(as('bureau-wj-1')).expect(200);
  });

  it('a Jiangsu-internal dispute (Wujiang → Nanjing) is designated by Jiangsu alone, recorded as Jiangsu’s own act', async () => {
    const id = await submitClue({
      discoveringBureau: WUJIANG,
      suggestedTarget: NANJING,
      subject: { name: '南京某电子商务有限公司' },
      place: { divisionCode: NANJING, address: '南京市某路1号' },
    }, { userId: 'officer-wj-1', bureau: WUJIANG, role: 'officer' });
    await eventually(async () => {
      const res = await http().get(`/referrals/${id}`).set(NANJING_DESK).expect(200);
      expect(res.body.referral.status).toBe('delivered');
    }, { timeoutMs: 30_000, intervalMs: 100 });
    await http().post(`/referrals/${id}/dispute`).set(NANJING_DESK).send({ reason: '违法行为发生地在吴江' }).expect(200);
    await eventually(async () => {
      const res = await http().get(`/referrals/${id}`).set(NANJING_DESK).expect(200);
      expect(res.body.referral).toMatchObject({ status: 'disputed', designatingAuthority: JIANGSU, designatingAuthorityKind: 'common-superior' });
    }, { timeoutMs: 30_000, intervalMs: 100 });

    // Shanghai's admin is not the common superior of two Jiangsu bureaus; nor is another province's desk.
    await http().post(`/referrals/${id}/designate`).set(as('admin-1')).send({ designatedBureau: WUJIANG }).expect(403)
      .expect((r) => expect(r.body.error).toBe('NOT_DESIGNATING_AUTHORITY'));
    await http().post(`/referrals/${id}/designate`).set(as('bureau-zj-1')).send({ designatedBureau: WUJIANG }).expect(403);
    const before = await backbone.store.readStream(`referral-${id}`);

    const designated = await http().post(`/referrals/${id}/designate`).set(as('bureau-js-1')).send({ designatedBureau: WUJIANG, reason: '省局指定' }).expect(200);
    expect(designated.body.state).toMatchObject({ status: 'delivered', toBureau: WUJIANG, designated: true });
    const after = await backbone.store.readStream(`referral-${id}`);
    expect(after.slice(0, before.length).map((e) => e.eventId)).toEqual(before.map((e) => e.eventId));
    const designation = after.find((e) => e.type === 'referral.designated');
    expect(designation?.actor).toMatchObject({ userId: 'bureau-js-1', bureau: JIANGSU, role: 'bureau' });
    expect(designation?.payload).toMatchObject({ designatedBy: JIANGSU, previousBureau: NANJING, designatedBureau: WUJIANG });
  });

  it('assistance: request, answer, and bad input refused with nothing appended', async () => {
    await http().post('/assistance').set(as('officer-qp-1')).send({ requestedBureau: '999999', questions: ['q'] }).expect(422)
      .expect((r) => expect(r.body).toMatchObject({ error: 'UNKNOWN_BUREAU' }));
    await http().post('/assistance').set(as('officer-qp-1')).send({ requestedBureau: JIASHAN, questions: [], extra: 1 }).expect(400)
      .expect((r) => expect(r.body.message.join(' ')).toMatch(/questions/));
    const q = '该公司是否在登记住所实际经营？';
    const created = await http().post('/assistance').set(as('officer-qp-1')).send({ requestedBureau: JIASHAN, questions: [q], caseRef: 'rf-x' }).expect(201);
    const id = created.body.id as string;
    expect(created.body.state).toMatchObject({ status: 'requested', requestingBureau: QINGPU, requestedBureau: JIASHAN });

    const view = await eventually(async () => {
      const res = await http().get('/assistance').query({ box: 'incoming' }).set(as('bureau-jsh-1')).expect(200);
      const item = (res.body.items as Array<Record<string, unknown>>).find((i) => i['_id'] === id);
      expect(item).toBeDefined();
      return item as Record<string, unknown>;
    });
    expect(view).toMatchObject({ status: 'requested', workingDaysLeft: 15, overdue: false });
    await http().get(`/assistance/${id}`).set(as('officer-wj-1')).expect(403);

    await http().post(`/assistance/${id}/answer`).set(as('bureau-jsh-1'))
      .send({ findings: [{ question: '没问过', finding: 'x', conclusion: 'confirmed' }], attachmentRefs: [] })
      .expect(422);
    await http().post(`/assistance/${id}/extension`).set(as('bureau-jsh-1')).send({ reason: '需调取银行流水' }).expect(422)
      .expect((r) => expect(r.body.message).toContain('give either newDueDate or extraWorkingDays'));
    const extended = await http().post(`/assistance/${id}/extension`).set(as('bureau-jsh-1')).send({ extraWorkingDays: 5, reason: '需调取银行流水' }).expect(200);
    expect(extended.body.version).toBe(2);
    await http().post(`/assistance/${id}/answer`).set(as('bureau-jsh-1'))
      .send({ findings: [{ question: q, finding: '现场核实，实际经营', conclusion: 'confirmed' }], attachmentRefs: ['ev-9'] })
      .expect(200);
    await eventually(async () => {
      const res = await http().get(`/assistance/${id}`).set(as('officer-qp-1')).expect(200);
      expect(res.body).toMatchObject({ status: 'answered', answer: { withinDeadline: true }, extensions: [expect.objectContaining({ reason: '需调取银行流水' })] });
    });
    expect(await backbone.store.readStream(`assistance-${id}`)).toHaveLength(3);
  });

  it('assistance: 32 extension notices at once are each judged on the one before — 32 × 200, 32 extensions in order', async () => {
    const created = await http().post('/assistance').set(as('officer-qp-1')).send({ requestedBureau: JIASHAN, questions: ['账册是否完整？'] }).expect(201);
    const id = created.body.id as string;
    const answers = await Promise.all(
      Array.from({ length: 32 }, (_, i) => http().post(`/assistance/${id}/extension`).set(as('bureau-jsh-1')).send({ extraWorkingDays: 1, reason: `需调取第 ${i + 1} 批银行流水` })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(32).fill(200));
    const events = await backbone.store.readStream(`assistance-${id}`);
    expect(events.map((e) => e.type)).toEqual(['assistance.requested', ...Array(32).fill('assistance.extension-noticed')]);
    // Each notice moved the deadline one working day past the previous one: none was lost or judged on a stale state.
    const dues = events.slice(1).map((e) => String((e.payload as { deadline: { dueDate: string } }).deadline.dueDate));
    expect(dues.every((d, i) => i === 0 || d > dues[i - 1])).toBe(true);
    expect(verifyStream(events)).toEqual([]);
  });

  it('joint action: tasks for two bureaus, progress, close by the lead', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const created = await http().post('/joint-actions').set(as('officer-qp-1')).send({
      title: '示范区网络餐饮联合执法',
      startsOn: today,
      endsOn: '2026-12-31',
      targets: ['无证网络餐饮'],
      discretionStandardId: 'YRD-DZ-2024-01',
      tasks: [
        { bureau: QINGPU, description: '青浦排查' },
        { bureau: JIASHAN, description: '嘉善排查' },
      ],
    }).expect(201);
    const id = created.body.id as string;
    await http().post(`/joint-actions/${id}/tasks/task-2/start`).set(as('officer-qp-1')).expect(403);
    await http().post(`/joint-actions/${id}/tasks/task-1/start`).set(as('officer-qp-1')).expect(200);
    await http().post(`/joint-actions/${id}/close`).set(as('officer-qp-1')).send({}).expect(409)
      .expect((r) => expect(r.body.error).toBe('TASKS_OUTSTANDING'));
    await http().post(`/joint-actions/${id}/tasks/task-1/complete`).set(as('officer-qp-1')).send({ result: { summary: '检查12户', inspections: 12 } }).expect(200);
    await http().post(`/joint-actions/${id}/tasks/task-2/start`).set(as('bureau-jsh-1')).expect(200);
    await eventually(async () => {
      const res = await http().get(`/joint-actions/${id}`).set(as('bureau-jsh-1')).expect(200);
      expect(res.body.progress).toMatchObject({ total: 2, completed: 1, inProgress: 1, percent: 50 });
    });
    await http().get(`/joint-actions/${id}`).set(as('officer-wj-1')).expect(403);
    const listed = await http().get('/joint-actions').set(as('bureau-jsh-1')).expect(200);
    expect((listed.body.items as Array<{ _id: string }>).map((i) => i._id)).toContain(id);
    await http().post(`/joint-actions/${id}/tasks/task-2/complete`).set(as('bureau-jsh-1')).send({ result: { summary: '检查8户', casesOpened: 1 } }).expect(200);
    await http().post(`/joint-actions/${id}/close`).set(as('bureau-jsh-1')).send({}).expect(403);
    await http().post(`/joint-actions/${id}/close`).set(as('officer-qp-1')).send({ summary: '共检查20户' }).expect(200);
    await eventually(async () => {
      const res = await http().get(`/joint-actions/${id}`).set(as('auditor-1')).expect(200);
      expect(res.body).toMatchObject({ status: 'closed', progress: { percent: 100 }, closed: { summary: '共检查20户' } });
    });
  });

  it('deadline jobs: the undecided referral is reminded, then escalated as overdue (1 s per working day)', async () => {
    const view = await eventually(
      async () => {
        const res = await http().get(`/referrals/${undecided}`).set(as('bureau-jsh-1')).expect(200);
        const types = (res.body.timeline as EventEnvelope[]).map((e) => e.type);
        expect(types).toEqual(['referral.created', 'referral.delivered', 'referral.deadline-reminded', 'referral.overdue-escalated']);
        expect(res.body.referral.overdue).toBe(true);
        return res.body;
      },
      { timeoutMs: 40_000, intervalMs: 250 },
    );
    // 15 working days × 1 s after delivery (reminder 3 working days before: after 12 s)
    expect(Date.now() - deliveredAt).toBeGreaterThanOrEqual(13_000);
    const [reminded, escalated] = (view.timeline as EventEnvelope[]).slice(2);
    const due = view.referral.checkDeadline.dueDate as string;
    expect(reminded?.payload).toMatchObject({ dueDate: due, bureau: JIASHAN });
    expect(escalated?.payload).toMatchObject({ dueDate: due, bureau: JIASHAN });
    expect(escalated?.actor.role).toBe('system');
    const overdue = await http().get('/referrals').query({ box: 'incoming', overdue: 'true' }).set(as('bureau-jsh-1')).expect(200);
    expect((overdue.body.items as Array<{ _id: string }>).map((i) => i._id)).toContain(undecided);
    // a late decision is still taken
    await http().post(`/referrals/${undecided}/accept`).set(as('bureau-jsh-1')).expect(200);
  });

  it('calendar: only an admin loads a year; a notice that is no date is a 400, one for another year a 422', async () => {
    await http().post('/calendar/years').set(as('bureau-jsh-1')).send({}).expect(403);
    await http().post('/calendar/years').set(as('admin-1')).send({ year: 2027, holidays: ['2027-13-01'], workdays: [], source: { title: 't' } }).expect(400);
    await http().post('/calendar/years').set(as('admin-1')).send({ year: 2027, holidays: ['2028-01-01'], workdays: [], source: { title: 't' } }).expect(422)
      .expect((r) => expect(r.body.message).toContain('outside the 2027'));
  });
});
