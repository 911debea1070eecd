import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { findBureau } from '@yrd/bureaus';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { DeadlineBadge } from '../../ui/deadline-badge';
import { EvidenceList } from './evidence-list';
import { ReferralActions, type ReferralSummary } from './referral-actions';

interface Referral extends ReferralSummary {
  version: number;
  clueId: string;
  subject: { name: string; creditCode?: string; personId?: string };
  allegedViolation: string;
  facts: string;
  place: { divisionCode: string; address: string };
  urgency: string;
  basis: string;
  checkDeadline?: { dueDate: string; provisional?: boolean };
  workingDaysLeft?: number;
  overdue: boolean;
  feedback?: { outcome: string; handlingResult: string };
}

interface TimelineEvent {
  streamVersion: number;
  type: string;
  eventId: string;
  occurredAt: string;
  actor: { userId: string; bureau: string; role: string };
  prevHash: string | null;
  hash: string;
}

/** One referral: facts, evidence, timeline of events, and what my bureau may do with it. */
export function ReferralPage() {
  const { referralId = '' } = useParams();
  const { t, i18n } = useTranslation('bureau');
  const { api } = useSession();
  const en = i18n.language.startsWith('en');
  const [data, setData] = useState<{ referral: Referral; timeline: TimelineEvent[] } | null>(null);
  const [error, setError] = useState<{ status: number; message: string } | null>(null);

  // After a command, the inbox view catches up with the stream a moment later: read until it
  // shows the version the command produced (read-your-writes), for at most a few seconds.
  const load = useCallback(
    async (atLeastVersion = 0) => {
      const started = Date.now();
      try {
        for (;;) {
          const got = await api<{ referral: Referral; timeline: TimelineEvent[] }>('clue-transfer', `referrals/${encodeURIComponent(referralId)}`);
          if (got.referral.version >= atLeastVersion || Date.now() - started > 10_000) {
            setData(got);
            break;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
        setError(null);
      } catch (e) {
        setError(e instanceof ApiError ? { status: e.status, message: e.message } : { status: 0, message: String(e) });
      }
    },
    [api, referralId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const bureau = (code: string) => {
    const b = findBureau(code);
    return b ? `${en ? b.nameEn : b.name} (${code})` : code;
  };

  if (error) {
    return (
      <section className="card">
        <h2>{t('referral.title')}</h2>
        <p role="alert" className="error" data-testid="referral-refused">
          {error.status === 403 || error.status === 404 ? t('referral.notYours') : t('common:error')} — {error.message}
        </p>
      </section>
    );
  }
  if (!data) return <p>{t('common:loading')}</p>;
  const r = data.referral;
  return (
    <section>
      <h2>
        {t('referral.title')} <small>{r._id}</small>
      </h2>
      <div className="card">
        <dl className="form-grid">
          <dt>{t('referral.status')}</dt>
          <dd data-testid="referral-status">{t(`status.${r.status}`, { defaultValue: r.status })}</dd>
          <dt>{t('referral.from')}</dt>
          <dd>{bureau(r.fromBureau)}</dd>
          <dt>{t('referral.to')}</dt>
          <dd>{bureau(r.toBureau)}</dd>
          <dt>{t('referral.subject')}</dt>
          <dd>
            {r.subject.name} {r.subject.creditCode ?? r.subject.personId}
          </dd>
          <dt>{t('referral.violation')}</dt>
          <dd>{r.allegedViolation}</dd>
          <dt>{t('referral.facts')}</dt>
          <dd className="facts">{r.facts}</dd>
          <dt>{t('referral.place')}</dt>
          <dd>
            {r.place.address} ({r.place.divisionCode})
          </dd>
          <dt>{t('referral.deadline')}</dt>
          <dd>{r.checkDeadline ? <DeadlineBadge deadline={{ ...r.checkDeadline, workingDaysLeft: r.workingDaysLeft }} overdue={r.overdue} /> : '—'}</dd>
        </dl>
        <ReferralActions referral={r} onChanged={(version) => void load(version)} />
      </div>
      <div className="card">
        <h3>{t('referral.evidence')}</h3>
        <EvidenceList clueId={r.clueId} />
      </div>
      <div className="card">
        <h3>{t('referral.timeline')}</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('timeline.when')}</th>
                <th>{t('timeline.event')}</th>
                <th>{t('timeline.by')}</th>
                <th>{t('timeline.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {data.timeline.map((e) => (
                <tr key={e.eventId} data-testid={`event-${e.type}`}>
                  <td>{e.streamVersion}</td>
                  <td>{new Date(e.occurredAt).toLocaleString(en ? 'en-GB' : 'zh-CN')}</td>
                  <td>{t(`event.${e.type}`, { defaultValue: e.type })}</td>
                  <td>
                    {e.actor.userId} · {bureau(e.actor.bureau)}
                  </td>
                  <td title={e.hash}>
                    <code>{e.hash.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
