import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import '../../i18n/i18n';
import { SessionProvider } from '../../session/session-context';
import { ProposeBulletin } from './propose-bulletin';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

function Landed() {
  const { bulletinId } = useParams();
  return <p data-testid="landed">{bulletinId}</p>;
}

function renderForm(fetchMock = vi.fn()) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <SessionProvider initial={{ token: 't', sub: 'bureau-sh-1', name: 'Shanghai desk', role: 'bureau', bureau: '310000' }}>
      <MemoryRouter initialEntries={['/bulletins/new']}>
        <Routes>
          <Route path="/bulletins/new" element={<ProposeBulletin />} />
          <Route path="/bulletins/:bulletinId" element={<Landed />} />
        </Routes>
      </MemoryRouter>
    </SessionProvider>,
  );
  return fetchMock;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交通报' }));

describe('propose a bulletin', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("offers the other provinces as co-issuers, never the caller's own bureau", () => {
    renderForm();
    const coIssuers = screen.getByRole('group', { name: '联合发布地区（须会签）' });
    expect(within(coIssuers).getAllByRole('checkbox').map((c) => c.parentElement?.textContent?.trim())).toEqual(['江苏省 (320000)', '浙江省 (330000)', '安徽省 (340000)']);
  });

  it('marks the required fields and sends nothing while the form breaks the server rules', () => {
    const fetchMock = renderForm();
    submit();
    // title, body, category, industry
    expect(screen.getAllByText('必填')).toHaveLength(4);
    expect(screen.getByLabelText('标题').getAttribute('aria-invalid')).toBe('true');

    type('标题', '直播带货使用绝对化用语问题通报');
    type('正文', '三地均发现同类问题。');
    type('类别', 'advertising');
    type('行业', 'live-commerce');
    expect(screen.queryByText('必填')).toBeNull();

    // A typical case names a decision; an audience of regions names a province.
    fireEvent.change(screen.getByLabelText('通报类型'), { target: { value: 'typical-case' } });
    expect(screen.getByText('典型案例须至少关联一份处罚决定')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '指定省份的市场监管部门' }));
    expect(screen.getByText('请至少选择一个省份')).toBeTruthy();
    type('关联处罚决定', 'pd 01/J');
    expect(screen.getByText('决定编号只能包含字母、数字及 _ . :，多个以逗号分隔')).toBeTruthy();

    // A person row needs a name; an id number has the server's shape.
    fireEvent.click(screen.getByRole('button', { name: '添加自然人' }));
    const person = screen.getByRole('group', { name: '自然人 1' });
    fireEvent.change(within(person).getByLabelText('证件号码（可选）'), { target: { value: '33-04' } });
    submit();
    expect(within(person).getByText('必填')).toBeTruthy();
    expect(within(person).getByText('证件号码应为 6–30 位字母或数字')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the content the server expects and opens the new bulletin', async () => {
    const fetchMock = renderForm(vi.fn().mockResolvedValue(json(201, { bulletinId: 'bl-01J', status: 'awaiting-signatures', revision: 1, events: [] })));
    await userEvent.selectOptions(screen.getByLabelText('通报类型'), 'typical-case');
    type('标题', '长三角联合通报典型违法广告案例');
    type('正文', '经查，张三（身份证号 330421198001011234）在直播间宣称商品为“国家级”。');
    type('类别', ' advertising ');
    type('行业', 'live-commerce');
    type('关联处罚决定', 'pd01J，pd02K');
    const coIssuers = screen.getByRole('group', { name: '联合发布地区（须会签）' });
    await userEvent.click(within(coIssuers).getByRole('checkbox', { name: '浙江省 (330000)' }));
    await userEvent.click(within(coIssuers).getByRole('checkbox', { name: '江苏省 (320000)' }));
    await userEvent.click(screen.getByRole('radio', { name: '指定省份的市场监管部门' }));
    const regions = screen.getByRole('group', { name: '通报省份' });
    await userEvent.click(within(regions).getByRole('checkbox', { name: '浙江省 (330000)' }));
    await userEvent.click(screen.getByRole('button', { name: '添加自然人' }));
    await userEvent.click(screen.getByRole('button', { name: '添加自然人' }));
    const first = screen.getByRole('group', { name: '自然人 1' });
    await userEvent.type(within(first).getByLabelText('姓名'), '张三');
    await userEvent.type(within(first).getByLabelText('证件号码（可选）'), '330421198001011234');
    // The second row is left blank: it is not sent.
    expect(screen.getByText(/公开版本中姓名只保留姓氏/)).toBeTruthy();
    submit();

    expect(await screen.findByTestId('landed')).toBeTruthy();
    expect(screen.getByTestId('landed').textContent).toBe('bl-01J');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/clue-transfer/bulletins');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      coIssuers: ['320000', '330000'],
      content: {
        kind: 'typical-case',
        title: '长三角联合通报典型违法广告案例',
        body: '经查，张三（身份证号 330421198001011234）在直播间宣称商品为“国家级”。',
        category: 'advertising',
        industry: 'live-commerce',
        relatedDecisions: ['pd01J', 'pd02K'],
        attachments: [],
        audience: { kind: 'regions', regions: ['330000'] },
        persons: [{ name: '张三', idNumber: '330421198001011234' }],
      },
    });
  });

  it("shows the server's reason when it refuses the proposal, and stays on the form", async () => {
    renderForm(vi.fn().mockResolvedValue(json(400, { statusCode: 400, error: 'Bad Request', message: 'related decisions not found among verified, unrevoked penalty decisions: pd404' })));
    await userEvent.selectOptions(screen.getByLabelText('通报类型'), 'typical-case');
    type('标题', '典型案例');
    type('正文', '正文');
    type('类别', 'advertising');
    type('行业', 'e-commerce');
    type('关联处罚决定', 'pd404');
    submit();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('操作被拒绝: related decisions not found among verified, unrevoked penalty decisions: pd404'));
    expect(screen.queryByTestId('landed')).toBeNull();
    expect((screen.getByRole('button', { name: '提交通报' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
