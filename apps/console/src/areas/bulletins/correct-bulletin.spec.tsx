import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import '../../i18n/i18n';
import type { Session } from '../../session/session';
import { SessionProvider } from '../../session/session-context';
import type { BulletinView } from './bulletin-types';
import { CorrectBulletin } from './correct-bulletin';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

const content: BulletinView['content'] = {
  kind: 'typical-case',
  title: '长三角联合通报典型违法广告案例',
  body: '经查，张三在直播间宣称商品为“国家级”。',
  category: 'advertising',
  industry: 'live-commerce',
  relatedDecisions: ['pd01J', 'pd02K'],
  attachments: [{ evidenceId: 'ev-01J', name: '处罚决定书.pdf', sha256: 'b'.repeat(64) }],
  // Regions as the proposal sent them (not sorted): a correction sends the audience back as it was.
  audience: { kind: 'regions', regions: ['330000', '320000'] },
  persons: [{ name: '张三', idNumber: '330421198001011234' }, { name: '李四' }],
};

const published: BulletinView = {
  bulletinId: 'bl-01J',
  status: 'published',
  issuer: '310000',
  coIssuers: ['320000', '330000'],
  signedBy: ['310000', '320000', '330000'],
  audienceBureaus: ['320000', '320509', '330000', '330421'],
  revision: 1,
  content,
  revisions: [{ revision: 1, content, contentSha256: 'a'.repeat(64), at: '2026-03-02T02:00:00.000Z' }],
  signatures: [{ act: 'propose', bureau: '310000', revision: 1, at: '2026-03-02T02:00:00.000Z' }],
  acknowledgements: [],
  proposedAt: '2026-03-02T02:00:00.000Z',
  publishedAt: '2026-03-02T04:00:00.000Z',
};

const SHANGHAI_DESK: Session = { token: 't', sub: 'bureau-sh-1', name: 'Shanghai desk', role: 'bureau', bureau: '310000' };
const JIANGSU_DESK: Session = { token: 't', sub: 'bureau-js-1', name: 'Jiangsu desk', role: 'bureau', bureau: '320000' };

function Landed() {
  const { bulletinId } = useParams();
  return <p data-testid="landed">{bulletinId}</p>;
}

/** A fake clue-transfer: answers by method and path. */
function fakeServer(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const answer = routes[`${init?.method ?? 'GET'} ${url}`];
    return answer ? answer() : json(404, { error: 'NOT_FOUND', message: `no route ${url}` });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderForm(session: Session = SHANGHAI_DESK) {
  render(
    <SessionProvider initial={session}>
      <MemoryRouter initialEntries={['/bulletins/bl-01J/correct']}>
        <Routes>
          <Route path="/bulletins/:bulletinId/correct" element={<CorrectBulletin />} />
          <Route path="/bulletins/:bulletinId" element={<Landed />} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
}

const GET = 'GET /api/clue-transfer/bulletins/bl-01J';
const POST = 'POST /api/clue-transfer/bulletins/bl-01J/corrections';
const posted = (fetchMock: ReturnType<typeof fakeServer>) => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url, init]) => [url, JSON.parse(init?.body as string)]);
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交更正' }));

