import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { DeadlineBadge, type DeadlineView } from '../../ui/deadline-badge';
import { ErrorAlert } from '../../ui/error-alert';

interface ClueItem {
  clueId: string;
  status: string;
  urgency: string;
  subject: { name: string; creditCode?: string; personId?: string };
  allegedViolation: string;
  discoveredOn: string;
  routing?: { outcome: string; target?: string; competentBureau?: string };
  checkDeadline?: DeadlineView;
  overdue: boolean;
  referral?: { referralId: string; status: string };
}

interface Page {
  items: ClueItem[];
  nextCursor?: string;
}

const STATUSES = ['submitted', 'referred', 'checking', 'case-opened', 'declined'] as const;

/** My bureau's clues and cases, newest first, with their check deadlines in working days. */
export function MyClues() {
  const { t } = useTranslation('officer');
  const { api } = useSession();
  const [status, setStatus] = useState('');
  const [urgency, setUrgency] = useState('');
  const [overdue, setOverdue] = useState('');
  const [items, setItems] = useState<ClueItem[] | null>(null);
  const [cursor, setCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after?: string) => {
      setError(null);
      try {
        const page = await api<Page>('case-intake', 'clues', { query: { status, urgency, overdue, cursor: after, limit: 20 } });
        setItems((cur) => (after && cur ? [...cur, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [api, status, urgency, overdue],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section>
      <h2>{t('list.title')}</h2>
      <form className="filters" aria-label={t('common:filter')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('list.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common:all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('form.urgency')}{' '}
          <select value={urgency} onChange={(e) => setUrgency(e.target.value)}>
            <option value="">{t('common:all')}</option>
            <option value="normal">{t('urgency.normal')}</option>
            <option value="urgent">{t('urgency.urgent')}</option>
          </select>
        </label>{' '}
        <label>
          {t('list.overdue')}{' '}
          <select value={overdue} onChange={(e) => setOverdue(e.target.value)}>
            <option value="">{t('common:all')}</option>
            <option value="true">{t('list.onlyOverdue')}</option>
            <option value="false">{t('list.notOverdue')}</option>
          </select>
        </label>
      </form>
      <ErrorAlert message={error} />
      {items === null ? (
        <p>{t('common:loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('list.discovered')}</th>
                <th>{t('form.subjectName')}</th>
                <th>{t('form.allegedViolation')}</th>
                <th>{t('list.status')}</th>
                <th>{t('list.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.clueId} data-testid={`clue-${c.clueId}`} className={c.overdue ? 'overdue-row' : undefined}>
                  <td>{c.discoveredOn}</td>
                  <td>{c.subject.name}</td>
                  <td>{c.allegedViolation}</td>
                  <td>
                    {t(`status.${c.status}`)}
                    {c.referral ? ` · ${t('list.referral')}: ${t(`referralStatus.${c.referral.status}`)}` : ''}
                    {c.urgency === 'urgent' ? ` · ${t('urgency.urgent')}` : ''}
                  </td>
                  <td>{c.status === 'checking' || c.status === 'submitted' ? <DeadlineBadge deadline={c.checkDeadline} overdue={c.overdue} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={() => void load(cursor)}>
          {t('common:loadMore')}
        </button>
      )}
    </section>
  );
}
