import { Suggestion } from './suggestion';

/** The rule a departure from the suggested range answers to. */
export const DEPARTURE_RULE = {
  id: 'DISCRETION-DEPARTURE-JUSTIFIED',
  source: '《关于规范市场监督管理行政处罚裁量权的指导意见》（国市监法规〔2022〕2号）',
  text: 'A decision outside the range of the applicable discretion standard must state its reasons and be approved (by the head or collective discussion), and the record is kept in the case file; the legal review (法制审核) examines the discretion applied.',
  textStatus: 'paraphrase' as const,
};

/** The statutory maximum is the law: no justification makes a fine above it lawful. */
export const STATUTORY_MAXIMUM_RULE = {
  id: 'FINE-WITHIN-STATUTORY-MAXIMUM',
  source: '《中华人民共和国行政处罚法》第四条、第五条',
  text: 'Penalties are imposed only as the law provides, within its kinds and ranges.',
  textStatus: 'paraphrase' as const,
};

export interface ProposedDecision {
  /** The total fine decided, in fen (0 = no fine). */
  fineFen: number;
  justification?: string;
}

export type Departure = 'above-range' | 'below-range' | 'fine-despite-exemption';

export type DecisionCheck =
  | { ok: true; withinRange: true; suggestedFine: { minFen: number; maxFen: number } | null }
  | { ok: true; withinRange: false; departure: Departure; suggestedFine: { minFen: number; maxFen: number } | null; justification: string; rule: typeof DEPARTURE_RULE }
  | { ok: false; code: 'DISCRETION_JUSTIFICATION_REQUIRED' | 'FINE_ABOVE_STATUTORY_MAXIMUM'; rule: { id: string; source: string; text: string }; message: string };

/**
 * Checks a proposed decision against the suggestion: inside the band's range it stands; outside it
 * it stands only with a justification (and is then a departure to flag); above the statutory
 * maximum it never stands. A suggestion of no penalty (exemption) makes any fine a departure.
 */
export function checkDecision(s: Suggestion, d: ProposedDecision): DecisionCheck {
  const fine = d.fineFen;
  if (!Number.isSafeInteger(fine) || fine < 0) {
    return { ok: false, code: 'DISCRETION_JUSTIFICATION_REQUIRED', rule: DEPARTURE_RULE, message: 'the decided fine must be a non-negative integer (fen)' };
  }
  if (s.statutoryFine && s.statutoryFine.kind !== 'none' && fine > s.statutoryFine.maxFen) {
    return {
      ok: false,
      code: 'FINE_ABOVE_STATUTORY_MAXIMUM',
      rule: STATUTORY_MAXIMUM_RULE,
      message: `fine ${fine} fen is above the statutory maximum ${s.statutoryFine.maxFen} fen of ${s.standard?.penaltyProvision.provision ?? 'the provision'}`,
    };
  }
  const range = s.fine ? { minFen: s.fine.minFen, maxFen: s.fine.maxFen } : s.outcome === 'exempt' || s.band === '不予处罚' ? { minFen: 0, maxFen: 0 } : null;
  const departure: Departure | null =
    range === null ? null : fine > range.maxFen ? (range.maxFen === 0 && s.outcome === 'exempt' ? 'fine-despite-exemption' : 'above-range') : fine < range.minFen ? 'below-range' : null;
  const suggestedFine = s.fine ? { minFen: s.fine.minFen, maxFen: s.fine.maxFen } : range;
  if (departure === null) return { ok: true, withinRange: true, suggestedFine };
  const justification = d.justification?.trim();
  if (!justification) {
    const where = range ? `${range.minFen}–${range.maxFen} fen` : '';
    return {
      ok: false,
      code: 'DISCRETION_JUSTIFICATION_REQUIRED',
      rule: DEPARTURE_RULE,
      message: `fine ${fine} fen is ${departure === 'below-range' ? 'below' : 'above'} the suggested range ${where} (${s.band ?? s.outcome} under ${s.standard ? `${s.standard.standardId} v${s.standard.version}` : 'the exemption lists'}): rule ${DEPARTURE_RULE.id} requires a recorded justification`,
    };
  }
  return { ok: true, withinRange: false, departure, suggestedFine, justification, rule: DEPARTURE_RULE };
}

/** What a penalty decision records of its discretion (in the signed decision content). */
export interface DiscretionBasis {
  standardId: string | null;
  standardVersion: number | null;
  outcome: Suggestion['outcome'];
  band: Suggestion['band'];
  suggestedFine: { minFen: number; maxFen: number } | null;
  fineFen: number;
  withinRange: boolean;
  justification?: string;
  jointActionId?: string;
  exemptionItems: string[];
  facts: Record<string, unknown>;
}