describe('correct a published bulletin', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts from the current content and shows the co-issuers and the audience without offering to change them', async () => {
    fakeServer({ [GET]: () => json(200, published) });
    renderForm();
    expect(await screen.findByRole('heading', { name: '更正信息通报' })).toBeTruthy();
    expect(screen.getByText(/更正《长三角联合通报典型违法广告案例》（当前为第 1 版）/)).toBeTruthy();
    expect(valueOf('通报类型')).toBe('typical-case');
    expect(valueOf('标题')).toBe(content.title);
    expect(valueOf('正文')).toBe(content.body);
    expect(valueOf('类别')).toBe('advertising');
    expect(valueOf('行业')).toBe('live-commerce');
    expect(valueOf('关联处罚决定')).toBe('pd01J, pd02K');
    const first = screen.getByRole('group', { name: '自然人 1' });
    expect((within(first).getByLabelText('姓名') as HTMLInputElement).value).toBe('张三');
    expect((within(first).getByLabelText('证件号码（可选）') as HTMLInputElement).value).toBe('330421198001011234');
    const second = screen.getByRole('group', { name: '自然人 2' });
    expect((within(second).getByLabelText('证件号码（可选）') as HTMLInputElement).value).toBe('');

    // Co-issuers and audience are shown, not edited.
    const fixed = screen.getByTestId('bulletin-fixed');
    expect(within(fixed).getByText('江苏省 (320000)、浙江省 (330000)')).toBeTruthy();
    expect(within(fixed).getByText('指定省份的市场监管部门: 浙江省 (330000)、江苏省 (320000)')).toBeTruthy();
    expect(screen.queryByRole('group', { name: '联合发布地区（须会签）' })).toBeNull();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });

  it('requires a reason, checks the content as a proposal does, and sends nothing until both are right', async () => {
    const fetchMock = fakeServer({ [GET]: () => json(200, published) });
    renderForm();
    await screen.findByLabelText('更正理由（必填）');
    submit();
    const reason = screen.getByLabelText('更正理由（必填）');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('必填')).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(reason));

    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '  ' } });
    fireEvent.change(screen.getByLabelText('关联处罚决定'), { target: { value: '' } });
    fireEvent.change(reason, { target: { value: '   ' } });
    submit();
    expect(screen.getAllByText('必填')).toHaveLength(2);
    expect(screen.getByText('典型案例须至少关联一份处罚决定')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('标题')));
    expect(posted(fetchMock)).toEqual([]);
  });

  it('posts the whole corrected content with the reason, keeping the audience and attachments, and goes back to the bulletin', async () => {
    const fetchMock = fakeServer({
      [GET]: () => json(200, published),
      [POST]: () => json(201, { bulletinId: 'bl-01J', status: 'published', revision: 2, events: [] }),
    });
    renderForm();
    const title = await screen.findByLabelText('标题');
    await userEvent.clear(title);
    await userEvent.type(title, '长三角联合通报典型违法广告案例（更正）');
    fireEvent.change(screen.getByLabelText('关联处罚决定'), { target: { value: 'pd01J' } });
    await userEvent.click(screen.getByRole('button', { name: '删除自然人 2' }));
    await userEvent.type(screen.getByLabelText('更正理由（必填）'), '  标题漏写“更正”，关联决定 pd02K 已撤销  ');
    submit();

    expect((await screen.findByTestId('landed')).textContent).toBe('bl-01J');
    expect(posted(fetchMock)).toEqual([
      [
        '/api/clue-transfer/bulletins/bl-01J/corrections',
        {
          content: {
            kind: 'typical-case',
            title: '长三角联合通报典型违法广告案例（更正）',
            body: content.body,
            category: 'advertising',
            industry: 'live-commerce',
            relatedDecisions: ['pd01J'],
            attachments: [{ evidenceId: 'ev-01J', name: '处罚决定书.pdf', sha256: 'b'.repeat(64) }],
            audience: { kind: 'regions', regions: ['330000', '320000'] },
            persons: [{ name: '张三', idNumber: '330421198001011234' }],
          },
          reason: '标题漏写“更正”，关联决定 pd02K 已撤销',
        },
      ],
    ]);
  });

  it("shows the server's refusal and stays on the form", async () => {
    const fetchMock = fakeServer({
      [GET]: () => json(200, published),
      [POST]: () => json(400, { statusCode: 400, error: 'INVALID', message: 'the correction changes nothing' }),
    });
    renderForm();
    await userEvent.type(await screen.findByLabelText('更正理由（必填）'), '核对无误');
    submit();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('操作被拒绝: the correction changes nothing'));
    expect(screen.queryByTestId('landed')).toBeNull();
    expect((screen.getByRole('button', { name: '提交更正' }) as HTMLButtonElement).disabled).toBe(false);
    expect(posted(fetchMock)).toHaveLength(1);
    // The unchanged content was sent as it was.
    expect(posted(fetchMock)[0]?.[1]).toEqual({ content, reason: '核对无误' });
  });

  it('offers no form to a bureau that did not issue it, nor for a bulletin that is not published', async () => {
    fakeServer({ [GET]: () => json(200, published) });
    renderForm(JIANGSU_DESK);
    expect((await screen.findByRole('alert')).textContent).toBe('只有发起单位可以更正已发布的通报（该通报当前状态：已发布）');
    expect(screen.queryByRole('button', { name: '提交更正' })).toBeNull();
    expect(screen.getByRole('link', { name: '← 返回通报' }).getAttribute('href')).toBe('/bulletins/bl-01J');
  });

  it('offers no form for a withdrawn bulletin', async () => {
    fakeServer({ [GET]: () => json(200, { ...published, status: 'withdrawn', withdrawal: { reason: '撤回', at: '2026-03-03T00:00:00.000Z' } }) });
    renderForm();
    expect((await screen.findByRole('alert')).textContent).toBe('只有发起单位可以更正已发布的通报（该通报当前状态：已撤回）');
    expect(screen.queryByRole('button', { name: '提交更正' })).toBeNull();
  });
});
