import type { Deadline } from '@yrd/referral-domain';

/** Read models: one document per stream, `_id` = the aggregate id, written only by the projection. */
export interface VersionedView {
  _id: string;
  streamId: string;
  /** The stream version last applied: events at or below it are skipped (replays are no-ops). */
  version: number;
  /** Every bureau or authority that may read it (sender, receivers, designating authority). */
  parties: string[];
  createdAt: string;
  updatedAt: string;
}

/** A date-sortable key for cursor pagination by deadline; items without one sort last. */
export const NO_DEADLINE = '9999-12-31';

export interface ReferralView extends VersionedView {
  status: 'created' | 'delivered' | 'accepted' | 'rejected' | 'disputed' | 'feedback-submitted' | 'closed';
  clueId?: string;
  fromBureau: string;
  toBureau: string;
  basis: string;
  subject: { name: string; creditCode?: string; personId?: string };
  allegedViolation: string;
  facts: string;
  place: { divisionCode: string; address: string };
  evidenceRefs: string[];
  urgency: 'normal' | 'urgent';
  receivedOn?: string;
  deliveredAt?: string;
  checkDeadline?: Deadline;
  dueKey: string;
  provisional: boolean;
  /** Set by `referral.overdue-escalated`; the API also derives it from the due date. */
  overdue: boolean;
  remindedFor?: string;
  designatingAuthority?: string;
  designatingAuthorityKind?: 'common-superior' | 'joint-mechanism';
  decision?: { kind: 'accepted' | 'rejected' | 'disputed'; bureau: string; reason?: string; at: string };
  designations: Array<{ designatedBy: string; designatedBureau: string; previousBureau: string; reason?: string; at: string }>;
  feedback?: {
    outcome: string;
    handlingResult: string;
    caseNumber?: string;
    penaltyDecisionRef?: string;
    bureau: string;
    at: string;
  };
  closed?: { closedBy: string; outcome: 'handled' | 'rejected'; at: string };
}

export interface AssistanceView extends VersionedView {
  status: 'requested' | 'answered';
  requestingBureau: string;
  requestedBureau: string;
  questions: string[];
  caseRef?: string;
  requestedAt: string;
  receivedOn: string;
  deadline: Deadline;
  dueKey: string;
  provisional: boolean;
  overdue: boolean;
  remindedFor?: string;
  extensions: Array<{ previousDueDate: string; dueDate: string; reason: string; at: string }>;
  answer?: {
    findings: Array<{ question: string; finding: string; conclusion: string }>;
    attachmentRefs: string[];
    answeredAt: string;
    withinDeadline: boolean;
  };
}

export interface JointActionTaskView {
  taskId: string;
  bureau: string;
  description: string;
  status: 'pending' | 'in-progress' | 'completed';
  startedAt?: string;
  completedAt?: string;
  result?: { summary: string; inspections?: number; casesOpened?: number; caseNumbers?: string[] };
}

export interface JointActionView extends VersionedView {
  status: 'open' | 'closed';
  title: string;
  leadBureau: string;
  startsOn: string;
  endsOn: string;
  targets: string[];
  discretionStandardId: string;
  tasks: JointActionTaskView[];
  closed?: { closedBy: string; summary?: string; at: string };
}

export const REFERRAL_VIEWS = 'referral_inbox';
export const ASSISTANCE_VIEWS = 'assistance_inbox';
export const JOINT_ACTION_VIEWS = 'joint_actions';
