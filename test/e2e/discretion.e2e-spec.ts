/**
 * Unified discretion (统一裁量) through the running services: case-intake suggests penalties from
 * the discretion standard and weighs decisions against it; a justified departure is flagged and the
 * notification service puts it in the legal reviewer's (the issuing bureau's) and the province
 * auditors' inboxes.
 */
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { addCalendarDays, chinaDateOf } from '@yrd/calendar';
import { eventually } from '@yrd/testing';
import { ApiClient } from '../support/api-client';
import { RunningSystem } from '../support/running-system';

jest.setTimeout(240_000);

const today = chinaDateOf(new Date());
const run = String(Math.floor(Math.random() * 90000) + 10000);
let seq = 0;
const creditCode = () => withCreditCodeCheckChar(`91310118MC${String(Number(run) * 10 + seq++).padStart(7, '0').slice(-7)}`);
const YUAN = 100;

const adFacts = (o: Record<string, unknown> = {}, flags: Record<string, boolean> = {}) => ({
  caseRef: `case-e2e-${run}-${seq}`,
  bureau: '310118',
  subject: { name: '上海某某广告主有限公司', creditCode: creditCode() },
  violationKind: 'advertising.absolute-terms',
  caseDate: today,
  discoveredOn: addCalendarDays(today, -30),
  correction: { orderedBy: addCalendarDays(today, -10) },
  harm: 'minor',
  violationDays: 60,
  flags: { ownPremisesOrSelfMedia: false, ...flags },
  ...o,
});

describe('discretion standards across the running services', () => {
  const system = new RunningSystem();
  let officer: ApiClient;

  beforeAll(async () => {
    await system.start('case-intake', 'notification');
    officer = new ApiClient(system.url('case-intake'), 'officer-qp-1');
  });

  afterAll(async () => {
    await system.stopAll();
  });

  it.each([
    ['一般', adFacts(), 'no circumstance of an earlier band holds'],
    ['从轻', adFacts({ correction: { orderedBy: addCalendarDays(today, -10), correctedOn: addCalendarDays(today, -12) } }), '在责令改正期限内改正'],
    ['减轻', adFacts({}, { mitigatedHarm: true }), '主动消除或者减轻违法行为危害后果'],
    ['从重', adFacts({}, { obstructedInvestigation: true }), '妨碍调查'],
    ['不予处罚', adFacts({ noSubjectiveFaultProven: true }), '没有主观过错'],
  ])('places a case in %s and says why', async (band, facts, why) => {
    const res = await officer.post<{ band: string; reason: string; standard: { version: number } }>('/discretion/suggest', { facts });
    expect(res.status).toBe(201);
    expect(res.body.band).toBe(band);
    expect(res.body.reason).toContain(why);
    expect(res.body.standard.version).toBe(1);
  });

  it('switches to version 2 on 2027-01-01', async () => {
    const on = (caseDate: string) => officer.post<{ band: string; standard: { version: number } }>('/discretion/suggest', { facts: adFacts({ caseDate, violationDays: 120 }) });
    expect((await on('2026-12-31')).body).toMatchObject({ band: '一般', standard: { version: 1 } });
    expect((await on('2027-01-01')).body).toMatchObject({ band: '从重', standard: { version: 2 } });
  });

  it('refuses a departure without a justification (422 naming the rule); with one it is recorded and reaches the legal reviewer and the auditors', async () => {
    const decision = (justification?: string) => {
      const facts = adFacts();
      return {
        decisionNumber: `沪市监青处罚〔2026〕E${run}${seq}号`,
        caseRef: facts.caseRef,
        issuingBureau: '310118',
        subject: { name: facts.subject.name, creditCode: facts.subject.creditCode },
        responsiblePersons: [],
        category: 'advertising',
        violationKind: 'advertising.absolute-terms',
        facts: '当事人在第三方平台发布的广告中使用“最佳”用语。',
        provisionsViolated: ['《中华人民共和国广告法》第九条第三项'],
        penaltyProvisions: ['《中华人民共和国广告法》第五十七条第一项'],
        penalties: [{ kind: 'fine', amountFen: 900_000 * YUAN }],
        decisionDate: today,
        listings: [],
        discretion: { facts, ...(justification ? { justification } : {}) },
      };
    };
    const refused = await officer.post<{ error: string; rule: { id: string }; message: string }>('/penalty-decisions', decision());
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'DISCRETION_JUSTIFICATION_REQUIRED', rule: { id: 'DISCRETION-DEPARTURE-JUSTIFIED' } });

    const justification = '经局务会集体讨论：违法广告覆盖全市地铁线路，影响面广';
    const accepted = await officer.post<{ decisionId: string; discretion: { withinRange: boolean; departure: string } }>('/penalty-decisions', decision(justification));
    expect(accepted.status).toBe(201);
    expect(accepted.body.discretion).toMatchObject({ withinRange: false, departure: 'above-range' });

    const auditorList = await new ApiClient(system.url('case-intake'), 'auditor-1').get<Array<{ decisionId: string; justification: string }>>('/discretion/departures');
    expect(auditorList.body.find((d) => d.decisionId === accepted.body.decisionId)).toMatchObject({ justification });

    // The notification service routes the flag: the issuing bureau's desk (法制审核) and the province's auditors.
    for (const user of ['bureau-qp-1', 'auditor-1']) {
      const inbox = new ApiClient(system.url('notification'), user);
      await eventually(async () => {
        const res = await inbox.get<{ entries: Array<{ eventType: string; body: { zh: string } }> }>('/inbox?limit=100');
        const flag = res.body.entries.find((e) => e.eventType === 'discretion.departure-flagged' && e.body.zh.includes(justification));
        expect(flag).toBeDefined();
      }, { timeoutMs: 60_000 });
    }
  });
});
