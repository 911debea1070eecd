import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../i18n/i18n';
import { SessionProvider } from '../../session/session-context';
import { InterceptionCheck } from './interception-check';

const VALID_CODE = '91310118MA1JL0000N';
const VALID_PERSON = '310118199003071238';

function renderCheck() {
  return render(
    <SessionProvider initial={{ token: 'tok', sub: 'officer-qp', name: 'Officer', role: 'officer', bureau: '310118' }}>
      <InterceptionCheck />
    </SessionProvider>,
  );
}

function answer(banned: boolean) {
  return {
    checkId: 'chk-1',
    subject: { creditCode: VALID_CODE },
    checkedOn: '2026-12-02',
    region: '310000',
    banned,
    listed: false,
    why: banned ? '食品安全犯罪，终身禁入' : null,
    since: banned ? '2026-01-05' : null,
    until: null,
    lifelong: banned,
    basis: null,
    source: null,
  };
}

describe('licensing-interception check form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the wrong check character as the code is typed, and sends nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderCheck();
    const input = screen.getByLabelText('统一社会信用代码', { selector: 'input' });
    await userEvent.type(input, '91310118MA1JL00001');
    expect(screen.getByRole('alert').textContent).toBe("check character is '1', expected 'N'");
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects characters outside the credit-code set and a short code', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderCheck();
    const input = screen.getByLabelText('统一社会信用代码', { selector: 'input' });
    await userEvent.type(input, '9131011');
    expect(screen.getByRole('alert').textContent).toBe('a credit code has 18 characters, got 7');
    await userEvent.clear(input);
    await userEvent.type(input, '91310118MA1JLO000N');
    expect(screen.getByRole('alert').textContent).toContain("character 'O' at position 14 is not allowed");
  });

  it('requires a value on submit', async () => {
    vi.stubGlobal('fetch', vi.fn());
    renderCheck();
    await userEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByRole('alert').textContent).toBe('必填');
  });

  it('validates a person id by its own rules (MOD 11-2) after switching the subject type', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer(false)), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    renderCheck();
    await userEvent.selectOptions(screen.getByLabelText('主体类型'), 'personId');
    const input = screen.getByLabelText('公民身份号码', { selector: 'input' });
    await userEvent.type(input, '310118199002301238');
    expect(screen.getByRole('alert').textContent).toBe('positions 7–14 (19900230) are not a date of birth');
    await userEvent.clear(input);
    await userEvent.type(input, VALID_PERSON);
    expect(screen.getByText('校验位正确')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/clue-transfer/sanctions/check?personId=${VALID_PERSON}`);
  });

  it('sends a valid code with the bearer token and shows a ban', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer(true)), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    renderCheck();
    await userEvent.type(screen.getByLabelText('统一社会信用代码', { selector: 'input' }), VALID_CODE.toLowerCase());
    await userEvent.click(screen.getByRole('button', { name: '查询' }));
    const verdict = await screen.findByTestId('check-verdict');
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/clue-transfer/sanctions/check?creditCode=${VALID_CODE}`);
    expect((fetch.mock.calls[0]?.[1] as RequestInit).headers).toMatchObject({ authorization: 'Bearer tok' });
    expect(verdict.textContent).toContain('禁止准入');
    expect(verdict.textContent).toContain('终身');
  });

  it("shows the server's refusal", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ statusCode: 400, message: ['creditCode must be an 18-character unified social credit code'] }), { status: 400 })));
    renderCheck();
    await userEvent.type(screen.getByLabelText('统一社会信用代码', { selector: 'input' }), VALID_CODE);
    await userEvent.click(screen.getByRole('button', { name: '查询' }));
    expect((await screen.findByText('creditCode must be an 18-character unified social credit code')).getAttribute('role')).toBe('alert');
  });
});
