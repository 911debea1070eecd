import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { findBureau } from '@yrd/bureaus';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../session/session-context';
import { ConfirmAction } from '../../ui/confirm-action';
import { DeadlineBadge } from '../../ui/deadline-badge';

interface AssistanceRequest {
  _id: string;
  requestingBureau: string;
  requestedBureau: string;
  questions: string[];
  status: string;
  caseRef?: string;
  deadline?: { dueDate: string };
  workingDaysLeft?: number;
  overdue: boolean;
  findings?: { question: string; finding: string; conclusion: string }[];
}

const CONCLUSIONS = ['confirmed', 'not-confirmed', 'inconclusive'] as const;

/** An assistance request (协查): the questions, and the answer my bureau gives to each. */
export function AssistancePage() {
  const { assistanceId = '' } = useParams();
  const { t, i18n } = useTranslation('bureau');
  const { api, session } = useSession();
  const en = i18n.language.startsWith('en');
  const [req, setReq] = useState<AssistanceRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<number, { finding: string; conclusion: (typeof CONCLUSIONS)[number] }>>({});

  const load = useCallback(async () => {
    try {
      const body = await api<AssistanceRequest | { assistance: AssistanceRequest }>('clue-transfer', `assistance/${encodeURIComponent(assistanceId)}`);
      setReq('assistance' in body ? body.assistance : body);
    } catch (e) {
      setError(e instanceof ApiError ? `${e.status}: ${e.message}` : String(e));
    }
  }, [api, assistanceId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <p role="alert" className="error">{`${t('referral.notYours')} — ${error}`}</p>;
  if (!req) return <p>{t('common:loading')}</p>;
  const b = findBureau(req.requestingBureau);
  const mine = session?.bureau === req.requestedBureau && req.status === 'requested';
  return (
    <section className="card">
      <h2>{t('assistance.title')}</h2>
      <p>
        {t('referral.from')}: {b ? (en ? b.nameEn : b.name) : req.requestingBureau} · {t('referral.status')}: {t(`status.${req.status}`, { defaultValue: req.status })} ·{' '}
        {req.deadline ? <DeadlineBadge deadline={{ ...req.deadline, workingDaysLeft: req.workingDaysLeft }} overdue={req.overdue} /> : null}
      </p>
      <ol>
        {req.questions.map((q, i) => (
          <li key={i}>
            <p>{q}</p>
            {req.findings?.[i] && (
              <p className="ok">
                {req.findings[i].finding} ({t(`conclusion.${req.findings[i].conclusion}`)})
              </p>
            )}
          </li>
        ))}
      </ol>
      {mine && (
        <ConfirmAction
          label={t('action.answer')}
          question={t('action.answerQ')}
          run={() =>
            api('clue-transfer', `assistance/${req._id}/answer`, {
              body: {
                findings: req.questions.map((question, i) => ({ question, finding: answers[i]?.finding ?? '', conclusion: answers[i]?.conclusion ?? 'inconclusive' })),
                attachmentRefs: [],
              },
            })
          }
          onDone={() => void load()}
        >
          {req.questions.map((q, i) => (
            <div key={i} className="form-grid">
              <label htmlFor={`finding-${i}`}>{q}</label>
              <textarea id={`finding-${i}`} rows={2} value={answers[i]?.finding ?? ''} onChange={(e) => setAnswers({ ...answers, [i]: { conclusion: answers[i]?.conclusion ?? 'inconclusive', finding: e.target.value } })} />
              <label htmlFor={`conclusion-${i}`}>{t('assistance.conclusion')}</label>
              <select
                id={`conclusion-${i}`}
                value={answers[i]?.conclusion ?? 'inconclusive'}
                onChange={(e) => setAnswers({ ...answers, [i]: { finding: answers[i]?.finding ?? '', conclusion: e.target.value as (typeof CONCLUSIONS)[number] } })}
              >
                {CONCLUSIONS.map((c) => (
                  <option key={c} value={c}>
                    {t(`conclusion.${c}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </ConfirmAction>
      )}
    </section>
  );
}
