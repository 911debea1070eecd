import type { Page } from 'playwright-core';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { eventually } from '@yrd/testing';
import { ApiClient } from '../support/api-client';
import { ConsoleBrowser } from '../support/browser';
import { RunningSystem } from '../support/running-system';

const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B00003');
// The same code with a wrong check character (the right one, shifted by one in the charset).
const WRONG_CHECK = JIASHAN_COMPANY.slice(0, 17) + (JIASHAN_COMPANY[17] === '0' ? '1' : '0');

/**
 * The web console in Debian's Chromium against the running services behind the gateway: the
 * Qingpu officer's clue reaches Jiashan's inbox and is handled there to the end, through the UI.
 */
describe('web console in a real browser', () => {
  const system = new RunningSystem();
  let browser: ConsoleBrowser;
  let referralId: string;

  beforeAll(async () => {
    await system.start('case-intake', 'clue-transfer', 'evidence-notary', 'gateway');
    browser = new ConsoleBrowser(system.url('gateway'));
    await browser.start();
  });

  afterAll(async () => {
    await browser?.close();
    await system.stopAll();
  });

  async function confirm(page: Page, action: RegExp, fill?: (form: ReturnType<Page['locator']>) => Promise<void>) {
    await page.getByRole('button', { name: action }).click();
    const form = page.getByRole('form', { name: action });
    if (fill) await fill(form);
    await form.getByRole('button', { name: '确认' }).click();
  }

  async function statusIs(page: Page, text: string) {
    await page.getByTestId('referral-status').filter({ hasText: text }).waitFor({ timeout: 15000 });
  }

  it('Qingpu officer submits a clue with evidence → Jiashan inbox → accept → feedback → closed', async () => {
    const officer = await browser.signedIn('officer-qp-1');
    await officer.getByRole('link', { name: '提交线索' }).click();
    await officer.getByLabel('当事人名称', { exact: true }).fill('嘉善某电子商务有限公司');
    const code = officer.getByLabel('统一社会信用代码', { exact: true });
    await code.fill(WRONG_CHECK);
    await officer.getByText('校验码不正确，请核对').waitFor();
    await code.fill(JIASHAN_COMPANY);
    await officer.getByTestId('suggested-bureau').filter({ hasText: '嘉善县' }).waitFor();
    await officer.getByLabel('涉嫌违法行为', { exact: true }).fill('虚假宣传');
    await officer.getByLabel('线索事实', { exact: true }).fill('网店页面宣称产品为“国家级”“最佳”，无相关证明。');
    await officer.getByLabel('违法行为发生地（行政区划代码）', { exact: true }).fill('310118');
    await officer.getByLabel('发生地地址', { exact: true }).fill('上海市青浦区华新镇');
    await officer.getByLabel('证据材料', { exact: true }).setInputFiles({ name: '网页截图.txt', mimeType: 'text/plain', buffer: Buffer.from('页面宣称“国家级”“最佳”') });
    await browser.screenshot(officer, 'officer-submit-clue');
    await officer.getByRole('button', { name: '提交' }).click();
    await officer.getByTestId('routing').filter({ hasText: '已移送至 嘉善县' }).waitFor({ timeout: 30000 });
    const clueId = (await officer.getByTestId('clue-id').locator('code').textContent())?.trim() ?? '';
    expect(clueId).toMatch(/^[0-9a-f-]{36}$/);
    referralId = `rf-${clueId}`;
    await officer.getByRole('link', { name: '本局线索与案件' }).first().click();
    await officer.getByTestId(`clue-${clueId}`).waitFor();
    await browser.screenshot(officer, 'officer-my-clues');

    const jiashan = await browser.signedIn('bureau-jsh-1');
    await eventually(
      async () => {
        await jiashan.getByRole('button', { name: '刷新' }).click();
        await jiashan.getByTestId(`inbox-${referralId}`).waitFor({ timeout: 1000 });
      },
      { timeoutMs: 30000, intervalMs: 200 },
    );
    await browser.screenshot(jiashan, 'bureau-inbox');
    await jiashan.getByTestId(`inbox-${referralId}`).getByRole('link').click();
    await statusIs(jiashan, '待接收');
    await jiashan.getByText('网页截图.txt').waitFor({ timeout: 15000 });

    await confirm(jiashan, /^接收$/);
    await statusIs(jiashan, '已接收');
    await confirm(jiashan, /^反馈办理结果$/, async (form) => {
      await form.getByLabel('处理情况', { exact: true }).fill('责令改正，罚款人民币二万元');
      await form.getByLabel('案号', { exact: true }).fill('嘉市监案〔2026〕88号');
      await form.getByLabel('处罚决定书文号', { exact: true }).fill('嘉市监罚〔2026〕88号');
    });
    await statusIs(jiashan, '已反馈');
    await browser.screenshot(jiashan, 'bureau-referral');

    await officer.goto(`${system.url('gateway')}/referrals/${referralId}`);
    await confirm(officer, /^办结$/);
    await statusIs(officer, '已办结');
    for (const type of ['referral.created', 'referral.delivered', 'referral.accepted', 'referral.feedback-submitted', 'referral.closed']) {
      await officer.getByTestId(`event-${type}`).waitFor();
    }
  });

  it("shows the server's reason when it refuses an action (re-transfer forbidden), and nothing changes", async () => {
    const officer = new ApiClient(system.url('case-intake'), 'officer-qp-1');
    const submitted = await officer.post('/clues', {
      subject: { name: '嘉善某食品有限公司', creditCode: JIASHAN_COMPANY },
      allegedViolation: '标签不合格',
      facts: '预包装食品标签缺少生产日期。',
      place: { divisionCode: '310118', address: '上海市青浦区' },
    });
    expect(submitted.status).toBe(201);
    const id = `rf-${submitted.body.clueId}`;
    const api = new ApiClient(system.url('clue-transfer'), 'bureau-jsh-1');
    await eventually(async () => expect((await api.get(`/referrals/${id}`)).body.referral.status).toBe('delivered'), { timeoutMs: 30000 });

    const jiashan = await browser.signedIn('bureau-jsh-1');
    await jiashan.goto(`${system.url('gateway')}/referrals/${id}`);
    await confirm(jiashan, /^转移送其他机关$/, async (form) => {
      await form.getByLabel('移送至', { exact: true }).selectOption('320509');
    });
    await jiashan.getByRole('alert').filter({ hasText: '不得再自行移送' }).waitFor();
    await browser.screenshot(jiashan, 'bureau-refused');
    const after = (await api.get(`/referrals/${id}`)).body;
    expect(after.referral).toMatchObject({ status: 'delivered', toBureau: '330421' });
    expect(after.timeline.map((e: { type: string }) => e.type)).toEqual(['referral.created', 'referral.delivered']);
  });

  it("does not open another bureau's referral by URL; the API refuses it too", async () => {
    const wujiang = await browser.signedIn('bureau-wj-1');
    await wujiang.goto(`${system.url('gateway')}/referrals/${referralId}`);
    await wujiang.getByTestId('referral-refused').filter({ hasText: '无权查看' }).waitFor();
    expect(await wujiang.getByTestId('referral-status').count()).toBe(0);
    const res = await new ApiClient(`${system.url('gateway')}/api/clue-transfer`, 'bureau-wj-1').get(`/referrals/${referralId}`);
    expect(res.status).toBe(403);
  });

  it('works on a 390-px phone and from the keyboard: every field labelled, Tab walks the form', async () => {
    const phone = await browser.signedIn('officer-qp-1', { width: 390, height: 844 });
    await phone.goto(`${system.url('gateway')}/clues/new`);
    const name = phone.getByLabel('当事人名称', { exact: true });
    await name.focus();
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await phone.keyboard.press('Tab');
      // Evaluated in the page (a string: this file compiles without the DOM library).
      order.push(await phone.evaluate<string>("document.activeElement ? document.activeElement.id : ''"));
    }
    expect(order).toEqual(['clue-idKind', 'clue-idNumber', 'clue-allegedViolation']);
    await browser.screenshot(phone, 'officer-submit-clue-phone');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // Sending the empty form marks every required field instead of calling the API.
    await phone.getByRole('button', { name: '提交' }).click();
    expect(await phone.getByText('必填').count()).toBeGreaterThanOrEqual(4);
  });

  it('switches to English', async () => {
    const page = await browser.signedIn('bureau-jsh-1');
    await page.getByLabel('语言', { exact: true }).selectOption('en');
    await page.getByRole('link', { name: 'Referral and assistance inbox' }).waitFor();
    await browser.screenshot(page, 'bureau-inbox-en');
  });
});
