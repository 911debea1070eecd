import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { devUser, mintToken } from '@yrd/auth';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { chinaDateOf } from '@yrd/calendar';
import type { EventEnvelope } from '@yrd/contracts';
import { generateKeyPairSync, sign } from 'node:crypto';
import { hashEnvelope } from '@yrd/event-log';
import { eventually, readTopic, testKafka } from '@yrd/testing';
import { ApiClient } from '../support/api-client';
import { E2E_JWT_SECRET, RunningSystem } from '../support/running-system';

jest.setTimeout(300000);

const ROOT = join(__dirname, '..', '..');
const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B00001');

interface Finding {
  kind: string;
  source: string;
  streamId: string | null;
  version: number | null;
  detail: string;
}

interface Report {
  verdict: 'clean' | 'findings';
  durationMs: number;
  totals: { events: number; streams: number; commitsCompared: number; pending: number; findings: number };
  findingsByKind: Record<string, number>;
  eventsByType: Record<string, number>;
  findings: Finding[];
}

interface Timeline {
  verdict: 'clean' | 'findings';
  streams: Array<{ streamId: string; status: string }>;
  events: Array<{ streamId: string; version: number; type: string; status: string; findings: string[] }>;
}

/**
 * The record auditors rely on, on the real servers: a journey with evidence, a penalty decision and a bulletin audits clean (exit 0,
 * no finding, notary events included); each fault planted afterwards — a forged link, a fork with a
 * valid hash, a store document edited in place — makes the audit exit 1 naming kind, stream and
 * version. The audit runs as an auditor would run it: `npm run audit -- …` in a shell.
 */
