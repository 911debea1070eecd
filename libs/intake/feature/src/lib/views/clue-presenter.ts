import { chinaDateOf, compareDates, defaultCalendar, type HolidayCalendar } from '@yrd/calendar';
import type { Deadline } from '@yrd/referral-domain';
import type { ClueReferralDoc, ClueViewDoc, ClueViewStatus } from './clue-view';

/** A check deadline as shown: computed at read time from `now`. */
export interface DeadlineView {
  dueDate: string;
  provisional: boolean;
  reasons: string[];
  /** Working days from today (China) to the due date; 0 on the last day, negative once passed. */
  workingDaysLeft: number;
  /** The clue is still being checked and the last day has passed. */
  overdue: boolean;
}

export function deadlineView(
  deadline: Deadline,
  status: ClueViewStatus,
  now: Date,
  calendar: HolidayCalendar = defaultCalendar,
): DeadlineView {
  const today = chinaDateOf(now);
  const left = calendar.workingDaysBetween(today, deadline.dueDate);
  const reasons = [...new Set([...deadline.reasons, ...left.reasons])];
  return {
    dueDate: deadline.dueDate,
    provisional: deadline.provisional || left.provisional,
    reasons,
    workingDaysLeft: left.days,
    overdue: status === 'checking' && compareDates(today, deadline.dueDate) > 0,
  };
}

export interface ReferralSummary {
  referralId: string;
  status: ClueReferralDoc['status'];
  toBureau: string;
  updatedAt: string;
  reason?: string;
  outcome?: string;
  caseNumber?: string;
  checkDueDate?: string;
}

/** One clue in a list. */
export interface ClueSummary {
  clueId: string;
  bureau: string;
  status: ClueViewStatus;
  referred: boolean;
  urgency: ClueViewDoc['urgency'];
  subject: ClueViewDoc['subject'];
  allegedViolation: string;
  place: ClueViewDoc['place'];
  discoveredOn: string;
  submittedAt: string;
  submittedBy: string;
  routing?: ClueViewDoc['routing'];
  checkDeadline?: DeadlineView;
  overdue: boolean;
  extended: boolean;
  case?: ClueViewDoc['case'];
  declined?: ClueViewDoc['declined'];
  /** The referral opened for a routed clue, as the receiving side reports it (once known). */
  referral?: ReferralSummary;
  version: number;
}

export function referralSummary(r: ClueReferralDoc): ReferralSummary {
  return {
    referralId: r._id,
    status: r.status,
    toBureau: r.toBureau,
    updatedAt: r.updatedAt,
    ...(r.reason !== undefined && { reason: r.reason }),
    ...(r.outcome !== undefined && { outcome: r.outcome }),
    ...(r.caseNumber !== undefined && { caseNumber: r.caseNumber }),
    ...(r.checkDueDate !== undefined && { checkDueDate: r.checkDueDate }),
  };
}

export function clueSummary(view: ClueViewDoc, referral: ClueReferralDoc | undefined, now: Date): ClueSummary {
  const deadline = view.checkDeadline ? deadlineView(view.checkDeadline, view.status, now) : undefined;
  return {
    clueId: view._id,
    bureau: view.bureau,
    status: view.status,
    referred: view.referred,
    urgency: view.urgency,
    subject: view.subject,
    allegedViolation: view.allegedViolation,
    place: view.place,
    discoveredOn: view.discoveredOn,
    submittedAt: view.submittedAt,
    submittedBy: view.submittedBy,
    ...(view.routing && { routing: view.routing }),
    ...(deadline && { checkDeadline: deadline }),
    overdue: deadline?.overdue ?? false,
    extended: view.extension !== undefined,
    ...(view.case && { case: view.case }),
    ...(view.declined && { declined: view.declined }),
    ...(referral && { referral: referralSummary(referral) }),
    version: view.version,
  };
}
