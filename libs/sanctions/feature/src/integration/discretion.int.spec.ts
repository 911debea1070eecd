/**
 * Unified discretion (统一裁量) on the real local servers (Kafka, FerretDB): a case-intake-like
 * service with `PenaltyDecisionsModule` suggests penalties from the discretion standards, weighs
 * decisions against them, flags justified departures on the sanctions topic, and publishes versions.
 */
import type { INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import request from 'supertest';
import { devUser, mintToken } from '@yrd/auth';
import { EventBackbone } from '@yrd/backbone';
import { addCalendarDays, chinaDateOf } from '@yrd/calendar';
import { eventCatalog } from '@yrd/contracts';
import { eventually, readTopic, testKafka } from '@yrd/testing';
import { bundledStandards } from '@yrd/discretion-domain';
import { SanctionsReadModelsHost } from '../lib/read-models/sanctions-read-models.provider';
import { decisionBody, QINGPU_COMPANY } from '../lib/testing/fixtures';
import { bootSanctionsApp, sanctionsTestEnv } from '../lib/testing/test-apps';

jest.setTimeout(180_000);

const SECRET = 'discretion-integration-secret-0123456789abcdef';
const ENV = sanctionsTestEnv(SECRET);
const as = (sub: string) => ({ Authorization: `Bearer ${mintToken(devUser(sub), { secret: SECRET, ttl: '1h' })}` });
const run = String(Math.floor(Math.random() * 90000) + 10000);
let seq = 0;
const company = () => QINGPU_COMPANY(String((Number(run) + seq++ * 7) % 100000));
const today = chinaDateOf(new Date());
const YUAN = 100;

/** A Qingpu advertiser's case that no exemption item covers (the ad was on a third party's media). */
const adFacts = (o: Record<string, unknown> = {}) => ({
  caseRef: `case-qp-${run}-${seq}`,
  bureau: '310118',
  subject: { name: '上海某某广告主有限公司', creditCode: company() },
  violationKind: 'advertising.absolute-terms',
  caseDate: today,
  discoveredOn: addCalendarDays(today, -30),
  correction: { orderedBy: addCalendarDays(today, -10) },
  harm: 'minor',
  violationDays: 60,
  ...o,
  flags: { ownPremisesOrSelfMedia: false, ...((o['flags'] as object | undefined) ?? {}) },
});

describe('discretion standards on the real servers', () => {
  let intake: INestApplication;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    intake = await bootSanctionsApp('case-intake', 'decisions');
    await intake.get(SanctionsReadModelsHost).whenCaughtUp();
  });

  afterAll(async () => {
    await intake?.close();
    const conn = await mongoose.createConnection(ENV['MONGO_URL'] ?? '').asPromise();
    await conn.dropDatabase();
    await conn.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const http = () => request(intake.getHttpServer());
  const suggest = (facts: Record<string, unknown>, user = 'officer-qp-1') => http().post('/discretion/suggest').set(as(user)).send({ facts });

  it('lists the standards with their versions and sources', async () => {
    const list = await http().get('/discretion-standards').set(as('officer-qp-1')).expect(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ standardId: 'yrd-advertising-absolute-terms', inForceToday: 1, versions: [expect.objectContaining({ version: 1 }), expect.objectContaining({ version: 2, effectiveFrom: '2027-01-01' })] }),
      ]),
    );
    const one = await http().get('/discretion-standards/yrd-advertising-absolute-terms').set(as('officer-qp-1')).expect(200);
    expect(one.body.versions[0]).toMatchObject({ penaltyProvision: { provision: '《中华人民共和国广告法》第五十七条第一项', textStatus: 'quoted' } });
    await http().get('/discretion-standards/no-such').set(as('officer-qp-1')).expect(404);
  });

  it.each([
    ['一般', {}, 440_000, 760_000, null],
    ['从轻', { correction: { orderedBy: addCalendarDays(today, -10), correctedOn: addCalendarDays(today, -12) } }, 200_000, 440_000, 'corrected-in-time'],
    ['减轻', { flags: { mitigatedHarm: true } }, 0, 200_000, 'mitigated-harm'],
    ['从重', { flags: { obstructedInvestigation: true } }, 760_000, 1_000_000, 'obstructed-investigation'],
  ])('places a case in %s with its range and the circumstance that put it there', async (band, facts, min, max, why) => {
    const res = await suggest(adFacts(facts)).expect(201);
    expect(res.body).toMatchObject({ outcome: 'penalty', band, fine: { minFen: min * YUAN, maxFen: max * YUAN }, standard: { standardId: 'yrd-advertising-absolute-terms', version: 1 } });
    const placed = res.body.bands.find((b: { band: string }) => b.band === band);
    expect(placed.holds).toBe(true);
    if (why) expect(placed.circumstances.find((c: { id: string }) => c.id === why)).toMatchObject({ met: true });
    else expect(res.body.reason).toContain('no circumstance of an earlier band holds');
  });

  it('places a proven absence of fault in 不予处罚, and an exempt case on the exemption item first', async () => {
    const noFault = await suggest(adFacts({ noSubjectiveFaultProven: true })).expect(201);
    expect(noFault.body).toMatchObject({ band: '不予处罚', fine: null });
    const exempt = await suggest(
      adFacts({ harm: 'none', correction: { orderedBy: addCalendarDays(today, -10), correctedOn: addCalendarDays(today, -12) }, flags: { ownPremisesOrSelfMedia: true } }),
    ).expect(201);
    expect(exempt.body).toMatchObject({ outcome: 'exempt', band: '不予处罚', exemption: { outcome: 'no-penalty', items: expect.arrayContaining([expect.stringMatching(/#SH23-02$/)]) } });
  });

  it('switches to version 2 on its effective date', async () => {
    const before = await suggest(adFacts({ caseDate: '2026-12-31', violationDays: 120 })).expect(201);
    const on = await suggest(adFacts({ caseDate: '2027-01-01', violationDays: 120 })).expect(201);
    expect([before.body.standard.version, before.body.band]).toEqual([1, '一般']);
    expect([on.body.standard.version, on.body.band]).toEqual([2, '从重']);
  });

  it('refuses bad facts with a 4xx naming the problem', async () => {
    const noBureau = await suggest(adFacts({ bureau: '31011' }));
    expect(noBureau.status).toBe(400);
    expect(JSON.stringify(noBureau.body)).toContain('bureau must be a six-digit division code');
    const badFlag = await suggest(adFacts({ flags: { mitigatedHarm: 'yes' } }));
    expect([badFlag.status, badFlag.body.message]).toEqual([400, 'facts.flags.mitigatedHarm must be a boolean']);
    const unknown = await http().post('/discretion/suggest').set(as('officer-qp-1')).send({ facts: adFacts(), standardId: 'no-such-standard' });
    expect([unknown.status, unknown.body.error]).toEqual([422, 'STANDARD_NOT_APPLICABLE']);
  });

  it('refuses at the edge what the law cannot mean: absent facts, impossible dates, absurd amounts and terms, and writes nothing', async () => {
    const fieldsOf = (res: request.Response) => (res.body.errors as { field: string }[]).map((e) => e.field);
    const empty = await http().post('/discretion/suggest').set(as('officer-qp-1')).send({}).expect(400);
    expect(empty.body.message).toEqual(['facts should not be null or undefined', 'facts must be an object']);
    const text = await http().post('/discretion/suggest').set(as('officer-qp-1')).set('content-type', 'text/plain').send('facts').expect(415);
    expect(text.body.statusCode).toBe(415);

    const feb30 = await suggest(adFacts({ caseDate: '2026-02-30', correction: { correctedOn: '2026-02-30' } })).expect(400);
    expect(fieldsOf(feb30)).toEqual(['facts.caseDate', 'facts.correction.correctedOn']);
    // A real calendar day outside the bounds matches the schema (format date): the domain refuses it (422).
    const ancient = await suggest(adFacts({ discoveredOn: '1900-01-01' })).expect(422);
    expect(ancient.body.message).toEqual(['facts.discoveredOn must be a calendar date YYYY-MM-DD (not before 1949-10-01, not in the future)']);
    await suggest(adFacts({ discoveredOn: addCalendarDays(today, 1) })).expect(422);
    const huge = await suggest(adFacts({ amounts: { goodsValueFen: 1e308 } })).expect(400);
    expect(fieldsOf(huge)).toEqual(['facts.amounts.goodsValueFen']);
    const surrogate = await http().post('/discretion/suggest').set(as('officer-qp-1')).set('content-type', 'application/json').send(`{"facts":{"caseRef":"a\\ud800b"}}`).expect(400);
    expect(surrogate.body.errors).toEqual([{ field: 'facts.caseRef', messages: ['facts.caseRef must be well-formed text: a lone surrogate (U+D800) at index 1'] }]);

    const decision = (o: Record<string, unknown>) => decisionBody({ decisionNumber: `沪市监青处罚〔2026〕${run}${seq++}号`, decisionDate: today, ...o });
    const post = (body: Record<string, unknown>) => http().post('/penalty-decisions').set(as('officer-qp-1')).send(body);
    const forLife = await post(decision({ penalties: [{ kind: 'employment-restriction', years: 1e300 }] })).expect(400);
    expect(fieldsOf(forLife)).toEqual(['penalties.0.years']);
    const fine = await post(decision({ penalties: [{ kind: 'fine', amountFen: 1e308 }] })).expect(400);
    expect(fieldsOf(fine)).toEqual(['penalties.0.amountFen']);
    await post(decision({ decisionDate: '2026-02-30' })).expect(400);
    await post(decision({ subject: undefined })).expect(400);
    const withCheck = (first17: string) => first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * ([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i] ?? 0), 0) % 11];
    for (const id of [withCheck('31011820990101001'), withCheck('00000019850615001')]) {
      const res = await post(decision({ subject: { name: '张三', personId: id } }));
      expect([res.status, res.body.error]).toEqual([422, 'INVALID_PERSON_ID']);
    }
  });

  it('refuses a fine outside the range without a justification; with one it is recorded and flagged to 法制审核 and auditors', async () => {
    // A fresh subject for each decision: a recorded decision makes the next one a repeat violation (从重).
    const body = (fineYuan: number, justification?: string, facts = adFacts()) =>
      decisionBody({
        decisionNumber: `沪市监青处罚〔2026〕${run}${seq++}号`,
        caseRef: facts.caseRef,
        subject: { name: facts.subject.name, creditCode: facts.subject.creditCode },
        decisionDate: today,
        penalties: [{ kind: 'fine', amountFen: fineYuan * YUAN }],
        discretion: { facts, ...(justification ? { justification } : {}) },
      });

    const refused = await http().post('/penalty-decisions').set(as('officer-qp-1')).send(body(300_000));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'DISCRETION_JUSTIFICATION_REQUIRED', rule: { id: 'DISCRETION-DEPARTURE-JUSTIFIED' }, suggestion: { band: '一般' } });
    expect(refused.body.message).toContain('DISCRETION-DEPARTURE-JUSTIFIED');

    const inside = await http().post('/penalty-decisions').set(as('officer-qp-1')).send(body(500_000)).expect(201);
    expect(inside.body.discretion).toEqual({ standardId: 'yrd-advertising-absolute-terms', standardVersion: 1, band: '一般', withinRange: true });

    const justification = '经局集体讨论：当事人系小微企业，广告仅发布三日即自行撤下';
    const accepted = await http().post('/penalty-decisions').set(as('officer-qp-1')).send(body(300_000, justification)).expect(201);
    expect(accepted.body.discretion).toMatchObject({ withinRange: false, departure: 'below-range', flagEventId: expect.any(String) });
    const decisionId = accepted.body.decisionId as string;

    // The flag is an event on the sanctions topic, addressed to the legal reviewer and the auditors.
    const topic = intake.get(EventBackbone).topics.eventsTopic('sanctions');
    const flag = await eventually(async () => {
      const messages = await readTopic(testKafka(), topic);
      const found = messages.map((m) => JSON.parse(String(m.value))).find((e) => e.type === 'discretion.departure-flagged' && e.payload.decisionId === decisionId);
      expect(found).toBeDefined();
      return found;
    });
    expect(flag.payload).toMatchObject({ legalReviewer: '310118', auditors: ['310000'], fineFen: 300_000 * YUAN, suggestedFine: { minFen: 440_000 * YUAN, maxFen: 760_000 * YUAN }, justification });
    expect(eventCatalog.checkPayload(flag.type, flag.schemaVersion, flag.payload)).toMatchObject({ ok: true });

    // The signed decision carries its basis; auditors list the departure; an officer may not.
    const recorded = await eventually(async () => (await http().get(`/penalty-decisions/${decisionId}`).set(as('auditor-1')).expect(200)).body);
    expect(recorded.content.discretion).toMatchObject({ standardId: 'yrd-advertising-absolute-terms', standardVersion: 1, band: '一般', fineFen: 300_000 * YUAN, withinRange: false, justification });
    const departures = await http().get('/discretion/departures').set(as('auditor-1')).expect(200);
    expect(departures.body.find((d: { decisionId: string }) => d.decisionId === decisionId)).toMatchObject({ departure: 'below-range', justification });
    await http().get('/discretion/departures').set(as('officer-qp-1')).expect(403);
  });

  it('publishes a new version as an administrator only, never retroactively', async () => {
    const v2 = bundledStandards().get('yrd-advertising-absolute-terms', 2);
    const next = { ...v2, version: 3, effectiveFrom: addCalendarDays(today, 200) };
    await http().post('/discretion-standards').set(as('officer-qp-1')).send(next).expect(403);
    const retro = await http().post('/discretion-standards').set(as('admin-1')).send({ ...next, effectiveFrom: addCalendarDays(today, -1) });
    expect([retro.status, retro.body.error]).toEqual([409, 'RETROACTIVE']);
    const bad = await http().post('/discretion-standards').set(as('admin-1')).send({ ...next, bands: [] });
    expect([bad.status, bad.body.error]).toEqual([422, 'INVALID_STANDARD']);
    const ok = await http().post('/discretion-standards').set(as('admin-1')).send(next).expect(201);
    expect(ok.body).toMatchObject({ standardId: 'yrd-advertising-absolute-terms', version: 3, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const one = await http().get('/discretion-standards/yrd-advertising-absolute-terms').set(as('officer-qp-1')).expect(200);
    expect(one.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
  });
});
