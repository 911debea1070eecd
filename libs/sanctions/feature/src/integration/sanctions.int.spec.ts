/**
 * The sanctions feature on the real local servers (Kafka, FerretDB, Redis: `bash deploy/local/infra.sh up`),
 * as it will run: a case-intake-like service with `PenaltyDecisionsModule` (records and signs
 * decisions, evaluates exemptions, publishes lists) and a clue-transfer-like service with
 * `RecognitionSanctionsModule` (verifies, recognises, keeps the sanctions registry, answers the
 * interception check), each with platform, auth and backbone, sharing one topic namespace.
 */
import type { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import request from 'supertest';
import { devUser, mintToken } from '@yrd/auth';
import { EventBackbone } from '@yrd/backbone';
import { eventCatalog } from '@yrd/contracts';
import { verifyStream } from '@yrd/event-log';
import { addCalendarDays, chinaDateOf } from '@yrd/calendar';
import { eventually, uniqueName } from '@yrd/testing';
import { PenaltyDecision } from '@yrd/sanctions-domain';
import { CheckLog } from '../lib/sanctions/check-log';
import { SanctionsReadModelsHost } from '../lib/read-models/sanctions-read-models.provider';
import { streamIds } from '../lib/streams';
import { bootSanctionsApp, sanctionsTestEnv } from '../lib/testing/test-apps';
import { decisionBody, personId, QINGPU_COMPANY } from '../lib/testing/fixtures';

jest.setTimeout(180_000);

const SECRET = 'sanctions-integration-secret-0123456789abcdef';
const ENV = sanctionsTestEnv(SECRET);
const as = (sub: string) => ({ Authorization: `Bearer ${mintToken(devUser(sub), { secret: SECRET, ttl: '1h' })}` });
const run = String(Math.floor(Math.random() * 90000) + 10000);
let seq = 0;
const company = () => QINGPU_COMPANY(String((Number(run) + seq++ * 7) % 100000));
const today = chinaDateOf(new Date());

describe('sanctions: recognition, shared sanctions, exemptions on the real servers', () => {
  let intake: INestApplication;
  let transfer: INestApplication;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    transfer = await bootSanctionsApp('clue-transfer', 'recognition');
    intake = await bootSanctionsApp('case-intake', 'decisions');
    await transfer.get(EventBackbone).whenConsuming();
    await Promise.all([transfer, intake].map((a) => a.get(SanctionsReadModelsHost).whenCaughtUp()));
  });

  afterAll(async () => {
    await intake?.close();
    await transfer?.close();
    const conn = await mongoose.createConnection(ENV['MONGO_URL'] ?? '').asPromise();
    await conn.dropDatabase();
    await conn.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const toIntake = () => request(intake.getHttpServer());
  const toTransfer = () => request(transfer.getHttpServer());

  async function record(body: Record<string, unknown>, user = 'officer-qp-1'): Promise<string> {
    const res = await toIntake().post('/penalty-decisions').set(as(user)).send(body);
    expect(res.status).toBe(201);
    return res.body.decisionId as string;
  }

  const jiashanCase = (creditCode: string, overrides: Record<string, unknown> = {}) => ({
    caseRef: `case-jsh-${uniqueName('')}`,
    bureau: '330421',
    subject: { name: '某某商贸有限公司', creditCode },
    violationKind: 'advertising.absolute-terms',
    caseDate: today,
    discoveredOn: addCalendarDays(today, -10),
    correction: { orderedBy: addCalendarDays(today, -3), correctedOn: addCalendarDays(today, -5) },
    harm: 'none',
    flags: { ownPremisesOrSelfMedia: true },
    ...overrides,
  });

  it('a Shanghai decision is recognised in Zhejiang and makes a later Zhejiang case not a first violation', async () => {
    const creditCode = company();
    const first = await toIntake().post('/exemptions/evaluate').set(as('officer-jsh-1')).send(jiashanCase(creditCode));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ region: '330000', penalty: { outcome: 'penalty-may-be-waived' }, educationRequired: true, education: expect.stringContaining('第三十三条第三款') });

    const decisionId = await record(decisionBody({ subject: { name: '上海某某商贸有限公司', creditCode }, decisionDate: addCalendarDays(today, -30) }));
    const recognitionId = `330000-${decisionId}`;
    const queue = await eventually(async () => {
      const res = await toTransfer().get('/recognitions?status=recognised').set(as('bureau-zj-1')).expect(200);
      const found = (res.body as Array<{ recognitionId: string }>).find((r) => r.recognitionId === recognitionId);
      expect(found).toBeDefined();
      return found;
    });
    expect(queue).toMatchObject({ region: '330000', automatic: true, decision: { decisionId, sourceRegion: '310000', issuingBureau: '310118', keyId: 'dev-310118-1' } });

    const later = await eventually(async () => {
      const res = await toIntake().post('/exemptions/evaluate').set(as('officer-jsh-1')).send(jiashanCase(creditCode));
      expect(res.body.penalty.outcome).toBe('not-exempt');
      return res.body;
    });
    const zj = later.items.find((i: { itemId: string }) => i.itemId === 'ZJ-04');
    expect(zj.conditions).toEqual([
      expect.objectContaining({ type: 'first-violation', met: false, fact: 'history', detail: expect.stringContaining(`沪市监青处罚〔2026〕12号 (${addCalendarDays(today, -30)}, recognised from 310000)`) }),
      expect.objectContaining({ type: 'fact', met: true, fact: 'flags.ownPremisesOrSelfMedia' }),
      expect.objectContaining({ type: 'corrected-within-ordered-period', met: true }),
      expect.objectContaining({ type: 'harm-at-most', met: true }),
    ]);
    expect(later.educationRequired).toBe(false);
    // The evaluation is an event of its own stream.
    const [evaluated] = await intake.get(EventBackbone).store.readStream(streamIds.evaluation(later.evaluationId));
    expect(evaluated).toMatchObject({ type: 'exemption.evaluated', payload: { penaltyOutcome: 'not-exempt', region: '330000', caseRef: expect.any(String) } });
    expect(eventCatalog.checkPayload(evaluated.type, evaluated.schemaVersion, evaluated.payload)).toMatchObject({ ok: true });
    // The stored decision stream re-hashes as published (an auditor's replay).
    expect(verifyStream(await intake.get(EventBackbone).store.readStream(streamIds.decision(decisionId)))).toEqual([]);
  });

  it('a decision outside the automatic categories waits in each region’s queue; a bureau of the region recognises or declines with a reason', async () => {
    const decisionId = await record(decisionBody({ subject: { name: '某公司', creditCode: company() }, category: 'price', violationKind: 'pricing.price-tag-missing' }));
    await eventually(async () => {
      const res = await toTransfer().get('/recognitions?status=queued').set(as('bureau-zj-1')).expect(200);
      expect((res.body as Array<{ recognitionId: string }>).map((r) => r.recognitionId)).toContain(`330000-${decisionId}`);
    });
    await toTransfer().post(`/recognitions/330000-${decisionId}/recognise`).set(as('bureau-js-1')).send({}).expect(403);
    await toTransfer().post(`/recognitions/330000-${decisionId}/recognise`).set(as('bureau-zj-1')).send({ reason: '经审查予以互认' }).expect(201);
    const noReason = await toTransfer().post(`/recognitions/320000-${decisionId}/decline`).set(as('bureau-js-1')).send({});
    expect(noReason.status).toBe(400);
    await toTransfer().post(`/recognitions/320000-${decisionId}/decline`).set(as('bureau-js-1')).send({ reason: '违法事实认定依据不足' }).expect(201);
    const again = await toTransfer().post(`/recognitions/320000-${decisionId}/recognise`).set(as('bureau-js-1')).send({});
    expect(again.body).toMatchObject({ statusCode: 409, error: 'NOT_QUEUED' });
    // A bureau of another region is refused as such (403), never told the decision was declined here.
    for (const act of ['recognise', 'decline']) {
      const outsider = await toTransfer().post(`/recognitions/320000-${decisionId}/${act}`).set(as('bureau-zj-1')).send({ reason: '无关' });
      expect(outsider.body).toMatchObject({ statusCode: 403, error: 'ACTOR_NOT_PERMITTED' });
    }
    // A natural person's decision waits in the queue with the id number masked for the reviewing region.
    const individual = personId(Number(run) + 700);
    const personal = await record(decisionBody({ subject: { name: '王某', personId: individual }, category: 'price', violationKind: 'pricing.price-tag-missing' }));
    await eventually(async () => {
      const res = await toTransfer().get('/recognitions?status=queued').set(as('bureau-zj-1')).expect(200);
      const item = (res.body as Array<{ recognitionId: string; decision: { subject: { personId?: string } } }>).find((r) => r.recognitionId === `330000-${personal}`);
      expect(item?.decision.subject.personId).toBe(`${individual.slice(0, 6)}********${individual.slice(-4)}`);
    });
    await eventually(async () => {
      const res = await toTransfer().get('/recognitions?region=320000').set(as('auditor-1')).expect(200);
      expect((res.body as Array<{ recognitionId: string; status: string; reason?: string }>).find((r) => r.recognitionId === `320000-${decisionId}`)).toMatchObject({
        status: 'declined',
        reason: '违法事实认定依据不足',
      });
    });
  });

  it('a tampered signature is refused and reported, never recorded nor recognised', async () => {
    const decisionId = await record(decisionBody({ subject: { name: '某公司', creditCode: company() } }));
    const [genuine] = await intake.get(EventBackbone).store.readStream(streamIds.decision(decisionId));
    const data = genuine.payload as PenaltyDecision.PenaltyDecisionRecorded['data'];
    // Someone re-sends the decision with a lower fine under the genuine signature.
    const tamperedId = `pdtampered${uniqueName('')}`;
    const forged: PenaltyDecision.PenaltyDecisionRecorded = {
      type: 'penalty-decision.recorded',
      data: { ...data, decisionId: tamperedId, decision: { ...data.decision, penalties: [{ kind: 'fine', amountFen: 100 }] } },
    };
    const backbone = intake.get(EventBackbone);
    const repo = backbone.repository({ initialState: () => PenaltyDecision.initialState, evolve: PenaltyDecision.evolve }, { awaitPublish: true });
    const forgedOutcome = await repo.create(streamIds.decision(tamperedId), () => ({ ok: true, value: [forged] }), backbone.metadata({ userId: 'forger', bureau: '310118', role: 'officer' }));
    if (!forgedOutcome.ok) throw new Error('not appended');
    const forgedEventId = forgedOutcome.events[0].eventId;

    const [refused] = await eventually(async () => {
      const events = await transfer.get(EventBackbone).store.readStream(streamIds.refusal(forgedEventId));
      expect(events).toHaveLength(1);
      return events;
    });
    expect(refused).toMatchObject({
      type: 'penalty-decision.refused',
      payload: { sourceEventId: forgedEventId, decisionId: tamperedId, code: 'BAD_SIGNATURE', keyId: 'dev-310118-1', reason: expect.stringContaining('does not match') },
    });
    // The genuine one was recognised; the forged one nowhere, and no read model holds it.
    await eventually(async () => {
      const res = await toTransfer().get('/recognitions?region=330000').set(as('auditor-1')).expect(200);
      expect((res.body as Array<{ decision: { decisionId: string } }>).map((r) => r.decision.decisionId)).toContain(decisionId);
    });
    const all = await toTransfer().get('/recognitions').set(as('auditor-1')).expect(200);
    expect((all.body as Array<{ decision: { decisionId: string } }>).some((r) => r.decision.decisionId === tamperedId)).toBe(false);
    await toIntake().get(`/penalty-decisions/${tamperedId}`).set(as('auditor-1')).expect(404);
    expect(intake.get(SanctionsReadModelsHost).models.unverifiedDecisionEvents).toBeGreaterThanOrEqual(1);
  });

  it('a food-safety crime sentence bans the person in every region’s check; credit repair cannot lift that ban; the check is audited', async () => {
    const person = personId(Number(run) + 11);
    const judgment = {
      judgmentNumber: `（2026）沪0118刑初${run}号`,
      court: '上海市青浦区人民法院',
      person: { name: '张某', personId: person },
      charge: '生产、销售有毒、有害食品罪',
      foodSafetyCrime: true,
      sentence: 'fixed-term-imprisonment',
      effectiveOn: addCalendarDays(today, -1),
    };
    const light = await toTransfer().post('/sanctions/court-judgments').set(as('bureau-sh-1')).send({ ...judgment, judgmentNumber: `${judgment.judgmentNumber}-2`, sentence: 'criminal-detention' });
    expect(light.body).toMatchObject({ statusCode: 409, error: 'NOT_A_QUALIFYING_SENTENCE', rule: { article: '第一百三十五条第二款' } });
    const imposed = await toTransfer().post('/sanctions/court-judgments').set(as('bureau-sh-1')).send(judgment).expect(201);

    for (const officer of ['officer-sh-1', 'officer-js-1', 'officer-zj-1', 'officer-ah-1']) {
      const answer = await eventually(async () => {
        const res = await toTransfer().get(`/sanctions/check?personId=${person}`).set(as(officer)).expect(200);
        expect(res.body.banned).toBe(true);
        return res.body;
      });
      expect(answer).toMatchObject({
        lifelong: true,
        since: judgment.effectiveOn,
        until: null,
        why: expect.stringContaining('有期徒刑'),
        basis: { source: '《中华人民共和国食品安全法》', article: '第一百三十五条第二款' },
        source: { type: 'court-judgment', documentNumber: judgment.judgmentNumber, region: '310000', issuer: '上海市青浦区人民法院' },
      });
    }
    const repair = await toTransfer().post(`/sanctions/${imposed.body.sanctionId}/repair`).set(as('bureau-zj-1')).send({ ref: '浙信修〔2026〕1号', reason: '已整改' });
    expect(repair.body).toMatchObject({ statusCode: 409, error: 'NOT_REPAIRABLE', rule: { id: 'CREDIT_REPAIR' } });

    const log = transfer.get(CheckLog);
    await log.flush();
    const logged = await log.collection.find({ 'subject.personId': person }).toArray();
    const banned = logged.filter((l) => l.banned);
    expect([...new Set(banned.map((l) => l.region))].sort()).toEqual(['310000', '320000', '330000', '340000']);
    expect(banned.every((l) => l.sanctionIds[0] === imposed.body.sanctionId && l.by.sub.startsWith('officer-'))).toBe(true);
  });

  it('credit repair in one region lifts a serious-violation listing everywhere; revoking a licence-revocation decision lifts its food-industry bans', async () => {
    const creditCode = company();
    const manager = personId(Number(run) + 400);
    const decisionDate = addCalendarDays(today, -2);
    const decisionId = await record(
      decisionBody({
        decisionNumber: '沪市监青处罚〔2026〕88号',
        subject: { name: '上海某某餐饮有限公司', creditCode },
        category: 'food-safety',
        violationKind: 'food.toxic-substance-added',
        responsiblePersons: [{ name: '李某', personId: manager, role: 'legal-representative' }],
        penalties: [{ kind: 'fine', amountFen: 50_000_000 }, { kind: 'licence-revocation', licence: { type: 'food-business', number: 'JY13101180000088' } }],
        listings: ['serious-violation-list'],
        decisionDate,
      }),
    );
    const check = async (who: string, q: string) => (await toTransfer().get(`/sanctions/check?${q}`).set(as(who)).expect(200)).body;
    // Personal data minimised across regions: the issuer reads the id whole, another region's bureau masked.
    const masked = `${manager.slice(0, 6)}********${manager.slice(-4)}`;
    const read = async (who: string) => (await toIntake().get(`/penalty-decisions/${decisionId}`).set(as(who)).expect(200)).body;
    await eventually(async () => expect(await read('officer-qp-1')).toMatchObject({ personalData: 'full', content: { responsiblePersons: [{ name: '李某', personId: manager }] } }));
    const elsewhere = await read('officer-zj-1');
    expect(elsewhere).toMatchObject({ personalData: 'masked', content: { responsiblePersons: [{ name: '李某', personId: masked }], subject: { creditCode } } });
    expect(JSON.stringify(elsewhere)).not.toContain(manager);
    // …while the interception check still finds the person by the full id.
    await eventually(async () => {
      expect(await check('officer-ah-1', `personId=${manager}`)).toMatchObject({ banned: true, lifelong: false, since: decisionDate, source: { type: 'penalty-decision', ref: decisionId, region: '310000' } });
      expect(await check('officer-zj-1', `creditCode=${creditCode}`)).toMatchObject({ banned: true, listed: true });
    });
    const records = (await toTransfer().get(`/sanctions?creditCode=${creditCode}`).set(as('auditor-1')).expect(200)).body as Array<{ sanctionId: string; kind: string; until: string }>;
    const listing = records.find((r) => r.kind === 'serious-violation-list');
    const fiveYearsOn = `${Number(decisionDate.slice(0, 4)) + 5}${decisionDate.slice(4)}`;
    expect(records.find((r) => r.kind === 'food-industry-ban')?.until).toBe(addCalendarDays(fiveYearsOn, -1));

    await toTransfer().post(`/sanctions/${listing?.sanctionId}/repair`).set(as('bureau-zj-1')).send({ ref: '浙市监信修〔2026〕3号', reason: '已完成整改并消除不良影响' }).expect(201);
    for (const officer of ['officer-sh-1', 'officer-js-1', 'officer-zj-1', 'officer-ah-1']) {
      await eventually(async () => expect((await check(officer, `creditCode=${creditCode}`)).sanctions.map((s: { kind: string }) => s.kind)).toEqual(['food-industry-ban']));
    }

    await toIntake().post(`/penalty-decisions/${decisionId}/revocation`).set(as('officer-jsh-1')).send({ reason: '越权' }).expect(403);
    await toIntake().post(`/penalty-decisions/${decisionId}/revocation`).set(as('officer-qp-1')).send({ reason: '行政复议决定撤销' }).expect(201);
    await eventually(async () => {
      expect(await check('officer-js-1', `personId=${manager}`)).toMatchObject({ banned: false, sanctions: [] });
      expect(await check('officer-js-1', `creditCode=${creditCode}`)).toMatchObject({ banned: false, listed: false });
    });
  });

  it('publishing a list version: a bad file is refused naming item and field; the new version takes over on its effective date', async () => {
    const current = (await toIntake().get('/exemption-lists/zj-light-violations/versions/1').set(as('admin-1')).expect(200)).body;
    const tomorrow = addCalendarDays(today, 1);
    const next = { ...current, version: 2, effectiveFrom: tomorrow, items: current.items.filter((i: { itemId: string }) => i.itemId !== 'ZJ-04') };
    const bad = { ...next, items: next.items.map((i: Record<string, unknown>, n: number) => (n === 1 ? { ...i, outcome: '免罚' } : i)) };

    await toIntake().post('/exemption-lists').set(as('officer-zj-1')).send(next).expect(403);
    const refused = await toIntake().post('/exemption-lists').set(as('admin-1')).send(bad).expect(422);
    expect(refused.body).toMatchObject({ error: 'INVALID_LIST', problems: [{ itemId: 'ZJ-02', field: 'outcome', path: 'items[1].outcome' }] });
    expect(refused.body.message).toContain('item ZJ-02 (items[1]) field outcome');
    await toIntake().post('/exemption-lists').set(as('admin-1')).send({ ...next, effectiveFrom: addCalendarDays(today, -1) }).expect(409);
    const published = await toIntake().post('/exemption-lists').set(as('admin-1')).send(next).expect(201);
    expect(published.body).toMatchObject({ listId: 'zj-light-violations', version: 2, effectiveFrom: tomorrow, itemCount: next.items.length });
    expect((await toIntake().post('/exemption-lists').set(as('admin-1')).send({ ...next, title: 'edited' })).body).toMatchObject({ statusCode: 409, error: 'VERSION_EXISTS' });

    const creditCode = company();
    const onDay = async (caseDate: string) => (await toIntake().post('/exemptions/evaluate').set(as('officer-jsh-1')).send(jiashanCase(creditCode, { caseDate })).expect(201)).body;
    const before = await onDay(today);
    const after = await onDay(tomorrow);
    const zjVersion = (e: { listsInForce: Array<{ listId: string; version: number }> }) => e.listsInForce.find((l) => l.listId === 'zj-light-violations')?.version;
    expect([zjVersion(before), before.items.some((i: { itemId: string }) => i.itemId === 'ZJ-04')]).toEqual([1, true]);
    expect([zjVersion(after), after.items.some((i: { itemId: string }) => i.itemId === 'ZJ-04')]).toEqual([2, false]);
    // Every instance learns the version from the event.
    await eventually(() => expect(transfer.get(SanctionsReadModelsHost).models.lists.get('zj-light-violations', 2)?.effectiveFrom).toBe(tomorrow));
  });
});
