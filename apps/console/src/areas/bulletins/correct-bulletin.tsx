import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../ui/error-alert';
import { BulletinContentFields, FieldError, fieldAria, useBulletinForm } from './bulletin-content-fields';
import { formOf, toCorrectionBody, validateReason } from './bulletin-form.model';
import type { BulletinView, CommandResult } from './bulletin-types';

/**
 * Correct a published bulletin (更正) as its issuing bureau: the whole content again, starting
 * from the current revision, with a reason. The co-issuers and the audience stay as they are. The
 * server signs a new revision and sends it to the same audience; on success, the bulletin's page.
 */
export function CorrectBulletin() {
  const { bulletinId = '' } = useParams();
  const { t } = useTranslation('bulletins');
  const { api, session } = useSession();
  const [b, setB] = useState<BulletinView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const page = `/bulletins/${encodeURIComponent(bulletinId)}`;

  const load = useCallback(async () => {
    try {
      setB(await api<BulletinView>('clue-transfer', `bulletins/${encodeURIComponent(bulletinId)}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? (e.status === 403 || e.status === 404 ? `${t('page.notYours')} — ${e.message}` : `${t('common:error')} — ${e.message}`) : String(e));
    }
  }, [api, bulletinId, t]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error || (b && (b.status !== 'published' || b.issuer !== session?.bureau))) {
    return (
      <section className="card">
        <h2>{t('correct.title')}</h2>
        <p role="alert" className="error">
          {error ?? t('correct.notAllowed', { status: t(`status.${b?.status}`) })}
        </p>
        <Link to={page}>{t('correct.backToBulletin')}</Link>
      </section>
    );
  }
  if (!b) return <p aria-busy="true">{t('common:loading')}</p>;
  // A new revision (someone else corrected it meanwhile) starts the form again.
  return <CorrectionForm key={`${b.bulletinId}@${b.revision}`} bulletin={b} page={page} />;
}

function CorrectionForm({ bulletin, page }: { bulletin: BulletinView; page: string }) {
  const { t } = useTranslation('bulletins');
  const { api } = useSession();
  const navigate = useNavigate();
  const form = useBulletinForm(formOf(bulletin));
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonKey = validateReason(reason);
  const reasonProblem = (form.submitted || reasonTouched) && reasonKey ? t(reasonKey) : null;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!form.ready(e.currentTarget, reasonKey !== undefined)) return;
    setBusy(true);
    setError(null);
    try {
      await api<CommandResult>('clue-transfer', `bulletins/${encodeURIComponent(bulletin.bulletinId)}/corrections`, { body: toCorrectionBody(form.values, bulletin.content, reason) });
      navigate(page);
    } catch (err) {
      setError(err instanceof ApiError ? `${t('common:refused')}: ${err.message}` : String(err));
      setBusy(false);
    }
  };

  return (
    <section>
      <p>
        <Link to={page}>{t('correct.backToBulletin')}</Link>
      </p>
      <form className="card bulletin-form" onSubmit={submit} noValidate aria-labelledby="bl-correct-title">
        <h2 id="bl-correct-title">{t('correct.title')}</h2>
        <p className="hint">
          {t('correct.of', { title: bulletin.content.title, n: bulletin.revision })} · <code>{bulletin.bulletinId}</code>
        </p>
        <p className="hint">{t('correct.intro')}</p>
        <BulletinContentFields form={form} fixed />
        <div className="form-grid area-form">
          <label htmlFor="bl-reason">{t('correct.reason')}</label>
          <div>
            <textarea
              {...fieldAria('bl-reason', reasonProblem)}
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonTouched(true);
              }}
            />
            <div className="hint">{t('correct.reasonHint')}</div>
            <FieldError id="bl-reason" message={reasonProblem} />
          </div>
        </div>
        <p>
          <button type="submit" disabled={busy}>
            {busy ? t('form.sending') : t('correct.submit')}
          </button>
        </p>
        <ErrorAlert message={error} />
      </form>
    </section>
  );
}
