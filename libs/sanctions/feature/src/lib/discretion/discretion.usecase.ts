import { Injectable } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { chinaDateOf } from '@yrd/calendar';
import {
  checkDecision,
  DiscretionBasis,
  StandardPublication,
  suggestPenalty,
  Suggestion,
  validateStandardFile,
} from '@yrd/discretion-domain';
import type { CaseFacts } from '@yrd/exemption-domain';
import { PenaltyDecisionContent, regionOf } from '@yrd/sanctions-domain';
import { Refusal } from '../http/refusal';
import { SanctionsReadModelsHost } from '../read-models/sanctions-read-models.provider';
import { actorOf, SanctionsStreams, streamIds } from '../streams';

/** What an officer sends with a decision: the facts the fine was weighed on, and why it departs, if it does. */
export interface DiscretionClaim {
  facts: CaseFacts;
  /** The standard a joint action names (统一裁量); otherwise the one in force for the bureau. */
  standardId?: string;
  jointActionId?: string;
  justification?: string;
}

/** The fine a decision fixes: the sum of its fines (confiscation of illegal income is not a fine). */
export const fineOf = (d: PenaltyDecisionContent): number => d.penalties.reduce((sum, p) => sum + (p.kind === 'fine' ? p.amountFen : 0), 0);

/** Discretion standards (裁量基准): suggestions, checks of decisions, publication, flagged departures. */
@Injectable()
export class DiscretionUseCase {
  constructor(
    private readonly streams: SanctionsStreams,
    private readonly read: SanctionsReadModelsHost,
  ) {}

  /** Pure: the suggestion for the facts, from this instance's standards, lists and history. */
  suggest(facts: CaseFacts, standardId?: string): Suggestion {
    const region = regionOf(facts.bureau);
    if (!region) throw Refusal.invalid(`bureau ${facts.bureau} is not in the bureau registry`);
    const history = this.read.models.history.historyFor(facts.subject, region);
    const r = suggestPenalty({ standards: this.read.models.standards, lists: this.read.models.lists, facts, history, ...(standardId ? { standardId } : {}) });
    if (!r.ok) throw r.error.code === 'STANDARD_NOT_APPLICABLE' ? new Refusal(422, { statusCode: 422, error: r.error.code, message: r.error.message }) : Refusal.invalid(`${r.error.code}: ${r.error.message}`);
    return r.suggestion;
  }

  /**
   * Weighs a decision against its suggestion: the basis to record, and the departure to flag if the
   * fine is outside the range. A departure without a justification, or a fine above the statutory
   * maximum, is refused (422, naming the rule) and nothing is recorded.
   */
  assess(decision: PenaltyDecisionContent, claim: DiscretionClaim): { basis: DiscretionBasis; departure: ReturnType<typeof checkDecision> } {
    const facts = claim.facts;
    if (facts.bureau !== decision.issuingBureau) throw Refusal.invalid(`discretion.facts.bureau ${facts.bureau} is not the issuing bureau ${decision.issuingBureau}`);
    if (facts.violationKind !== decision.violationKind) throw Refusal.invalid(`discretion.facts.violationKind ${facts.violationKind} is not the decision's ${decision.violationKind}`);
    const s = this.suggest(facts, claim.standardId);
    const fineFen = fineOf(decision);
    const check = checkDecision(s, { fineFen, ...(claim.justification ? { justification: claim.justification } : {}) });
    if (!check.ok) throw new Refusal(422, { statusCode: 422, error: check.code, rule: check.rule, message: check.message, suggestion: { band: s.band, fine: s.fine, standard: s.standard && { standardId: s.standard.standardId, version: s.standard.version } } });
    const basis: DiscretionBasis = {
      standardId: s.standard?.standardId ?? null,
      standardVersion: s.standard?.version ?? null,
      outcome: s.outcome,
      band: s.band,
      suggestedFine: check.suggestedFine,
      fineFen,
      withinRange: check.withinRange,
      ...(check.withinRange ? {} : { justification: check.justification }),
      ...(claim.jointActionId ? { jointActionId: claim.jointActionId } : {}),
      exemptionItems: s.exemption.items,
      facts: facts as unknown as Record<string, unknown>,
    };
    return { basis, departure: check };
  }

