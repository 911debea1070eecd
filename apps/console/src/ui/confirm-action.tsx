import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { ErrorAlert } from './error-alert';

export interface ConfirmActionProps {
  /** Button text that opens the confirmation. */
  label: string;
  /** What the user is about to do, shown in the confirmation. */
  question: string;
  /** Ask for a reason (required, non-empty) before confirming. */
  reasonLabel?: string;
  /** Extra form fields (controlled by the caller). */
  children?: ReactNode;
  danger?: boolean;
  run: (reason: string) => Promise<unknown>;
  /** Called with the server's answer. */
  onDone?: (result: unknown) => void;
}

/**
 * A state-changing action: button → confirmation (with a reason when one is required) → the
 * server's answer. A refusal shows the server's own reason and changes nothing here.
 */
export function ConfirmAction({ label, question, reasonLabel, children, danger, run, onDone }: ConfirmActionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsReason = reasonLabel !== undefined;
  const reasonMissing = needsReason && reason.trim() === '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reasonMissing) return;
    setBusy(true);
    setError(null);
    try {
      const result = await run(reason.trim());
      setOpen(false);
      setReason('');
      onDone?.(result);
    } catch (err) {
      setError(err instanceof ApiError ? `${t('refused')}: ${err.message}` : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <span className="action">
        <button type="button" className={danger ? 'danger' : undefined} onClick={() => setOpen(true)}>
          {label}
        </button>
        {error && (
          <span role="alert" className="error">
            {error}
          </span>
        )}
      </span>
    );
  }
  return (
    <form className="card confirm" onSubmit={submit} aria-label={label}>
      <p>{question}</p>
      {needsReason && (
        <>
          <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
          <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required rows={3} />
          {reasonMissing && <span className="field-error">{t('reasonRequired')}</span>}
        </>
      )}
      {children}
      <div className="buttons">
        <button type="submit" className={danger ? 'danger' : undefined} disabled={busy || reasonMissing}>
          {t('confirm')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
