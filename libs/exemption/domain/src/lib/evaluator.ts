import { CaseFacts, PriorViolation } from './case-facts';
import { ListRegistry } from './list-registry';
import { Condition, ExemptionList, ListItem, Outcome } from './list.schema';
import { regionOfBureau } from './scope';

export interface ConditionResult {
  type: Condition['type'];
  /** The list's wording of the condition, or a generated one. */
  text: string;
  met: boolean;
  /** The fact the answer rests on, e.g. 'correction.correctedOn'. */
  fact: string;
  value: unknown;
  detail: string;
}

export interface ItemResult {
  listId: string;
  listVersion: number;
  listTitle: string;
  itemId: string;
  matter: string;
  provisionViolated: string;
  penaltyProvision: string;
  outcome: Outcome;
  basis: string;
  textStatus: 'quoted' | 'paraphrase';
  applies: boolean;
  conditions: ConditionResult[];
}

export type PenaltyDecisionOutcome = 'no-penalty' | 'penalty-may-be-waived' | 'not-exempt' | 'no-list-item';
export type CompulsionOutcome = 'no-compulsion' | 'not-exempt' | 'no-list-item';

export interface Evaluation {
  caseRef: string;
  bureau: string;
  region: string;
  caseDate: string;
  violationKind: string;
  listsInForce: Array<{ listId: string; version: number; title: string; region: string; kind: string; effectiveFrom: string; effectiveTo?: string; sourceDocument: ExemptionList['sourceDocument'] }>;
  items: ItemResult[];
  penalty: { outcome: PenaltyDecisionOutcome; items: string[]; basis: string[] };
  compulsion: { outcome: CompulsionOutcome; items: string[]; basis: string[] };
  /** 行政处罚法第三十三条第三款: a party not penalised must be educated, and the file must show it. */
  educationRequired: boolean;
  education: string | null;
}

export const EDUCATION_RULE = '《中华人民共和国行政处罚法》第三十三条第三款：对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。';

const ref = (r: ItemResult) => `${r.listId}@v${r.listVersion}#${r.itemId}`;

/**
 * Evaluates a case against the lists in force for its bureau on its date. Every condition of every
 * matching item is answered (met or failed, with the fact used), so the officer sees why.
 * `history` is the region's history of the subject (own and recognised decisions).
 */
export function evaluateCase(registry: ListRegistry, facts: CaseFacts, history: readonly PriorViolation[]): Evaluation {
  const lists = registry.inForceFor(facts.bureau, facts.caseDate);
  const items: ItemResult[] = [];
  for (const list of lists) {
    for (const item of list.items) {
      if (item.violationKind !== facts.violationKind) continue;
      const conditions = item.conditions.map((c) => evaluateCondition(c, facts, history));
      items.push({
        listId: list.listId,
        listVersion: list.version,
        listTitle: list.title,
        itemId: item.itemId,
        matter: item.matter,
        provisionViolated: item.provisionViolated,
        penaltyProvision: item.penaltyProvision,
        outcome: item.outcome,
        basis: item.basis,
        textStatus: item.textStatus,
        applies: conditions.every((c) => c.met),
        conditions,
      });
    }
  }
  const penaltyItems = items.filter((i) => i.outcome !== '不予实施行政强制措施');
  const compulsionItems = items.filter((i) => i.outcome === '不予实施行政强制措施');
  const noPenalty = penaltyItems.filter((i) => i.applies && i.outcome === '不予处罚');
  const mayWaive = penaltyItems.filter((i) => i.applies && i.outcome === '可以不予处罚');
  const withheld = compulsionItems.filter((i) => i.applies);
  const penaltyOutcome: PenaltyDecisionOutcome =
    noPenalty.length > 0 ? 'no-penalty' : mayWaive.length > 0 ? 'penalty-may-be-waived' : penaltyItems.length > 0 ? 'not-exempt' : 'no-list-item';
  const decisive = noPenalty.length > 0 ? noPenalty : mayWaive;
  const educationRequired = penaltyOutcome === 'no-penalty' || penaltyOutcome === 'penalty-may-be-waived';
  return {
    caseRef: facts.caseRef,
    bureau: facts.bureau,
    region: regionOfBureau(facts.bureau) ?? facts.bureau,
    caseDate: facts.caseDate,
    violationKind: facts.violationKind,
    listsInForce: lists.map((l) => ({
      listId: l.listId,
      version: l.version,
      title: l.title,
      region: l.region,
      kind: l.kind,
      effectiveFrom: l.effectiveFrom,
      ...(l.effectiveTo ? { effectiveTo: l.effectiveTo } : {}),
      sourceDocument: l.sourceDocument,
    })),
    items,
    penalty: { outcome: penaltyOutcome, items: decisive.map(ref), basis: unique(decisive.map((i) => i.basis)) },
    compulsion: {
      outcome: withheld.length > 0 ? 'no-compulsion' : compulsionItems.length > 0 ? 'not-exempt' : 'no-list-item',
      items: withheld.map(ref),
      basis: unique(withheld.map((i) => i.basis)),
    },
    educationRequired,
    education: educationRequired ? EDUCATION_RULE : null,
  };
}

