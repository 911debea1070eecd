import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import '../../i18n/i18n';
import { SessionProvider } from '../../session/session-context';
import { BulletinList } from './bulletin-list';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

const row = {
  bulletinId: 'bl-01J',
  status: 'published',
  issuer: '310000',
  coIssuers: ['320000', '330000'],
  signedBy: ['310000', '320000', '330000'],
  audienceBureaus: [],
  revision: 1,
  content: { kind: 'risk-alert', title: '电动自行车充电器消费预警', body: '', category: 'product-quality', industry: 'e-commerce', relatedDecisions: [], attachments: [], audience: { kind: 'delta' }, persons: [] },
  revisions: [],
  signatures: [],
  acknowledgements: [],
  proposedAt: '2026-03-01T20:00:00.000Z',
  // 2026-03-02 04:30 in China
  publishedAt: '2026-03-01T20:30:00.000Z',
};

describe('bulletin list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists what the server returns and asks again with each filter', async () => {
    const fetchMock = vi.fn<(url: string) => Promise<Response>>(async () => json(200, [row]));
    vi.stubGlobal('fetch', fetchMock);
    render(
      <SessionProvider initial={{ token: 't', sub: 'officer-jsh-1', name: 'Jiashan officer', role: 'officer', bureau: '330421' }}>
        <MemoryRouter>
          <BulletinList />
        </MemoryRouter>
      </SessionProvider>,
    );
    const link = await screen.findByRole('link', { name: '电动自行车充电器消费预警' });
    expect(link.getAttribute('href')).toBe('/bulletins/bl-01J');
    const cells = within(screen.getByTestId('bulletin-bl-01J')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['电动自行车充电器消费预警', '消费预警', '上海市 (310000)', '江苏省 (320000)、浙江省 (330000)', '已发布', '2026-03-02']);
    // An officer proposes nothing.
    expect(screen.queryByRole('link', { name: '拟发通报' })).toBeNull();

    const filters = screen.getByRole('form', { name: '筛选' });
    await userEvent.selectOptions(within(filters).getByLabelText('地区'), '320000');
    await userEvent.selectOptions(within(filters).getByLabelText('通报类型'), 'risk-alert');
    await waitFor(() => expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/clue-transfer/bulletins?kind=risk-alert&region=320000&limit=200'));
  });
});
