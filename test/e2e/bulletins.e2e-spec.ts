/**
 * Joint bulletins (信息通报) through the running services: Shanghai proposes, Jiangsu and Zhejiang
 * co-sign, the bulletin is published and the notification service puts it in the inbox of every
 * bureau of its audience exactly once; a refusal blocks another; a withdrawal reaches everyone; the
 * public feed (JSON and Atom) masks a natural person's name and id number while the internal copy
 * keeps them; unread bureaus are listed and reminded once the acknowledgement deadline has passed.
 */
import { bureauRegistry, withCreditCodeCheckChar } from '@yrd/bureaus';
import { chinaDateOf } from '@yrd/calendar';
import { eventually } from '@yrd/testing';
import { ApiClient } from '../support/api-client';
import { RunningSystem } from '../support/running-system';

jest.setTimeout(300_000);

const run = String(Math.floor(Math.random() * 90000) + 10000);
const PERSON = '张三丰';
const PERSON_ID = '330421198001011234';

interface Inbox {
  entries: Array<{ eventType: string; streamId: string; subject: { zh: string } }>;
}
interface CommandResult {
  bulletinId: string;
  status: string;
  revision: number;
}

const content = (o: Record<string, unknown> = {}) => ({
  kind: 'problem',
  title: `直播带货使用绝对化用语问题通报 ${run}`,
  body: `经查，${PERSON}（身份证号 ${PERSON_ID}）在其直播间宣传商品为“国家级”“最佳”，三地均发现同类问题。`,
  category: 'advertising',
  industry: 'live-commerce',
  relatedDecisions: [],
  attachments: [],
  audience: { kind: 'public' },
  persons: [{ name: PERSON, idNumber: PERSON_ID }],
  ...o,
});

