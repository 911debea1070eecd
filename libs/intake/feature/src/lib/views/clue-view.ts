import type { EventEnvelope } from '@yrd/contracts';
import { streamKind } from '@yrd/contracts';
import type { Clue, Deadline, RoutingBasis } from '@yrd/referral-domain';

/** Where a clue stands, as listed: referred elsewhere, being checked here, or decided. */
export type ClueViewStatus = 'submitted' | 'referred' | 'checking' | 'case-opened' | 'declined';
export const CLUE_VIEW_STATUSES: readonly ClueViewStatus[] = ['submitted', 'referred', 'checking', 'case-opened', 'declined'];

export type ReferralStatus =
  | 'created'
  | 'delivered'
  | 'accepted'
  | 'rejected'
  | 'disputed'
  | 'designated'
  | 'feedback'
  | 'closed';

/**
 * `clue_views` document, `_id` = clueId. Written only by the clue-view projection, one event at
 * a time in stream order; `version` is the last clue-stream version applied (the replay guard).
 */
export interface ClueViewDoc {
  _id: string;
  version: number;
  lastEventId: string;
  /** The discovering bureau: the clue's owner for listing and scoping. */
  bureau: string;
  submittedBy: string;
  subject: Clue.ClueSubject;
  allegedViolation: string;
  facts: string;
  place: Clue.Place;
  suggestedTarget?: string;
  evidenceRefs: string[];
  urgency: Clue.Urgency;
  discoveredOn: string;
  submittedAt: string;
  status: ClueViewStatus;
  referred: boolean;
  routing?:
    | { outcome: 'referred'; target: string; basis: RoutingBasis; competentDivision: string; routedAt: string }
    | { outcome: 'kept-locally'; competentBureau: string; basis: RoutingBasis; competentDivision: string };
  checkDeadline?: Deadline;
  extension?: { approvedBy: string; reason: string; previousDueDate: string; extendedAt: string };
  case?: { caseNumber: string; approvedBy: string; openedOn: string; withinDeadline: boolean };
  declined?: { reason: string; approvedBy: string; decidedOn: string; withinDeadline: boolean };
  updatedAt: string;
}

/**
 * `clue_referrals` document, `_id` = referralId: the referral opened for a routed clue, as the
 * clue-transfer service reports it. Later referral events carry only the referralId, so this is
 * also the referralId → clueId map. Written only from the referral stream (guarded by its version).
 */
export interface ClueReferralDoc {
  _id: string;
  clueId: string;
  version: number;
  status: ReferralStatus;
  fromBureau: string;
  toBureau: string;
  updatedAt: string;
  reason?: string;
  outcome?: string;
  caseNumber?: string;
  checkDueDate?: string;
}

type P = Record<string, unknown>;
const str = (p: P, k: string): string => String(p[k]);

/**
 * The clue view after one clue event (pure). Returns `undefined` for events it does not use or
 * that arrive before `clue.submitted`; the caller applies only `streamVersion > version`.
 */
