import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../ui/error-alert';
import { bureauName, CATEGORIES, chinaDate, INDUSTRIES, KINDS, PROVINCES, STATUSES, type BulletinSummary } from './bulletin-types';

const EMPTY = { kind: '', status: '', category: '', industry: '', region: '', from: '', to: '' };

/** 信息通报: the bulletins my bureau issued, co-issued or received (auditors: all), newest first. */
export function BulletinList() {
  const { t, i18n } = useTranslation('bulletins');
  const { api, session } = useSession();
  const en = i18n.language.startsWith('en');
  const [filter, setFilter] = useState(EMPTY);
  const [items, setItems] = useState<BulletinSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [k]: e.target.value }));
  const badPeriod = filter.from && filter.to && filter.from > filter.to;

  // Every change of a filter asks again; an answer that arrives after a newer question is dropped.
  useEffect(() => {
    if (badPeriod) return;
    let live = true;
    setError(null);
    api<BulletinSummary[]>('clue-transfer', 'bulletins', { query: { ...filter, category: filter.category.trim(), industry: filter.industry.trim(), limit: 200 } })
      .then((found) => live && setItems(found))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [api, filter, badPeriod]);

  return (
    <section aria-labelledby="bl-list-title">
      <h2 id="bl-list-title">{t('list.title')}</h2>
      <p className="bulletin-links">
        {session?.role === 'bureau' && <Link to="/bulletins/new">{t('nav.propose')}</Link>}
        {session?.role !== 'officer' && <Link to="/bulletins/overdue">{t('nav.overdue')}</Link>}
      </p>
      <form className="filters bulletin-filters" aria-label={t('common:filter')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('field.kind')}{' '}
          <select value={filter.kind} onChange={set('kind')}>
            <option value="">{t('common:all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field.status')}{' '}
          <select value={filter.status} onChange={set('status')}>
            <option value="">{t('common:all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('field.category')} <input list="bl-filter-categories" value={filter.category} onChange={set('category')} maxLength={100} size={14} />
        </label>
        <label>
          {t('field.industry')} <input list="bl-filter-industries" value={filter.industry} onChange={set('industry')} maxLength={100} size={14} />
        </label>
        <label>
          {t('list.region')}{' '}
          <select value={filter.region} onChange={set('region')}>
            <option value="">{t('common:all')}</option>
            {PROVINCES.map((p) => (
              <option key={p} value={p}>
                {bureauName(p, en)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.from')} <input type="date" value={filter.from} onChange={set('from')} />
        </label>
        <label>
          {t('list.to')} <input type="date" value={filter.to} onChange={set('to')} aria-invalid={badPeriod ? true : undefined} aria-describedby={badPeriod ? 'bl-period-error' : undefined} />
        </label>
        <button type="button" className="secondary" onClick={() => setFilter(EMPTY)}>
          {t('list.clear')}
        </button>
        {badPeriod && (
          <div id="bl-period-error" className="field-error">
            {t('list.badPeriod')}
          </div>
        )}
        <datalist id="bl-filter-categories">
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </datalist>
        <datalist id="bl-filter-industries">
          {INDUSTRIES.map((c) => (
            <option key={c} value={c}>
              {t(`industry.${c}`)}
            </option>
          ))}
        </datalist>
      </form>
      <ErrorAlert message={error} />
      {items === null ? (
        !error && <p aria-busy="true">{t('common:loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('field.title')}</th>
                <th>{t('field.kind')}</th>
                <th>{t('field.issuer')}</th>
                <th>{t('list.coIssuers')}</th>
                <th>{t('field.status')}</th>
                <th>{t('list.publishedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.bulletinId} data-testid={`bulletin-${b.bulletinId}`}>
                  <td className="bulletin-wrap">
                    <Link to={`/bulletins/${encodeURIComponent(b.bulletinId)}`}>{b.content.title}</Link>
                  </td>
                  <td>{t(`kind.${b.content.kind}`)}</td>
                  <td>{bureauName(b.issuer, en)}</td>
                  <td className="bulletin-wrap">{b.coIssuers.length ? b.coIssuers.map((c) => bureauName(c, en)).join('、') : '—'}</td>
                  <td>{t(`status.${b.status}`)}</td>
                  <td>{b.publishedAt ? chinaDate(b.publishedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
