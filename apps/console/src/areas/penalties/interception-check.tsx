import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { subjectIdProblem, type SubjectKind } from './subject-id';
import { ErrorAlert } from '../../ui/error-alert';

export interface CheckAnswer {
  checkId: string;
  subject: { creditCode?: string; personId?: string };
  checkedOn: string;
  region: string;
  banned: boolean;
  listed: boolean;
  why: string | null;
  since: string | null;
  until: string | null;
  lifelong: boolean;
  basis: { id: string; source: string; article?: string } | null;
  source: { type: string; documentNumber: string; region: string } | null;
}

/** Licensing interception (自动拦截): is this organisation or person banned or listed today? */
export function InterceptionCheck() {
  const { t } = useTranslation('penalties');
  const { api } = useSession();
  const [kind, setKind] = useState<SubjectKind>('creditCode');
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<CheckAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  const problem = subjectIdProblem(kind, value);
  const showProblem = touched && problem;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (problem) return;
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await api<CheckAnswer>('clue-transfer', 'sanctions/check', { query: { [kind]: value.trim().toUpperCase() } }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="check-title">
      <h2 id="check-title">{t('check.title')}</h2>
      <form onSubmit={submit} noValidate className="form-grid area-form">
        <label htmlFor="check-kind">{t('check.kind')}</label>
        <select id="check-kind" value={kind} onChange={(e) => setKind(e.target.value as SubjectKind)}>
          <option value="creditCode">{t('check.creditCode')}</option>
          <option value="personId">{t('check.personId')}</option>
        </select>
        <label htmlFor="check-id">{kind === 'creditCode' ? t('check.creditCode') : t('check.personId')}</label>
        <div>
          <input
            id="check-id"
            value={value}
            maxLength={18}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={showProblem ? true : undefined}
            aria-describedby={showProblem ? 'check-id-error' : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setTouched(e.target.value.length > 0);
            }}
            onBlur={() => setTouched(true)}
            style={{ width: '20rem', fontFamily: 'monospace' }}
          />
          {showProblem && (
            <div id="check-id-error" className="field-error" role="alert">
              {problem === 'required' ? t('check.required') : problem}
            </div>
          )}
          {touched && !problem && <div className="ok">{t('check.valid')}</div>}
        </div>
        <span />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t('checking') : t('check.submit')}
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
      {answer && <CheckVerdict answer={answer} />}
    </section>
  );
}

function CheckVerdict({ answer }: { answer: CheckAnswer }) {
  const { t } = useTranslation('penalties');
  const verdict = answer.banned ? 'banned' : answer.listed ? 'listed' : 'clear';
  return (
    <div data-testid="check-verdict" className={`verdict verdict-${verdict}`}>
      <p className={verdict === 'clear' ? 'ok' : 'error'}>
        <strong>{t(`check.verdict.${verdict}`)}</strong>
      </p>
      <dl className="facts">
        {answer.why && (
          <>
            <dt>{t('check.why')}</dt>
            <dd>{answer.why}</dd>
          </>
        )}
        {answer.since && (
          <>
            <dt>{t('check.since')}</dt>
            <dd>{answer.since}</dd>
          </>
        )}
        {(answer.until || answer.lifelong) && (
          <>
            <dt>{t('check.until')}</dt>
            <dd>{answer.lifelong ? t('check.lifelong') : answer.until}</dd>
          </>
        )}
        {answer.basis && (
          <>
            <dt>{t('check.basis')}</dt>
            <dd>
              {answer.basis.source}
              {answer.basis.article ? ` ${answer.basis.article}` : ''}
            </dd>
          </>
        )}
        {answer.source && (
          <>
            <dt>{t('check.source')}</dt>
            <dd>
              {answer.source.documentNumber} ({answer.source.region})
            </dd>
          </>
        )}
        <dt>{t('check.checkedOn')}</dt>
        <dd>
          {answer.checkedOn} · {answer.region} · {answer.checkId}
        </dd>
      </dl>
    </div>
  );
}
