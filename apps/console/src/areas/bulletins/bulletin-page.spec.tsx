import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import '../../i18n/i18n';
import type { Session } from '../../session/session';
import { SessionProvider } from '../../session/session-context';
import { BulletinPage } from './bulletin-page';
import type { BulletinView } from './bulletin-types';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

const content = {
  kind: 'problem' as const,
  title: '直播带货使用绝对化用语问题通报',
  body: '经查，张三（身份证号 330421198001011234）在直播间宣传商品为“国家级”。',
  category: 'advertising',
  industry: 'live-commerce',
  relatedDecisions: [],
  attachments: [],
  audience: { kind: 'public' as const },
  persons: [{ name: '张三', idNumber: '330421198001011234' }],
};

const awaiting: BulletinView = {
  bulletinId: 'bl-01J',
  status: 'awaiting-signatures',
  issuer: '310000',
  coIssuers: ['320000', '330000'],
  signedBy: ['310000'],
  audienceBureaus: ['310000', '310118', '320000', '320509', '330000', '330421', '340000'],
  revision: 1,
  content,
  revisions: [{ revision: 1, content, contentSha256: 'a'.repeat(64), at: '2026-03-02T02:00:00.000Z' }],
  signatures: [{ act: 'propose', bureau: '310000', revision: 1, at: '2026-03-02T02:00:00.000Z' }],
  acknowledgements: [],
  proposedAt: '2026-03-02T02:00:00.000Z',
};

const published: BulletinView = {
  ...awaiting,
  status: 'published',
  signedBy: ['310000', '320000', '330000'],
  signatures: [
    ...awaiting.signatures,
    { act: 'cosign', bureau: '320000', revision: 1, at: '2026-03-02T03:00:00.000Z' },
    { act: 'cosign', bureau: '330000', revision: 1, at: '2026-03-02T04:00:00.000Z' },
  ],
  publishedAt: '2026-03-02T04:00:00.000Z',
};

const SESSIONS: Record<string, Session> = {
  jiangsuDesk: { token: 't', sub: 'bureau-js-1', name: 'Jiangsu desk', role: 'bureau', bureau: '320000' },
  jiashanOfficer: { token: 't', sub: 'officer-jsh-1', name: 'Jiashan officer', role: 'officer', bureau: '330421' },
  shanghaiDesk: { token: 't', sub: 'bureau-sh-1', name: 'Shanghai desk', role: 'bureau', bureau: '310000' },
};

/** A fake clue-transfer: answers by method and path; records what was posted. */
function fakeServer(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    const answer = routes[key];
    return answer ? answer() : json(404, { error: 'NOT_FOUND', message: `no route ${key}` });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage(session: Session) {
  render(
    <SessionProvider initial={session}>
      <MemoryRouter initialEntries={['/bulletins/bl-01J']}>
        <Routes>
          <Route path="/bulletins/:bulletinId" element={<BulletinPage />} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
}

const posted = (fetchMock: ReturnType<typeof fakeServer>) => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url, init]) => [url, JSON.parse((init?.body as string) ?? 'null')]);

