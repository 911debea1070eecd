import { createHash } from 'node:crypto';
import { parsePersonId } from '@yrd/bureaus';
import { addCalendarDays, addYears, isIsoDate, IsoDate } from './dates';
import { PenaltyDecisionContent } from './decision-content';
import { DomainError, refuse, RULES, RuleRef } from './errors';
import { checkParty, FOOD_LICENCES, Party, subjectKey } from './penalty';
import { Command, compact, DomainEvent, isNonEmpty, ok, Result } from './result';

export type SanctionKind = 'serious-violation-list' | 'operating-abnormality' | 'food-industry-ban';
export const SANCTION_KINDS: readonly SanctionKind[] = ['serious-violation-list', 'operating-abnormality', 'food-industry-ban'];

/** Kinds that credit repair (信用修复) can end; a statutory ban cannot be repaired. */
export const REPAIRABLE: readonly SanctionKind[] = ['serious-violation-list', 'operating-abnormality'];

/** Years on the serious-violation list before removal (paraphrase, configurable). */
export const SERIOUS_LIST_YEARS = 3;
/** 食品安全法第一百三十五条第一款: five years from the revocation decision. */
export const FOOD_BAN_YEARS = 5;

export interface SanctionSource {
  type: 'penalty-decision' | 'court-judgment' | 'listing-decision';
  /** decisionId, or the judgment id. */
  ref: string;
  /** The document's own number (决定书文号 / 判决书案号). */
  documentNumber: string;
  /** The region of the issuing bureau or court. */
  region: string;
  /** The issuing bureau, or the court's name. */
  issuer: string;
}

export type SanctionTerms = {
  sanctionId: string;
  kind: SanctionKind;
  subject: Party;
  /** First day in force. */
  start: IsoDate;
  /** Last day in force (inclusive); absent when for life or until lifted. */
  until?: IsoDate;
  lifelong: boolean;
  basis: RuleRef;
  source: SanctionSource;
  /** Why, in words: the act that led to it. */
  reason: string;
};

export type LiftReason = 'credit-repair' | 'source-revoked';

// ── events ────────────────────────────────────────────────────────────────────────────────────

export type SanctionImposed = DomainEvent<'sanction.imposed', SanctionTerms & { imposedAt: string }>;
export type SanctionLifted = DomainEvent<
  'sanction.lifted',
  { sanctionId: string; kind: SanctionKind; subject: Party; how: LiftReason; by: string; ref: string; reason: string; liftedOn: IsoDate; liftedAt: string }
>;
export type SanctionEvent = SanctionImposed | SanctionLifted;

// ── state ─────────────────────────────────────────────────────────────────────────────────────

export type SanctionState = { status: 'none' } | { status: 'in-force' | 'lifted'; terms: SanctionTerms };
export const initialState: SanctionState = { status: 'none' };

