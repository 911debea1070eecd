import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { ConfirmAction } from '../../ui/confirm-action';
import { ErrorAlert } from '../../ui/error-alert';
import { audienceText, bureauName, chinaDateTime, dueText, type Acknowledgements, type BulletinView, type Verification } from './bulletin-types';

/**
 * One bulletin, the internal copy (personal data unmasked): its text, audience, revisions and
 * signatures, and what my bureau may do with it now — co-sign or refuse a draft, withdraw a
 * published one, record that it has been read. The server decides, and says why when it refuses.
 */
export function BulletinPage() {
  const { bulletinId = '' } = useParams();
  const { t, i18n } = useTranslation('bulletins');
  const { api, session } = useSession();
  const en = i18n.language.startsWith('en');
  const [b, setB] = useState<BulletinView | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setB(await api<BulletinView>('clue-transfer', `bulletins/${encodeURIComponent(bulletinId)}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? { status: e.status, message: e.message } : { status: 0, message: String(e) });
    }
  }, [api, bulletinId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <section className="card">
        <h2>{t('page.title')}</h2>
        <p role="alert" className="error" data-testid="bulletin-refused">
          {error.status === 403 || error.status === 404 ? t('page.notYours') : t('common:error')} — {error.message}
        </p>
        <Link to="/bulletins">{t('page.backToList')}</Link>
      </section>
    );
  }
  if (!b) return <p aria-busy="true">{t('common:loading')}</p>;

  const c = b.content;
  const me = session?.bureau ?? '';
  const role = session?.role;
  const desk = role === 'bureau';
  const crossBureau = role === 'auditor' || role === 'admin';
  const published = b.status === 'published';
  const myAck = b.acknowledgements.find((a) => a.bureau === me);
  const mayCosign = desk && b.status === 'awaiting-signatures' && b.coIssuers.includes(me) && !b.signedBy.includes(me);
  // The issuer's desk corrects (a new revision, on its own screen) or withdraws a published bulletin.
  const mayWithdraw = desk && published && b.issuer === me;
  const mayAcknowledge = (role === 'officer' || desk) && published && b.audienceBureaus.includes(me) && !b.signedBy.includes(me) && !myAck;
  const seesAcknowledgements = published && (b.issuer === me || b.coIssuers.includes(me) || crossBureau);
  const post = (action: string, body: unknown = {}) => api('clue-transfer', `bulletins/${encodeURIComponent(b.bulletinId)}/${action}`, { body });
  const after = (message: string) => () => {
    setDone(message);
    void load();
  };
  const audience = audienceText(c.audience, (k) => t(`audience.${k}`), en);

  return (
    <section aria-labelledby="bl-page-title">
      <p>
        <Link to="/bulletins">{t('page.backToList')}</Link>
      </p>
      <div className="card">
        <h2 id="bl-page-title">{c.title}</h2>
        <p className="hint">
          {t(`kind.${c.kind}`)} · <code>{b.bulletinId}</code> · {t('page.revision', { n: b.revision })}
        </p>
        <dl className="bulletin-facts">
          <dt>{t('field.status')}</dt>
          <dd>
            <strong data-testid="bulletin-status" className={`bulletin-status status-${b.status}`}>
              {t(`status.${b.status}`)}
            </strong>
            {b.status === 'awaiting-signatures' && (
              <span className="hint"> · {t('page.signedCount', { signed: b.signedBy.length, total: b.coIssuers.length + 1 })}</span>
            )}
          </dd>
          <dt>{t('field.issuer')}</dt>
          <dd>{bureauName(b.issuer, en)}</dd>
          <dt>{t('field.coIssuers')}</dt>
          <dd>
            {b.coIssuers.length === 0 ? (
              t('common:none')
            ) : (
              <ul className="bulletin-inline" aria-label={t('field.coIssuers')}>
                {b.coIssuers.map((code) => (
                  <li key={code}>
                    {bureauName(code, en)} — {b.signedBy.includes(code) ? <span className="ok">{t('page.signed')}</span> : b.refusal?.bureau === code ? <span className="error">{t('page.refusedBy')}</span> : t('page.notSigned')}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('field.proposedAt')}</dt>
          <dd>{chinaDateTime(b.proposedAt)}</dd>
          {b.publishedAt && (
            <>
              <dt>{t('field.publishedAt')}</dt>
              <dd>{chinaDateTime(b.publishedAt)}</dd>
            </>
          )}
          <dt>{t('field.category')}</dt>
          <dd>{t(`category.${c.category}`, { defaultValue: c.category })}</dd>
          <dt>{t('field.industry')}</dt>
          <dd>{t(`industry.${c.industry}`, { defaultValue: c.industry })}</dd>
          <dt>{t('field.audience')}</dt>
          <dd>
            {audience} <span className="hint">({t('page.audienceCount', { count: b.audienceBureaus.length })})</span>
          </dd>
          <dt>{t('field.relatedDecisions')}</dt>
          <dd>{c.relatedDecisions.length ? c.relatedDecisions.map((d) => <code key={d}>{d} </code>) : t('common:none')}</dd>
          <dt>{t('field.persons')}</dt>
          <dd>
            {c.persons.length === 0 ? (
              t('common:none')
            ) : (
              <>
                <ul className="bulletin-inline" aria-label={t('field.persons')}>
                  {c.persons.map((p, i) => (
                    <li key={i}>
                      {p.name}
                      {p.idNumber ? <code> {p.idNumber}</code> : null}
                    </li>
                  ))}
                </ul>
                <div className="hint">{t('page.personsMasked')}</div>
              </>
            )}
          </dd>
          {c.attachments.length > 0 && (
            <>
              <dt>{t('field.attachments')}</dt>
              <dd>
                <ul className="bulletin-inline">
                  {c.attachments.map((a) => (
                    <li key={a.evidenceId}>
                      {a.name} <code title={a.sha256}>{a.evidenceId}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {b.refusal && (
            <>
              <dt>{t('page.refusal')}</dt>
              <dd className="error">
                {bureauName(b.refusal.bureau, en)}: {b.refusal.reason} ({chinaDateTime(b.refusal.at)})
              </dd>
            </>
          )}
          {b.withdrawal && (
            <>
              <dt>{t('page.withdrawal')}</dt>
              <dd className="error">
                {b.withdrawal.reason} ({chinaDateTime(b.withdrawal.at)})
              </dd>
            </>
          )}
          {myAck && (
            <>
              <dt>{t('page.myAcknowledgement')}</dt>
              <dd className="ok" data-testid="my-acknowledgement">
                {t('page.acknowledgedBy', { user: myAck.userId, at: chinaDateTime(myAck.at) })}
              </dd>
            </>
          )}
        </dl>
        <h3>{t('field.body')}</h3>
        <div className="bulletin-body">{c.body}</div>

        {(mayCosign || mayWithdraw || mayAcknowledge) && (
          <div className="actions" role="group" aria-label={t('page.actions')}>
            {mayCosign && (
              <>
                <ConfirmAction label={t('action.cosign')} question={t('action.cosignQ')} run={() => post('cosignature')} onDone={after(t('action.cosigned'))} />
                <ConfirmAction label={t('action.refuse')} question={t('action.refuseQ')} reasonLabel={t('action.refuseReason')} danger run={(reason) => post('refusal', { reason })} onDone={after(t('action.refused'))} />
              </>
            )}
            {mayWithdraw && (
              <>
                <Link className="bulletin-action-link" to={`/bulletins/${encodeURIComponent(b.bulletinId)}/correct`}>
                  {t('action.correct')}
                </Link>
                <ConfirmAction label={t('action.withdraw')} question={t('action.withdrawQ')} reasonLabel={t('action.withdrawReason')} danger run={(reason) => post('withdrawal', { reason })} onDone={after(t('action.withdrawn'))} />
              </>
            )}
            {mayAcknowledge && <ConfirmAction label={t('action.acknowledge')} question={t('action.acknowledgeQ')} run={() => post('acknowledgement')} onDone={after(t('action.acknowledged'))} />}
          </div>
        )}
        {done && (
          <p role="status" className="ok">
            {done}
          </p>
        )}
      </div>

      {seesAcknowledgements && <AcknowledgementsPanel bulletinId={b.bulletinId} version={b.acknowledgements.length} />}
      <Revisions bulletin={b} />
      <Signatures bulletin={b} />
    </section>
  );
}

/** Who in the audience has read it, who has not, and by when they should have. */
function AcknowledgementsPanel({ bulletinId, version }: { bulletinId: string; version: number }) {
  const { t, i18n } = useTranslation('bulletins');
  const { api } = useSession();
  const en = i18n.language.startsWith('en');
  const [acks, setAcks] = useState<Acknowledgements | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Acknowledgements>('clue-transfer', `bulletins/${encodeURIComponent(bulletinId)}/acknowledgements`)
      .then((a) => {
        setAcks(a);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api, bulletinId, version]);

  return (
    <section className="card" aria-labelledby="bl-acks-title" data-testid="acknowledgements">
      <h3 id="bl-acks-title">{t('acks.title')}</h3>
      <ErrorAlert message={error} />
      {!acks && !error && <p aria-busy="true">{t('common:loading')}</p>}
      {acks && (
        <>
          <dl className="bulletin-facts">
            <dt>{t('acks.due')}</dt>
            <dd>
              {dueText(acks.due)} {acks.overdue ? <strong className="overdue">· {t('acks.overdue')}</strong> : <span className="ok">· {t('acks.notOverdue')}</span>}
            </dd>
            <dt>{t('acks.acknowledged', { count: acks.acknowledged.length })}</dt>
            <dd>
              {acks.acknowledged.length === 0 ? (
                t('common:none')
              ) : (
                <ul className="bulletin-inline" aria-label={t('acks.acknowledgedList')}>
                  {acks.acknowledged.map((a) => (
                    <li key={a.bureau}>
                      {bureauName(a.bureau, en)} <small>({a.userId}, {chinaDateTime(a.at)})</small>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>{t('acks.unread', { count: acks.unread.length })}</dt>
            <dd>
              {acks.unread.length === 0 ? (
                <span className="ok">{t('acks.allRead')}</span>
              ) : (
                <ul className={`bulletin-inline${acks.overdue ? ' overdue' : ''}`} aria-label={t('acks.unreadList')}>
                  {acks.unread.map((code) => (
                    <li key={code}>{bureauName(code, en)}</li>
                  ))}
                </ul>
              )}
            </dd>
            {acks.reminder && (
              <>
                <dt>{t('acks.reminded')}</dt>
                <dd data-testid="acknowledgement-reminder">{t('acks.remindedText', { at: chinaDateTime(acks.reminder.at), count: acks.reminder.unread.length })}</dd>
              </>
            )}
          </dl>
          <p className="hint">{t('acks.signersNeedNot')}</p>
        </>
      )}
    </section>
  );
}

/** Every revision, with the reason for each correction: a bulletin is never edited in place. */
function Revisions({ bulletin }: { bulletin: BulletinView }) {
  const { t } = useTranslation('bulletins');
  return (
    <section className="card" aria-labelledby="bl-rev-title">
      <h3 id="bl-rev-title">{t('revisions.title')}</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('revisions.revision')}</th>
              <th>{t('revisions.at')}</th>
              <th>{t('field.title')}</th>
              <th>{t('revisions.reason')}</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {bulletin.revisions.map((r) => (
              <tr key={r.revision}>
                <td>{r.revision}</td>
                <td>{chinaDateTime(r.at)}</td>
                <td className="bulletin-wrap">{r.content.title}</td>
                <td className="bulletin-wrap">{r.reason ?? (r.revision === 1 ? t('revisions.original') : '—')}</td>
                <td title={r.contentSha256}>
                  <code>{r.contentSha256.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Each bureau's signed acts, and a re-check of every signature against the key registry. */
function Signatures({ bulletin }: { bulletin: BulletinView }) {
  const { t, i18n } = useTranslation('bulletins');
  const { api } = useSession();
  const en = i18n.language.startsWith('en');
  const [result, setResult] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api<Verification>('clue-transfer', `bulletins/${encodeURIComponent(bulletin.bulletinId)}/verification`));
    } catch (e) {
      setError(e instanceof ApiError ? `${t('common:refused')}: ${e.message}` : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="bl-sig-title">
      <h3 id="bl-sig-title">{t('signatures.title')}</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('signatures.act')}</th>
              <th>{t('signatures.bureau')}</th>
              <th>{t('revisions.revision')}</th>
              <th>{t('signatures.at')}</th>
              <th>{t('revisions.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {bulletin.signatures.map((s, i) => (
              <tr key={i}>
                <td>{t(`act.${s.act}`)}</td>
                <td>{bureauName(s.bureau, en)}</td>
                <td>{s.revision}</td>
                <td>{chinaDateTime(s.at)}</td>
                <td className="bulletin-wrap">{s.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" className="secondary" onClick={() => void verify()} disabled={busy}>
          {busy ? t('signatures.verifying') : t('signatures.verify')}
        </button>
      </p>
      <ErrorAlert message={error} />
      {result && (
        <div data-testid="verification" aria-live="polite">
          <p className={result.valid ? 'ok' : 'error'}>
            <strong>{result.valid ? t('signatures.valid') : t('signatures.invalid')}</strong>
          </p>
          <ul className="bulletin-verify">
            {result.signatures.map((s, i) => (
              <li key={i} data-valid={s.valid} className={s.valid ? 'ok' : 'error'}>
                <span aria-hidden="true">{s.valid ? '✔' : '✘'} </span>
                <span className="visually-hidden">{s.valid ? t('signatures.ok') : t('signatures.bad')}: </span>
                {t(`act.${s.act}`)} · {bureauName(s.bureau, en)} · {t('page.revision', { n: s.revision })} · <code>{s.keyId}</code>
                {s.problem ? ` — ${s.problem}` : ''}
              </li>
            ))}
            {result.revisions.map((r) => (
              <li key={`rev-${r.revision}`} data-valid={r.matches} className={r.matches ? 'ok' : 'error'}>
                <span aria-hidden="true">{r.matches ? '✔' : '✘'} </span>
                {r.matches ? t('signatures.hashMatches', { n: r.revision }) : t('signatures.hashDiffers', { n: r.revision })} <code title={r.contentSha256}>{r.contentSha256.slice(0, 12)}…</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