describe('bulletin page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets a co-issuer that has not signed co-sign or refuse, and will not refuse without a reason', async () => {
    const fetchMock = fakeServer({
      'GET /api/clue-transfer/bulletins/bl-01J': () => json(200, awaiting),
      'POST /api/clue-transfer/bulletins/bl-01J/refusal': () => json(409, { statusCode: 409, error: 'WRONG_STATE', message: 'the bulletin is refused, not awaiting signatures' }),
    });
    renderPage(SESSIONS['jiangsuDesk'] as Session);
    expect((await screen.findByTestId('bulletin-status')).textContent).toBe('待会签');
    expect(screen.getByRole('heading', { name: content.title })).toBeTruthy();
    // The internal copy keeps the person's name and id number.
    expect(within(screen.getByRole('list', { name: '涉及的自然人' })).getByRole('listitem').textContent).toBe('张三 330421198001011234');

    const actions = screen.getByRole('group', { name: '办理' });
    expect(within(actions).getByRole('button', { name: '会签' })).toBeTruthy();
    expect(within(actions).queryByRole('button', { name: '确认已阅' })).toBeNull();
    expect(within(actions).queryByRole('button', { name: '撤回' })).toBeNull();
    expect(within(actions).queryByRole('link', { name: '更正' })).toBeNull();
    expect(screen.queryByTestId('acknowledgements')).toBeNull();

    await userEvent.click(within(actions).getByRole('button', { name: '不予会签' }));
    const form = screen.getByRole('form', { name: '不予会签' });
    const yes = within(form).getByRole('button', { name: '确认' }) as HTMLButtonElement;
    expect(yes.disabled).toBe(true);
    await userEvent.type(within(form).getByLabelText('不予会签的理由（必填）'), '   ');
    expect(yes.disabled).toBe(true);
    expect(posted(fetchMock)).toEqual([]);

    await userEvent.type(within(form).getByLabelText('不予会签的理由（必填）'), '预警所涉商品批次尚未核实');
    expect(yes.disabled).toBe(false);
    await userEvent.click(yes);
    expect((await within(form).findByRole('alert')).textContent).toBe('操作被拒绝: the bulletin is refused, not awaiting signatures');
    expect(posted(fetchMock)).toEqual([['/api/clue-transfer/bulletins/bl-01J/refusal', { reason: '预警所涉商品批次尚未核实' }]]);
  });

  it('co-signs and shows the new state', async () => {
    let current = awaiting;
    const fetchMock = fakeServer({
      'GET /api/clue-transfer/bulletins/bl-01J': () => json(200, current),
      'POST /api/clue-transfer/bulletins/bl-01J/cosignature': () => {
        current = { ...awaiting, signedBy: ['310000', '320000'] };
        return json(201, { bulletinId: 'bl-01J', status: 'awaiting-signatures', revision: 1, events: [] });
      },
    });
    renderPage(SESSIONS['jiangsuDesk'] as Session);
    await userEvent.click(await screen.findByRole('button', { name: '会签' }));
    await userEvent.click(within(screen.getByRole('form', { name: '会签' })).getByRole('button', { name: '确认' }));
    expect((await screen.findByRole('status')).textContent).toBe('本局已会签');
    expect(screen.queryByRole('button', { name: '会签' })).toBeNull();
    expect(await screen.findByText(/已签名 2\/3/)).toBeTruthy();
    expect(posted(fetchMock)).toEqual([['/api/clue-transfer/bulletins/bl-01J/cosignature', {}]]);
  });

  it('offers an audience bureau only the acknowledgement, and records it', async () => {
    let current = published;
    const fetchMock = fakeServer({
      'GET /api/clue-transfer/bulletins/bl-01J': () => json(200, current),
      'POST /api/clue-transfer/bulletins/bl-01J/acknowledgement': () => {
        current = { ...published, acknowledgements: [{ bureau: '330421', userId: 'officer-jsh-1', at: '2026-03-03T01:30:00.000Z' }] };
        return json(201, { bulletinId: 'bl-01J', status: 'published', revision: 1, events: [] });
      },
    });
    renderPage(SESSIONS['jiashanOfficer'] as Session);
    expect((await screen.findByTestId('bulletin-status')).textContent).toBe('已发布');
    expect(screen.queryByRole('button', { name: '会签' })).toBeNull();
    expect(screen.queryByRole('button', { name: '不予会签' })).toBeNull();
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();
    expect(screen.queryByRole('link', { name: '更正' })).toBeNull();
    // The acknowledgement panel is for the issuer, co-issuers and auditors.
    expect(screen.queryByTestId('acknowledgements')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '确认已阅' }));
    await userEvent.click(within(screen.getByRole('form', { name: '确认已阅' })).getByRole('button', { name: '确认' }));
    expect((await screen.findByTestId('my-acknowledgement')).textContent).toBe('本局已确认已阅（officer-jsh-1，2026-03-03 09:30）');
    expect(screen.queryByRole('button', { name: '确认已阅' })).toBeNull();
    expect(posted(fetchMock)).toEqual([['/api/clue-transfer/bulletins/bl-01J/acknowledgement', {}]]);
  });

  it('shows the issuer the withdrawal and who has not read it, overdue; verifies the signatures', async () => {
    fakeServer({
      'GET /api/clue-transfer/bulletins/bl-01J': () => json(200, published),
      'GET /api/clue-transfer/bulletins/bl-01J/acknowledgements': () =>
        json(200, {
          bulletinId: 'bl-01J',
          title: content.title,
          publishedAt: published.publishedAt,
          due: '2026-03-09',
          overdue: true,
          acknowledged: [{ bureau: '330421', userId: 'officer-jsh-1', at: '2026-03-03T01:30:00.000Z' }],
          unread: ['310118', '320509', '340000'],
          reminder: { unread: ['310118', '320509', '340000'], due: '2026-03-09', at: '2026-03-10T00:00:05.000Z' },
        }),
      'GET /api/clue-transfer/bulletins/bl-01J/verification': () =>
        json(200, {
          bulletinId: 'bl-01J',
          valid: false,
          signatures: [
            { act: 'propose', bureau: '310000', revision: 1, keyId: 'sh-2026', at: awaiting.proposedAt, valid: true },
            { act: 'cosign', bureau: '320000', revision: 1, keyId: 'js-2026', at: published.publishedAt, valid: false, problem: 'BAD_SIGNATURE: signature does not verify' },
          ],
          revisions: [{ revision: 1, contentSha256: 'a'.repeat(64), matches: true }],
        }),
    });
    renderPage(SESSIONS['shanghaiDesk'] as Session);
    const actions = await screen.findByRole('group', { name: '办理' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['撤回']);
    // Correcting has its own screen, next to the withdrawal.
    expect(within(actions).getByRole('link', { name: '更正' }).getAttribute('href')).toBe('/bulletins/bl-01J/correct');

    const panel = await screen.findByTestId('acknowledgements');
    expect(await within(panel).findByText('· 已逾期')).toBeTruthy();
    expect(within(within(panel).getByRole('list', { name: '未阅部门' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['青浦区 (310118)', '吴江区 (320509)', '安徽省 (340000)']);
    expect(within(panel).getByTestId('acknowledgement-reminder').textContent).toBe('已于 2026-03-10 08:00 提醒 3 个未阅部门');

    await userEvent.click(screen.getByRole('button', { name: '验证签名' }));
    const result = await screen.findByTestId('verification');
    expect(within(result).getByText('存在无效签名或内容不一致')).toBeTruthy();
    expect(within(result).getAllByRole('listitem').map((li) => li.getAttribute('data-valid'))).toEqual(['true', 'false', 'true']);
    expect(within(result).getByText(/BAD_SIGNATURE/)).toBeTruthy();

    await userEvent.click(within(actions).getByRole('button', { name: '撤回' }));
    const form = screen.getByRole('form', { name: '撤回' });
    expect((within(form).getByRole('button', { name: '确认' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