export function applyClueEvent(view: ClueViewDoc | null, e: EventEnvelope): ClueViewDoc | null {
  const p = e.payload as P;
  const stamp = { version: e.streamVersion, lastEventId: e.eventId, updatedAt: e.occurredAt };
  if (e.type === 'clue.submitted') {
    const d = p as unknown as Clue.ClueSubmitted['data'];
    return {
      _id: d.clueId,
      ...stamp,
      bureau: d.discoveringBureau,
      submittedBy: e.actor.userId,
      subject: d.subject,
      allegedViolation: d.allegedViolation,
      facts: d.facts,
      place: d.place,
      ...(d.suggestedTarget !== undefined && { suggestedTarget: d.suggestedTarget }),
      evidenceRefs: d.evidenceRefs,
      urgency: d.urgency,
      discoveredOn: d.discoveredOn,
      submittedAt: d.submittedAt,
      status: 'submitted',
      referred: false,
    };
  }
  if (!view) return null;
  switch (e.type) {
    case 'clue.routed': {
      const d = p as unknown as Clue.ClueRouted['data'];
      return {
        ...view,
        ...stamp,
        status: 'referred',
        referred: true,
        routing: { outcome: 'referred', target: d.target, basis: d.basis, competentDivision: d.competentDivision, routedAt: d.routedAt },
      };
    }
    case 'clue.kept-locally': {
      const d = p as unknown as Clue.ClueKeptLocally['data'];
      return {
        ...view,
        ...stamp,
        status: 'checking',
        referred: false,
        routing: { outcome: 'kept-locally', competentBureau: d.competentBureau, basis: d.basis, competentDivision: d.competentDivision },
        checkDeadline: d.checkDeadline,
      };
    }
    case 'clue.check-extended': {
      const d = p as unknown as Clue.ClueCheckExtended['data'];
      return {
        ...view,
        ...stamp,
        checkDeadline: d.checkDeadline,
        extension: { approvedBy: d.approvedBy, reason: d.reason, previousDueDate: d.previousDueDate, extendedAt: d.extendedAt },
      };
    }
    case 'clue.deadline-recomputed':
      return { ...view, ...stamp, checkDeadline: (p as unknown as Clue.ClueDeadlineRecomputed['data']).checkDeadline };
    case 'clue.evidence-attached': {
      const { evidenceId } = p as unknown as Clue.ClueEvidenceAttached['data'];
      return { ...view, ...stamp, evidenceRefs: view.evidenceRefs.includes(evidenceId) ? view.evidenceRefs : [...view.evidenceRefs, evidenceId] };
    }
    case 'clue.case-opened': {
      const d = p as unknown as Clue.ClueCaseOpened['data'];
      return {
        ...view,
        ...stamp,
        status: 'case-opened',
        case: { caseNumber: d.caseNumber, approvedBy: d.approvedBy, openedOn: d.openedOn, withinDeadline: d.withinDeadline },
      };
    }
    case 'clue.case-declined': {
      const d = p as unknown as Clue.ClueCaseDeclined['data'];
      return {
        ...view,
        ...stamp,
        status: 'declined',
        declined: { reason: d.reason, approvedBy: d.approvedBy, decidedOn: d.decidedOn, withinDeadline: d.withinDeadline },
      };
    }
    default:
      // A newer clue event this view does not show: keep the version moving.
      return { ...view, ...stamp };
  }
}

/**
 * The clue's referral after one referral event (pure). `referral.created` without a clueId (a
 * referral not opened from a clue) and events of referrals we do not track give `null`.
 */
export function applyReferralEvent(link: ClueReferralDoc | null, e: EventEnvelope): ClueReferralDoc | null {
  if (streamKind(e.streamId) !== 'referral') return null;
  const p = e.payload as P;
  const stamp = { version: e.streamVersion, updatedAt: e.occurredAt };
  if (e.type === 'referral.created') {
    if (typeof p['clueId'] !== 'string') return null;
    return {
      _id: str(p, 'referralId'),
      clueId: str(p, 'clueId'),
      ...stamp,
      status: 'created',
      fromBureau: str(p, 'fromBureau'),
      toBureau: str(p, 'toBureau'),
    };
  }
  if (!link) return null;
  switch (e.type) {
    case 'referral.delivered':
      return { ...link, ...stamp, status: 'delivered', checkDueDate: (p['checkDeadline'] as Deadline).dueDate };
    case 'referral.accepted':
      return { ...link, ...stamp, status: 'accepted' };
    case 'referral.rejected':
      return { ...link, ...stamp, status: 'rejected', reason: str(p, 'reason') };
    case 'referral.disputed':
      return { ...link, ...stamp, status: 'disputed', reason: str(p, 'reason') };
    case 'referral.designated':
      return { ...link, ...stamp, status: 'designated', toBureau: str(p, 'designatedBureau') };
    case 'referral.feedback-submitted':
      return {
        ...link,
        ...stamp,
        status: 'feedback',
        outcome: str(p, 'outcome'),
        ...(typeof p['caseNumber'] === 'string' && { caseNumber: p['caseNumber'] }),
      };
    case 'referral.closed':
      return { ...link, ...stamp, status: 'closed', outcome: str(p, 'outcome') };
    case 'referral.deadline-recomputed':
      return { ...link, ...stamp, checkDueDate: (p['checkDeadline'] as Deadline).dueDate };
    default:
      return { ...link, ...stamp };
  }
}