export function evolve(state: SanctionState, event: SanctionEvent): SanctionState {
  const { type, data } = event;
  switch (type) {
    case 'sanction.imposed': {
      const { imposedAt: _at, ...terms } = data;
      return { status: 'in-force', terms };
    }
    case 'sanction.lifted':
      return state.status === 'none' ? state : { ...state, status: 'lifted' };
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

export type ImposeSanction = Command<'ImposeSanction', { terms: SanctionTerms }>;
/** `by`: the bureau recording the repair or the revocation (any region: the lift applies everywhere). */
export type LiftSanction = Command<'LiftSanction', { how: LiftReason; by: string; ref: string; reason: string; liftedOn: IsoDate }>;
export type SanctionCommand = ImposeSanction | LiftSanction;

export function decide(command: SanctionCommand, state: SanctionState, now: Date): Result<SanctionEvent[], DomainError> {
  const at = now.toISOString();
  switch (command.type) {
    case 'ImposeSanction': {
      if (state.status !== 'none') return refuse('ALREADY_EXISTS', `sanction ${command.data.terms.sanctionId} already exists`);
      const t = command.data.terms;
      const party = checkParty(t.subject);
      if (!party.ok) return party;
      if (!SANCTION_KINDS.includes(t.kind)) return refuse('INVALID_COMMAND', `unknown sanction kind ${String(t.kind)}`);
      if (!isIsoDate(t.start) || (t.until !== undefined && !isIsoDate(t.until))) return refuse('INVALID_COMMAND', 'start and until must be ISO dates');
      if (t.lifelong && t.until !== undefined) return refuse('INVALID_COMMAND', 'a lifelong sanction has no end date');
      if (!isNonEmpty(t.reason) || !isNonEmpty(t.source?.ref)) return refuse('INVALID_COMMAND', 'a sanction needs a reason and a source');
      return ok([{ type: 'sanction.imposed', data: { ...compact({ ...t }), imposedAt: at } as SanctionImposed['data'] }]);
    }
    case 'LiftSanction': {
      if (state.status === 'none') return refuse('NOT_FOUND', 'no such sanction');
      if (state.status === 'lifted') return refuse('SANCTION_LIFTED', 'the sanction was already lifted');
      const { how, by, ref, reason, liftedOn } = command.data;
      if (!isNonEmpty(reason) || !isNonEmpty(ref)) return refuse('REASON_REQUIRED', 'lifting needs a reason and the reference of the repair or revocation');
      if (!isIsoDate(liftedOn)) return refuse('INVALID_COMMAND', 'liftedOn must be an ISO date');
      if (how === 'credit-repair' && !REPAIRABLE.includes(state.terms.kind)) {
        return refuse(
          'NOT_REPAIRABLE',
          `${state.terms.kind} is a statutory ban (${state.terms.basis.source}${state.terms.basis.article ?? ''}); credit repair does not end it — only revocation of its source does`,
          RULES.CREDIT_REPAIR,
        );
      }
      if (how === 'source-revoked' && ref !== state.terms.source.ref) return refuse('INVALID_COMMAND', `the sanction's source is ${state.terms.source.ref}, not ${ref}`);
      const { sanctionId, kind, subject } = state.terms;
      return ok([{ type: 'sanction.lifted', data: { sanctionId, kind, subject, how, by, ref, reason, liftedOn, liftedAt: at } }]);
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

// ── rules: which sanctions follow from a decision or a judgment ───────────────────────────────

/** Stream-safe sanction id, stable for a source and subject (so a replay imposes nothing twice). */
export const sanctionIdFor = (kind: SanctionKind, sourceRef: string, subject: { creditCode?: string; personId?: string }): string =>
  `${kind === 'food-industry-ban' ? 'fb' : kind === 'serious-violation-list' ? 'sv' : 'oa'}.${createHash('sha256').update(`${sourceRef}|${subjectKey(subject)}`).digest('hex').slice(0, 24)}`;

/** Last day of a term of `years` starting on `start` (自…之日起N年内). */
export const lastDayOf = (start: IsoDate, years: number): IsoDate => addCalendarDays(addYears(start, years), -1);

/** Sanctions a (verified) penalty decision carries with it. */
export function sanctionsFromDecision(decisionId: string, d: PenaltyDecisionContent, sourceRegion: string): SanctionTerms[] {
  const source: SanctionSource = { type: 'penalty-decision', ref: decisionId, documentNumber: d.decisionNumber, region: sourceRegion, issuer: d.issuingBureau };
  const out: SanctionTerms[] = [];
  const revoked = d.penalties.find((p) => p.kind === 'licence-revocation' && FOOD_LICENCES.includes(p.licence.type));
  if (revoked) {
    const banned: Party[] = [d.subject, ...d.responsiblePersons.map((r) => ({ name: r.name, personId: r.personId }))];
    for (const subject of banned) {
      out.push({
        sanctionId: sanctionIdFor('food-industry-ban', decisionId, subject),
        kind: 'food-industry-ban',
        subject,
        start: d.decisionDate,
        until: lastDayOf(d.decisionDate, FOOD_BAN_YEARS),
        lifelong: false,
        basis: RULES.FOOD_BAN_LICENCE_REVOKED,
        source,
        reason: `食品生产经营许可证被吊销（${d.decisionNumber}）`,
      });
    }
  }
  if (d.listings.includes('serious-violation-list')) {
    out.push({
      sanctionId: sanctionIdFor('serious-violation-list', decisionId, d.subject),
      kind: 'serious-violation-list',
      subject: d.subject,
      start: d.decisionDate,
      until: lastDayOf(d.decisionDate, SERIOUS_LIST_YEARS),
      lifelong: false,
      basis: RULES.SERIOUS_VIOLATION_LIST,
      source,
      reason: `列入严重违法失信名单（${d.decisionNumber}）`,
    });
  }
  return out;
}

/** Criminal sentences, lightest last; 有期徒刑以上 = fixed-term imprisonment, life imprisonment, death. */
export type Sentence = 'death' | 'life-imprisonment' | 'fixed-term-imprisonment' | 'criminal-detention' | 'public-surveillance' | 'fine-only' | 'exempted';
export const SENTENCES: readonly Sentence[] = ['death', 'life-imprisonment', 'fixed-term-imprisonment', 'criminal-detention', 'public-surveillance', 'fine-only', 'exempted'];
const IMPRISONMENT_OR_MORE: readonly Sentence[] = ['death', 'life-imprisonment', 'fixed-term-imprisonment'];

/** A court outcome reported to the registry (法院生效判决). */
export interface CourtJudgment {
  judgmentNumber: string;
  court: string;
  /** Region of the court (province division code). */
  region: string;
  person: { name: string; personId: string };
  /** 生产、销售不符合安全标准的食品罪, 生产、销售有毒、有害食品罪, … */
  charge: string;
  foodSafetyCrime: boolean;
  sentence: Sentence;
  effectiveOn: IsoDate;
}

export const judgmentIdOf = (judgmentNumber: string): string => `cj.${createHash('sha256').update(judgmentNumber).digest('hex').slice(0, 24)}`;

/** 食品安全法第一百三十五条第二款: a food-safety crime with 有期徒刑以上 → banned for life. */
export function sanctionFromJudgment(j: CourtJudgment): Result<SanctionTerms, DomainError> {
  if (!isNonEmpty(j.judgmentNumber) || !isNonEmpty(j.court) || !isNonEmpty(j.charge)) return refuse('INVALID_COMMAND', 'judgmentNumber, court and charge are required');
  if (!j.person || !isNonEmpty(j.person.name) || !parsePersonId(j.person.personId).ok) return refuse('INVALID_PERSON_ID', 'person.personId is not a valid resident id');
  if (!isIsoDate(j.effectiveOn)) return refuse('INVALID_COMMAND', 'effectiveOn must be an ISO date');
  if (!SENTENCES.includes(j.sentence)) return refuse('INVALID_COMMAND', `unknown sentence ${String(j.sentence)}`);
  if (!j.foodSafetyCrime) return refuse('NOT_A_FOOD_SAFETY_CRIME', `${j.charge} is not a food-safety crime: no food-industry ban follows`, RULES.FOOD_BAN_CRIME);
  if (!IMPRISONMENT_OR_MORE.includes(j.sentence)) {
    return refuse('NOT_A_QUALIFYING_SENTENCE', `a ${j.sentence} sentence is below fixed-term imprisonment: no lifelong ban follows`, RULES.FOOD_BAN_CRIME);
  }
  const ref = judgmentIdOf(j.judgmentNumber);
  const subject = { name: j.person.name, personId: j.person.personId };
  return ok({
    sanctionId: sanctionIdFor('food-industry-ban', ref, subject),
    kind: 'food-industry-ban',
    subject,
    start: j.effectiveOn,
    lifelong: true,
    basis: RULES.FOOD_BAN_CRIME,
    source: { type: 'court-judgment', ref, documentNumber: j.judgmentNumber, region: j.region, issuer: j.court },
    reason: `因${j.charge}被判处${j.sentence === 'fixed-term-imprisonment' ? '有期徒刑' : j.sentence === 'life-imprisonment' ? '无期徒刑' : '死刑'}（${j.judgmentNumber}）`,
  });
}
