import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUREAUS } from '@yrd/bureaus';
import { useSession } from '../../session/session-context';
import { ConfirmAction } from '../../ui/confirm-action';

export interface ReferralSummary {
  _id: string;
  status: string;
  fromBureau: string;
  toBureau: string;
}

const OUTCOMES = ['penalised', 'not-penalised', 'case-not-opened', 'transferred-to-judiciary'] as const;

/** What my bureau can do with the referral now; the server decides, and says why when it refuses. */
/** The stream version a command produced (the page waits until its read model has caught up). */
const versionOf = (result: unknown) => (result as { version?: number } | undefined)?.version;

export function ReferralActions({ referral, onChanged }: { referral: ReferralSummary; onChanged: (version?: number) => void }) {
  const done = (result: unknown) => onChanged(versionOf(result));
  const { t, i18n } = useTranslation('bureau');
  const { api, session } = useSession();
  const en = i18n.language.startsWith('en');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('penalised');
  const [handlingResult, setHandlingResult] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [transferTo, setTransferTo] = useState('');
  const post = (action: string, body?: unknown) => api('clue-transfer', `referrals/${referral._id}/${action}`, { method: 'POST', body: body ?? {} });
  const receiver = session?.bureau === referral.toBureau;
  const sender = session?.bureau === referral.fromBureau;

  return (
    <div className="actions" aria-label={t('referral.actions')}>
      {receiver && referral.status === 'delivered' && (
        <>
          <ConfirmAction label={t('action.accept')} question={t('action.acceptQ')} run={() => post('accept')} onDone={done} />
          <ConfirmAction label={t('action.reject')} question={t('action.rejectQ')} reasonLabel={t('action.reason')} danger run={(reason) => post('reject', { reason })} onDone={done} />
          <ConfirmAction label={t('action.dispute')} question={t('action.disputeQ')} reasonLabel={t('action.reason')} run={(reason) => post('dispute', { reason })} onDone={done} />
        </>
      )}
      {receiver && !['closed', 'rejected'].includes(referral.status) && (
        <ConfirmAction label={t('action.transfer')} question={t('action.transferQ')} run={() => post('transfer', { toBureau: transferTo })} onDone={done}>
          <label htmlFor="transfer-to">{t('action.transferTo')}</label>
          <select id="transfer-to" value={transferTo} onChange={(e) => setTransferTo(e.target.value)}>
            <option value="">—</option>
            {BUREAUS.filter((b) => b.code !== session?.bureau).map((b) => (
              <option key={b.code} value={b.code}>
                {en ? b.nameEn : b.name} ({b.code})
              </option>
            ))}
          </select>
        </ConfirmAction>
      )}
      {receiver && referral.status === 'accepted' && (
        <ConfirmAction
          label={t('action.feedback')}
          question={t('action.feedbackQ')}
          run={() =>
            post('feedback', {
              outcome,
              handlingResult,
              ...(caseNumber ? { caseNumber } : {}),
              ...(decisionRef ? { penaltyDecisionRef: decisionRef } : {}),
            })
          }
          onDone={done}
        >
          <div className="form-grid">
            <label htmlFor="fb-outcome">{t('feedback.outcome')}</label>
            <select id="fb-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as (typeof OUTCOMES)[number])}>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`outcome.${o}`)}
                </option>
              ))}
            </select>
            <label htmlFor="fb-result">{t('feedback.result')}</label>
            <textarea id="fb-result" rows={3} value={handlingResult} onChange={(e) => setHandlingResult(e.target.value)} />
            <label htmlFor="fb-case">{t('feedback.caseNumber')}</label>
            <input id="fb-case" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} />
            <label htmlFor="fb-decision">{t('feedback.decisionRef')}</label>
            <input id="fb-decision" value={decisionRef} onChange={(e) => setDecisionRef(e.target.value)} />
          </div>
        </ConfirmAction>
      )}
      {sender && referral.status === 'feedback-submitted' && <ConfirmAction label={t('action.close')} question={t('action.closeQ')} run={() => post('close')} onDone={done} />}
    </div>
  );
}
