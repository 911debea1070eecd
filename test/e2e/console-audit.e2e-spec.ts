import { createHash } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { referralLifecycle } from '@yrd/audit-domain';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { fixtureKeys, fixtureSigner, type EventMetadata } from '@yrd/event-log';
import { AggregateRepository, CommitStore, EventKeyStore, OutboxRelay, type EventSink } from '@yrd/event-store';
import { EventPublisher, provisionTopics } from '@yrd/messaging';
import { Referral } from '@yrd/referral-domain';
import { eventually, mongoUrlFor, testKafka, uniqueName } from '@yrd/testing';
import { ApiClient } from '../support/api-client';
import { ConsoleBrowser } from '../support/browser';

const PHONE = { width: 390, height: 844 };
import { RunningSystem } from '../support/running-system';

jest.setTimeout(300000);

/**
 * Publishes what the commit store holds, except for one planted fault: version 2 of the tampered
 * stream goes onto the wire with another receiving bureau (as someone with broker access would do).
 */
class TamperingSink implements EventSink {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly topic: string,
    private readonly tamperedStream: string,
  ) {}

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    for (const e of events) {
      const sent = e.streamId === this.tamperedStream && e.streamVersion === 2 ? { ...e, payload: { ...e.payload, toBureau: '320509' } } : e;
      await this.publisher.sendRaw(this.topic, [{ key: e.streamId, value: JSON.stringify(sent) }]);
    }
  }
}

const meta = (bureau: string): EventMetadata => ({ actor: { userId: 'officer-qp-1', bureau, role: 'officer' }, correlationId: uniqueName('corr-'), causationId: null, now: new Date() });

/**
 * The auditor's screens in Debian's chromium, through the gateway, against the running services:
 * a referral whose second event was altered on the wire is flagged in its timeline and in a replay
 * report; screenshots of the penalties, auditor and dashboards screens are kept as artifacts.
 */
