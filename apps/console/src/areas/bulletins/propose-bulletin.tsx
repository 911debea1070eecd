import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../ui/error-alert';
import { emptyBulletinForm, hasErrors, toProposeBody, validateBulletinForm, type BulletinFormValues } from './bulletin-form.model';
import { bureauName, CATEGORIES, INDUSTRIES, KINDS, PROVINCES, type CommandResult } from './bulletin-types';

type Field = Exclude<keyof BulletinFormValues, 'persons'>;

const toggle = (list: string[], code: string, on: boolean) => (on ? [...list.filter((c) => c !== code), code].sort() : list.filter((c) => c !== code));

/**
 * Propose a joint bulletin (拟发信息通报) as my bureau: the content, the co-issuing provinces that
 * must co-sign it, and who it reaches. Checked as the server checks it; on success, its page.
 */
export function ProposeBulletin() {
  const { t, i18n } = useTranslation('bulletins');
  const { api, session } = useSession();
  const navigate = useNavigate();
  const en = i18n.language.startsWith('en');
  const [values, setValues] = useState<BulletinFormValues>(emptyBulletinForm);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = useMemo(() => validateBulletinForm(values), [values]);
  const otherProvinces = PROVINCES.filter((p) => p !== session?.bureau);

  const set = <K extends keyof BulletinFormValues>(k: K, v: BulletinFormValues[K]) => {
    setValues((cur) => ({ ...cur, [k]: v }));
    if (k !== 'persons') setTouched((cur) => ({ ...cur, [k]: true }));
  };
  const problem = (k: Field) => ((submitted || touched[k]) && errors.fields[k] ? t(errors.fields[k] as string) : null);
  const personProblem = (i: number, k: 'name' | 'idNumber') => {
    const key = errors.persons[i]?.[k];
    return submitted && key ? t(key) : null;
  };
  const aria = (id: string, message: string | null) => ({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined });
  const fieldError = (id: string, message: string | null) =>
    message && (
      <div id={`${id}-error`} className="field-error">
        {message}
      </div>
    );
  const field = (k: Field, label: string, input: ReactNode, hint?: string) => (
    <>
      <label htmlFor={`bl-${k}`}>{label}</label>
      <div>
        {input}
        {hint && <div className="hint">{hint}</div>}
        {fieldError(`bl-${k}`, problem(k))}
      </div>
    </>
  );
  const setPerson = (i: number, k: 'name' | 'idNumber', v: string) => set('persons', values.persons.map((p, j) => (j === i ? { ...p, [k]: v } : p)));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors)) {
      const form = e.currentTarget;
      // After React marks the fields, take the user to the first one to fix.
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await api<CommandResult>('clue-transfer', 'bulletins', { body: toProposeBody(values) });
      navigate(`/bulletins/${encodeURIComponent(created.bulletinId)}`);
    } catch (err) {
      setError(err instanceof ApiError ? `${t('common:refused')}: ${err.message}` : String(err));
      setBusy(false);
    }
  };

  return (
    <form className="card bulletin-form" onSubmit={submit} noValidate aria-labelledby="bl-form-title">
      <h2 id="bl-form-title">{t('form.title')}</h2>
      <p className="hint">{t('form.intro')}</p>
      <div className="form-grid area-form">
        {field(
          'kind',
          t('field.kind'),
          <select {...aria('bl-kind', null)} value={values.kind} onChange={(e) => set('kind', e.target.value as BulletinFormValues['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field('title', t('field.title'), <input {...aria('bl-title', problem('title'))} value={values.title} maxLength={300} onChange={(e) => set('title', e.target.value)} />)}
        {field('body', t('field.body'), <textarea {...aria('bl-body', problem('body'))} rows={8} value={values.body} onChange={(e) => set('body', e.target.value)} />)}
        {field(
          'category',
          t('field.category'),
          <input {...aria('bl-category', problem('category'))} list="bl-categories" value={values.category} maxLength={100} onChange={(e) => set('category', e.target.value)} />,
          t('form.codeHint'),
        )}
        {field(
          'industry',
          t('field.industry'),
          <input {...aria('bl-industry', problem('industry'))} list="bl-industries" value={values.industry} maxLength={100} onChange={(e) => set('industry', e.target.value)} />,
        )}
        {field(
          'relatedDecisions',
          t('field.relatedDecisions'),
          <input {...aria('bl-relatedDecisions', problem('relatedDecisions'))} value={values.relatedDecisions} autoComplete="off" spellCheck={false} onChange={(e) => set('relatedDecisions', e.target.value)} />,
          values.kind === 'typical-case' ? t('form.decisionsHintTypical') : t('form.decisionsHint'),
        )}
      </div>
      <datalist id="bl-categories">
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </datalist>
      <datalist id="bl-industries">
        {INDUSTRIES.map((c) => (
          <option key={c} value={c}>
            {t(`industry.${c}`)}
          </option>
        ))}
      </datalist>

      <fieldset className="bulletin-fieldset">
        <legend>{t('field.coIssuers')}</legend>
        <p className="hint">{t('form.coIssuersHint')}</p>
        <div className="bulletin-checks">
          {otherProvinces.map((code) => (
            <label key={code}>
              <input type="checkbox" checked={values.coIssuers.includes(code)} onChange={(e) => set('coIssuers', toggle(values.coIssuers, code, e.target.checked))} /> {bureauName(code, en)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="bulletin-fieldset">
        <legend>{t('field.audience')}</legend>
        <div className="bulletin-checks">
          {(['delta', 'regions', 'public'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="bl-audience" value={k} checked={values.audienceKind === k} onChange={() => set('audienceKind', k)} /> {t(`audience.${k}`)}
            </label>
          ))}
        </div>
        {values.audienceKind === 'public' && <p className="hint">{t('form.publicHint')}</p>}
        {values.audienceKind === 'regions' && (
          <fieldset className="bulletin-fieldset" aria-describedby={problem('regions') ? 'bl-regions-error' : undefined}>
            <legend>{t('field.regions')}</legend>
            <div className="bulletin-checks">
              {PROVINCES.map((code) => (
                <label key={code}>
                  <input type="checkbox" checked={values.regions.includes(code)} onChange={(e) => set('regions', toggle(values.regions, code, e.target.checked))} aria-invalid={problem('regions') ? true : undefined} />{' '}
                  {bureauName(code, en)}
                </label>
              ))}
            </div>
            {fieldError('bl-regions', problem('regions'))}
          </fieldset>
        )}
      </fieldset>

      <fieldset className="bulletin-fieldset">
        <legend>{t('field.persons')}</legend>
        <p className="hint">{t('form.personsHint')}</p>
        {values.persons.map((p, i) => {
          const nameProblem = personProblem(i, 'name');
          const idProblem = personProblem(i, 'idNumber');
          return (
            <div key={i} role="group" aria-label={t('form.personN', { n: i + 1 })} className="bulletin-person form-grid">
              <label htmlFor={`bl-person-${i}-name`}>{t('field.personName')}</label>
              <div>
                <input {...aria(`bl-person-${i}-name`, nameProblem)} value={p.name} maxLength={100} onChange={(e) => setPerson(i, 'name', e.target.value)} />
                {fieldError(`bl-person-${i}-name`, nameProblem)}
              </div>
              <label htmlFor={`bl-person-${i}-id`}>{t('field.personId')}</label>
              <div>
                <input {...aria(`bl-person-${i}-id`, idProblem)} value={p.idNumber} maxLength={30} autoComplete="off" spellCheck={false} onChange={(e) => setPerson(i, 'idNumber', e.target.value)} />
                {fieldError(`bl-person-${i}-id`, idProblem)}
              </div>
              <span />
              <div>
                <button type="button" className="secondary" onClick={() => set('persons', values.persons.filter((_, j) => j !== i))}>
                  {t('form.removePerson', { n: i + 1 })}
                </button>
              </div>
            </div>
          );
        })}
        <button type="button" className="secondary" onClick={() => set('persons', [...values.persons, { name: '', idNumber: '' }])}>
          {t('form.addPerson')}
        </button>
      </fieldset>

      <p>
        <button type="submit" disabled={busy}>
          {busy ? t('form.sending') : t('form.submit')}
        </button>
      </p>
      <ErrorAlert message={error} />
    </form>
  );
}