const unique = (xs: string[]) => [...new Set(xs)];

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const yearsBefore = (date: string, years: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

const HARM_TEXT = { none: '没有造成危害后果', minor: '危害后果轻微' } as const;
const AMOUNT_TEXT = { goodsValueFen: '货值金额', illegalIncomeFen: '违法所得', salesFen: '销售金额' } as const;
const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

export function evaluateCondition(c: Condition, facts: CaseFacts, history: readonly PriorViolation[]): ConditionResult {
  const missing = (fact: string, text: string): ConditionResult => ({ type: c.type, text, met: false, fact, value: null, detail: `fact ${fact} not provided` });
  switch (c.type) {
    case 'first-violation': {
      const text = c.text ?? `初次违法（${c.withinYears}年内未因同类违法行为受过行政处罚）`;
      const since = yearsBefore(facts.caseDate, c.withinYears);
      const priors = history.filter((h) => h.violationKind === facts.violationKind && h.decisionDate > since && h.decisionDate <= facts.caseDate);
      return {
        type: c.type,
        text,
        met: priors.length === 0,
        fact: 'history',
        value: priors.map((p) => ({ decisionId: p.decisionId, decisionNumber: p.decisionNumber, decisionDate: p.decisionDate, sourceRegion: p.sourceRegion, origin: p.origin })),
        detail:
          priors.length === 0
            ? `no ${facts.violationKind} decision in the region's history after ${since}`
            : `prior ${facts.violationKind} decision(s) after ${since}: ${priors.map((p) => `${p.decisionNumber} (${p.decisionDate}, ${p.origin === 'recognised' ? `recognised from ${p.sourceRegion}` : 'own'})`).join(', ')}`,
      };
    }
    case 'corrected-within-ordered-period': {
      const text = c.text ?? '在责令改正期限内改正';
      const { orderedBy, correctedOn } = facts.correction ?? {};
      if (!orderedBy) return missing('correction.orderedBy', text);
      if (!correctedOn) return { type: c.type, text, met: false, fact: 'correction.correctedOn', value: null, detail: 'not corrected' };
      const met = correctedOn <= orderedBy;
      return { type: c.type, text, met, fact: 'correction.correctedOn', value: correctedOn, detail: `corrected on ${correctedOn}, ordered by ${orderedBy}` };
    }
    case 'corrected-within-days': {
      const text = c.text ?? `发现后${c.days}日内改正`;
      const correctedOn = facts.correction?.correctedOn;
      if (!facts.discoveredOn) return missing('discoveredOn', text);
      if (!correctedOn) return { type: c.type, text, met: false, fact: 'correction.correctedOn', value: null, detail: 'not corrected' };
      const days = daysBetween(facts.discoveredOn, correctedOn);
      return { type: c.type, text, met: days <= c.days, fact: 'correction.correctedOn', value: correctedOn, detail: `corrected ${days} day(s) after discovery on ${facts.discoveredOn} (limit ${c.days})` };
    }
    case 'harm-at-most': {
      const text = c.text ?? HARM_TEXT[c.level];
      if (!facts.harm) return missing('harm', text);
      const allowed = c.level === 'none' ? ['none'] : ['none', 'minor'];
      return { type: c.type, text, met: allowed.includes(facts.harm), fact: 'harm', value: facts.harm, detail: `harm ${facts.harm}, at most ${c.level} allowed` };
    }
    case 'no-subjective-fault-proven': {
      const text = c.text ?? '当事人有证据足以证明没有主观过错';
      const v = facts.noSubjectiveFaultProven;
      if (v === undefined) return missing('noSubjectiveFaultProven', text);
      return { type: c.type, text, met: v, fact: 'noSubjectiveFaultProven', value: v, detail: v ? 'absence of fault proven' : 'absence of fault not proven' };
    }
    case 'amount-at-most': {
      const text = c.text ?? `${AMOUNT_TEXT[c.fact]}不超过${yuan(c.maxFen)}`;
      const v = facts.amounts?.[c.fact];
      if (v === undefined) return missing(`amounts.${c.fact}`, text);
      return { type: c.type, text, met: v <= c.maxFen, fact: `amounts.${c.fact}`, value: v, detail: `${yuan(v)} against a limit of ${yuan(c.maxFen)}` };
    }
    case 'duration-at-most': {
      const text = c.text ?? `违法行为持续时间不超过${c.days}日`;
      const v = facts.violationDays;
      if (v === undefined) return missing('violationDays', text);
      return { type: c.type, text, met: v <= c.days, fact: 'violationDays', value: v, detail: `${v} day(s) against a limit of ${c.days}` };
    }
    case 'fact': {
      const v = facts.flags?.[c.fact];
      if (v === undefined) return missing(`flags.${c.fact}`, c.text);
      return { type: c.type, text: c.text, met: v === c.equals, fact: `flags.${c.fact}`, value: v, detail: `${c.fact} is ${v}, ${c.equals} required` };
    }
    default: {
      const _exhaustive: never = c;
      return _exhaustive;
    }
  }
}