describe('console: auditor sees a planted tampered event; penalties and dashboards screens', () => {
  const system = new RunningSystem();
  let browser: ConsoleBrowser;
  let conn: Connection;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  const tampered = uniqueName('tam');
  const clean = uniqueName('ok');

  beforeAll(async () => {
    await system.start('case-intake', 'clue-transfer', 'audit', 'gateway');

    // Two referrals written as clue-transfer writes them (commit store, then the log), one tampered in transit.
    const kafka = testKafka();
    const topics = new TopicRegistry(system.namespace);
    const topic = topics.eventsTopic('referral');
    await provisionTopics(kafka, topics.all(['referral']), { partitions: 3, replicationFactor: 1, minInSyncReplicas: 1 });
    conn = await mongoose.createConnection(mongoUrlFor(system.namespace)).asPromise();
    publisher = new EventPublisher(kafka, eventCatalog, topics);
    // Written with clue-transfer's fixture key: published beside the services' own keys.
    for (const key of fixtureKeys(['clue-transfer'])) await new EventKeyStore(conn).publish(key);
    const store = new CommitStore(conn, 'commits_clue_transfer');
    relay = new OutboxRelay(store, new TamperingSink(publisher, topic, `referral-${tampered}`));
    const repo = new AggregateRepository<Referral.ReferralState, Referral.ReferralEvent>(store, relay, { initialState: () => Referral.initialState, evolve: Referral.evolve }, fixtureSigner('clue-transfer'), { awaitPublish: true });
    for (const id of [clean, tampered]) {
      for (const [i, command] of referralLifecycle(id, `clue-of-${id}`).entries()) {
        const decide = (s: Referral.ReferralState) => Referral.decide(command, s, new Date());
        const outcome = i === 0 ? await repo.create(`referral-${id}`, decide, meta('310118')) : await repo.handle(`referral-${id}`, decide, meta(i === 2 ? '330421' : '310118'));
        if (!outcome.ok) throw new Error(`${command.type} refused: ${JSON.stringify(outcome.error)}`);
      }
    }

    browser = new ConsoleBrowser(system.url('gateway'));
    await browser.start();
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
    await publisher?.close();
    await conn?.dropDatabase();
    await conn?.close();
    await system.stopAll();
  });

  it("flags the tampered event in the case's timeline, and leaves the untouched case verified", async () => {
    const page = await browser.signedIn('auditor-1');
    await page.getByRole('link', { name: '案件时间线' }).click();
    await page.getByLabel('线索或移送编号').fill(`clue-of-${tampered}`);
    await page.getByRole('button', { name: '查看' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor({ timeout: 60000 });

    await expect(page.getByTestId('timeline-verdict').textContent()).resolves.toContain('发现问题');
    const rows = timeline.locator('tbody tr[data-status]');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => [tr.children[2]?.textContent, tr.getAttribute('data-status')]))).resolves.toEqual([
      ['1', 'verified'],
      ['2', 'failed'],
      ['3', 'verified'],
    ]);
    await expect(timeline.locator('tr[data-status="failed"]').textContent()).resolves.toContain('哈希不符（内容被篡改）');
    await expect(timeline.locator('tr.finding[data-kind="hash-mismatch"]').textContent()).resolves.toContain(`referral-${tampered}`);
    await browser.screenshot(page, 'auditor-timeline-tampered');

    await page.getByLabel('线索或移送编号').fill(`clue-of-${clean}`);
    await page.getByRole('button', { name: '查看' }).click();
    await page.getByTestId('timeline-verdict').filter({ hasText: '校验通过' }).waitFor({ timeout: 60000 });
    await expect(timeline.locator('tbody tr[data-status="failed"]').count()).resolves.toBe(0);
    await expect(timeline.locator('tbody tr[data-status="verified"]').count()).resolves.toBe(3);
    await page.context().close();
  });

  it('runs a replay of the tampered case, follows it to the end and shows the finding in the report', async () => {
    const page = await browser.signedIn('auditor-1');
    await page.getByRole('link', { name: '日志重放' }).click();
    await page.getByLabel('仅此线索/移送（可选）').fill(`clue-of-${tampered}`);
    await page.getByRole('button', { name: '开始重放' }).click();
    await page.waitForURL(/\/audit\/replays\/[0-9a-f-]{36}$/);
    const report = page.getByTestId('replay-report');
    await report.waitFor({ timeout: 120000 });
    await expect(page.getByTestId('replay-run').textContent()).resolves.toContain('已完成');
    await expect(page.getByTestId('report-verdict').textContent()).resolves.toContain('发现问题');
    const kinds = await report.locator('tr.finding').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')));
    expect(kinds).toContain('hash-mismatch');
    await expect(report.locator('tr.finding[data-kind="hash-mismatch"]').textContent()).resolves.toContain(`referral-${tampered}`);
    await browser.screenshot(page, 'auditor-replay-report');
    await page.context().close();
  });

  // The notary is not started here (the browser's own check is under test): its part shows as unavailable, with the reason the proxy gave.
  it('auditor, on a phone: a file is hashed in the browser and checked against its receipt', async () => {
    const content = Buffer.from('现场检查笔录：网店页面宣称产品为“国家级”。');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const receipt = Buffer.from(JSON.stringify({ format: 'yrd-notary-receipt/v1', entry: { v: 1, entryId: 'ev-e2e', kind: 'evidence', sha256, size: content.length, metadataSha256: '0'.repeat(64), notarizedAt: '2026-03-01T10:00:00+08:00' } }));
    const page = await browser.signedIn('auditor-1', PHONE);
    await page.getByRole('link', { name: '保全证书验证' }).click();
    const verify = async (file: Buffer) => {
      await page.getByLabel('证据文件').setInputFiles({ name: 'record.txt', mimeType: 'text/plain', buffer: file });
      await page.getByLabel('保全证书（JSON）').setInputFiles({ name: 'receipt.json', mimeType: 'application/json', buffer: receipt });
      await page.getByRole('button', { name: '验证' }).click();
      const result = page.getByTestId('receipt-result');
      await result.getByText('未获得公证服务的完整验证').waitFor();
      return result;
    };
    const same = await verify(content);
    await expect(same.getByRole('status').textContent()).resolves.toBe('文件与证书一致');
    await expect(same.textContent()).resolves.toContain(sha256);
    await browser.screenshot(page, 'auditor-receipt-verify-phone');

    const edited = await verify(Buffer.concat([content, Buffer.from('（已修改）')]));
    await expect(edited.getByRole('status').textContent()).resolves.toBe('文件与证书不一致');
    await page.context().close();
  });

  it('officer: the licensing check validates as typed and answers from clue-transfer', async () => {
    const page = await browser.signedIn('officer-qp-1');
    await page.getByRole('link', { name: '准入拦截查询' }).click();
    const input = page.getByLabel('统一社会信用代码', { exact: true });
    const code = withCreditCodeCheckChar('91310118MA1K00077');
    await input.fill(`${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^check character is '.', expected '.'$/);
    await input.fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('check-verdict').textContent()).resolves.toContain('未发现禁入或列入记录');
    await browser.screenshot(page, 'penalties-interception-check');

    await page.getByRole('link', { name: '免罚清单评估' }).click();
    await page.getByLabel('案件编号').fill(uniqueName('沪青市监案-'));
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(code);
    await page.getByLabel('违法行为类型代码').fill('advertising.absolute-terms');
    await page.getByRole('button', { name: '评估' }).click();
    await page.getByTestId('evaluation').or(page.getByRole('alert')).first().waitFor();
    await browser.screenshot(page, 'penalties-exemption-evaluation');

    await page.getByRole('link', { name: '互认审核' }).click();
    await page.getByRole('heading', { name: '处罚决定互认审核队列' }).waitFor();
    await page.getByText('队列中没有决定').or(page.locator('table')).first().waitFor();
    await browser.screenshot(page, 'penalties-recognition-queue');
    await page.context().close();
  });

  it('bureau: the dashboards count the referrals addressed to Jiashan by region pair', async () => {
    // Two clues submitted by a Qingpu officer about Jiashan companies: routed to Jiashan; one accepted.
    const officer = new ApiClient(system.url('case-intake'), 'officer-qp-1');
    const jiashan = new ApiClient(system.url('clue-transfer'), 'bureau-jsh-1');
    const referrals: string[] = [];
    for (const n of ['91330421MA2B00011', '91330421MA2B00012']) {
      const res = await officer.post<{ clueId: string }>('/clues', {
        subject: { name: '嘉善某电子商务有限公司', creditCode: withCreditCodeCheckChar(n) },
        allegedViolation: '虚假宣传',
        facts: '网店页面宣称产品为“国家级”“最佳”，无相关证明。',
        place: { divisionCode: '310118', address: '上海市青浦区华新镇' },
        evidenceRefs: ['sha256:' + 'a'.repeat(64)],
        urgency: 'normal',
      });
      expect(res.status).toBe(201);
      referrals.push(`rf-${res.body.clueId}`);
    }
    const delivered = () =>
      eventually(
        async () => {
          const res = await jiashan.get<{ items: Array<{ _id: string; status: string }> }>('/referrals?box=incoming&limit=100');
          for (const id of referrals) expect(res.body.items.find((i) => i._id === id)?.status).toBe('delivered');
        },
        { timeoutMs: 30000, intervalMs: 200 },
      );
    await delivered();
    expect((await jiashan.post(`/referrals/${referrals[0]}/accept`)).status).toBe(200);
    await eventually(
      async () => {
        const res = await jiashan.get<{ items: Array<{ _id: string; status: string }> }>('/referrals?box=incoming&status=accepted&limit=100');
        // The accepted one and the clean planted referral (accepted by Jiashan too), as clue-transfer
        // projected them. The tampered one stays as created: clue-transfer refused its altered version 2
        // (and the version 3 that no longer links to what it applied) — forgeries never reach a view.
        expect(res.body.items.map((i) => i._id).sort()).toEqual([referrals[0], clean].sort());
      },
      { timeoutMs: 30000, intervalMs: 200 },
    );
    const page = await browser.signedIn('bureau-jsh-1');
    await page.getByRole('link', { name: '统计看板' }).click();
    await page.getByTestId('tile-total').waitFor();
    const row = page.locator('tr', { hasText: '青浦区 → 嘉善县' });
    // Columns: pair, then accepted, created, delivered (statuses sorted), total, overdue. The tampered
    // referral stays as its genuine version 1 left it (created): its altered version 2 never applied.
    await expect(row.locator('td').allTextContents()).resolves.toEqual(['青浦区 → 嘉善县', '2', '1', '1', '4', '0']);
    await expect(page.getByTestId('tile-total').textContent()).resolves.toBe(`4${'移送总数'}`);
    await browser.screenshot(page, 'dashboards-referrals');
    const phone = await browser.signedIn('bureau-jsh-1', PHONE);
    await phone.getByRole('link', { name: '统计看板' }).click();
    await phone.getByTestId('tile-total').waitFor();
    await browser.screenshot(phone, 'dashboards-referrals-phone');
    await phone.context().close();
    await page.context().close();
  });
});
