import { addYears, compareDates, IsoDate } from './dates';
import { RULES, RuleRef } from './errors';
import { subjectKey } from './penalty';
import { DecisionSummary } from './recognition';

/** Default look-back for "first violation" (首违): no same-kind violation within 2 years (国市监法〔2025〕10号). */
export const DEFAULT_FIRST_VIOLATION_YEARS = 2;

export interface HistoryEntry extends DecisionSummary {
  subjectKey: string;
  revoked: boolean;
  /** Regions that recognised the decision (the source region counts it as its own). */
  recognisedIn: string[];
}

/** An entry as a region sees it: its own decision, or one it recognised (source kept). */
export interface RegionHistoryEntry extends DecisionSummary {
  origin: 'own' | 'recognised';
}

export interface FirstViolationAnswer {
  firstViolation: boolean;
  region: string;
  violationKind: string;
  /** Earliest decision date that still counts: the window is (since, caseDate]. */
  windowFrom: IsoDate;
  windowYears: number;
  priorViolations: RegionHistoryEntry[];
  rule: RuleRef;
}

/**
 * Every region's enforcement history, built from verified decision events and recognitions.
 * A region's history is its own decisions plus those it recognised; declined or still-queued ones
 * do not count; revoked ones never count. Revisions guard against reordering.
 */
export class ViolationHistory {
  private readonly byDecision = new Map<string, HistoryEntry>();
  private readonly bySubject = new Map<string, Set<string>>();
  private readonly recognitions = new Map<string, Set<string>>();

  /** A recorded or corrected decision (verified): the newest revision wins. */
  putDecision(summary: DecisionSummary): void {
    const current = this.byDecision.get(summary.decisionId);
    if (current && current.revision >= summary.revision) return;
    if (current) this.bySubject.get(current.subjectKey)?.delete(summary.decisionId);
    const key = subjectKey(summary.subject);
    this.byDecision.set(summary.decisionId, {
      ...summary,
      subjectKey: key,
      revoked: current?.revoked ?? false,
      recognisedIn: [...(this.recognitions.get(summary.decisionId) ?? [])],
    });
    let ids = this.bySubject.get(key);
    if (!ids) this.bySubject.set(key, (ids = new Set()));
    ids.add(summary.decisionId);
  }

  revoke(decisionId: string, revision: number): void {
    const current = this.byDecision.get(decisionId);
    if (current && current.revision < revision) this.byDecision.set(decisionId, { ...current, revoked: true, revision });
  }

  /** The region recognised the decision; its summary stands in until the decision event itself is seen. */
  recognise(region: string, summary: DecisionSummary): void {
    let regions = this.recognitions.get(summary.decisionId);
    if (!regions) this.recognitions.set(summary.decisionId, (regions = new Set()));
    regions.add(region);
    if (!this.byDecision.has(summary.decisionId)) this.putDecision(summary);
    const entry = this.byDecision.get(summary.decisionId);
    if (entry) entry.recognisedIn = [...regions];
  }

  get(decisionId: string): HistoryEntry | undefined {
    return this.byDecision.get(decisionId);
  }

  /** The decisions against a subject that count in `region`. */
  historyFor(subject: { creditCode?: string; personId?: string } | string, region: string): RegionHistoryEntry[] {
    const key = typeof subject === 'string' ? subject : subjectKey(subject);
    const out: RegionHistoryEntry[] = [];
    for (const id of this.bySubject.get(key) ?? []) {
      const e = this.byDecision.get(id);
      if (!e || e.revoked) continue;
      const { subjectKey: _k, revoked: _r, recognisedIn, ...summary } = e;
      if (e.sourceRegion === region) out.push({ ...summary, origin: 'own' });
      else if (recognisedIn.includes(region)) out.push({ ...summary, origin: 'recognised' });
    }
    return out.sort((a, b) => compareDates(a.decisionDate, b.decisionDate));
  }

  /** 首违: no decision of the same kind in the region's history within `years` before the case date. */
  firstViolation(
    subject: { creditCode?: string; personId?: string },
    region: string,
    violationKind: string,
    caseDate: IsoDate,
    years = DEFAULT_FIRST_VIOLATION_YEARS,
  ): FirstViolationAnswer {
    return firstViolationIn(this.historyFor(subject, region), region, violationKind, caseDate, years);
  }
}

/** The same question over a given history (pure: used by the exemption evaluator too). */
export function firstViolationIn(
  history: readonly RegionHistoryEntry[],
  region: string,
  violationKind: string,
  caseDate: IsoDate,
  years = DEFAULT_FIRST_VIOLATION_YEARS,
): FirstViolationAnswer {
  const windowFrom = addYears(caseDate, -years);
  const priorViolations = history.filter(
    (e) => e.violationKind === violationKind && compareDates(e.decisionDate, windowFrom) > 0 && compareDates(e.decisionDate, caseDate) <= 0,
  );
  return { firstViolation: priorViolations.length === 0, region, violationKind, windowFrom, windowYears: years, priorViolations, rule: RULES.FIRST_VIOLATION };
}
