import { isDivisionCode } from '@yrd/bureaus';
import type { DiscretionBasis } from '@yrd/discretion-domain';
import { isIsoDate, IsoDate } from './dates';
import { DomainError, refuse } from './errors';
import { checkParty, checkPenalty, Party, Penalty, RESPONSIBLE_ROLES, ResponsiblePerson } from './penalty';
import { maskIdNumber, maskText, parsePersonId } from '@yrd/bureaus';
import { isNonEmpty, ok, Result } from './result';

/** Listings decided together with the penalty (列入严重违法失信名单 is its own decision, often made with it). */
export type Listing = 'serious-violation-list';

/** What a penalty decision (行政处罚决定书) says: the part the issuing bureau signs. */
export interface PenaltyDecisionContent {
  /** The document number, e.g. 沪市监青处罚〔2026〕12号. */
  decisionNumber: string;
  /** The case it closes (立案号 or the system's case id). */
  caseRef: string;
  /** Division code of the issuing bureau. */
  issuingBureau: string;
  subject: Party;
  /** Persons a licence revocation reaches (食品安全法第一百三十五条). */
  responsiblePersons: ResponsiblePerson[];
  /** Recognition category, e.g. 'food-safety', 'advertising' (policy data decides which are automatic). */
  category: string;
  /** The kind of violation, for "same kind" in first-violation rules (matches exemption items). */
  violationKind: string;
  facts: string;
  provisionsViolated: string[];
  penaltyProvisions: string[];
  penalties: Penalty[];
  decisionDate: IsoDate;
  listings: Listing[];
  /** 裁量: the standard applied, the suggestion and the fine decided; set by the service after checking it. */
  discretion?: DiscretionBasis;
}

const KIND = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/** Checks a decision's content; the first problem refuses it, naming the field. */
export function checkDecisionContent(c: PenaltyDecisionContent | undefined): Result<PenaltyDecisionContent, DomainError> {
  if (!c || typeof c !== 'object') return refuse('INVALID_COMMAND', 'decision content is required');
  for (const f of ['decisionNumber', 'caseRef', 'facts'] as const) {
    if (!isNonEmpty(c[f])) return refuse('INVALID_COMMAND', `${f} is required`);
  }
  if (!isDivisionCode(c.issuingBureau)) return refuse('UNKNOWN_BUREAU', `issuingBureau ${String(c.issuingBureau)} is not a division code`);
  if (!isNonEmpty(c.category) || !KIND.test(c.category)) return refuse('INVALID_COMMAND', 'category must be a lower-case code, e.g. food-safety');
  if (!isNonEmpty(c.violationKind) || !KIND.test(c.violationKind)) {
    return refuse('INVALID_COMMAND', 'violationKind must be a dotted lower-case code, e.g. advertising.absolute-terms');
  }
  const party = checkParty(c.subject);
  if (!party.ok) return party;
  for (const f of ['provisionsViolated', 'penaltyProvisions'] as const) {
    if (!Array.isArray(c[f]) || c[f].length === 0 || !c[f].every(isNonEmpty)) return refuse('INVALID_COMMAND', `${f} needs at least one provision`);
  }
  if (!Array.isArray(c.penalties) || c.penalties.length === 0) return refuse('INVALID_COMMAND', 'penalties needs at least one penalty');
  for (const [i, p] of c.penalties.entries()) {
    const e = checkPenalty(p, i);
    if (e) return { ok: false, error: e };
  }
  if (!isIsoDate(c.decisionDate)) return refuse('INVALID_COMMAND', 'decisionDate must be an ISO date');
  if (!Array.isArray(c.responsiblePersons)) return refuse('INVALID_COMMAND', 'responsiblePersons must be a list');
  for (const [i, r] of c.responsiblePersons.entries()) {
    if (!isNonEmpty(r?.name) || !RESPONSIBLE_ROLES.includes(r.role)) return refuse('INVALID_COMMAND', `responsiblePersons[${i}] needs a name and a role`);
    if (!parsePersonId(r.personId).ok) return refuse('INVALID_PERSON_ID', `responsiblePersons[${i}].personId is not a valid resident id`);
  }
  if (!Array.isArray(c.listings) || !c.listings.every((l) => l === 'serious-violation-list')) {
    return refuse('INVALID_COMMAND', 'listings may only contain serious-violation-list');
  }
  return ok(c);
}

/**
 * A decision as read outside its issuing bureau: natural persons' id numbers masked (the subject's,
 * the responsible persons', any in the facts), names and everything else kept. Personal data is
 * minimised across regions; tasks that need a full id (the licensing-interception check) work on
 * the full ids server-side and never need them shown.
 */
export function withMaskedPersonalData(c: PenaltyDecisionContent): PenaltyDecisionContent {
  return {
    ...c,
    subject: c.subject.personId === undefined ? c.subject : { ...c.subject, personId: maskIdNumber(c.subject.personId) },
    responsiblePersons: c.responsiblePersons.map((r) => ({ ...r, personId: maskIdNumber(r.personId) })),
    facts: maskText(c.facts, []),
  };
}
