import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { subjectIdProblem, type SubjectKind } from './subject-id';
import { EvaluationSummary, type EvaluationResult } from './exemption-result';
import { ErrorAlert } from '../../ui/error-alert';

const today = () => new Date().toISOString().slice(0, 10);

/** 首违不罚 / 轻微免罚: a case's facts against the exemption and no-compulsion lists in force. */
export function ExemptionEvaluate() {
  const { t } = useTranslation('penalties');
  const { api, session } = useSession();
  const [f, setF] = useState({
    caseRef: '',
    bureau: session?.bureau ?? '',
    subjectKind: 'creditCode' as SubjectKind,
    subjectId: '',
    violationKind: '',
    caseDate: today(),
    orderedBy: '',
    correctedOn: '',
    harm: '',
    noFault: false,
    violationDays: '',
    goodsValueYuan: '',
    flags: '',
  });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const problems: Partial<Record<keyof typeof f, string>> = {};
  if (!f.caseRef.trim()) problems.caseRef = t('check.required');
  if (!/^\d{6}$/.test(f.bureau)) problems.bureau = t('exemption.bureauFormat');
  const sp = subjectIdProblem(f.subjectKind, f.subjectId);
  if (sp) problems.subjectId = sp === 'required' ? t('check.required') : sp;
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(f.violationKind)) problems.violationKind = t('exemption.kindFormat');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.caseDate)) problems.caseDate = t('check.required');
  if (f.goodsValueYuan && !(Number(f.goodsValueYuan) >= 0)) problems.goodsValueYuan = t('exemption.amountFormat');
  if (f.violationDays && !/^\d+$/.test(f.violationDays)) problems.violationDays = t('exemption.daysFormat');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const flags = Object.fromEntries(
      f.flags
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map((k) => [k, true]),
    );
    const correction = { ...(f.orderedBy && { orderedBy: f.orderedBy }), ...(f.correctedOn && { correctedOn: f.correctedOn }) };
    try {
      setResult(
        await api<EvaluationResult>('case-intake', 'exemptions/evaluate', {
          body: {
            caseRef: f.caseRef.trim(),
            bureau: f.bureau,
            subject: { [f.subjectKind]: f.subjectId.trim().toUpperCase() },
            violationKind: f.violationKind,
            caseDate: f.caseDate,
            ...(Object.keys(correction).length && { correction }),
            ...(f.harm && { harm: f.harm }),
            ...(f.noFault && { noSubjectiveFaultProven: true }),
            ...(f.violationDays && { violationDays: Number(f.violationDays) }),
            ...(f.goodsValueYuan && { amounts: { goodsValueFen: Math.round(Number(f.goodsValueYuan) * 100) } }),
            ...(Object.keys(flags).length && { flags }),
          },
        }),
      );
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof typeof f, label: string, input: ReactElement) => (
    <>
      <label htmlFor={`ex-${k}`}>{label}</label>
      <div>
        {input}
        {touched && problems[k] && (
          <div id={`ex-${k}-error`} className="field-error">
            {problems[k]}
          </div>
        )}
      </div>
    </>
  );
  const invalid = (k: keyof typeof f) => ({ id: `ex-${k}`, 'aria-invalid': touched && problems[k] ? true : undefined, 'aria-describedby': touched && problems[k] ? `ex-${k}-error` : undefined });

  return (
    <section className="card" aria-labelledby="ex-title">
      <h2 id="ex-title">{t('exemption.title')}</h2>
      <form onSubmit={submit} noValidate className="form-grid area-form">
        {field('caseRef', t('exemption.caseRef'), <input {...invalid('caseRef')} value={f.caseRef} onChange={set('caseRef')} />)}
        {field('bureau', t('exemption.bureau'), <input {...invalid('bureau')} value={f.bureau} onChange={set('bureau')} inputMode="numeric" maxLength={6} />)}
        <label htmlFor="ex-subjectKind">{t('check.kind')}</label>
        <select id="ex-subjectKind" value={f.subjectKind} onChange={set('subjectKind')}>
          <option value="creditCode">{t('check.creditCode')}</option>
          <option value="personId">{t('check.personId')}</option>
        </select>
        {field('subjectId', f.subjectKind === 'creditCode' ? t('check.creditCode') : t('check.personId'), <input {...invalid('subjectId')} value={f.subjectId} onChange={set('subjectId')} maxLength={18} style={{ fontFamily: 'monospace' }} />)}
        {field('violationKind', t('exemption.violationKind'), <input {...invalid('violationKind')} value={f.violationKind} onChange={set('violationKind')} placeholder="advertising.absolute-terms" />)}
        {field('caseDate', t('exemption.caseDate'), <input {...invalid('caseDate')} type="date" value={f.caseDate} onChange={set('caseDate')} />)}
        {field('orderedBy', t('exemption.orderedBy'), <input {...invalid('orderedBy')} type="date" value={f.orderedBy} onChange={set('orderedBy')} />)}
        {field('correctedOn', t('exemption.correctedOn'), <input {...invalid('correctedOn')} type="date" value={f.correctedOn} onChange={set('correctedOn')} />)}
        {field(
          'harm',
          t('exemption.harm'),
          <select {...invalid('harm')} value={f.harm} onChange={set('harm')}>
            <option value="">—</option>
            {(['none', 'minor', 'serious'] as const).map((h) => (
              <option key={h} value={h}>
                {t(`exemption.harms.${h}`)}
              </option>
            ))}
          </select>,
        )}
        <label htmlFor="ex-noFault">{t('exemption.noFault')}</label>
        <div>
          <input id="ex-noFault" type="checkbox" checked={f.noFault} onChange={(e) => setF({ ...f, noFault: e.target.checked })} />
        </div>
        {field('violationDays', t('exemption.violationDays'), <input {...invalid('violationDays')} inputMode="numeric" value={f.violationDays} onChange={set('violationDays')} />)}
        {field('goodsValueYuan', t('exemption.goodsValue'), <input {...invalid('goodsValueYuan')} inputMode="decimal" value={f.goodsValueYuan} onChange={set('goodsValueYuan')} />)}
        {field('flags', t('exemption.flags'), <input {...invalid('flags')} value={f.flags} onChange={set('flags')} placeholder="ownPremisesOrSelfMedia" />)}
        <span />
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t('checking') : t('exemption.submit')}
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
      {result && <EvaluationSummary result={result} />}
    </section>
  );
}
