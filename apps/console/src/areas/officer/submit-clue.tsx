import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BUREAUS } from '@yrd/bureaus';
import { upload } from '../../api/client';
import { useSubmissionKey } from '../../api/submission-key';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { emptyClueForm, suggestedBureau, toSubmitClueBody, validateClueForm, type ClueFormValues } from './clue-form.model';
import { EvidencePicker, type PickedFile } from './evidence-picker';
import { ErrorAlert } from '../../ui/error-alert';

interface SubmitResult {
  clueId: string;
  routing: { outcome: string; target?: string; basis?: string; competentBureau?: string };
}

/**
 * The notary learns of a new clue from case-intake's events, a moment after the clue is
 * accepted; until then it answers 422 unknown-case. Try again for a while before giving up.
 */
async function notaryKnowsClueSoon<T>(attempt: () => Promise<T>, deadlineMs = 20_000): Promise<T> {
  const started = Date.now();
  for (let wait = 200; ; wait = Math.min(wait * 2, 2000)) {
    try {
      return await attempt();
    } catch (e) {
      const unknownClue = e instanceof ApiError && e.status === 422 && (e.body as { error?: string } | undefined)?.error === 'unknown-case';
      if (!unknownClue || Date.now() - started > deadlineMs) throw e;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/**
 * Submit a clue (线索): checked as the officer types, the competent bureau suggested from the
 * credit code; evidence is notarized for the new clue (progress per file) and shared with the
 * bureau it was referred to, so that bureau can open it.
 */
export function SubmitClue({ onSubmitted }: { onSubmitted?: (r: SubmitResult) => void }) {
  const { t, i18n } = useTranslation('officer');
  const { api, session } = useSession();
  const submission = useSubmissionKey();
  const [values, setValues] = useState<ClueFormValues>(emptyClueForm);
  const [touched, setTouched] = useState<Partial<Record<keyof ClueFormValues, boolean>>>({});
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const errors = useMemo(() => validateClueForm(values), [values]);
  const suggestion = suggestedBureau(values);
  const en = i18n.language.startsWith('en');

  const set = <K extends keyof ClueFormValues>(k: K, v: ClueFormValues[K]) => {
    setValues((cur) => ({ ...cur, [k]: v }));
    setTouched((cur) => ({ ...cur, [k]: true }));
  };
  const problem = (k: keyof ClueFormValues) => (touched[k] && errors[k] ? t(errors[k] as string) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(Object.fromEntries(Object.keys(values).map((k) => [k, true])));
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const body = toSubmitClueBody(values);
      const key = submission.keyFor(body);
      const created = await api<SubmitResult>('case-intake', 'clues', { body, idempotencyKey: key });
      const target = created.routing.target;
      const uploaded: PickedFile[] = [...files];
      for (let i = 0; i < uploaded.length; i++) {
        const f = uploaded[i];
        const form = new FormData();
        form.append('metadata', JSON.stringify({ clueId: created.clueId, source: { method: 'upload' }, title: f.file.name }));
        form.append('file', f.file, f.file.name);
        try {
          const receipt = await notaryKnowsClueSoon(() =>
            upload<{ entry: { entryId: string } }>('evidence-notary', 'evidence', form, {
              token: session?.token,
              headers: { 'idempotency-key': `${key}-evidence-${i}` },
              onProgress: (p) => setFiles((cur) => cur.map((x, j) => (j === i ? { ...x, progress: p } : x))),
            }),
          );
          uploaded[i] = { ...f, progress: 1, entryId: receipt.entry.entryId };
          if (target) await api('evidence-notary', `evidence/${receipt.entry.entryId}/shares`, { body: { toBureau: target, reason: t('form.shareReason') } });
        } catch (err) {
          uploaded[i] = { ...f, error: err instanceof ApiError ? err.message : String(err) };
        }
        setFiles([...uploaded]);
      }
      submission.done();
      setResult(created);
      onSubmitted?.(created);
    } catch (err) {
      setError(err instanceof ApiError ? `${t('common:refused')}: ${err.message}` : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    const target = result.routing.target ?? result.routing.competentBureau;
    const bureau = BUREAUS.find((b) => b.code === target);
    return (
      <section className="card" aria-live="polite">
        <h2>{t('form.submitted')}</h2>
        <p data-testid="clue-id">
          {t('form.clueId')}: <code>{result.clueId}</code>
        </p>
        <p data-testid="routing">
          {result.routing.outcome === 'referred'
            ? t('form.referredTo', { bureau: bureau ? (en ? bureau.nameEn : bureau.name) : target, basis: t(`basis.${result.routing.basis}`) })
            : t('form.keptLocally')}
        </p>
        {files.some((f) => f.error) && <p className="error">{t('form.someEvidenceFailed')}</p>}
        <p>
          <Link to="/clues">{t('nav.myClues')}</Link> ·{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setResult(null);
              setValues(emptyClueForm);
              setTouched({});
              setFiles([]);
            }}
          >
            {t('form.another')}
          </button>
        </p>
      </section>
    );
  }

  const field = (k: keyof ClueFormValues, label: string, input: ReactNode) => (
    <>
      <label htmlFor={`clue-${k}`}>{label}</label>
      <div>
        {input}
        {problem(k) && (
          <div id={`clue-${k}-error`} className="field-error" role="alert">
            {problem(k)}
          </div>
        )}
      </div>
    </>
  );
  const aria = (k: keyof ClueFormValues) => ({ id: `clue-${k}`, 'aria-invalid': !!problem(k), 'aria-describedby': problem(k) ? `clue-${k}-error` : undefined });

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="submit-clue-title">
      <h2 id="submit-clue-title">{t('form.title')}</h2>
      <div className="form-grid">
        {field('subjectName', t('form.subjectName'), <input {...aria('subjectName')} value={values.subjectName} onChange={(e) => set('subjectName', e.target.value)} />)}
        <label htmlFor="clue-idKind">{t('form.idKind')}</label>
        <select id="clue-idKind" value={values.idKind} onChange={(e) => set('idKind', e.target.value as ClueFormValues['idKind'])}>
          <option value="creditCode">{t('form.creditCode')}</option>
          <option value="personId">{t('form.personId')}</option>
        </select>
        {field(
          'idNumber',
          values.idKind === 'creditCode' ? t('form.creditCode') : t('form.personId'),
          <input {...aria('idNumber')} value={values.idNumber} maxLength={18} autoComplete="off" onChange={(e) => set('idNumber', e.target.value)} />,
        )}
        <span>{t('form.suggested')}</span>
        <output data-testid="suggested-bureau">{suggestion ? `${en ? suggestion.nameEn : suggestion.name} (${suggestion.code})` : '—'}</output>
        {field('allegedViolation', t('form.allegedViolation'), <input {...aria('allegedViolation')} value={values.allegedViolation} onChange={(e) => set('allegedViolation', e.target.value)} />)}
        {field('facts', t('form.facts'), <textarea {...aria('facts')} rows={4} value={values.facts} onChange={(e) => set('facts', e.target.value)} />)}
        {field(
          'placeDivision',
          t('form.placeDivision'),
          <input {...aria('placeDivision')} inputMode="numeric" maxLength={6} value={values.placeDivision} onChange={(e) => set('placeDivision', e.target.value.trim())} />,
        )}
        {field('placeAddress', t('form.placeAddress'), <input {...aria('placeAddress')} value={values.placeAddress} onChange={(e) => set('placeAddress', e.target.value)} />)}
        <label htmlFor="clue-urgency">{t('form.urgency')}</label>
        <select id="clue-urgency" value={values.urgency} onChange={(e) => set('urgency', e.target.value as ClueFormValues['urgency'])}>
          <option value="normal">{t('urgency.normal')}</option>
          <option value="urgent">{t('urgency.urgent')}</option>
        </select>
        <label htmlFor="clue-suggestedTarget">{t('form.target')}</label>
        <select id="clue-suggestedTarget" value={values.suggestedTarget} onChange={(e) => set('suggestedTarget', e.target.value)}>
          <option value="">{t('form.targetAuto')}</option>
          {BUREAUS.filter((b) => b.code !== session?.bureau).map((b) => (
            <option key={b.code} value={b.code}>
              {en ? b.nameEn : b.name} ({b.code})
            </option>
          ))}
        </select>
        <span>{t('form.evidence')}</span>
        <EvidencePicker files={files} onChange={setFiles} disabled={busy} />
      </div>
      <p>
        <button type="submit" disabled={busy}>
          {busy ? t('form.sending') : t('form.submit')}
        </button>
      </p>
      <ErrorAlert message={error} />
    </form>
  );
}
