import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { findBureau } from '@yrd/bureaus';
import { useSession } from '../../session/session-context';
import { DeadlineBadge } from '../../ui/deadline-badge';
import { ErrorAlert } from '../../ui/error-alert';

interface InboxItem {
  _id: string;
  kind: 'referral' | 'assistance';
  from: string;
  title: string;
  status: string;
  dueDate?: string;
  workingDaysLeft?: number;
  overdue: boolean;
  urgency?: string;
}

interface ReferralRow {
  _id: string;
  fromBureau: string;
  allegedViolation: string;
  subject: { name: string };
  status: string;
  checkDeadline?: { dueDate: string };
  workingDaysLeft?: number;
  overdue: boolean;
  urgency: string;
}
interface AssistanceRow {
  _id: string;
  requestingBureau: string;
  questions: string[];
  status: string;
  deadline?: { dueDate: string };
  workingDaysLeft?: number;
  overdue: boolean;
}

const name = (code: string, en: boolean) => {
  const b = findBureau(code);
  return b ? (en ? b.nameEn : b.name) : code;
};

/** Referrals and assistance requests addressed to my bureau, soonest deadline first (or latest). */
export function Inbox() {
  const { t, i18n } = useTranslation('bureau');
  const { api } = useSession();
  const en = i18n.language.startsWith('en');
  const [rows, setRows] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [onlyOpen, setOnlyOpen] = useState(true);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [referrals, assistance] = await Promise.all([
        api<{ items: ReferralRow[] }>('clue-transfer', 'referrals', { query: { box: 'incoming', limit: 100 } }),
        api<{ items: AssistanceRow[] }>('clue-transfer', 'assistance', { query: { box: 'incoming', limit: 100 } }),
      ]);
      setRows([
        ...referrals.items.map<InboxItem>((r) => ({
          _id: r._id,
          kind: 'referral',
          from: r.fromBureau,
          title: `${r.subject.name} · ${r.allegedViolation}`,
          status: r.status,
          dueDate: r.checkDeadline?.dueDate,
          workingDaysLeft: r.workingDaysLeft,
          overdue: r.overdue,
          urgency: r.urgency,
        })),
        ...assistance.items.map<InboxItem>((a) => ({
          _id: a._id,
          kind: 'assistance',
          from: a.requestingBureau,
          title: a.questions.join(' / '),
          status: a.status,
          dueDate: a.deadline?.dueDate,
          workingDaysLeft: a.workingDaysLeft,
          overdue: a.overdue,
        })),
      ]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => {
    const open = (rows ?? []).filter((r) => !onlyOpen || !['closed', 'answered', 'rejected'].includes(r.status));
    return [...open].sort((a, b) => ((a.dueDate ?? '9999') < (b.dueDate ?? '9999') ? -1 : (a.dueDate ?? '9999') > (b.dueDate ?? '9999') ? 1 : 0) * (order === 'asc' ? 1 : -1));
  }, [rows, order, onlyOpen]);

  return (
    <section>
      <h2>{t('inbox.title')}</h2>
      <p>
        <label>
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> {t('inbox.onlyOpen')}
        </label>{' '}
        <button type="button" className="secondary" onClick={() => void load()}>
          {t('inbox.refresh')}
        </button>
      </p>
      <ErrorAlert message={error} />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : shown.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('inbox.kind')}</th>
                <th>{t('inbox.from')}</th>
                <th>{t('inbox.subject')}</th>
                <th>{t('inbox.status')}</th>
                <th aria-sort={order === 'asc' ? 'ascending' : 'descending'}>
                  <button type="button" className="secondary" onClick={() => setOrder(order === 'asc' ? 'desc' : 'asc')}>
                    {t('inbox.deadline')} {order === 'asc' ? '▲' : '▼'}
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r._id} data-testid={`inbox-${r._id}`}>
                  <td>{t(`kind.${r.kind}`)}</td>
                  <td>{name(r.from, en)}</td>
                  <td>
                    <Link to={r.kind === 'referral' ? `/referrals/${r._id}` : `/assistance/${r._id}`}>{r.title}</Link>
                    {r.urgency === 'urgent' ? ` · ${t('inbox.urgent')}` : ''}
                  </td>
                  <td>{t(`status.${r.status}`, { defaultValue: r.status })}</td>
                  <td>{r.dueDate ? <DeadlineBadge deadline={{ dueDate: r.dueDate, workingDaysLeft: r.workingDaysLeft }} overdue={r.overdue} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
