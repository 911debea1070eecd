import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../session/session-context';
import type { CaseTimeline } from './audit-types';
import { FindingsTable } from './findings-table';
import { ErrorAlert } from '../../ui/error-alert';

const CASE_ID = /^[A-Za-z0-9_.-]{1,100}$/;

/** A clue's or referral's whole history as the log holds it, each event with its hash-chain status. */
export function CaseTimelineScreen() {
  const { t } = useTranslation('auditor');
  const { api } = useSession();
  const { caseId } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(caseId ?? '');
  const [timeline, setTimeline] = useState<CaseTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!caseId) return;
    let live = true;
    setInput(caseId);
    setTimeline(null);
    setError(null);
    setLoading(true);
    api<CaseTimeline>('audit', `audit/cases/${encodeURIComponent(caseId)}/timeline`)
      .then((tl) => live && setTimeline(tl))
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, caseId]);

  const invalid = input !== '' && !CASE_ID.test(input.trim());
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!input.trim() || invalid) return;
    navigate(`/audit/timeline/${encodeURIComponent(input.trim())}`);
  }

  return (
    <section className="card" aria-labelledby="tl-title">
      <h2 id="tl-title">{t('timeline.title')}</h2>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="tl-case">{t('timeline.caseId')}</label>
        <input id="tl-case" value={input} onChange={(e) => setInput(e.target.value)} aria-invalid={invalid || undefined} aria-describedby="tl-case-hint" style={{ width: '24rem' }} />
        <button type="submit" disabled={!input.trim() || invalid || loading}>
          {t('timeline.show')}
        </button>
        <div id="tl-case-hint" className={invalid ? 'field-error' : 'hint'}>
          {invalid ? t('timeline.caseIdFormat') : t('timeline.hint')}
        </div>
      </form>
      {loading && <p aria-busy="true">{t('timeline.loading')}</p>}
      <ErrorAlert message={error} />
      {timeline && (
        <div data-testid="timeline">
          <p className={timeline.verdict === 'clean' ? 'ok' : 'error'} data-testid="timeline-verdict">
            <strong>{t(`verdict.${timeline.verdict}`)}</strong> · {t('timeline.streams', { count: timeline.streams.length })} · {t('timeline.events', { count: timeline.events.length })} · {timeline.generatedAt}
          </p>
          {timeline.streams.length === 0 && <p>{t('timeline.nothing')}</p>}
          {timeline.events.length > 0 && (
            <div className="table-wrap">
              <table aria-label={t('timeline.title')}>
                <thead>
                  <tr>
                    <th>{t('timeline.when')}</th>
                    <th>{t('timeline.stream')}</th>
                    <th>{t('timeline.version')}</th>
                    <th>{t('timeline.type')}</th>
                    <th>{t('timeline.actor')}</th>
                    <th>{t('timeline.hash')}</th>
                    <th>{t('timeline.chain')}</th>
                  </tr>
                </thead>
                <tbody>
                  {timeline.events.map((e) => (
                    <tr key={`${e.streamId}-${e.version}-${e.location.offset}`} data-status={e.status} className={e.status === 'failed' ? 'row-failed' : undefined}>
                      <td>{e.occurredAt.replace('T', ' ').slice(0, 19)}</td>
                      <td>
                        <code>{e.streamId}</code>
                      </td>
                      <td>{e.version}</td>
                      <td>{e.type}</td>
                      <td>
                        {e.actor.userId ?? '—'} {e.actor.bureau ? `(${e.actor.bureau})` : ''}
                      </td>
                      <td>
                        <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
                      </td>
                      <td className={`chain-status ${e.status === 'verified' ? 'ok' : 'error'}`} title={e.details?.join('\n')}>
                        {e.status === 'verified' ? `✔ ${t('timeline.verified')}` : `✘ ${t('timeline.failed')}: ${e.findings.map((k) => t(`kinds.${k}`, { defaultValue: k })).join(', ')}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t('findings')}</h3>
          <FindingsTable findings={timeline.findings} />
        </div>
      )}
    </section>
  );
}
