import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { hasErrors, validateBulletinForm, type BulletinFormValues } from './bulletin-form.model';
import { audienceText, bureauName, CATEGORIES, INDUSTRIES, KINDS, PROVINCES } from './bulletin-types';

type Field = Exclude<keyof BulletinFormValues, 'persons'>;

const toggle = (list: string[], code: string, on: boolean) => (on ? [...list.filter((c) => c !== code), code].sort() : list.filter((c) => c !== code));

/** An input's id and, when it has a problem, its marking and the id of the message that explains it. */
export const fieldAria = (id: string, message: string | null) => ({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined });

/** The problem with the input of that id, next to it; nothing when there is none. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <div id={`${id}-error`} className="field-error">
      {message}
    </div>
  ) : null;
}

/**
 * The state of a bulletin form (proposal or correction): the values, the problems to show (a field's
 * once it is changed, all once the user tries to send), and the check before sending.
 */
export function useBulletinForm(initial: BulletinFormValues) {
  const { t } = useTranslation('bulletins');
  const [values, setValues] = useState<BulletinFormValues>(initial);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const errors = useMemo(() => validateBulletinForm(values), [values]);

  const set = <K extends keyof BulletinFormValues>(k: K, v: BulletinFormValues[K]) => {
    setValues((cur) => ({ ...cur, [k]: v }));
    if (k !== 'persons') setTouched((cur) => ({ ...cur, [k]: true }));
  };
  const problem = (k: Field) => ((submitted || touched[k]) && errors.fields[k] ? t(errors.fields[k] as string) : null);
  const personProblem = (i: number, k: 'name' | 'idNumber') => {
    const key = errors.persons[i]?.[k];
    return submitted && key ? t(key) : null;
  };
  /**
   * On sending: marks every problem. False while the form (or something else the caller checks)
   * breaks the server's rules, and then takes the user to the first field to fix.
   */
  const ready = (form: HTMLFormElement, otherProblem = false): boolean => {
    setSubmitted(true);
    if (!hasErrors(errors) && !otherProblem) return true;
    // After React marks the fields.
    setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    return false;
  };

  return { values, set, submitted, problem, personProblem, ready };
}

export type BulletinFormState = ReturnType<typeof useBulletinForm>;

/**
 * The content of a bulletin as the bureau desk writes it — kind, title, text, category, industry,
 * related decisions, co-issuers, audience, natural persons — for a proposal or a correction. A
 * correction (`fixed`) keeps the co-issuers and the audience: they are shown, not edited.
 */
export function BulletinContentFields({ form, fixed = false }: { form: BulletinFormState; fixed?: boolean }) {
  const { t, i18n } = useTranslation('bulletins');
  const { session } = useSession();
  const en = i18n.language.startsWith('en');
  const { values, set, problem, personProblem } = form;
  const otherProvinces = PROVINCES.filter((p) => p !== session?.bureau);

  const field = (k: Field, label: string, input: ReactNode, hint?: string) => (
    <>
      <label htmlFor={`bl-${k}`}>{label}</label>
      <div>
        {input}
        {hint && <div className="hint">{hint}</div>}
        <FieldError id={`bl-${k}`} message={problem(k)} />
      </div>
    </>
  );
  const setPerson = (i: number, k: 'name' | 'idNumber', v: string) => set('persons', values.persons.map((p, j) => (j === i ? { ...p, [k]: v } : p)));

  return (
    <>
      <div className="form-grid area-form">
        {field(
          'kind',
          t('field.kind'),
          <select {...fieldAria('bl-kind', null)} value={values.kind} onChange={(e) => set('kind', e.target.value as BulletinFormValues['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field('title', t('field.title'), <input {...fieldAria('bl-title', problem('title'))} value={values.title} maxLength={300} onChange={(e) => set('title', e.target.value)} />)}
        {field('body', t('field.body'), <textarea {...fieldAria('bl-body', problem('body'))} rows={8} value={values.body} onChange={(e) => set('body', e.target.value)} />)}
        {field(
          'category',
          t('field.category'),
          <input {...fieldAria('bl-category', problem('category'))} list="bl-categories" value={values.category} maxLength={100} onChange={(e) => set('category', e.target.value)} />,
          t('form.codeHint'),
        )}
        {field(
          'industry',
          t('field.industry'),
          <input {...fieldAria('bl-industry', problem('industry'))} list="bl-industries" value={values.industry} maxLength={100} onChange={(e) => set('industry', e.target.value)} />,
        )}
        {field(
          'relatedDecisions',
          t('field.relatedDecisions'),
          <input {...fieldAria('bl-relatedDecisions', problem('relatedDecisions'))} value={values.relatedDecisions} autoComplete="off" spellCheck={false} onChange={(e) => set('relatedDecisions', e.target.value)} />,
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

      {fixed ? (
        <div className="bulletin-fieldset" data-testid="bulletin-fixed">
          <dl className="bulletin-facts">
            <dt>{t('list.coIssuers')}</dt>
            <dd>{values.coIssuers.length ? values.coIssuers.map((code) => bureauName(code, en)).join('、') : t('common:none')}</dd>
            <dt>{t('field.audience')}</dt>
            <dd>{audienceText(values.audienceKind === 'regions' ? { kind: 'regions', regions: values.regions } : { kind: values.audienceKind }, (k) => t(`audience.${k}`), en)}</dd>
          </dl>
          <p className="hint">{t('correct.fixedHint')}</p>
        </div>
      ) : (
        <>
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
                <FieldError id="bl-regions" message={problem('regions')} />
              </fieldset>
            )}
          </fieldset>
        </>
      )}

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
                <input {...fieldAria(`bl-person-${i}-name`, nameProblem)} value={p.name} maxLength={100} onChange={(e) => setPerson(i, 'name', e.target.value)} />
                <FieldError id={`bl-person-${i}-name`} message={nameProblem} />
              </div>
              <label htmlFor={`bl-person-${i}-id`}>{t('field.personId')}</label>
              <div>
                <input {...fieldAria(`bl-person-${i}-id`, idProblem)} value={p.idNumber} maxLength={30} autoComplete="off" spellCheck={false} onChange={(e) => setPerson(i, 'idNumber', e.target.value)} />
                <FieldError id={`bl-person-${i}-id`} message={idProblem} />
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
    </>
  );
}
