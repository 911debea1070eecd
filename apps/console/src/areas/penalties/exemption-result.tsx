import { useTranslation } from 'react-i18next';

export interface ConditionResult {
  type: string;
  text: string;
  met: boolean;
  fact: string;
  detail: string;
}

export interface ItemResult {
  listId: string;
  listVersion: number;
  listTitle: string;
  itemId: string;
  matter: string;
  outcome: string;
  basis: string;
  applies: boolean;
  conditions: ConditionResult[];
}

export interface EvaluationResult {
  evaluationId: string;
  caseRef: string;
  region: string;
  caseDate: string;
  listsInForce: Array<{ listId: string; version: number; title: string }>;
  items: ItemResult[];
  penalty: { outcome: string; basis: string[] };
  compulsion: { outcome: string; basis: string[] };
  educationRequired: boolean;
  education: string | null;
}

/** One list item's conditions, each met (✔) or failed (✘), with the fact it rests on. */
export function ExemptionConditions({ item }: { item: ItemResult }) {
  const { t } = useTranslation('penalties');
  return (
    <article className={`exemption-item ${item.applies ? 'applies' : 'not-applies'}`} aria-label={`${item.listId} ${item.itemId}`}>
      <h4>
        {item.listTitle} v{item.listVersion} · {item.itemId} — {item.matter}
      </h4>
      <p className={item.applies ? 'ok' : 'error'}>
        <strong>{item.applies ? t('exemption.applies', { outcome: t(`exemption.outcomes.${item.outcome}`, { defaultValue: item.outcome }) }) : t('exemption.notApplies')}</strong>
      </p>
      <ul className="conditions">
        {item.conditions.map((c, i) => (
          <li key={`${c.type}-${i}`} data-met={c.met} className={c.met ? 'ok' : 'error'}>
            <span aria-hidden="true">{c.met ? '✔' : '✘'} </span>
            <span className="visually-hidden">{c.met ? t('exemption.met') : t('exemption.failed')}: </span>
            {c.text} <small>({c.fact}: {c.detail})</small>
          </li>
        ))}
      </ul>
    </article>
  );
}

export function EvaluationSummary({ result }: { result: EvaluationResult }) {
  const { t } = useTranslation('penalties');
  return (
    <div data-testid="evaluation">
      <dl className="facts">
        <dt>{t('exemption.penaltyOutcome')}</dt>
        <dd>
          <strong>{t(`exemption.outcomes.${result.penalty.outcome}`, { defaultValue: result.penalty.outcome })}</strong>
        </dd>
        <dt>{t('exemption.compulsionOutcome')}</dt>
        <dd>
          <strong>{t(`exemption.outcomes.${result.compulsion.outcome}`, { defaultValue: result.compulsion.outcome })}</strong>
        </dd>
        {[...result.penalty.basis, ...result.compulsion.basis].length > 0 && (
          <>
            <dt>{t('exemption.basis')}</dt>
            <dd>{[...result.penalty.basis, ...result.compulsion.basis].join('；')}</dd>
          </>
        )}
        {result.educationRequired && (
          <>
            <dt>{t('exemption.education')}</dt>
            <dd>{result.education ?? t('exemption.educationRequired')}</dd>
          </>
        )}
        <dt>{t('exemption.lists')}</dt>
        <dd>{result.listsInForce.length ? result.listsInForce.map((l) => `${l.title} v${l.version}`).join('；') : t('exemption.noLists')}</dd>
      </dl>
      {result.items.length === 0 && <p>{t('exemption.noItems')}</p>}
      {result.items.map((item) => (
        <ExemptionConditions key={`${item.listId}-${item.itemId}`} item={item} />
      ))}
    </div>
  );
}
