import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../ui/error-alert';
import { BulletinContentFields, useBulletinForm } from './bulletin-content-fields';
import { emptyBulletinForm, toProposeBody } from './bulletin-form.model';
import type { CommandResult } from './bulletin-types';
import { useSubmissionKey } from '../../api/submission-key';

/**
 * Propose a joint bulletin (拟发信息通报) as my bureau: the content, the co-issuing provinces that
 * must co-sign it, and who it reaches. Checked as the server checks it; on success, its page.
 */
export function ProposeBulletin() {
  const { t } = useTranslation('bulletins');
  const { api } = useSession();
  const submission = useSubmissionKey();
  const navigate = useNavigate();
  const form = useBulletinForm(emptyBulletinForm);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!form.ready(e.currentTarget)) return;
    setBusy(true);
    setError(null);
    try {
      const body = toProposeBody(form.values);
      const created = await api<CommandResult>('clue-transfer', 'bulletins', { body, idempotencyKey: submission.keyFor(body) });
      submission.done();
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
      <BulletinContentFields form={form} />
      <p>
        <button type="submit" disabled={busy}>
          {busy ? t('form.sending') : t('form.submit')}
        </button>
      </p>
      <ErrorAlert message={error} />
    </form>
  );
}
