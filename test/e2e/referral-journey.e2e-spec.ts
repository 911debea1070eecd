import { verifyStream } from '@yrd/event-log';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import type { EventEnvelope } from '@yrd/contracts';
import { eventually, readTopic, testKafka } from '@yrd/testing';
import { ApiClient } from '../support/api-client';
import { RunningSystem } from '../support/running-system';

const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B00001');
const QINGPU_COMPANY = withCreditCodeCheckChar('91310118MA1K00002');

interface Item {
  _id: string;
  status: string;
  toBureau: string;
  fromBureau: string;
}

/**
 * The core journey across two real services: a Qingpu officer submits a clue in case-intake;
 * clue-transfer routes it to Jiashan's inbox; Jiashan decides; every step is an event.
 * One working day lasts one second here, so deadline jobs fire during the test.
 */
describe('cross-region clue referral through the running services', () => {
  const system = new RunningSystem({ DEADLINE_SECONDS_PER_WORKING_DAY: '1' });
  let officerQp: ApiClient;
  let jiashan: ApiClient;

  beforeAll(async () => {
    await system.start('case-intake', 'clue-transfer');
    officerQp = new ApiClient(system.url('case-intake'), 'officer-qp-1');
  });

  afterAll(async () => {
    await system.stopAll();
  });

  function transferAs(user: string) {
    return new ApiClient(system.url('clue-transfer'), user);
  }

  async function submit(overrides: Record<string, unknown> = {}): Promise<{ clueId: string; body: any }> {
    const res = await officerQp.post('/clues', {
      subject: { name: '嘉善某电子商务有限公司', creditCode: JIASHAN_COMPANY },
      allegedViolation: '虚假宣传',
      facts: '网店页面宣称产品为“国家级”“最佳”，无相关证明。',
      place: { divisionCode: '310118', address: '上海市青浦区华新镇' },
      evidenceRefs: ['sha256:' + 'a'.repeat(64)],
      urgency: 'normal',
      ...overrides,
    });
    expect(res.status).toBe(201);
    return { clueId: res.body.clueId, body: res.body };
  }

  async function inInbox(client: ApiClient, referralId: string, status: string, box = 'incoming'): Promise<Item> {
    return eventually(
      async () => {
        const res = await client.get<{ items: Item[] }>(`/referrals?box=${box}&limit=100`);
        expect(res.status).toBe(200);
        const item = res.body.items.find((i) => i._id === referralId);
        expect(item?.status).toBe(status);
        return item as Item;
      },
      { timeoutMs: 30000, intervalMs: 100 },
    );
  }

  it('Qingpu → Jiashan inbox → accept → feedback → closed, with the events in order on the topic', async () => {
    const { clueId, body } = await submit();
    expect(body.routing).toMatchObject({ target: '330421', basis: 'registration-authority' });
    const referralId = `rf-${clueId}`;
    jiashan = transferAs('bureau-jsh-1');
    const delivered = await inInbox(jiashan, referralId, 'delivered');
    expect(delivered).toMatchObject({ fromBureau: '310118', toBureau: '330421' });

    expect((await jiashan.post(`/referrals/${referralId}/accept`)).status).toBe(200);
    const feedback = await jiashan.post(`/referrals/${referralId}/feedback`, {
      outcome: 'penalised',
      handlingResult: '责令改正，罚款人民币二万元',
      caseNumber: '嘉市监案〔2026〕88号',
      penaltyDecisionRef: '嘉市监罚〔2026〕88号',
    });
    expect(feedback.status).toBe(200);
    expect((await transferAs('officer-qp-1').post(`/referrals/${referralId}/close`)).status).toBe(200);
    await inInbox(transferAs('officer-qp-1'), referralId, 'closed', 'outgoing');

    // The officer sees the outcome on the clue in case-intake (consumed from the referral topic).
    await eventually(async () => {
      const clue = await officerQp.get(`/clues/${clueId}`);
      expect(clue.body.referral).toMatchObject({ referralId, status: 'closed' });
    });

    const onTopic = (await readTopic(testKafka(), `${system.namespace}.referral.events`))
      .map((m) => JSON.parse(String(m.value)) as EventEnvelope)
      .filter((e) => e.streamId === `referral-${referralId}`);
    const lifecycle = onTopic.map((e) => e.type).filter((t) => !t.startsWith('referral.deadline') && t !== 'referral.overdue-escalated');
    expect(lifecycle).toEqual(['referral.created', 'referral.delivered', 'referral.accepted', 'referral.feedback-submitted', 'referral.closed']);
    expect(verifyStream(onTopic)).toEqual([]);
  });

  it('another bureau can neither list nor read the referral; the receiver may not transfer it on', async () => {
    const { clueId } = await submit();
    const referralId = `rf-${clueId}`;
    await inInbox(transferAs('bureau-jsh-1'), referralId, 'delivered');
    const wujiang = transferAs('bureau-wj-1');
    expect((await wujiang.get(`/referrals/${referralId}`)).status).toBe(403);
    const listed = await wujiang.get<{ items: Item[] }>('/referrals?box=incoming');
    expect(listed.body.items.some((i) => i._id === referralId)).toBe(false);

    const transfer = await transferAs('bureau-jsh-1').post(`/referrals/${referralId}/transfer`, { toBureau: '330400' });
    expect(transfer.status).toBe(409);
    expect(transfer.body).toMatchObject({ error: 'RETRANSFER_FORBIDDEN' });
    expect(JSON.stringify(transfer.body)).toContain('不得再自行移送');
  });

  it('rejection needs a reason; dispute → designation by the joint mechanism re-routes it', async () => {
    const rejected = `rf-${(await submit()).clueId}`;
    const jsh = transferAs('bureau-jsh-1');
    await inInbox(jsh, rejected, 'delivered');
    expect((await jsh.post(`/referrals/${rejected}/reject`, {})).status).toBe(400);
    expect((await jsh.post(`/referrals/${rejected}/reject`, { reason: '被查主体已迁出本辖区' })).status).toBe(200);

    const disputed = `rf-${(await submit()).clueId}`;
    await inInbox(jsh, disputed, 'delivered');
    expect((await jsh.post(`/referrals/${disputed}/dispute`, { reason: '违法行为发生地在江苏' })).status).toBe(200);
    expect((await jsh.post(`/referrals/${disputed}/designate`, { designatedBureau: '320000' })).status).toBe(403);
    const designated = await transferAs('admin-1').post(`/referrals/${disputed}/designate`, { designatedBureau: '320000', reason: '联席机制指定' });
    expect(designated.status).toBe(200);
    const atJiangsu = await inInbox(transferAs('bureau-js-1'), disputed, 'delivered');
    expect(atJiangsu.toBureau).toBe('320000');
  });

  it('a check deadline across the 2026 Spring Festival counts the make-up Saturday and skips the holiday', async () => {
    const { body } = await submit({
      subject: { name: '青浦某食品商行', creditCode: QINGPU_COMPANY },
      discoveredOn: '2026-02-10',
    });
    expect(body.status).toBe('checking');
    expect(body.routing.checkDeadline).toMatchObject({ dueDate: '2026-03-09', provisional: false });
  });

  it('an undecided referral is reminded and then escalated as overdue', async () => {
    const { clueId } = await submit({ urgency: 'urgent' });
    const referralId = `rf-${clueId}`;
    await inInbox(transferAs('bureau-jsh-1'), referralId, 'delivered');
    const types = await eventually(
      async () => {
        const res = await transferAs('officer-qp-1').get<{ timeline: EventEnvelope[] }>(`/referrals/${referralId}`);
        const t = res.body.timeline.map((e) => e.type);
        expect(t).toContain('referral.overdue-escalated');
        return t;
      },
      { timeoutMs: 40000, intervalMs: 500 },
    );
    expect(types.indexOf('referral.deadline-reminded')).toBeGreaterThan(types.indexOf('referral.delivered'));
    expect(types.indexOf('referral.overdue-escalated')).toBeGreaterThan(types.indexOf('referral.deadline-reminded'));
  });

  it('clue-transfer killed (SIGKILL) while clues arrive loses none of them after a restart', async () => {
    await system.kill('clue-transfer');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(`rf-${(await submit()).clueId}`);
    await system.restart('clue-transfer');
    const jsh = transferAs('bureau-jsh-1');
    for (const id of ids) await inInbox(jsh, id, 'delivered');
  });
});
