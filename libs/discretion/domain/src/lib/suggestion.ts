import { CaseFacts, ConditionResult, evaluateCase, evaluateCondition, ListRegistry, PriorViolation, regionOfBureau } from '@yrd/exemption-domain';
import { Band, BandRule, Circumstance, DiscretionStandard, FineRange } from './standard.schema';
import { StandardRegistry } from './standard-registry';

export interface CircumstanceResult extends Omit<ConditionResult, 'type'> {
  id: string;
  condition: Circumstance['condition']['type'];
  negated: boolean;
}

export interface BandResult {
  band: Band;
  when: BandRule['when'];
  /** Whether this band's circumstances hold (for 'default': whether no earlier band applied). */
  holds: boolean;
  circumstances: CircumstanceResult[];
}

/** A fine range in fen, resolved for the case (multiples computed from the facts). */
export interface ResolvedFine {
  kind: FineRange['kind'];
  minFen: number;
  maxFen: number;
  /** How it was computed, e.g. "1–3 × 违法所得 12000.00元". */
  detail: string;
}

export interface StandardRef {
  standardId: string;
  version: number;
  title: string;
  region: string;
  effectiveFrom: string;
  effectiveTo?: string;
  penaltyProvision: DiscretionStandard['penaltyProvision'];
  sources: DiscretionStandard['sources'];
}

export type SuggestionOutcome = 'exempt' | 'exempt-may-be-waived' | 'penalty' | 'no-standard';

export interface Suggestion {
  caseRef: string;
  bureau: string;
  region: string;
  caseDate: string;
  violationKind: string;
  outcome: SuggestionOutcome;
  /** Exemption comes first: the list items that apply, with their basis (从 evaluateCase). */
  exemption: { outcome: string; items: string[]; basis: string[]; lists: Array<{ listId: string; version: number }> };
  standard: StandardRef | null;
  band: Band | null;
  /** The fine range for the band (null when no fine: exempt or 不予处罚). */
  fine: ResolvedFine | null;
  statutoryFine: ResolvedFine | null;
  otherPenalties: Array<{ penalty: string; when?: string }>;
  basis: string | null;
  bands: BandResult[];
  /** One sentence saying why, for the officer and the file. */
  reason: string;
}

export type SuggestionErrorCode = 'UNKNOWN_BUREAU' | 'STANDARD_NOT_APPLICABLE' | 'FACT_REQUIRED';
export interface SuggestionError {
  code: SuggestionErrorCode;
  message: string;
}
export type SuggestionResult = { ok: true; suggestion: Suggestion } | { ok: false; error: SuggestionError };

export interface SuggestInput {
  standards: StandardRegistry;
  lists: ListRegistry;
  facts: CaseFacts;
  /** The region's history of the subject (own and recognised decisions). */
  history: readonly PriorViolation[];
  /** A standard named by a joint action (统一裁量): applies whatever the bureau's region. */
  standardId?: string;
}

const ref = (s: DiscretionStandard): StandardRef => ({
  standardId: s.standardId,
  version: s.version,
  title: s.title,
  region: s.region,
  effectiveFrom: s.effectiveFrom,
  ...(s.effectiveTo ? { effectiveTo: s.effectiveTo } : {}),
  penaltyProvision: s.penaltyProvision,
  sources: s.sources,
});

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/**
 * The suggested penalty for a case, on the case's day, for the case's bureau (region): exemption
 * first — an applicable exemption item answers alone — else the first band of the standard in force
 * whose circumstances hold, with its fine range; every circumstance is answered met or not with the
 * fact it rests on. Pure: same registries and facts, same answer.
 */
