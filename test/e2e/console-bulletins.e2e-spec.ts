import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { ConsoleBrowser } from '../support/browser';
import { RunningSystem } from '../support/running-system';

jest.setTimeout(300_000);

const run = String(Math.floor(Math.random() * 90000) + 10000);
const TITLE = `直播带货使用绝对化用语问题通报 ${run}`;
const PERSON = '张三';
const PERSON_ID = '330421198001011234';
const CORRECTED_TITLE = `直播带货使用绝对化用语问题通报（更正） ${run}`;
const CORRECTION_REASON = '标题未标明系更正后的版本，经三地核对后更正';

/**
 * Joint bulletins (信息通报) in the web console, in Debian's Chromium through the gateway against
 * the running services: Shanghai's desk proposes a public bulletin with Jiangsu and Zhejiang as
 * co-issuers, each co-signs it on its own screen, it is published, and Jiashan's officer records
 * that Jiashan has read it; the issuer then sees who has read it and verifies the signatures, and
 * finally corrects the title with a reason (a second revision, signed by the issuer alone).
 */
describe('console: joint bulletins proposed, co-signed, published and acknowledged in a real browser', () => {
  const system = new RunningSystem();
  let browser: ConsoleBrowser;
  let bulletinId = '';

  beforeAll(async () => {
    await system.start('clue-transfer', 'notification', 'gateway');
    browser = new ConsoleBrowser(system.url('gateway'));
    await browser.start();
  });

  afterAll(async () => {
    await browser?.close();
    await system.stopAll();
  });

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'main' }).getByRole('link', { name, exact: true });

  async function confirm(page: Page, action: RegExp, fill?: (form: ReturnType<Page['locator']>) => Promise<void>) {
    await page.getByRole('group', { name: '办理' }).getByRole('button', { name: action }).click();
    const form = page.getByRole('form', { name: action });
    if (fill) await fill(form);
    await form.getByRole('button', { name: '确认' }).click();
  }

  async function statusIs(page: Page, text: string) {
    await page.getByTestId('bulletin-status').filter({ hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 15000 });
  }

  it("Shanghai's desk proposes a public bulletin with Jiangsu and Zhejiang as co-issuers, through the form", async () => {
    const shanghai = await browser.signedIn('bureau-sh-1');
    await nav(shanghai, '拟发通报').click();
    await shanghai.getByRole('heading', { name: '拟发信息通报' }).waitFor();

    // Sending it empty marks the required fields instead of calling the API.
    await shanghai.getByRole('button', { name: '提交通报' }).click();
    await shanghai.getByText('必填').first().waitFor();
    expect(await shanghai.getByLabel('标题', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await shanghai.getByLabel('通报类型', { exact: true }).selectOption('problem');
    await shanghai.getByLabel('标题', { exact: true }).fill(TITLE);
    await shanghai.getByLabel('正文', { exact: true }).fill(`经查，${PERSON}（身份证号 ${PERSON_ID}）在其直播间宣传商品为“国家级”“最佳”，沪苏浙三地均发现同类问题。`);
    await shanghai.getByLabel('类别', { exact: true }).fill('advertising');
    await shanghai.getByLabel('行业', { exact: true }).fill('live-commerce');
    const coIssuers = shanghai.getByRole('group', { name: '联合发布地区（须会签）' });
    // Shanghai itself is not offered as a co-issuer.
    expect(await coIssuers.getByRole('checkbox').count()).toBe(3);
    await coIssuers.getByRole('checkbox', { name: '江苏省 (320000)' }).check();
    await coIssuers.getByRole('checkbox', { name: '浙江省 (330000)' }).check();
    await shanghai.getByRole('group', { name: '通报范围' }).getByRole('radio', { name: '向社会公开' }).check();
    await shanghai.getByRole('button', { name: '添加自然人' }).click();
    const person = shanghai.getByRole('group', { name: '自然人 1' });
    await person.getByLabel('姓名', { exact: true }).fill(PERSON);
    await person.getByLabel('证件号码（可选）', { exact: true }).fill(PERSON_ID);
    await browser.screenshot(shanghai, 'bulletin-propose');
    await shanghai.getByRole('button', { name: '提交通报' }).click();

    await shanghai.waitForURL(/\/bulletins\/bl[0-9a-f]+$/, { timeout: 15000 });
    bulletinId = decodeURIComponent(new URL(shanghai.url()).pathname.split('/').pop() ?? '');
    await statusIs(shanghai, '待会签');
    await shanghai.getByRole('heading', { name: TITLE }).waitFor();
    // The internal copy keeps the person as written.
    await shanghai.getByRole('list', { name: '涉及的自然人' }).getByText(`${PERSON} ${PERSON_ID}`).waitFor();
    // The issuer has nothing to do while the co-issuers sign.
    expect(await shanghai.getByRole('group', { name: '办理' }).count()).toBe(0);
    await browser.screenshot(shanghai, 'bulletin-awaiting-signatures');
  });

  it("Jiangsu's desk finds it in the list and co-signs; it still waits for Zhejiang", async () => {
    const jiangsu = await browser.signedIn('bureau-js-1');
    await nav(jiangsu, '信息通报').click();
    await jiangsu.getByRole('link', { name: TITLE }).waitFor({ timeout: 15000 });
    await browser.screenshot(jiangsu, 'bulletin-list');
    await jiangsu.getByRole('link', { name: TITLE }).click();
    await statusIs(jiangsu, '待会签');
    // Refusing needs a reason: the confirmation stays disabled without one.
    await jiangsu.getByRole('group', { name: '办理' }).getByRole('button', { name: /^不予会签$/ }).click();
    const refusal = jiangsu.getByRole('form', { name: /^不予会签$/ });
    expect(await refusal.getByRole('button', { name: '确认' }).isDisabled()).toBe(true);
    await refusal.getByRole('button', { name: '取消' }).click();

    await confirm(jiangsu, /^会签$/);
    await jiangsu.getByRole('status').filter({ hasText: '本局已会签' }).waitFor({ timeout: 15000 });
    await jiangsu.getByText('已签名 2/3').waitFor();
    await statusIs(jiangsu, '待会签');
    expect(await jiangsu.getByRole('button', { name: /^会签$/ }).count()).toBe(0);
    await browser.screenshot(jiangsu, 'bulletin-cosigned-jiangsu');
  });

  it("Zhejiang's desk co-signs last and the bulletin is published", async () => {
    const zhejiang = await browser.signedIn('bureau-zj-1');
    await zhejiang.goto(`${system.url('gateway')}/bulletins/${bulletinId}`);
    await statusIs(zhejiang, '待会签');
    await confirm(zhejiang, /^会签$/);
    await statusIs(zhejiang, '已发布');
    await browser.screenshot(zhejiang, 'bulletin-published');
  });

  it("Jiashan's officer acknowledges it; the issuer sees who has read it and verifies every signature", async () => {
    const officer = await browser.signedIn('officer-jsh-1');
    await nav(officer, '信息通报').click();
    await officer.getByRole('link', { name: TITLE }).click();
    await statusIs(officer, '已发布');
    expect(await officer.getByRole('button', { name: /^会签$/ }).count()).toBe(0);
    await confirm(officer, /^确认已阅$/);
    await officer.getByTestId('my-acknowledgement').filter({ hasText: '本局已确认已阅（officer-jsh-1' }).waitFor({ timeout: 15000 });
    expect(await officer.getByRole('button', { name: /^确认已阅$/ }).count()).toBe(0);
    await browser.screenshot(officer, 'bulletin-acknowledged');

    const shanghai = await browser.signedIn('bureau-sh-1');
    await shanghai.goto(`${system.url('gateway')}/bulletins/${bulletinId}`);
    await statusIs(shanghai, '已发布');
    const panel = shanghai.getByTestId('acknowledgements');
    await panel.getByRole('list', { name: '已阅部门' }).getByText('嘉善县 (330421)').waitFor({ timeout: 15000 });
    const unread = panel.getByRole('list', { name: '未阅部门' });
    await unread.getByText('青浦区 (310118)').waitFor();
    expect(await unread.getByText('嘉善县 (330421)').count()).toBe(0);
    // Signers need not acknowledge.
    expect(await unread.getByText('江苏省 (320000)').count()).toBe(0);
    await shanghai.getByRole('group', { name: '办理' }).getByRole('button', { name: /^撤回$/ }).waitFor();
    await shanghai.getByRole('button', { name: '验证签名' }).click();
    await shanghai.getByTestId('verification').getByText('全部签名有效，各版本内容与哈希一致').waitFor({ timeout: 15000 });
    await browser.screenshot(shanghai, 'bulletin-issuer-acknowledgements');

    // The public copy (no token) masks the person the form named; the internal one does not.
    const pub = await new ApiClient(`${system.url('gateway')}/api/clue-transfer`, null).get<{ body: string }>(`/public/bulletins/${bulletinId}`);
    expect(pub.status).toBe(200);
    expect(pub.body.body).toContain('张某');
    expect(pub.body.body).toContain('330421********1234');
    expect(pub.body.body).not.toContain(PERSON_ID);
  });

  it("Shanghai's desk corrects the published bulletin's title with a reason; its page shows revision 2 and the reason", async () => {
    const shanghai = await browser.signedIn('bureau-sh-1');
    await shanghai.goto(`${system.url('gateway')}/bulletins/${bulletinId}`);
    await statusIs(shanghai, '已发布');
    await shanghai.getByRole('group', { name: '办理' }).getByRole('link', { name: '更正', exact: true }).click();
    await shanghai.getByRole('heading', { name: '更正信息通报' }).waitFor({ timeout: 15000 });

    // The form starts from the published content; the co-issuers and the audience are shown, not offered.
    const title = shanghai.getByLabel('标题', { exact: true });
    expect(await title.inputValue()).toBe(TITLE);
    expect(await shanghai.getByRole('group', { name: '自然人 1' }).getByLabel('证件号码（可选）', { exact: true }).inputValue()).toBe(PERSON_ID);
    expect(await shanghai.getByRole('radio').count()).toBe(0);
    expect(await shanghai.getByRole('checkbox').count()).toBe(0);

    // A correction needs a reason: without one, the field is marked and nothing is sent.
    await title.fill(CORRECTED_TITLE);
    await shanghai.getByRole('button', { name: '提交更正' }).click();
    await shanghai.getByText('必填', { exact: true }).waitFor();
    const reason = shanghai.getByLabel('更正理由（必填）', { exact: true });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill(CORRECTION_REASON);
    await browser.screenshot(shanghai, 'bulletin-correct');
    await shanghai.getByRole('button', { name: '提交更正' }).click();

    await shanghai.waitForURL(new RegExp(`/bulletins/${bulletinId}$`), { timeout: 15000 });
    await shanghai.getByRole('heading', { name: CORRECTED_TITLE }).waitFor({ timeout: 15000 });
    await statusIs(shanghai, '已发布');
    await shanghai.getByText(/· 第 2 版$/).waitFor();
    const revisions = shanghai.getByRole('region', { name: '版本记录' });
    const corrected = revisions.getByRole('row').filter({ hasText: CORRECTION_REASON });
    await corrected.waitFor();
    expect(await corrected.getByRole('cell').first().textContent()).toBe('2');
    await corrected.getByRole('cell', { name: CORRECTED_TITLE, exact: true }).waitFor();
    await revisions.getByRole('row').filter({ hasText: '原始版本' }).getByRole('cell', { name: TITLE, exact: true }).waitFor();
    // The issuer signed the correction, and every signature and revision still verifies.
    const signatures = shanghai.getByRole('region', { name: '签名记录' });
    await signatures.getByRole('row').filter({ hasText: CORRECTION_REASON }).getByRole('cell', { name: '更正', exact: true }).waitFor();
    await shanghai.getByRole('button', { name: '验证签名' }).click();
    await shanghai.getByTestId('verification').getByText('全部签名有效，各版本内容与哈希一致').waitFor({ timeout: 15000 });
    await shanghai.getByTestId('verification').getByText('第 2 版内容与哈希一致').waitFor();
    await browser.screenshot(shanghai, 'bulletin-corrected');
  });
});
