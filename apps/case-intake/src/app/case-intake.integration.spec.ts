/**
 * Integration test of the case-intake service against the real local servers
 * (`bash deploy/local/infra.sh up`: Kafka 127.0.0.1:19092, FerretDB 127.0.0.1:27018, Redis
 * 127.0.0.1:16379). Its own topic namespace and database, so runs never see each other.
 */
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import type { Kafka } from 'kafkajs';
import { devUser, mintToken } from '@yrd/auth';
import { EventBackbone } from '@yrd/backbone';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { EventEnvelope as EnvelopeSchema, type EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureKeys, fixtureSigner, emptyHead, verifyStream } from '@yrd/event-log';
import { infraEnv, eventually, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { createHttpApp } from '@yrd/platform';
import { AppModule } from './app.module';
import { HTTP_SERVICE } from './service';

jest.setTimeout(120_000);

const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B00001');
const QINGPU_COMPANY = withCreditCodeCheckChar('91310118MA1J00001');
const namespace = uniqueName('ci');
const database = uniqueName('case_intake_');
const token = (user: string) => `Bearer ${mintToken(devUser(user), { ttl: '1h', warn: () => undefined })}`;
const QP = token('officer-qp-1');
const JSH = token('officer-jsh-1');
const AUDITOR = token('auditor-1');

const clue = (over: Record<string, unknown> = {}, subject: Record<string, unknown> = { creditCode: JIASHAN_COMPANY }) => ({
  subject: { name: 'Some food company', ...subject },
  allegedViolation: 'labels that do not meet the food-safety standard',
  facts: 'found on sale in a Qingpu supermarket',
  place: { divisionCode: '310118', address: 'Qingpu, some road 1' },
  evidenceRefs: ['ev-1'],
  urgency: 'normal',
  ...over,
});

describe('case-intake (real Kafka, FerretDB, Redis)', () => {
  const saved = { ...process.env };
  let app: INestApplication;
  let kafka: Kafka;
  let connection: Connection;
  let intakeTopic: string;
  let referralTopic: string;
  let http: ReturnType<typeof request>;

  const topicEvents = async (topic = intakeTopic): Promise<EventEnvelope[]> =>
    (await readTopic(kafka, topic)).map((m) => JSON.parse(String(m.value)) as EventEnvelope);
  const submit = (body: object, auth = QP) => http.post('/clues').set('Authorization', auth).send(body);

  beforeAll(async () => {
    const infra = infraEnv();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      KAFKA_TOPIC_NAMESPACE: namespace,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: mongoUrlFor(database),
      REDIS_URL: infra.redisUrl,
    });
    delete process.env['AUTH_JWT_SECRET'];
    app = await createHttpApp(AppModule, { ...HTTP_SERVICE, shutdownHooks: false });
    await app.init();
    await app.get(EventBackbone).whenConsuming();
    // Referral events are emitted below as clue-transfer would, signed with its fixture key.
    for (const key of fixtureKeys(['clue-transfer'])) await app.get(EventBackbone).keyStore.publish(key);
    connection = app.get<Connection>(getConnectionToken());
    http = request(app.getHttpServer());
    kafka = testKafka();
    intakeTopic = `${namespace}.intake.events`;
    referralTopic = `${namespace}.referral.events`;
  });

  afterAll(async () => {
    await connection?.db?.dropDatabase().catch(() => undefined);
    await app?.close();
    process.env = saved;
  });

  let referredId: string;
  let localId: string;

  it('routes a Qingpu officer’s clue about a Jiashan-registered company to Jiashan, events in order on the topic with a valid hash chain', async () => {
    const res = await submit(clue()).expect(201);
    expect(res.body).toMatchObject({
      status: 'referred',
      routing: { outcome: 'referred', target: '330421', basis: 'registration-authority', competentDivision: '330421' },
    });
    referredId = res.body.clueId;
    const streamId = `clue-${referredId}`;
    const events = await eventually(async () => {
      const found = (await topicEvents()).filter((e) => e.streamId === streamId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events.map((e) => [e.type, e.streamVersion])).toEqual([
      ['clue.submitted', 1],
      ['clue.routed', 2],
    ]);
    events.forEach((e) => expect(EnvelopeSchema.safeParse(e).success).toBe(true));
    expect(verifyStream(events)).toEqual([]);
    expect(events[0]).toMatchObject({ actor: { userId: 'officer-qp-1', bureau: '310118', role: 'officer' }, payload: { discoveringBureau: '310118' } });
    expect(events.map((e) => e.hash)).toEqual(res.body.events.map((e: { hash: string }) => e.hash));
  });

  it('refuses a wrong check character (422: schema-valid, semantically wrong) and malformed input (400), naming the field, and appends nothing', async () => {
    const commits = await connection.collection('commits_case_intake').countDocuments();
    const wrong = `${JIASHAN_COMPANY.slice(0, 17)}${JIASHAN_COMPANY.endsWith('A') ? 'B' : 'A'}`;
    const res = await submit(clue({}, { creditCode: wrong })).expect(422);
    expect(res.body.message).toEqual([
      expect.stringMatching(/^subject\.creditCode is not a valid unified social credit code: check character is '.', expected '.'$/),
    ]);
    const both = await submit(clue({ extra: 1, place: { divisionCode: '110101', address: 'x' } }, { creditCode: JIASHAN_COMPANY, personId: '11010519491231002X' })).expect(400);
    expect(both.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^property extra should not exist/),
        expect.stringMatching(/^subject\.creditCode must not be given together with personId/),
        expect.stringMatching(/^place\.divisionCode is not within any registered bureau's area/),
      ]),
    );
    await submit(clue({ discoveredOn: '2999-01-01' })).expect(422);
    expect(await connection.collection('commits_case_intake').countDocuments()).toBe(commits);
    expect((await topicEvents()).length).toBe(2);
  });

  it('keeps a clue in the officer’s own area with a 15-working-day check deadline; opens a case on it', async () => {
    const res = await submit(clue({ urgency: 'urgent' }, { creditCode: QINGPU_COMPANY })).expect(201);
    expect(res.body).toMatchObject({
      status: 'checking',
      routing: { outcome: 'kept-locally', bureau: '310118', basis: 'registration-authority', checkDeadline: { workingDaysLeft: 15, overdue: false, basis: { workingDays: 15 } } },
    });
    localId = res.body.clueId;
    const opened = await http.post(`/clues/${localId}/case`).set('Authorization', QP).send({ caseNumber: 'QP-2026-101', approvedBy: 'head-qp' }).expect(201);
    expect(opened.body).toMatchObject({ status: 'case-opened', caseNumber: 'QP-2026-101', withinDeadline: true });
    const again = await http.post(`/clues/${localId}/case`).set('Authorization', QP).send({ caseNumber: 'QP-2026-102', approvedBy: 'head-qp' }).expect(409);
    expect(again.body).toEqual({ statusCode: 409, error: 'CLUE_ALREADY_DECIDED', message: expect.stringContaining('QP-2026-101') });
    await http.post(`/clues/${referredId}/case`).set('Authorization', QP).send({ caseNumber: 'X', approvedBy: 'h' }).expect(409);
    await http.post(`/clues/${localId}/case`).set('Authorization', QP).send({ approvedBy: 'h' }).expect(400);
  });

  it('extends the check period once; a second extension is refused naming the rule', async () => {
    const { body } = await submit(clue({ place: { divisionCode: '310118', address: 'Qingpu' } }, { personId: '11010519491231002X' })).expect(201);
    expect(body.routing).toMatchObject({ outcome: 'kept-locally', basis: 'place' });
    const first = await http.post(`/clues/${body.clueId}/extension`).set('Authorization', QP).send({ approvedBy: 'head-qp', reason: 'lab test pending' }).expect(200);
    expect(first.body.previousDueDate < first.body.checkDeadline.dueDate).toBe(true);
    const second = await http.post(`/clues/${body.clueId}/extension`).set('Authorization', QP).send({ approvedBy: 'head-qp', reason: 'again' }).expect(422);
    expect(second.body).toMatchObject({ statusCode: 422, error: 'EXTENSION_ALREADY_USED', rule: { id: 'CLUE_CHECK_DEADLINE', article: '第十八条' } });
  });

  it('lists the bureau’s clues with filters and cursor pagination', async () => {
    await eventually(async () => {
      const { body } = await http.get('/clues').set('Authorization', QP).expect(200);
      expect(body.items).toHaveLength(3);
    });
    const referred = await http.get('/clues?referred=true').set('Authorization', QP).expect(200);
    expect(referred.body.items.map((i: { clueId: string }) => i.clueId)).toEqual([referredId]);
    const opened = await http.get('/clues?status=case-opened&urgency=urgent').set('Authorization', QP).expect(200);
    expect(opened.body.items).toEqual([expect.objectContaining({ clueId: localId, case: expect.objectContaining({ caseNumber: 'QP-2026-101' }), checkDeadline: expect.objectContaining({ workingDaysLeft: 15 }) })]);
    expect((await http.get('/clues?overdue=true').set('Authorization', QP).expect(200)).body.items).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await http.get(`/clues?from=${today}&to=${today}`).set('Authorization', QP).expect(200)).body.items).toHaveLength(3);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await http.get('/clues').query({ limit: 1, ...(cursor && { cursor }) }).set('Authorization', QP).expect(200);
      seen.push(...body.items.map((i: { clueId: string }) => i.clueId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect([...seen].sort().reverse()).toEqual(seen);
    await http.get('/clues?limit=101').set('Authorization', QP).expect(400);
    // Any string is a cursor per the contract: one this API never returned is refused as content.
    await http.get('/clues?cursor=nonsense').set('Authorization', QP).expect(422);

    expect((await http.get('/cases').set('Authorization', QP).expect(200)).body.items.map((i: { clueId: string }) => i.clueId)).toEqual([localId]);
    await http.get('/cases/QP-2026-101').set('Authorization', QP).expect(200);
    await http.get('/cases/QP-2026-101').set('Authorization', JSH).expect(404);
  });

  it('reads one clue with its timeline and hash chain', async () => {
    const { body } = await http.get(`/clues/${localId}`).set('Authorization', QP).expect(200);
    expect(body).toMatchObject({ clueId: localId, status: 'case-opened', chain: { valid: true, findings: [] } });
    expect(body.timeline.map((e: { type: string }) => e.type)).toEqual(['clue.submitted', 'clue.kept-locally', 'clue.case-opened']);
    expect(body.timeline[1].prevHash).toBe(body.timeline[0].hash);
  });

  it('hides a clue from another bureau’s officer (404) and refuses cross-bureau listing (403)', async () => {
    const notFound = await http.get(`/clues/${referredId}`).set('Authorization', JSH).expect(404);
    expect(notFound.body).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
    await http.post(`/clues/${localId}/decline`).set('Authorization', JSH).send({ reason: 'x', approvedBy: 'h' }).expect(404);
    await http.get('/clues?bureau=310118').set('Authorization', JSH).expect(403);
    expect((await http.get('/clues').set('Authorization', JSH).expect(200)).body.items).toEqual([]);
  });

  it('lets an auditor read any bureau but not write', async () => {
    await http.get(`/clues/${referredId}`).set('Authorization', AUDITOR).expect(200);
    const { body } = await http.get('/clues?bureau=310118').set('Authorization', AUDITOR).expect(200);
    expect(body.items).toHaveLength(3);
    await submit(clue(), AUDITOR).expect(403);
    await http.post(`/clues/${localId}/extension`).set('Authorization', AUDITOR).send({ approvedBy: 'a', reason: 'b' }).expect(403);
  });

  it('shows the status of the referral opened for a routed clue (from referral events)', async () => {
    const streamId = `referral-${uniqueName('r')}`;
    const referralId = streamId.slice('referral-'.length);
    const meta = { actor: { userId: 'system', bureau: '330421', role: 'system' as const }, correlationId: 'it', causationId: null, now: new Date() };
    const created = chainEvents(emptyHead(streamId), [
      {
        type: 'referral.created',
        data: {
          referralId,
          clueId: referredId,
          fromBureau: '310118',
          toBureau: '330421',
          basis: 'registration-authority',
          subject: { name: 'Some food company', creditCode: JIASHAN_COMPANY },
          allegedViolation: 'x',
          facts: 'y',
          place: { divisionCode: '310118', address: 'z' },
          evidenceRefs: [],
          urgency: 'normal',
          createdAt: meta.now.toISOString(),
        },
      },
      { type: 'referral.accepted', data: { referralId, bureau: '330421', acceptedAt: meta.now.toISOString() } },
    ], meta, fixtureSigner('clue-transfer'));
    await app.get(EventBackbone).publisher.publish(created);
    await eventually(async () => {
      const { body } = await http.get(`/clues/${referredId}`).set('Authorization', QP).expect(200);
      expect(body.referral).toMatchObject({ referralId, status: 'accepted', toBureau: '330421' });
    });
    expect((await topicEvents(referralTopic)).length).toBe(2);
  });

  it('32 identical POST /clues with one Idempotency-Key: one clue, 32 identical answers', async () => {
    const key = `clue-form-${uniqueName('')}`;
    const body = clue({ facts: `submitted once, retried 31 times (${key})` });
    const answers = await Promise.all(Array.from({ length: 32 }, () => submit(body).set('Idempotency-Key', key)));
    expect(answers.map((a) => a.status)).toEqual(Array(32).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(31);
    const submitted: string[] = [];
    for await (const commit of app.get(EventBackbone).store.scanAll()) {
      for (const e of commit.events) if (e.type === 'clue.submitted' && JSON.stringify(e.payload).includes(key)) submitted.push(e.streamId);
    }
    expect(submitted).toEqual([`clue-${answers[0].body.clueId}`]);
    const other = await submit({ ...body, urgency: 'urgent' }).set('Idempotency-Key', key);
    expect(other.status).toBe(422);
  });

  it('one clue the store cannot hold (NUL in a text) sent with 20 valid ones: the 20 are accepted, the one refused with a 4xx', async () => {
    const valid = Array.from({ length: 20 }, (_, i) => submit(clue({ facts: `valid clue ${i} sent with a poisoned one` })));
    const poison = submit(clue({ facts: 'poisoned \u0000 clue' }));
    const [bad, ...good] = await Promise.all([poison, ...valid]);
    expect(good.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
  });

  it('documents the DTOs in /docs-json', async () => {
    const { body } = await http.get('/docs-json').expect(200);
    const schemas = body.components.schemas;
    expect(Object.keys(schemas.SubmitClueDto.properties)).toEqual(
      expect.arrayContaining(['subject', 'allegedViolation', 'facts', 'place', 'suggestedTarget', 'evidenceRefs', 'urgency', 'discoveredOn']),
    );
    expect(Object.keys(schemas.ClueSubjectDto.properties)).toEqual(['name', 'creditCode', 'personId']);
    expect(body.paths['/clues/{id}/extension']).toBeDefined();
  });
});
