import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import '../../i18n/i18n';
import { SessionProvider } from '../../session/session-context';
import { SubmitClue } from './submit-clue';

const JIASHAN = withCreditCodeCheckChar('91330421MA2B00003');
const WRONG = JIASHAN.slice(0, 17) + (JIASHAN[17] === '0' ? '1' : '0');

function renderForm() {
  const fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  render(
    <SessionProvider initial={{ token: 't', sub: 'officer-qp-1', name: 'Qingpu officer', role: 'officer', bureau: '310118' }}>
      <MemoryRouter>
        <SubmitClue />
      </MemoryRouter>
    </SessionProvider>,
  );
  return fetchMock;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('clue form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names a wrong check character while typing, and suggests the competent bureau for a right one', () => {
    renderForm();
    type('统一社会信用代码', WRONG);
    expect(screen.getByText('校验码不正确，请核对')).toBeTruthy();
    expect(screen.getByTestId('suggested-bureau').textContent).toBe('—');
    type('统一社会信用代码', JIASHAN);
    expect(screen.queryByText('校验码不正确，请核对')).toBeNull();
    expect(screen.getByTestId('suggested-bureau').textContent).toBe('嘉善县 (330421)');
    expect(screen.getByLabelText('统一社会信用代码').getAttribute('aria-invalid')).toBe('false');
  });

  it('checks a person id by its own rules, and a place outside the Delta', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('证照类型'), { target: { value: 'personId' } });
    type('居民身份证号码', '11010519491231002Y');
    expect(screen.getByText('身份证号码应为 18 位（末位可为 X）')).toBeTruthy();
    type('违法行为发生地（行政区划代码）', '110105');
    expect(screen.getByText('该区划不在长三角登记机关辖区内')).toBeTruthy();
  });

  it('does not send a form with missing required fields, and marks each of them', () => {
    const fetchMock = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    // name, id number, violation, facts, address; the place code has its own message
    expect(screen.getAllByText('必填').length).toBe(5);
    expect(screen.getByText('请输入 6 位行政区划代码')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends one Idempotency-Key per submission: the same on a retry of the same content, a new one for changed content', async () => {
    const fetchMock = renderForm();
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ message: 'gateway timeout' }), { status: 504 }));
    type('当事人名称', '某食品有限公司');
    type('统一社会信用代码', JIASHAN);
    type('涉嫌违法行为', '标签不符合食品安全标准');
    type('线索事实', '在青浦超市发现在售');
    type('违法行为发生地（行政区划代码）', '310118');
    type('发生地地址', '青浦区某路 1 号');
    const keys = async (n: number) => {
      fireEvent.click(screen.getByRole('button', { name: '提交' }));
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(n));
      await waitFor(() => expect(screen.getByRole('button', { name: '提交' })).toBeTruthy());
      return fetchMock.mock.calls.map(([, init]) => (init as RequestInit & { headers: Record<string, string> }).headers['idempotency-key']);
    };
    await keys(1);
    const [first, retry] = await keys(2);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(retry).toBe(first);
    type('线索事实', '在青浦超市发现在售，另有网店销售');
    const changed = (await keys(3))[2];
    expect(changed).not.toBe(first);
  });
});
