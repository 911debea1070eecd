import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';
import { useSession } from '../../session/session-context';

interface EvidenceItem {
  entryId: string;
  sha256: string;
  size: number;
  notarizedAt: string;
  mediaType: string;
  fileName?: string;
  title?: string;
}

/** The clue's evidence this bureau may read, with download and the notary receipt (电子保全证书). */
export function EvidenceList({ clueId }: { clueId: string }) {
  const { t } = useTranslation('bureau');
  const { api, session } = useSession();
  const [items, setItems] = useState<EvidenceItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<EvidenceItem[]>('evidence-notary', 'evidence', { query: { clueId } })
      .then(setItems)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api, clueId]);

  // Downloads need the bearer token, so they are fetched and handed to the browser as a blob.
  const open = async (path: string, fileName: string) => {
    const res = await fetch(apiUrl('evidence-notary', path), { headers: { authorization: `Bearer ${session?.token}` } });
    if (!res.ok) {
      setError(`${res.status}: ${(await res.text()).slice(0, 200)}`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (error) return <p className="error">{error}</p>;
  if (items === null) return <p>{t('common:loading')}</p>;
  if (items.length === 0) return <p>{t('referral.noEvidence')}</p>;
  return (
    <ul className="evidence">
      {items.map((e) => (
        <li key={e.entryId}>
          <strong>{e.fileName ?? e.title ?? e.entryId}</strong> <small>({Math.ceil(e.size / 1024)} KiB, {e.mediaType})</small>{' '}
          <small title={e.sha256}>SHA-256 {e.sha256.slice(0, 16)}…</small>{' '}
          <button type="button" className="secondary" onClick={() => void open(`evidence/${e.entryId}/content`, e.fileName ?? e.entryId)}>
            {t('referral.download')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => void open(`evidence/${e.entryId}/receipt`, `${e.entryId}.receipt.json`)}>
            {t('referral.receipt')}
          </button>
        </li>
      ))}
    </ul>
  );
}
