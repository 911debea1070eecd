import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../i18n/i18n';
import { SessionProvider } from '../../session/session-context';
import { RecognitionQueue } from './recognition-queue';

const queued = {
  recognitionId: '310000-pd-01J',
  region: '310000',
  status: 'queued',
  decision: { decisionId: 'pd-01J', decisionNumber: '嘉市监罚〔2026〕88号', issuingBureau: '330421', sourceRegion: '330000', subject: { name: '嘉善某电子商务有限公司', creditCode: '91330421MA2B00001X' }, category: 'fine', violationKind: 'advertising.absolute-terms', decisionDate: '2026-03-01' },
  at: '2026-03-02T02:00:00Z',
  version: 1,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('recognition review queue', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for confirmation and a reason before declining, and shows the server refusal', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(200, [queued]))
      .mockResolvedValueOnce(json(409, { statusCode: 409, error: 'NOT_QUEUED', message: 'recognition 310000-pd-01J was already decided' }));
    vi.stubGlobal('fetch', fetch);
    render(
      <SessionProvider initial={{ token: 'tok', sub: 'officer-qp-1', name: 'Officer', role: 'officer', bureau: '310118' }}>
        <RecognitionQueue />
      </SessionProvider>,
    );
    const row = (await screen.findByText('嘉市监罚〔2026〕88号')).closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: '拒绝' }));
    const dialog = screen.getByRole('dialog', { name: '确认拒绝互认决定 310000-pd-01J？' });
    const yes = within(dialog).getByRole('button', { name: '确认' });
    expect((yes as HTMLButtonElement).disabled).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);

    await userEvent.type(within(dialog).getByLabelText('拒绝理由（必填）'), '决定书签名无法验证');
    await userEvent.click(yes);
    expect((await screen.findByRole('alert')).textContent).toBe('服务器拒绝：recognition 310000-pd-01J was already decided');
    expect(fetch.mock.calls[1]?.[0]).toBe('/api/clue-transfer/recognitions/310000-pd-01J/decline');
    expect(JSON.parse((fetch.mock.calls[1]?.[1] as RequestInit).body as string)).toEqual({ reason: '决定书签名无法验证' });
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('shows no decision buttons to an auditor', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(200, [queued])));
    render(
      <SessionProvider initial={{ token: 'tok', sub: 'auditor-1', name: 'Auditor', role: 'auditor', bureau: '310000' }}>
        <RecognitionQueue />
      </SessionProvider>,
    );
    await screen.findByText('嘉市监罚〔2026〕88号');
    expect(screen.queryByRole('button', { name: '互认' })).toBeNull();
    expect(screen.queryByRole('button', { name: '拒绝' })).toBeNull();
  });
});