describe('audit integrity of a running system', () => {
  const system = new RunningSystem();
  const reports = mkdtempSync(join(tmpdir(), 'audit-e2e-'));
  let conn: Connection;
  let clueId: string;
  let referralId: string;
  let entryId: string;

  /** `npm run audit -- <args>` against the system's namespace; its exit code and output. */
  function audit(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', '-s', 'audit', '--', ...args], {
        cwd: ROOT,
        env: { ...process.env, ...system.env, AUDIT_REPORT_DIR: reports },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, out, err }));
    });
  }

  async function replay(name: string): Promise<{ code: number | null; report: Report; out: string }> {
    const run = await audit('replay', '--out', reports, '--name', name);
    const file = readdirSync(reports).find((f) => f === `${name}.json`);
    if (!file) throw new Error(`no report written (exit ${run.code}): ${run.err}`);
    return { code: run.code, report: JSON.parse(readFileSync(join(reports, file), 'utf8')) as Report, out: run.out };
  }

  const brief = (f: Finding) => [f.kind, f.streamId, f.version];

  async function topicEvents(context: string, streamId: string): Promise<EventEnvelope[]> {
    return (await readTopic(testKafka(), `${system.namespace}.${context}.events`))
      .map((m) => JSON.parse(String(m.value)) as EventEnvelope)
      .filter((e) => e.streamId === streamId)
      .sort((a, b) => a.streamVersion - b.streamVersion);
  }

  /** What a party with write access to the broker but no service's key can make: a valid hash, no signature. */
  const forged = (unsealed: Omit<EventEnvelope, 'hash' | 'signature'>): EventEnvelope => ({ ...unsealed, hash: hashEnvelope(unsealed) }) as EventEnvelope;

  /** Sends raw messages as anyone with broker access could (no service, no store). */
  async function plant(context: string, envelope: EventEnvelope): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    try {
      await producer.send({ topic: `${system.namespace}.${context}.events`, acks: -1, messages: [{ key: envelope.streamId, value: JSON.stringify(envelope) }] });
    } finally {
      await producer.disconnect();
    }
  }

  beforeAll(async () => {
    await system.start('case-intake', 'clue-transfer', 'evidence-notary', 'notification', 'audit');
    conn = await mongoose.createConnection(system.env['MONGO_URL']).asPromise();

    // The journey: a Qingpu officer's clue with evidence, referred to Jiashan, handled and closed.
    const officer = new ApiClient(system.url('case-intake'), 'officer-qp-1');
    const submitted = await officer.post('/clues', {
      subject: { name: '嘉善某电子商务有限公司', creditCode: JIASHAN_COMPANY },
      allegedViolation: '虚假宣传',
      facts: '网店页面宣称产品为“国家级”“最佳”，无相关证明。',
      place: { divisionCode: '310118', address: '上海市青浦区华新镇' },
      evidenceRefs: [],
      urgency: 'normal',
    });
    expect(submitted.status).toBe(201);
    clueId = submitted.body.clueId;
    referralId = `rf-${clueId}`;

    // Evidence for the clue, notarized once the notary has heard of the clue, then shared with Jiashan.
    const notaryUrl = system.url('evidence-notary');
    const notary = new ApiClient(notaryUrl, 'officer-qp-1');
    const bearer = mintToken(devUser('officer-qp-1'), { secret: E2E_JWT_SECRET });
    const receipt = await eventually(
      async () => {
        const res = await fetch(`${notaryUrl}/evidence`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${bearer}`,
            'content-type': 'text/plain',
            'x-evidence-metadata': encodeURIComponent(JSON.stringify({ clueId, source: { method: 'web-capture', url: 'https://shop.example.cn/item/1' }, fileName: 'page.txt' })),
          },
          body: '网店页面截图的文字记录：国家级、最佳。',
        });
        expect(res.status).toBe(201);
        return (await res.json()) as { entry: { entryId: string } };
      },
      { timeoutMs: 30000, intervalMs: 250 },
    );
    entryId = receipt.entry.entryId;
    expect((await notary.post(`/evidence/${entryId}/shares`, { toBureau: '330421', reason: '移送证据' })).status).toBe(201);

    const jiashan = new ApiClient(system.url('clue-transfer'), 'bureau-jsh-1');
    await eventually(async () => expect((await jiashan.get(`/referrals/${referralId}`)).body.referral).toMatchObject({ status: 'delivered' }), { timeoutMs: 30000, intervalMs: 200 });
    expect((await jiashan.post(`/referrals/${referralId}/accept`)).status).toBe(200);
    const feedback = await jiashan.post(`/referrals/${referralId}/feedback`, {
      outcome: 'penalised',
      handlingResult: '责令改正，罚款人民币二万元',
      caseNumber: '嘉市监案〔2026〕88号',
      penaltyDecisionRef: '嘉市监罚〔2026〕88号',
    });
    expect(feedback.status).toBe(200);
    expect((await new ApiClient(system.url('clue-transfer'), 'officer-qp-1').post(`/referrals/${referralId}/close`)).status).toBe(200);
    await eventually(async () => expect((await officer.get(`/clues/${clueId}`)).body.referral).toMatchObject({ referralId, status: 'closed' }), { timeoutMs: 30000, intervalMs: 200 });

    // Jiashan's penalty decision on the case, signed by its bureau, shared with the Delta for recognition.
    const decision = await new ApiClient(system.url('case-intake'), 'officer-jsh-1').post('/penalty-decisions', {
      decisionNumber: '嘉市监罚〔2026〕88号',
      caseRef: referralId,
      issuingBureau: '330421',
      subject: { name: '嘉善某电子商务有限公司', creditCode: JIASHAN_COMPANY },
      responsiblePersons: [],
      category: 'advertising',
      violationKind: 'advertising.absolute-terms',
      facts: '网店页面宣称产品为“国家级”“最佳”。',
      provisionsViolated: ['《中华人民共和国广告法》第九条第三项'],
      penaltyProvisions: ['《中华人民共和国广告法》第五十七条第一项'],
      penalties: [{ kind: 'fine', amountFen: 2_000_000 }],
      decisionDate: chinaDateOf(new Date()),
      listings: [],
    });
    expect(decision.status).toBe(201);

    // Jiashan's typical-case bulletin on it, once clue-transfer holds the decision as verified.
    const desk = new ApiClient(system.url('clue-transfer'), 'bureau-jsh-1');
    const bulletin = await eventually(
      async () => {
        const res = await desk.post<{ status: string }>('/bulletins', {
          coIssuers: [],
          content: {
            kind: 'typical-case',
            title: '网店使用绝对化用语典型案例',
            body: '嘉善某电子商务有限公司网店页面宣称产品为“国家级”“最佳”，依法予以处罚。',
            category: 'advertising',
            industry: 'e-commerce',
            relatedDecisions: [(decision.body as { decisionId: string }).decisionId],
            attachments: [],
            audience: { kind: 'delta' },
            persons: [],
          },
        });
        expect(res.status).toBe(201);
        return res.body;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    expect(bulletin.status).toBe('published');
  });

  afterAll(async () => {
    await system.stopAll();
    await conn?.close();
    rmSync(reports, { recursive: true, force: true });
  });

  it('a clean system audits clean: exit 0, no finding, the notary events among those read', async () => {
    const { code, report, out } = await replay('clean');
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.verdict).toBe('clean');
    for (const type of ['clue.submitted', 'referral.closed', 'evidence.notarized', 'evidence.shared', 'penalty-decision.recorded', 'bulletin.published']) expect(report.eventsByType[type]).toBeGreaterThan(0);
    expect(report.totals.commitsCompared).toBeGreaterThan(0);
    expect(report.durationMs).toBeGreaterThan(0);
    expect(out).toContain('store commits compared');

    // The case's timeline takes in its evidence stream, every row verified.
    const timeline = await audit('verify-case', clueId, '--json');
    expect(timeline.code).toBe(0);
    const t = JSON.parse(timeline.out) as Timeline;
    expect(t.streams.map((s) => s.streamId)).toEqual(expect.arrayContaining([`clue-${clueId}`, `referral-${referralId}`, `evidence-${entryId}`]));
    expect(t.events.filter((e) => e.status !== 'verified')).toEqual([]);
    expect(t.events.filter((e) => e.streamId === `evidence-${entryId}`).map((e) => e.type)).toEqual(expect.arrayContaining(['evidence.notarized', 'evidence.shared']));
  });

  it('a forged feedback (the next version, its own hash valid, the wrong prevHash) is found: exit 1, broken-link; the views keep the true state', async () => {
    const stream = await topicEvents('referral', `referral-${referralId}`);
    const last = stream[stream.length - 1];
    const feedback = stream.find((e) => e.type === 'referral.feedback-submitted');
    if (!feedback) throw new Error('no feedback on the referral');
    // The closed referral "reopened" with another result: a well-formed envelope with a valid hash
    // of its own; its link to the stream is false and it carries no service's signature.
    const { hash: _hash, signature: _signature, ...rest } = {
      ...feedback,
      eventId: '01900000-0000-7000-8000-00000000f0a1',
      streamVersion: last.streamVersion + 1,
      prevHash: 'f'.repeat(64),
      occurredAt: new Date().toISOString(),
      payload: { ...feedback.payload, handlingResult: '经复核不予处罚' },
    };
    await plant('referral', forged(rest));
    const { code, report } = await replay('forged-link');
    expect(code).toBe(1);
    expect(report.findings.map(brief)).toContainEqual(['broken-link', `referral-${referralId}`, last.streamVersion + 1]);
    expect(report.findings.map(brief)).toContainEqual(['unsigned', `referral-${referralId}`, last.streamVersion + 1]);

    // The consumers refused it: the receiving bureau's inbox and the officer's view still show the closed referral with its true result.
    const auditor = new ApiClient(system.url('notification'), 'auditor-1');
    await eventually(
      async () => {
        const inbox = await auditor.get<{ entries: Array<{ eventType: string; streamId: string }> }>('/inbox?limit=100');
        expect(inbox.body.entries.map((e) => e.eventType)).toContain('audit.integrity-alert-raised');
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );
    const referral = (await new ApiClient(system.url('clue-transfer'), 'bureau-jsh-1').get(`/referrals/${referralId}`)).body.referral;
    expect(referral.status).toBe('closed');
    expect(JSON.stringify(referral)).not.toContain('经复核不予处罚');
    const clue = (await new ApiClient(system.url('case-intake'), 'officer-qp-1').get(`/clues/${clueId}`)).body;
    expect(clue.referral).toMatchObject({ referralId, status: 'closed' });
    expect(JSON.stringify(clue)).not.toContain('经复核不予处罚');
  });

  it('a correctly linked event without a signature, and one signed with a key no service published, are found: exit 1, unsigned / bad-signature', async () => {
    const stream = await topicEvents('referral', `referral-${referralId}`);
    const genuine = stream.filter((e) => e.signature);
    const last = genuine[genuine.length - 1];
    const template = stream.find((e) => e.type === 'referral.feedback-submitted');
    if (!template) throw new Error('no feedback on the referral');
    const base = { ...template, streamVersion: last.streamVersion + 1, prevHash: last.hash, occurredAt: new Date().toISOString() };
    const { hash: _h1, signature: _s1, ...unsignedRest } = { ...base, eventId: '01900000-0000-7000-8000-00000000f0b1' };
    const unsigned = forged(unsignedRest);
    // Claims clue-transfer's key id, signed with a key of the forger's own.
    const { privateKey } = generateKeyPairSync('ed25519');
    const { hash: _h2, signature: _s2, ...wrongRest } = { ...base, eventId: '01900000-0000-7000-8000-00000000f0b2' };
    const wronglySigned = forged(wrongRest);
    wronglySigned.signature = { keyId: last.signature?.keyId ?? 'clue-transfer:x', alg: 'Ed25519', value: sign(null, Buffer.from(wronglySigned.hash, 'ascii'), privateKey).toString('base64url') };
    await plant('referral', unsigned);
    await plant('referral', wronglySigned);
    const { code, report } = await replay('signatures');
    expect(code).toBe(1);
    const kinds = report.findings.filter((f) => f.streamId === `referral-${referralId}` && f.version === last.streamVersion + 1).map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['unsigned', 'bad-signature']));
    expect((await new ApiClient(system.url('clue-transfer'), 'bureau-jsh-1').get(`/referrals/${referralId}`)).body.referral.status).toBe('closed');
  });

  it('a fork (an existing version again, correctly linked and hashed) is found: exit 1, duplicate at that version', async () => {
    const stream = await topicEvents('intake', `clue-${clueId}`);
    const [first, second] = stream;
    const { hash: _hash, signature: _signature, ...rest } = { ...second, eventId: '01900000-0000-7000-8000-00000000f0a2', prevHash: first.hash, occurredAt: new Date().toISOString() };
    await plant('intake', forged(rest));
    const { code, report } = await replay('fork');
    expect(code).toBe(1);
    expect((await new ApiClient(system.url('case-intake'), 'officer-qp-1').get(`/clues/${clueId}`)).body.referral).toMatchObject({ referralId, status: 'closed' });
    expect(report.findings.map(brief)).toContainEqual(['duplicate', `clue-${clueId}`, second.streamVersion]);
    // The clue's stream has grown past version 2 (evidence attached, referral followed): the fork
    // arrives after its later versions, or — read before them — as a second event claiming version 2.
    const details = report.findings.filter((f) => f.kind === 'duplicate' && f.streamId === `clue-${clueId}`).map((f) => f.detail);
    expect(details.some((d) => /two different events claim version 2|version 2 read again after version \d+/.test(d))).toBe(true);
  });

  it("a store document edited in place is found: exit 1, hash-mismatch at its version, and the case timeline's row says so", async () => {
    const db = conn.db;
    if (!db) throw new Error('no database connection');
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => n.startsWith('commits'));
    let edited = 0;
    for (const name of collections) {
      const res = await conn.collection(name).updateOne({ _id: `evidence-${entryId}:1` } as never, { $set: { 'events.0.payload.metadata.title': '事后改写的标题' } });
      edited += res.modifiedCount;
    }
    expect(edited).toBe(1);
    const { code, report } = await replay('store-edit');
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.source === 'store').map(brief)).toContainEqual(['hash-mismatch', `evidence-${entryId}`, 1]);

    const timeline = await audit('verify-case', clueId, '--json');
    expect(timeline.code).toBe(1);
    const rows = (JSON.parse(timeline.out) as Timeline).events.filter((e) => e.streamId === `evidence-${entryId}`);
    expect(rows.find((e) => e.version === 1)).toMatchObject({ status: 'failed', findings: expect.arrayContaining(['hash-mismatch']) });
    expect(rows.filter((e) => e.version > 1).every((e) => e.status === 'verified')).toBe(true);
  });
});