  /** Records the flag of a departure (after the decision is recorded); addressed to the legal reviewer and the province's auditors. */
  async flag(principal: Principal, key: string, decisionId: string, decision: PenaltyDecisionContent, check: ReturnType<typeof checkDecision>): Promise<string | undefined> {
    if (!check.ok || check.withinRange) return undefined;
    const basis = decision.discretion;
    const province = regionOf(decision.issuingBureau) ?? decision.issuingBureau;
    const now = new Date();
    const data = {
      decisionId,
      decisionNumber: decision.decisionNumber,
      caseRef: decision.caseRef,
      issuingBureau: decision.issuingBureau,
      standardId: basis?.standardId ?? null,
      standardVersion: basis?.standardVersion ?? null,
      band: basis?.band ?? null,
      suggestedFine: check.suggestedFine,
      fineFen: fineOfBasis(decision),
      departure: check.departure,
      justification: check.justification,
      rule: { id: check.rule.id, source: check.rule.source, text: check.rule.text },
      legalReviewer: decision.issuingBureau,
      auditors: [province],
      flaggedAt: now.toISOString(),
    };
    const outcome = await this.streams.once.create(
      streamIds.departure(key),
      () => ({ ok: true, value: [{ type: 'discretion.departure-flagged', data }] }),
      this.streams.backbone.metadata(actorOf(principal), null, now),
    );
    if (!outcome.ok) throw new Error(`departure of ${decisionId} not flagged`);
    const view = { ...data, eventId: outcome.events[0]?.eventId ?? '' };
    const { rule: _rule, ...rest } = view;
    this.read.models.departures.set(decisionId, rest);
    return outcome.events[0]?.eventId;
  }

  /** Flagged departures: auditors and admins see all; a bureau sees those it must review or that it decided. */
  departures(principal: Principal) {
    const all = [...this.read.models.departures.values()].sort((a, b) => b.flaggedAt.localeCompare(a.flaggedAt));
    if (principal.role === 'auditor' || principal.role === 'admin') return all;
    return all.filter((d) => d.legalReviewer === principal.bureau || d.auditors.includes(principal.bureau));
  }

  async publish(principal: Principal, file: unknown) {
    const v = validateStandardFile(file);
    if (!v.ok) throw Refusal.ofPublication({ code: 'INVALID_STANDARD', message: `the standard file is invalid: ${v.summary}`, problems: v.problems });
    const now = new Date();
    const outcome = await this.streams.standards.handle(
      streamIds.standard(v.standard.standardId),
      (s) => StandardPublication.decide({ type: 'PublishStandardVersion', data: { file, by: principal.sub, today: chinaDateOf(now) } }, s, now, this.read.models.standards),
      this.streams.backbone.metadata(actorOf(principal), null, now),
    );
    if (!outcome.ok) throw Refusal.ofPublication(outcome.error);
    this.read.models.standards.add(v.standard);
    const { standard: _s, ...summary } = (outcome.events[0]?.payload ?? {}) as Record<string, unknown>;
    return { ...summary, eventId: outcome.events[0]?.eventId };
  }

  catalogue() {
    const reg = this.read.models.standards;
    const today = chinaDateOf(new Date());
    return reg.ids().map((id) => this.summary(id, today));
  }

  standard(id: string) {
    const reg = this.read.models.standards;
    if (reg.versions(id).length === 0) throw Refusal.notFound(`no discretion standard ${id}`);
    return { ...this.summary(id, chinaDateOf(new Date())), versions: reg.versions(id) };
  }

  version(id: string, version: number) {
    const s = this.read.models.standards.get(id, version);
    if (!s) throw Refusal.notFound(`no version ${version} of discretion standard ${id}`);
    return s;
  }

  private summary(id: string, today: string) {
    const reg = this.read.models.standards;
    return {
      standardId: id,
      inForceToday: reg.inForce(id, today)?.version ?? null,
      versions: reg.versions(id).map((s) => ({
        version: s.version,
        title: s.title,
        region: s.region,
        violationKind: s.violationKind,
        penaltyProvision: s.penaltyProvision.provision,
        effectiveFrom: s.effectiveFrom,
        effectiveTo: s.effectiveTo ?? null,
        bands: s.bands.map((b) => b.band),
        sources: s.sources.map((x) => ({ title: x.title, number: x.number ?? null, status: x.status })),
      })),
    };
  }
}

const fineOfBasis = (d: PenaltyDecisionContent): number => d.discretion?.fineFen ?? fineOf(d);
