import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../session/session-context';
import type { AuditReport, ReplayRun } from './audit-types';
import { FindingsTable } from './findings-table';
import { ErrorAlert } from '../../ui/error-alert';

const POLL_MS = 1000;

/** Start a replay of the event log, follow its progress, read its report. */
export function ReplaysScreen() {
  const { t } = useTranslation('auditor');
  const { api } = useSession();
  const { runId } = useParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState({ caseId: '', bureau: '', from: '', rebuild: true });
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<ReplayRun | null>(null);
  const [report, setReport] = useState<AuditReport | null>(null);

  // Poll the run until it is done or failed, then fetch its report.
  useEffect(() => {
    if (!runId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setRun(null);
    setReport(null);
    setError(null);
    const poll = async () => {
      try {
        const r = await api<ReplayRun>('audit', `audit/replays/${runId}`);
        if (!live) return;
        setRun(r);
        if (r.status === 'running') timer = setTimeout(poll, POLL_MS);
        else if (r.status === 'done') {
          const rep = await api<AuditReport>('audit', `audit/replays/${runId}/report`);
          if (live) setReport(rep);
        }
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, runId]);

  const problems = {
    bureau: filter.bureau && !/^\d{6}$/.test(filter.bureau) ? t('replay.bureauFormat') : null,
    caseId: filter.caseId && !/^[A-Za-z0-9_.-]{1,100}$/.test(filter.caseId) ? t('timeline.caseIdFormat') : null,
  };

  async function start(e: FormEvent) {
    e.preventDefault();
    if (problems.bureau || problems.caseId) return;
    setStarting(true);
    setError(null);
    try {
      const body = {
        ...(filter.caseId && { caseId: filter.caseId }),
        ...(filter.bureau && { bureau: filter.bureau }),
        ...(filter.from && { from: new Date(filter.from).toISOString() }),
        rebuild: filter.rebuild,
      };
      const started = await api<ReplayRun>('audit', 'audit/replays', { body });
      navigate(`/audit/replays/${started.runId}`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setStarting(false);
    }
  }

  const fraction = run && run.progress.total > 0 ? Math.min(1, run.progress.read / run.progress.total) : 0;

  return (
    <>
      <section className="card" aria-labelledby="rp-title">
        <h2 id="rp-title">{t('replay.title')}</h2>
        <form onSubmit={start} noValidate className="form-grid area-form">
          <label htmlFor="rp-case">{t('replay.caseId')}</label>
          <div>
            <input id="rp-case" value={filter.caseId} onChange={(e) => setFilter({ ...filter, caseId: e.target.value })} aria-invalid={problems.caseId ? true : undefined} />
            {problems.caseId && <div className="field-error">{problems.caseId}</div>}
          </div>
          <label htmlFor="rp-bureau">{t('replay.bureau')}</label>
          <div>
            <input id="rp-bureau" value={filter.bureau} inputMode="numeric" maxLength={6} onChange={(e) => setFilter({ ...filter, bureau: e.target.value })} aria-invalid={problems.bureau ? true : undefined} />
            {problems.bureau && <div className="field-error">{problems.bureau}</div>}
          </div>
          <label htmlFor="rp-from">{t('replay.from')}</label>
          <input id="rp-from" type="datetime-local" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
          <label htmlFor="rp-rebuild">{t('replay.rebuild')}</label>
          <div>
            <input id="rp-rebuild" type="checkbox" checked={filter.rebuild} onChange={(e) => setFilter({ ...filter, rebuild: e.target.checked })} />
          </div>
          <span />
          <div>
            <button type="submit" disabled={starting || run?.status === 'running'}>
              {t('replay.start')}
            </button>
          </div>
        </form>
        <ErrorAlert message={error} />
      </section>
      {runId && !run && !error && <p aria-busy="true">{t('replay.loading')}</p>}
      {run && (
        <section className="card" aria-labelledby="run-title" data-testid="replay-run">
          <h3 id="run-title">
            {t('replay.run')} <code>{run.runId}</code>
          </h3>
          <p>
            {t(`replay.status.${run.status}`)} · {t(`replay.phase.${run.progress.phase}`, { defaultValue: run.progress.phase })} · {run.progress.read}/{run.progress.total}
          </p>
          <progress max={1} value={run.status === 'done' ? 1 : fraction} aria-label={t('replay.progress')} style={{ width: '100%' }} />
          {run.error && (
            <p role="alert" className="error">
              {run.error}
            </p>
          )}
          {run.status === 'done' && !report && <p aria-busy="true">{t('replay.loadingReport')}</p>}
        </section>
      )}
      {report && <ReplayReport report={report} />}
    </>
  );
}

export function ReplayReport({ report }: { report: AuditReport }) {
  const { t } = useTranslation('auditor');
  return (
    <section className="card" aria-labelledby="rep-title" data-testid="replay-report">
      <h3 id="rep-title">{t('replay.report')}</h3>
      <p className={report.verdict === 'clean' ? 'ok' : 'error'} data-testid="report-verdict">
        <strong>{t(`verdict.${report.verdict}`)}</strong> · {report.generatedAt}
      </p>
      <dl className="facts">
        <dt>{t('replay.totals.messages')}</dt>
        <dd>{report.totals.messages}</dd>
        <dt>{t('replay.totals.events')}</dt>
        <dd>{report.totals.events}</dd>
        <dt>{t('replay.totals.streams')}</dt>
        <dd>
          {report.totals.selectedStreams}/{report.totals.streams}
        </dd>
        <dt>{t('replay.totals.projections')}</dt>
        <dd>{report.totals.projectionsCompared}</dd>
        <dt>{t('replay.totals.findings')}</dt>
        <dd>{report.totals.findings}</dd>
        {Object.entries(report.findingsByKind).map(([k, n]) => (
          <span key={k} style={{ display: 'contents' }}>
            <dt className="error">{t(`kinds.${k}`, { defaultValue: k })}</dt>
            <dd>{n}</dd>
          </span>
        ))}
      </dl>
      <h4>{t('findings')}</h4>
      <FindingsTable findings={report.findings} />
    </section>
  );
}
