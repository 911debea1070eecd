import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { findBureau } from '@yrd/bureaus';
import { useSession } from '../../session/session-context';
import { countByPair, type ReferralRow } from './referral-stats';
import { ErrorAlert } from '../../ui/error-alert';

const STATUS_COLOURS: Record<string, string> = {
  created: '#9aa5b1',
  delivered: '#2186eb',
  accepted: '#3ebd93',
  rejected: '#e12d39',
  disputed: '#f0b429',
  'feedback-submitted': '#8719e0',
  closed: '#1d4e89',
};
const MAX_PAGES = 20;

/** Where people would rather look than read: referrals by region pair and status, overdue, delivery health. */
export function Dashboards() {
  const { session } = useSession();
  return (
    <>
      <ReferralsPanel />
      {session?.role === 'admin' && <DeliveryHealthPanel />}
    </>
  );
}

function ReferralsPanel() {
  const { t, i18n } = useTranslation('dashboards');
  const { api } = useSession();
  const [rows, setRows] = useState<ReferralRow[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const all: ReferralRow[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await api<{ items: ReferralRow[]; nextCursor?: string }>('clue-transfer', 'referrals', { query: { limit: 100, cursor } });
        all.push(...res.items);
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      if (live) {
        setRows(all);
        setTruncated(cursor !== undefined);
      }
    })().catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api]);

  const en = i18n.language.startsWith('en');
  const label = (code: string) => {
    const b = findBureau(code);
    return b ? (en ? b.nameEn : b.name) : code;
  };
  const stats = rows ? countByPair(rows, label) : null;

  return (
    <section className="card" aria-labelledby="db-ref-title">
      <h2 id="db-ref-title">{t('referrals.title')}</h2>
      <ErrorAlert message={error} />
      {!stats && !error && <p aria-busy="true">{t('loading')}</p>}
      {stats && (
        <>
          <div className="tiles">
            <div className="tile" data-testid="tile-total">
              <span className="tile-value">{rows?.length}</span>
              <span>{t('referrals.total')}</span>
            </div>
            <div className={`tile ${stats.overdue ? 'tile-alert' : ''}`} data-testid="tile-overdue">
              <span className="tile-value">{stats.overdue}</span>
              <span>{t('referrals.overdue')}</span>
            </div>
            <div className="tile">
              <span className="tile-value">{stats.pairs.length}</span>
              <span>{t('referrals.pairs')}</span>
            </div>
          </div>
          {truncated && <p className="hint">{t('referrals.truncated', { count: rows?.length })}</p>}
          {stats.pairs.length === 0 ? (
            <p>{t('referrals.none')}</p>
          ) : (
            <>
              <h3>{t('referrals.byPair')}</h3>
              <div style={{ width: '100%', height: Math.max(220, 48 * stats.pairs.length + 80) }} role="img" aria-label={t('referrals.byPair')}>
                <ResponsiveContainer>
                  <BarChart data={stats.pairs} layout="vertical" margin={{ left: 8, right: 16 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="pair" width={150} />
                    <Tooltip />
                    <Legend />
                    {stats.statuses.map((s) => (
                      <Bar key={s} dataKey={s} name={t(`status.${s}`, { defaultValue: s })} stackId="status" maxBarSize={36} fill={STATUS_COLOURS[s] ?? '#52606d'} isAnimationActive={false} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <h3>{t('referrals.overdueByPair')}</h3>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>{t('referrals.pair')}</th>
                      {stats.statuses.map((s) => (
                        <th key={s}>{t(`status.${s}`, { defaultValue: s })}</th>
                      ))}
                      <th>{t('referrals.total')}</th>
                      <th>{t('referrals.overdue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.pairs.map((p) => (
                      <tr key={p.pair}>
                        <td>{p.pair}</td>
                        {stats.statuses.map((s) => (
                          <td key={s}>{(p[s] as number | undefined) ?? 0}</td>
                        ))}
                        <td>{p.total}</td>
                        <td className={p.overdue ? 'overdue' : undefined}>{p.overdue}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

interface ChannelMetrics {
  queued: number;
  sent: number;
  failed: number;
  retried: number;
  rateLimited: number;
  latencyMs: { samples: number; p50: number | null; p95: number | null; p99: number | null; max: number | null };
}

function DeliveryHealthPanel() {
  const { t } = useTranslation('dashboards');
  const { api } = useSession();
  const [metrics, setMetrics] = useState<Record<string, ChannelMetrics> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api<Record<string, ChannelMetrics>>('notification', 'admin/notifications/metrics')
      .then((m) => live && setMetrics(m))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api]);

  const data = metrics ? Object.entries(metrics).map(([channel, m]) => ({ channel: t(`channel.${channel}`, { defaultValue: channel }), ...m })) : [];
  return (
    <section className="card" aria-labelledby="db-notif-title">
      <h2 id="db-notif-title">{t('delivery.title')}</h2>
      <ErrorAlert message={error} />
      {!metrics && !error && <p aria-busy="true">{t('loading')}</p>}
      {metrics && (
        <>
          <div style={{ width: '100%', height: 260 }} role="img" aria-label={t('delivery.title')}>
            <ResponsiveContainer>
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="channel" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="sent" name={t('delivery.sent')} fill="#3ebd93" isAnimationActive={false} />
                <Bar dataKey="queued" name={t('delivery.queued')} fill="#2186eb" isAnimationActive={false} />
                <Bar dataKey="retried" name={t('delivery.retried')} fill="#f0b429" isAnimationActive={false} />
                <Bar dataKey="failed" name={t('delivery.failed')} fill="#e12d39" isAnimationActive={false} />
                <Bar dataKey="rateLimited" name={t('delivery.rateLimited')} fill="#8719e0" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('delivery.channel')}</th>
                  <th>{t('delivery.sent')}</th>
                  <th>{t('delivery.queued')}</th>
                  <th>{t('delivery.retried')}</th>
                  <th>{t('delivery.failed')}</th>
                  <th>{t('delivery.rateLimited')}</th>
                  <th>{t('delivery.latency')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.channel}>
                    <td>{d.channel}</td>
                    <td>{d.sent}</td>
                    <td>{d.queued}</td>
                    <td>{d.retried}</td>
                    <td className={d.failed ? 'overdue' : undefined}>{d.failed}</td>
                    <td>{d.rateLimited}</td>
                    <td>{d.latencyMs.samples ? `${d.latencyMs.p50} / ${d.latencyMs.p95} / ${d.latencyMs.p99} ms` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
