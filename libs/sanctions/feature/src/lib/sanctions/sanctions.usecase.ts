import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { CorrelationContext } from '@yrd/platform';
import { chinaDateOf } from '@yrd/calendar';
import {
  CheckAnswer,
  checkParty,
  CourtJudgment,
  DELTA_REGIONS,
  RULES,
  regionOf,
  Sanction,
  sanctionFromJudgment,
  sanctionIdFor,
  SanctionTerms,
} from '@yrd/sanctions-domain';
import { Refusal } from '../http/refusal';
import { SanctionsReadModelsHost } from '../read-models/sanctions-read-models.provider';
import { actorOf, SanctionsStreams, streamIds } from '../streams';
import { CheckLog } from './check-log';

export interface ListingCommand {
  kind: 'operating-abnormality' | 'serious-violation-list';
  subject: { name: string; creditCode?: string; personId?: string };
  documentNumber: string;
  start: string;
  until?: string;
  reason: string;
}

/** The shared sanctions registry: court outcomes, listings, credit repair, and the interception check. */
@Injectable()
export class SanctionsUseCase {
  constructor(
    private readonly streams: SanctionsStreams,
    private readonly read: SanctionsReadModelsHost,
    private readonly checkLog: CheckLog,
  ) {}

  /**
   * The licensing interception check (自动拦截): served from memory, audited by a batched log.
   * `region` defaults to the caller's; sanctions are shared, so every Delta region gets the same answer.
   */
  check(principal: Principal, subject: { creditCode?: string; personId?: string }, region?: string, on?: string): CheckAnswer & { checkId: string } {
    const asked = region ?? regionOf(principal.bureau) ?? principal.bureau;
    const answer = this.read.models.sanctions.check(subject, on ?? chinaDateOf(new Date()), asked);
    const checkId = this.checkLog.add({
      by: { sub: principal.sub, role: principal.role, bureau: principal.bureau },
      subject: answer.subject,
      region: answer.region,
      on: answer.checkedOn,
      banned: answer.banned,
      listed: answer.listed,
      sanctionIds: answer.sanctions.map((s) => s.sanctionId),
      correlationId: CorrelationContext.current(),
    });
    return { ...answer, checkId };
  }

  records(subject: { creditCode?: string; personId?: string }) {
    return this.read.models.sanctions.recordsOf(subject);
  }

  /** A court's effective judgment (法院生效判决) reported by a bureau. */
  async recordJudgment(principal: Principal, judgment: Omit<CourtJudgment, 'region'> & { region?: string }) {
    const j: CourtJudgment = { ...judgment, region: judgment.region ?? regionOf(principal.bureau) ?? principal.bureau };
    const terms = sanctionFromJudgment(j);
    if (!terms.ok) throw Refusal.of(terms.error);
    return this.impose(principal, terms.value);
  }

  /** A bureau's listing decision: operating abnormality or serious-violation list. */
  async list(principal: Principal, c: ListingCommand) {
    const party = checkParty(c.subject);
    if (!party.ok) throw Refusal.of(party.error);
    const ref = `ld.${createHash('sha256').update(`${principal.bureau}|${c.documentNumber}`).digest('hex').slice(0, 24)}`;
    const terms: SanctionTerms = {
      sanctionId: sanctionIdFor(c.kind, ref, c.subject),
      kind: c.kind,
      subject: party.value,
      start: c.start,
      ...(c.until ? { until: c.until } : {}),
      lifelong: false,
      basis: c.kind === 'serious-violation-list' ? RULES.SERIOUS_VIOLATION_LIST : RULES.OPERATING_ABNORMALITY,
      source: { type: 'listing-decision', ref, documentNumber: c.documentNumber, region: regionOf(principal.bureau) ?? principal.bureau, issuer: principal.bureau },
      reason: c.reason,
    };
    return this.impose(principal, terms);
  }

  /** Credit repair (信用修复) recorded in any region ends the sanction in every region. */
  async repair(principal: Principal, sanctionId: string, ref: string, reason: string, liftedOn?: string) {
    if (!/^[A-Za-z0-9_.:]{1,100}$/.test(sanctionId)) throw Refusal.badRequest('sanctionId is malformed');
    if (!DELTA_REGIONS.includes(regionOf(principal.bureau) ?? '')) throw Refusal.forbidden('only a Delta bureau may record a credit repair');
    const outcome = await this.streams.sanctions.handle(
      streamIds.sanction(sanctionId),
      (s) => Sanction.decide({ type: 'LiftSanction', data: { how: 'credit-repair', by: principal.bureau, ref, reason, liftedOn: liftedOn ?? chinaDateOf(new Date()) } }, s, new Date()),
      this.streams.backbone.metadata(actorOf(principal)),
    );
    if (!outcome.ok) throw Refusal.of(outcome.error);
    return { sanctionId, status: outcome.state.status, events: outcome.events.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion })) };
  }

  private async impose(principal: Principal, terms: SanctionTerms) {
    const outcome = await this.streams.sanctions.create(
      streamIds.sanction(terms.sanctionId),
      (s) => Sanction.decide({ type: 'ImposeSanction', data: { terms } }, s, new Date()),
      this.streams.backbone.metadata(actorOf(principal)),
    );
    if (!outcome.ok) throw Refusal.of(outcome.error);
    return { sanctionId: terms.sanctionId, terms, events: outcome.events.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion })) };
  }
}
