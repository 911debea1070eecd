import { useTranslation } from 'react-i18next';
import type { LocalCheck } from './receipt-check';

/** The notary's own verification (signatures, inclusion proof, RFC 3161 time-stamp). */
export interface ServerVerification {
  ok: boolean;
  entryId?: string;
  checkedSha256: string;
  failures: Array<{ code: string; message: string }>;
  timeStampVerified: boolean;
}

export type ServerOutcome = { kind: 'verified'; result: ServerVerification } | { kind: 'unavailable'; reason: string };

export function ReceiptVerifyResult({ local, server }: { local: LocalCheck; server: ServerOutcome | null }) {
  const { t } = useTranslation('auditor');
  const ok = local.ok && (server?.kind !== 'verified' || server.result.ok);
  return (
    <div data-testid="receipt-result" className="card">
      <p className={ok ? 'ok' : 'error'} role="status">
        <strong>{ok ? t('receipt.matches') : t('receipt.differs')}</strong>
      </p>
      <dl className="facts">
        <dt>{t('receipt.entry')}</dt>
        <dd>
          <code>{local.entryId}</code>
        </dd>
        <dt>{t('receipt.fileHash')}</dt>
        <dd>
          <code className={local.sha256 === local.expectedSha256 ? 'ok' : 'error'}>{local.sha256}</code>
        </dd>
        <dt>{t('receipt.receiptHash')}</dt>
        <dd>
          <code>{local.expectedSha256}</code>
        </dd>
        <dt>{t('receipt.size')}</dt>
        <dd className={local.expectedSize === null || local.expectedSize === local.size ? 'ok' : 'error'}>
          {local.size} / {local.expectedSize ?? '—'}
        </dd>
      </dl>
      {server?.kind === 'verified' && (
        <>
          <p className={server.result.ok ? 'ok' : 'error'}>
            {server.result.ok ? t('receipt.serverOk') : t('receipt.serverFailed')} · {t('receipt.timeStamp')}: {server.result.timeStampVerified ? '✔' : '✘'}
          </p>
          {server.result.failures.length > 0 && (
            <ul>
              {server.result.failures.map((f) => (
                <li key={f.code} className="error">
                  <code>{f.code}</code> {f.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {server?.kind === 'unavailable' && (
        <p className="hint">
          {t('receipt.serverUnavailable')}: {server.reason}
        </p>
      )}
    </div>
  );
}