export function suggestPenalty(input: SuggestInput): SuggestionResult {
  const { standards, lists, facts, history } = input;
  const region = regionOfBureau(facts.bureau);
  if (!region) return { ok: false, error: { code: 'UNKNOWN_BUREAU', message: `bureau ${facts.bureau} is not in the bureau registry` } };

  const evaluation = evaluateCase(lists, facts, history);
  const exemption = {
    outcome: evaluation.penalty.outcome,
    items: evaluation.penalty.items,
    basis: evaluation.penalty.basis,
    lists: evaluation.listsInForce.filter((l) => l.kind === 'exemption').map((l) => ({ listId: l.listId, version: l.version })),
  };
  const base = { caseRef: facts.caseRef, bureau: facts.bureau, region, caseDate: facts.caseDate, violationKind: facts.violationKind, exemption };

  let standard: DiscretionStandard | undefined;
  if (input.standardId) {
    standard = standards.inForce(input.standardId, facts.caseDate);
    if (!standard) return { ok: false, error: { code: 'STANDARD_NOT_APPLICABLE', message: `no version of standard ${input.standardId} is in force on ${facts.caseDate}` } };
    if (standard.violationKind !== facts.violationKind) {
      return { ok: false, error: { code: 'STANDARD_NOT_APPLICABLE', message: `standard ${input.standardId} is for ${standard.violationKind}, not ${facts.violationKind}` } };
    }
  } else {
    standard = standards.inForceFor(facts.bureau, facts.violationKind, facts.caseDate)[0];
  }

  if (exemption.outcome === 'no-penalty') {
    return {
      ok: true,
      suggestion: {
        ...base,
        outcome: 'exempt',
        standard: standard ? ref(standard) : null,
        band: '不予处罚',
        fine: null,
        statutoryFine: null,
        otherPenalties: [],
        basis: exemption.basis.join('；'),
        bands: [],
        reason: `exemption item ${exemption.items.join(', ')} applies: no penalty (${exemption.basis.join('；')}); the party must be educated`,
      },
    };
  }
  if (!standard) {
    return {
      ok: true,
      suggestion: {
        ...base,
        outcome: 'no-standard',
        standard: null,
        band: null,
        fine: null,
        statutoryFine: null,
        otherPenalties: [],
        basis: null,
        bands: [],
        reason: `no discretion standard for ${facts.violationKind} is in force for bureau ${facts.bureau} on ${facts.caseDate}`,
      },
    };
  }

  const statutoryFine = resolveFine(standard.statutoryRange.fine, facts);
  if (!statutoryFine.ok) return statutoryFine;
  const bands: BandResult[] = [];
  let placed: BandRule | undefined;
  for (const rule of standard.bands) {
    const circumstances = rule.circumstances.map((c) => evaluateCircumstance(c, facts, history));
    const holds =
      placed === undefined &&
      (rule.when === 'default' ? true : rule.when === 'all' ? circumstances.every((c) => c.met) : circumstances.some((c) => c.met));
    bands.push({ band: rule.band, when: rule.when, holds, circumstances });
    if (holds) placed = rule;
  }
  // The schema guarantees a default band, so one always holds.
  const band = placed as BandRule;
  const fine = band.fine.kind === 'none' ? null : resolveFine(band.fine, facts);
  if (fine && !fine.ok) return fine;
  const met = bands.find((b) => b.band === band.band)?.circumstances.filter((c) => c.met) ?? [];
  const why =
    band.when === 'default'
      ? `no circumstance of an earlier band holds (${bands.filter((b) => b.band !== band.band).map((b) => b.band).join('、')})`
      : `${met.map((c) => `${c.text} [${c.fact} = ${JSON.stringify(c.value)}]`).join('; ')}`;
  const waivable = exemption.outcome === 'penalty-may-be-waived';
  return {
    ok: true,
    suggestion: {
      ...base,
      outcome: waivable ? 'exempt-may-be-waived' : 'penalty',
      standard: ref(standard),
      band: band.band,
      fine: fine ? fine.value : null,
      statutoryFine: statutoryFine.value,
      otherPenalties: band.otherPenalties ?? [],
      basis: band.basis,
      bands,
      reason:
        (waivable ? `exemption item ${exemption.items.join(', ')} allows waiving the penalty (${exemption.basis.join('；')}); if a penalty is imposed: ` : '') +
        `${band.band}: ${why}; ${fine ? `fine ${fine.value.detail}` : 'no fine'} under ${standard.standardId} v${standard.version}`,
    },
  };
}

/** A negated circumstance over a fact the officer did not give is not met (unknown is never a circumstance). */
export function evaluateCircumstance(c: Circumstance, facts: CaseFacts, history: readonly PriorViolation[]): CircumstanceResult {
  const r = evaluateCondition(c.condition, facts, history);
  const missing = / not provided$/.test(r.detail);
  const met = missing ? false : c.negate ? !r.met : r.met;
  return {
    id: c.id,
    condition: r.type,
    negated: c.negate ?? false,
    text: c.text,
    met,
    fact: r.fact,
    value: r.value,
    detail: missing ? r.detail : c.negate ? `${r.detail} → "${r.text}" ${r.met ? 'holds' : 'does not hold'}, so this circumstance ${met ? 'holds' : 'does not hold'}` : r.detail,
  };
}

type FineResolution = { ok: true; value: ResolvedFine } | { ok: false; error: SuggestionError };

const AMOUNT_NAMES = { goodsValueFen: '货值金额', illegalIncomeFen: '违法所得', salesFen: '销售金额' } as const;

export function resolveFine(f: FineRange, facts: CaseFacts): FineResolution {
  switch (f.kind) {
    case 'none':
      return { ok: true, value: { kind: 'none', minFen: 0, maxFen: 0, detail: 'no fine' } };
    case 'amount':
      return { ok: true, value: { kind: 'amount', minFen: f.minFen, maxFen: f.maxFen, detail: `${yuan(f.minFen)}–${yuan(f.maxFen)}` } };
    case 'multiple': {
      const base = facts.amounts?.[f.of];
      if (base === undefined) return { ok: false, error: { code: 'FACT_REQUIRED', message: `amounts.${f.of} (${AMOUNT_NAMES[f.of]}) is required: the fine is a multiple of it` } };
      const minFen = Math.round(base * f.min);
      const maxFen = Math.round(base * f.max);
      return { ok: true, value: { kind: 'multiple', minFen, maxFen, detail: `${f.min}–${f.max} × ${AMOUNT_NAMES[f.of]} ${yuan(base)} = ${yuan(minFen)}–${yuan(maxFen)}` } };
    }
    default: {
      const _exhaustive: never = f;
      return _exhaustive;
    }
  }
}
