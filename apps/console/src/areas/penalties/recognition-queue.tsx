import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../ui/error-alert';

interface RecognitionView {
  recognitionId: string;
  region: string;
  status: 'queued' | 'recognised' | 'declined';
  decision: {
    decisionId: string;
    decisionNumber: string;
    issuingBureau: string;
    sourceRegion: string;
    subject: { name?: string; creditCode?: string; personId?: string };
    category: string;
    violationKind: string;
    decisionDate: string;
  };
  by?: string;
  reason?: string;
  at: string;
}

type Pending = { id: string; action: 'recognise' | 'decline' } | null;

/** 互认: decisions of other Delta regions waiting for this region's recognition. */
export function RecognitionQueue() {
  const { t } = useTranslation('penalties');
  const { api, session } = useSession();
  const [status, setStatus] = useState<RecognitionView['status']>('queued');
  const [items, setItems] = useState<RecognitionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const mayDecide = session?.role === 'officer' || session?.role === 'bureau';

  const load = useCallback(async () => {
    setItems(null);
    setError(null);
    try {
      setItems(await api<RecognitionView[]>('clue-transfer', 'recognitions', { query: { status } }));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, status]);

  useEffect(() => {
    void load();
  }, [load]);

  async function confirm() {
    if (!pending) return;
    if (pending.action === 'decline' && !reason.trim()) return;
    setBusy(true);
    setMessage(null);
    try {
      await api('clue-transfer', `recognitions/${encodeURIComponent(pending.id)}/${pending.action}`, { body: reason.trim() ? { reason: reason.trim() } : {} });
      setMessage({ ok: true, text: t(`queue.done.${pending.action}`, { id: pending.id }) });
      setPending(null);
      setReason('');
      await load();
    } catch (e) {
      setMessage({ ok: false, text: t('queue.refused', { reason: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title')}</h2>
      <label htmlFor="queue-status">{t('queue.status')} </label>
      <select id="queue-status" value={status} onChange={(e) => setStatus(e.target.value as RecognitionView['status'])}>
        {(['queued', 'recognised', 'declined'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`queue.statuses.${s}`)}
          </option>
        ))}
      </select>
      {message && (
        <p role="alert" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <ErrorAlert message={error} />
      {!items && !error && <p aria-busy="true">{t('loading')}</p>}
      {items && items.length === 0 && <p>{t('queue.empty')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('queue.decisionNumber')}</th>
                <th>{t('queue.subject')}</th>
                <th>{t('queue.violation')}</th>
                <th>{t('queue.from')}</th>
                <th>{t('queue.date')}</th>
                <th>{t('queue.state')}</th>
                {mayDecide && status === 'queued' && <th>{t('queue.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.recognitionId}>
                  <td>{r.decision.decisionNumber}</td>
                  <td>
                    {r.decision.subject.name} <code>{r.decision.subject.creditCode ?? r.decision.subject.personId}</code>
                  </td>
                  <td>{r.decision.violationKind}</td>
                  <td>
                    {r.decision.issuingBureau} ({r.decision.sourceRegion})
                  </td>
                  <td>{r.decision.decisionDate}</td>
                  <td>
                    {t(`queue.statuses.${r.status}`)}
                    {r.reason ? ` — ${r.reason}` : ''}
                  </td>
                  {mayDecide && status === 'queued' && (
                    <td>
                      <button type="button" onClick={() => { setPending({ id: r.recognitionId, action: 'recognise' }); setReason(''); }}>
                        {t('queue.recognise')}
                      </button>{' '}
                      <button type="button" className="danger" onClick={() => { setPending({ id: r.recognitionId, action: 'decline' }); setReason(''); }}>
                        {t('queue.decline')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pending && (
        <div role="dialog" aria-modal="true" aria-labelledby="confirm-title" className="card confirm">
          <h3 id="confirm-title">{t(`queue.confirm.${pending.action}`, { id: pending.id })}</h3>
          <label htmlFor="queue-reason">{pending.action === 'decline' ? t('queue.reasonRequired') : t('queue.reasonOptional')}</label>
          <textarea id="queue-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: '100%' }} />
          {pending.action === 'decline' && !reason.trim() && <div className="field-error">{t('queue.reasonMissing')}</div>}
          <div className="actions">
            <button type="button" onClick={confirm} disabled={busy || (pending.action === 'decline' && !reason.trim())}>
              {t('queue.yes')}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setPending(null)} disabled={busy}>
              {t('queue.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
