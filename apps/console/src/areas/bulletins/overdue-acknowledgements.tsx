import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../ui/error-alert';
import { bureauName, chinaDateTime, dueText, type Acknowledgements } from './bulletin-types';

/**
 * Published bulletins that audience bureaus have not read by the deadline (N working days after
 * publication): the issuer and co-issuers see theirs, auditors all. Listed, not reminded.
 */
export function OverdueAcknowledgements() {
  const { t, i18n } = useTranslation('bulletins');
  const { api } = useSession();
  const en = i18n.language.startsWith('en');
  const [items, setItems] = useState<Acknowledgements[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems(await api<Acknowledgements[]>('clue-transfer', 'bulletins/overdue-acknowledgements'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="bl-overdue-title">
      <h2 id="bl-overdue-title">{t('overdue.title')}</h2>
      <p className="hint">{t('overdue.intro')}</p>
      <p>
        <button type="button" className="secondary" onClick={() => void load()}>
          {t('overdue.refresh')}
        </button>
      </p>
      <ErrorAlert message={error} />
      {items === null ? (
        !error && <p aria-busy="true">{t('common:loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('overdue.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('field.title')}</th>
                <th>{t('field.publishedAt')}</th>
                <th>{t('acks.due')}</th>
                <th>{t('overdue.read')}</th>
                <th>{t('overdue.unread')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.bulletinId} data-testid={`overdue-${a.bulletinId}`}>
                  <td className="bulletin-wrap">
                    <Link to={`/bulletins/${encodeURIComponent(a.bulletinId)}`}>{a.title}</Link>
                  </td>
                  <td>{chinaDateTime(a.publishedAt)}</td>
                  <td>
                    <span className="overdue">
                      {dueText(a.due)} · {t('acks.overdue')}
                    </span>
                  </td>
                  <td>{a.acknowledged.length}</td>
                  <td className="bulletin-wrap">
                    <strong>{a.unread.length}</strong>: {a.unread.map((code) => bureauName(code, en)).join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