describe('joint bulletins across the running services', () => {
  // Two working days compressed to 2 × 5 s: Jiashan acknowledges the published bulletin at once, well
  // before its deadline; the reminder test then waits for the timer.
  const system = new RunningSystem({ DEADLINE_SECONDS_PER_WORKING_DAY: '5', BULLETIN_ACK_WORKING_DAYS: '2' });
  const as = (user: string) => new ApiClient(system.url('clue-transfer'), user);
  const inboxOf = (bureau: string) => new ApiClient(system.url('notification'), { sub: `bureau-desk-${bureau}`, role: 'bureau', bureau });
  const entriesFor = async (bureau: string, bulletinId: string, eventType: string) => {
    const res = await inboxOf(bureau).get<Inbox>('/inbox?limit=200');
    expect(res.status).toBe(200);
    return res.body.entries.filter((e) => e.streamId === `bulletin-${bulletinId}` && e.eventType === eventType);
  };
  let shanghai: ApiClient;
  let jiangsu: ApiClient;
  let zhejiang: ApiClient;
  let published: CommandResult;

  beforeAll(async () => {
    await system.start('clue-transfer', 'notification', 'case-intake');
    shanghai = as('bureau-sh-1');
    jiangsu = as('bureau-js-1');
    zhejiang = as('bureau-zj-1');
  });

  afterAll(async () => {
    await system.stopAll();
  });

  it('is published only when all three provinces have signed, and reaches every bureau of the audience exactly once', async () => {
    const proposed = await shanghai.post<CommandResult>('/bulletins', { coIssuers: ['320000', '330000'], content: content() });
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('awaiting-signatures');
    const id = proposed.body.bulletinId;

    // A draft is not addressed to anyone yet: Anhui cannot read it, the public feed does not list it.
    expect((await as('bureau-ah-1').get(`/bulletins/${id}`)).status).toBe(403);
    expect((await new ApiClient(system.url('clue-transfer'), null).get<{ bulletins: unknown[] }>('/public/bulletins')).body.bulletins).toEqual([]);

    expect((await jiangsu.post<CommandResult>(`/bulletins/${id}/cosignature`)).body.status).toBe('awaiting-signatures');
    expect((await jiangsu.post(`/bulletins/${id}/cosignature`)).status).toBe(409);
    const last = await zhejiang.post<CommandResult>(`/bulletins/${id}/cosignature`);
    expect(last.status).toBe(201);
    expect(last.body.status).toBe('published');
    published = last.body;
    // Jiashan reads it at once (the reminder test below expects it not to be reminded).
    expect((await as('officer-jsh-1').post(`/bulletins/${id}/acknowledgement`)).status).toBe(201);

    const verification = await as('auditor-1').get<{ valid: boolean; signatures: Array<{ act: string; bureau: string; valid: boolean }> }>(`/bulletins/${id}/verification`);
    expect(verification.body.valid).toBe(true);
    expect(verification.body.signatures.map((s) => `${s.act}:${s.bureau}:${s.valid}`)).toEqual(['propose:310000:true', 'cosign:320000:true', 'cosign:330000:true']);

    // Every bureau of the Delta (a public bulletin's audience) has it in its inbox, once.
    const bureaus = bureauRegistry.bureaus.map((b) => b.code);
    expect(bureaus.length).toBeGreaterThan(50);
    for (const bureau of bureaus) {
      const entries = await eventually(async () => {
        const found = await entriesFor(bureau, id, 'bulletin.published');
        expect(found.length).toBeGreaterThan(0);
        return found;
      }, { timeoutMs: 60_000 });
      expect(entries).toHaveLength(1);
    }
    // The co-issuers were asked to co-sign; Shanghai heard of each co-signature.
    expect(await entriesFor('320000', id, 'bulletin.proposed')).toHaveLength(1);
    expect(await entriesFor('310000', id, 'bulletin.cosigned')).toHaveLength(2);
  });

  it('is blocked by a refusal: nobody signs after it and nothing is published', async () => {
    const proposed = await shanghai.post<CommandResult>('/bulletins', { coIssuers: ['320000', '330000'], content: content({ kind: 'risk-alert', title: `消费预警 ${run}`, audience: { kind: 'regions', regions: ['320000', '330000'] } }) });
    const id = proposed.body.bulletinId;
    expect((await jiangsu.post(`/bulletins/${id}/refusal`, { reason: '' })).status).toBe(400);
    const refused = await jiangsu.post<CommandResult>(`/bulletins/${id}/refusal`, { reason: '预警所涉商品批次尚未核实' });
    expect(refused.body.status).toBe('refused');
    const after = await zhejiang.post<{ error: string }>(`/bulletins/${id}/cosignature`);
    expect(after.status).toBe(409);
    expect(after.body.error).toBe('WRONG_STATE');
    expect((await as('bureau-wj-1').get(`/bulletins/${id}`)).status).toBe(403);
    const refusalNotice = await eventually(async () => {
      const found = await entriesFor('310000', id, 'bulletin.refused');
      expect(found).toHaveLength(1);
      return found[0];
    }, { timeoutMs: 60_000 });
    expect(refusalNotice?.subject.zh).toContain('不予会签');
    const list = await as('auditor-1').get<Array<{ bulletinId: string; status: string }>>('/bulletins?status=published&kind=risk-alert');
    expect(list.body.find((b) => b.bulletinId === id)).toBeUndefined();
  });

  it('serves the public feed masked, in JSON and Atom, while the internal copy keeps the personal data', async () => {
    const id = published.bulletinId;
    const anonymous = new ApiClient(system.url('clue-transfer'), null);
    const feed = await anonymous.get<{ bulletins: Array<{ bulletinId: string; title: string; body: string }> }>('/public/bulletins');
    expect(feed.status).toBe(200);
    const entry = feed.body.bulletins.find((b) => b.bulletinId === id);
    expect(entry?.body).toContain('张某（身份证号 330421********1234）');
    expect(JSON.stringify(feed.body)).not.toMatch(new RegExp(`${PERSON}|${PERSON_ID}`));

    const atom = await anonymous.get<string>('/public/bulletins.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    expect(atom.body).toContain(`<id>urn:yrd:bulletin:${id}</id>`);
    expect(atom.body).toContain('张某');
    expect(atom.body).not.toContain(PERSON);
    expect(atom.body).not.toContain(PERSON_ID);

    const internal = await as('bureau-qp-1').get<{ content: { body: string; persons: Array<{ name: string }> } }>(`/bulletins/${id}`);
    expect(internal.status).toBe(200);
    expect(internal.body.content.body).toContain(`${PERSON}（身份证号 ${PERSON_ID}）`);
    expect(internal.body.content.persons[0]?.name).toBe(PERSON);
    expect((await anonymous.get(`/bulletins/${id}`)).status).toBe(401);
  });

  it('lists and reminds the bureaus that have not read it once the deadline (2 working days, compressed) has passed', async () => {
    const id = published.bulletinId;
    // Jiashan acknowledged it when it was published; a second acknowledgement adds nothing.
    expect((await as('bureau-jsh-1').post<{ events: unknown[] }>(`/bulletins/${id}/acknowledgement`)).body.events).toEqual([]);
    const overdue = await eventually(async () => {
      const res = await shanghai.get<Array<{ bulletinId: string; unread: string[]; overdue: boolean }>>('/bulletins/overdue-acknowledgements');
      const mine = res.body.find((b) => b.bulletinId === id);
      expect(mine).toBeDefined();
      return mine;
    }, { timeoutMs: 30_000 });
    expect(overdue?.unread).toContain('320509');
    expect(overdue?.unread).not.toContain('330421');
    // Those who signed it need not acknowledge it.
    for (const signer of ['310000', '320000', '330000']) expect(overdue?.unread).not.toContain(signer);
    const acks = await shanghai.get<{ acknowledged: Array<{ bureau: string; userId: string }> }>(`/bulletins/${id}/acknowledgements`);
    expect(acks.body.acknowledged).toEqual([expect.objectContaining({ bureau: '330421', userId: 'officer-jsh-1' })]);
    // The deadline's timer reminds those who have not read it, once; not Jiashan, which has.
    const reminder = await eventually(async () => {
      const found = await entriesFor('320509', id, 'bulletin.acknowledgement-overdue');
      expect(found).toHaveLength(1);
      return found[0];
    }, { timeoutMs: 60_000 });
    expect(reminder?.subject.zh).toContain('通报待阅');
    expect(await entriesFor('330421', id, 'bulletin.acknowledgement-overdue')).toEqual([]);
    const view = await shanghai.get<{ reminder: { unread: string[] } }>(`/bulletins/${id}`);
    expect(view.body.reminder.unread).toContain('320509');
    expect(view.body.reminder.unread).not.toContain('330421');
  });

  it('links a typical case to a verified penalty decision, and refuses one that is not', async () => {
    const decision = {
      decisionNumber: `沪市监青处罚〔2026〕B${run}号`,
      caseRef: `case-bulletin-${run}`,
      issuingBureau: '310118',
      subject: { name: '上海某某网络科技有限公司', creditCode: withCreditCodeCheckChar(`91310118MC${run.padStart(7, '0').slice(-7)}`) },
      responsiblePersons: [],
      category: 'advertising',
      violationKind: 'advertising.absolute-terms',
      facts: '当事人在直播中使用“国家级”用语。',
      provisionsViolated: ['《中华人民共和国广告法》第九条第三项'],
      penaltyProvisions: ['《中华人民共和国广告法》第五十七条第一项'],
      penalties: [{ kind: 'fine', amountFen: 20_000_000 }],
      decisionDate: chinaDateOf(new Date()),
      listings: [],
    };
    const recorded = await new ApiClient(system.url('case-intake'), 'officer-qp-1').post<{ decisionId: string }>('/penalty-decisions', decision);
    expect(recorded.status).toBe(201);
    const typical = (relatedDecisions: string[]) => as('bureau-qp-1').post<CommandResult & { message: string }>('/bulletins', { coIssuers: [], content: content({ kind: 'typical-case', title: `典型案例 ${run}`, relatedDecisions, audience: { kind: 'delta' } }) });
    const unknown = await typical(['pd_does_not_exist']);
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toContain('pd_does_not_exist');
    // The decision reaches clue-transfer's verified decisions through the sanctions topic.
    const ok = await eventually(async () => {
      const res = await typical([recorded.body.decisionId]);
      expect(res.status).toBe(201);
      return res.body;
    }, { timeoutMs: 60_000 });
    expect(ok.status).toBe('published');
  });

  it('propagates a withdrawal to every bureau of the audience and to the public feed', async () => {
    const id = published.bulletinId;
    expect((await jiangsu.post(`/bulletins/${id}/withdrawal`, { reason: '仅发布单位可撤回' })).status).toBe(403);
    const withdrawn = await shanghai.post<CommandResult>(`/bulletins/${id}/withdrawal`, { reason: `${PERSON}所涉处罚决定已被复议撤销` });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body.status).toBe('withdrawn');
    for (const bureau of ['310118', '320509', '330421', '340000', '341800']) {
      await eventually(async () => expect(await entriesFor(bureau, id, 'bulletin.withdrawn')).toHaveLength(1), { timeoutMs: 60_000 });
    }
    const pub = await new ApiClient(system.url('clue-transfer'), null).get<{ status: string; body: string; withdrawal: { reason: string } }>(`/public/bulletins/${id}`);
    expect(pub.body).toMatchObject({ status: 'withdrawn', body: '', withdrawal: { reason: '张某所涉处罚决定已被复议撤销' } });
    expect((await as('bureau-wj-1').post(`/bulletins/${id}/acknowledgement`)).status).toBe(409);
  });

  it('survives clue-transfer being killed: the bulletins are rebuilt from the topic, nothing is sent twice', async () => {
    const id = published.bulletinId;
    await system.kill('clue-transfer');
    await system.restart('clue-transfer');
    const after = await eventually(async () => {
      const res = await as('auditor-1').get<{ status: string; acknowledgements: Array<{ bureau: string }>; signatures: unknown[] }>(`/bulletins/${id}`);
      expect(res.status).toBe(200);
      return res.body;
    }, { timeoutMs: 60_000 });
    expect(after.status).toBe('withdrawn');
    expect(after.acknowledgements.map((a) => a.bureau)).toEqual(['330421']);
    expect((await as('auditor-1').get<{ valid: boolean }>(`/bulletins/${id}/verification`)).body.valid).toBe(true);
    for (const bureau of ['310118', '340000']) {
      expect(await entriesFor(bureau, id, 'bulletin.published')).toHaveLength(1);
      expect(await entriesFor(bureau, id, 'bulletin.withdrawn')).toHaveLength(1);
      expect(await entriesFor(bureau, id, 'bulletin.acknowledgement-overdue')).toHaveLength(1);
    }
  });
});
