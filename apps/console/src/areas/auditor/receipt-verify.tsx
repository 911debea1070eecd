import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { compareWithReceipt, parseReceipt, sha256Hex, type LocalCheck } from './receipt-check';
import { ReceiptVerifyResult, type ServerOutcome, type ServerVerification } from './receipt-verify-result';
import { ErrorAlert } from '../../ui/error-alert';

/**
 * Verify a piece of evidence against its receipt (电子保全证书): the browser hashes the file
 * (Web Crypto, nothing uploaded) and compares it with the receipt; the notary then checks the
 * receipt's signatures, proof and time-stamp for that hash, where the role may ask it.
 */
export function ReceiptVerify() {
  const { t } = useTranslation('auditor');
  const { api } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [receiptFile, setReceiptFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [local, setLocal] = useState<LocalCheck | null>(null);
  const [server, setServer] = useState<ServerOutcome | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file || !receiptFile) return;
    setBusy(true);
    setError(null);
    setLocal(null);
    setServer(null);
    try {
      const receipt = parseReceipt(await receiptFile.text());
      const sha256 = await sha256Hex(file);
      setLocal(compareWithReceipt(receipt, sha256, file.size));
      try {
        setServer({ kind: 'verified', result: await api<ServerVerification>('evidence-notary', 'evidence/verify', { body: { sha256, receipt } }) });
      } catch (err) {
        setServer({ kind: 'unavailable', reason: (err as Error).message });
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="rv-title">
      <h2 id="rv-title">{t('receipt.title')}</h2>
      <form onSubmit={submit} className="form-grid area-form">
        <label htmlFor="rv-file">{t('receipt.file')}</label>
        <input id="rv-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label htmlFor="rv-receipt">{t('receipt.receipt')}</label>
        <input id="rv-receipt" type="file" accept="application/json,.json" onChange={(e) => setReceiptFile(e.target.files?.[0] ?? null)} />
        <span />
        <div>
          <button type="submit" disabled={busy || !file || !receiptFile}>
            {busy ? t('receipt.verifying') : t('receipt.verify')}
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
      {local && <ReceiptVerifyResult local={local} server={server} />}
    </section>
  );
}
