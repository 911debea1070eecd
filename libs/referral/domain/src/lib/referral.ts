import { IsoDate } from '@yrd/calendar';
import { checkClueContent, ClueSubject, Place, Urgency } from './clue';
import {
  Deadline,
  defaultContext,
  DomainContext,
  isNonEmpty,
  isOnOrBefore,
  recomputed,
  today,
  workingDayDeadline,
} from './deadline';
import { DomainError, DomainErrorCode, refuse, RULES } from './errors';
import { RoutingBasis } from './jurisdiction';
import { Command, compact, DomainEvent, ok, Result } from './result';

/** Art. 18: the receiving bureau checks within 15 working days of receipt. */
export const REFERRAL_CHECK_WORKING_DAYS = 15;

/** What the receiving bureau reports having done (反馈). */
export type HandlingOutcome =
  /** 立案 and a penalty decided (a penalty decision reference is required). */
  | 'penalised'
  /** 立案, then no penalty (e.g. 不予处罚, 撤销立案). */
  | 'not-penalised'
  /** checked, no case opened (不予立案). */
  | 'case-not-opened'
  /** transferred to the judiciary (涉嫌犯罪移送司法机关). */
  | 'transferred-to-judiciary';

export const HANDLING_OUTCOMES: readonly HandlingOutcome[] = [
  'penalised',
  'not-penalised',
  'case-not-opened',
  'transferred-to-judiciary',
];

// ── events ────────────────────────────────────────────────────────────────────────────────────

export type ReferralCreated = DomainEvent<
  'referral.created',
  {
    referralId: string;
    clueId?: string;
    fromBureau: string;
    toBureau: string;
    basis: RoutingBasis;
    subject: ClueSubject;
    allegedViolation: string;
    facts: string;
    place: Place;
    evidenceRefs: string[];
    urgency: Urgency;
    createdAt: string;
  }
>;

/** The referral reached the receiving bureau; the check period runs from the day after `receivedOn`. */
export type ReferralDelivered = DomainEvent<
  'referral.delivered',
  { referralId: string; toBureau: string; deliveredAt: string; receivedOn: IsoDate; checkDeadline: Deadline }
>;

export type ReferralAccepted = DomainEvent<
  'referral.accepted',
  { referralId: string; bureau: string; acceptedAt: string }
>;

export type ReferralRejected = DomainEvent<
  'referral.rejected',
  { referralId: string; bureau: string; reason: string; rejectedAt: string }
>;

/** The receiver disputes jurisdiction; the designating authority is fixed now, for the record. */
export type ReferralDisputed = DomainEvent<
  'referral.disputed',
  {
    referralId: string;
    bureau: string;
    reason: string;
    designatingAuthority: string;
    designatingAuthorityKind: 'common-superior' | 'joint-mechanism';
    disputedAt: string;
  }
>;

/** 指定管辖: followed, in the same decision, by `referral.delivered` to the designated bureau. */
export type ReferralDesignated = DomainEvent<
  'referral.designated',
  {
    referralId: string;
    designatedBy: string;
    designatedBureau: string;
    previousBureau: string;
    reason?: string;
    designatedAt: string;
  }
>;

export type ReferralFeedbackSubmitted = DomainEvent<
  'referral.feedback-submitted',
  {
    referralId: string;
    bureau: string;
    outcome: HandlingOutcome;
    handlingResult: string;
    caseNumber?: string;
    penaltyDecisionRef?: string;
    submittedAt: string;
  }
>;

export type ReferralClosed = DomainEvent<
  'referral.closed',
  { referralId: string; closedBy: string; outcome: 'handled' | 'rejected'; closedAt: string }
>;

export type ReferralDeadlineRecomputed = DomainEvent<
  'referral.deadline-recomputed',
  { referralId: string; previous: Deadline; checkDeadline: Deadline }
>;

/** The check deadline is near and the referral is still undecided: the receiver was reminded. */
export type ReferralDeadlineReminded = DomainEvent<
  'referral.deadline-reminded',
  { referralId: string; bureau: string; dueDate: IsoDate; remindedAt: string }
>;

/** The check deadline passed without a decision: escalated (once per due date). */
export type ReferralOverdueEscalated = DomainEvent<
  'referral.overdue-escalated',
  { referralId: string; bureau: string; dueDate: IsoDate; escalatedAt: string }
>;

/** Evidence notarized for the clue after the referral was opened, linked to it (the notary's entry id). */
export type ReferralEvidenceAttached = DomainEvent<
  'referral.evidence-attached',
  { referralId: string; evidenceId: string; sha256: string; attachedBy: string; attachedAt: string }
>;

export type ReferralEvent =
  | ReferralEvidenceAttached
  | ReferralCreated
  | ReferralDelivered
  | ReferralAccepted
  | ReferralRejected
  | ReferralDisputed
  | ReferralDesignated
  | ReferralFeedbackSubmitted
  | ReferralClosed
  | ReferralDeadlineRecomputed
  | ReferralDeadlineReminded
  | ReferralOverdueEscalated;

// ── state ─────────────────────────────────────────────────────────────────────────────────────

export type ReferralStatus =
  | 'created'
  | 'delivered'
  | 'accepted'
  | 'rejected'
  | 'disputed'
  | 'feedback-submitted'
  | 'closed';

export interface ReferralRecord {
  status: ReferralStatus;
  referralId: string;
  fromBureau: string;
  /** The bureau that currently holds it (changes on designation). */
  toBureau: string;
  checkDeadline?: Deadline;
  /** Set while (and after) jurisdiction is disputed. */
  designatingAuthority?: string;
  /** Jurisdiction was designated: binding on the designated bureau. */
  designated: boolean;
  /** The clue's evidence: given when the referral opened, and linked since. */
  evidenceRefs: string[];
  /** The due date a reminder was last sent for (at most one reminder per due date). */
  remindedFor?: IsoDate;
  /** The due date the referral was last escalated as overdue for (at most once per due date). */
  escalatedFor?: IsoDate;
}

export type ReferralState = { status: 'none' } | ReferralRecord;

export const initialState: ReferralState = { status: 'none' };

export function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  const { type, data } = event;
  if (type === 'referral.created') {
    return {
      status: 'created',
      referralId: data.referralId,
      fromBureau: data.fromBureau,
      toBureau: data.toBureau,
      designated: false,
      evidenceRefs: [...data.evidenceRefs],
    };
  }
  if (state.status === 'none') return state;
  switch (type) {
    case 'referral.delivered':
      return { ...state, status: 'delivered', toBureau: data.toBureau, checkDeadline: data.checkDeadline };
    case 'referral.accepted':
      return { ...state, status: 'accepted' };
    case 'referral.rejected':
      return { ...state, status: 'rejected' };
    case 'referral.disputed':
      return { ...state, status: 'disputed', designatingAuthority: data.designatingAuthority };
    case 'referral.designated':
      return { ...state, toBureau: data.designatedBureau, designated: true };
    case 'referral.feedback-submitted':
      return { ...state, status: 'feedback-submitted' };
    case 'referral.closed':
      return { ...state, status: 'closed' };
    case 'referral.deadline-recomputed':
      return { ...state, checkDeadline: data.checkDeadline };
    case 'referral.deadline-reminded':
      return { ...state, remindedFor: data.dueDate };
    case 'referral.overdue-escalated':
      return { ...state, escalatedFor: data.dueDate };
    case 'referral.evidence-attached':
      return state.evidenceRefs.includes(data.evidenceId) ? state : { ...state, evidenceRefs: [...state.evidenceRefs, data.evidenceId] };
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

export type CreateReferral = Command<
  'CreateReferral',
  {
    referralId: string;
    clueId?: string;
    fromBureau: string;
    toBureau: string;
    basis: RoutingBasis;
    subject: ClueSubject;
    allegedViolation: string;
    facts: string;
    place: Place;
    evidenceRefs: string[];
    urgency: Urgency;
  }
>;
/** The receiving bureau's inbox or system acknowledged it. */
export type DeliverReferral = Command<'DeliverReferral', Record<string, never>>;
export type AcceptReferral = Command<'AcceptReferral', { by: string }>;
export type RejectReferral = Command<'RejectReferral', { by: string; reason: string }>;
export type DisputeJurisdiction = Command<'DisputeJurisdiction', { by: string; reason: string }>;
/**
 * `by` is the caller's own bureau. `jointMechanismCoordinator`: the caller coordinates the
 * cross-province joint mechanism (it may designate only where the dispute named that mechanism).
 */
export type DesignateJurisdiction = Command<
  'DesignateJurisdiction',
  { by: string; designatedBureau: string; reason?: string; jointMechanismCoordinator?: boolean }
>;
/** Passing it on to yet another bureau: never allowed to the receiver (不得再自行移送). */
export type TransferReferral = Command<'TransferReferral', { by: string; toBureau: string }>;
export type SubmitFeedback = Command<
  'SubmitFeedback',
  { by: string; outcome: HandlingOutcome; handlingResult: string; caseNumber?: string; penaltyDecisionRef?: string }
>;
export type CloseReferral = Command<'CloseReferral', { by: string }>;
export type RecomputeReferralDeadline = Command<'RecomputeReferralDeadline', Record<string, never>>;
/**
 * A deadline job: remind the receiver that the check deadline `dueDate` is near. Emits only while
 * the referral is still undecided (delivered), `dueDate` is still its deadline, the deadline has not
 * passed, and no reminder was sent for that due date; otherwise nothing happens (no refusal).
 */
export type RemindDeadline = Command<'RemindDeadline', { dueDate: IsoDate }>;
/**
 * A deadline job: the check deadline `dueDate` has ended undecided → escalate. Same no-op rules as
 * `RemindDeadline`; refused with DEADLINE_NOT_PASSED while `now` is still on or before `dueDate`.
 */
export type EscalateOverdue = Command<'EscalateOverdue', { dueDate: IsoDate }>;

/**
 * Link evidence notarized for the referral's clue after the referral opened. `by` is the bureau
 * that uploaded it: only the referring bureau (the clue's) adds evidence. Twice changes nothing.
 */
export type AttachReferralEvidence = Command<'AttachReferralEvidence', { by: string; evidenceId: string; sha256: string }>;

export type ReferralCommand =
  | AttachReferralEvidence
  | CreateReferral
  | DeliverReferral
  | AcceptReferral
  | RejectReferral
  | DisputeJurisdiction
  | DesignateJurisdiction
  | TransferReferral
  | SubmitFeedback
  | CloseReferral
  | RecomputeReferralDeadline
  | RemindDeadline
  | EscalateOverdue;

type Decision = Result<ReferralEvent[], DomainError>;

export function decide(
  command: ReferralCommand,
  state: ReferralState,
  now: Date,
  context: DomainContext = defaultContext(),
): Decision {
  const at = now.toISOString();
  if (command.type === 'CreateReferral') return create(command, state, at, context);
  if (state.status === 'none') return refuse('NOT_FOUND', 'no such referral');
  const s = state;
  const id = s.referralId;
  // Who may act is checked before the state: a bureau with no say learns nothing of the referral's state.
  const actor = permittedActor(command, s, context);
  if (actor) return actor;

  switch (command.type) {
    case 'DeliverReferral': {
      if (s.status !== 'created') return refuseIn(s, { delivered: 'REFERRAL_ALREADY_DELIVERED' });
      return ok([delivered(id, s.toBureau, now, context)]);
    }
    case 'AcceptReferral': {
      if (s.status !== 'delivered') return refuseIn(s);
      return ok([{ type: 'referral.accepted', data: { referralId: id, bureau: s.toBureau, acceptedAt: at } }]);
    }
    case 'RejectReferral': {
      if (s.status !== 'delivered') return refuseIn(s);
      if (s.designated) return designatedIsBinding(s);
      if (!isNonEmpty(command.data.reason)) return refuse('REASON_REQUIRED', 'a rejection needs a reason');
      return ok([
        {
          type: 'referral.rejected',
          data: { referralId: id, bureau: s.toBureau, reason: command.data.reason, rejectedAt: at },
        },
      ]);
    }
    case 'DisputeJurisdiction': {
      if (s.status !== 'delivered') return refuseIn(s);
      if (s.designated) return designatedIsBinding(s);
      if (!isNonEmpty(command.data.reason)) return refuse('REASON_REQUIRED', 'a jurisdiction dispute needs a reason');
      const authority = context.registry.designatingAuthorityFor(s.fromBureau, s.toBureau, context.designatingPolicy);
      return ok([
        {
          type: 'referral.disputed',
          data: {
            referralId: id,
            bureau: s.toBureau,
            reason: command.data.reason,
            designatingAuthority: authority.authority,
            designatingAuthorityKind: authority.kind,
            disputedAt: at,
          },
        },
      ]);
    }
    case 'DesignateJurisdiction': {
      if (s.status !== 'disputed')
        return refuseIn(s, { delivered: 'REFERRAL_NOT_DISPUTED', accepted: 'REFERRAL_NOT_DISPUTED' });
      const authority = designatingAuthorityOf(s, context);
      const target = command.data.designatedBureau;
      if (!context.registry.findBureau(target)) return refuse('UNKNOWN_BUREAU', `bureau ${target} is not registered`);
      if (context.registry.findBureau(authority) && !context.registry.isWithinJurisdiction(authority, target)) {
        return refuse('DESIGNATION_OUTSIDE_AUTHORITY', `${target} is not under ${authority}`, RULES.DESIGNATION);
      }
      return ok([
        {
          type: 'referral.designated',
          data: compact({
            referralId: id,
            designatedBy: authority,
            designatedBureau: target,
            previousBureau: s.toBureau,
            reason: isNonEmpty(command.data.reason) ? command.data.reason : undefined,
            designatedAt: at,
          }),
        },
        delivered(id, target, now, context),
      ]);
    }
    case 'TransferReferral': {
      if (command.data.by === s.toBureau) {
        return refuse(
          'RETRANSFER_FORBIDDEN',
          'the receiving bureau may not transfer the referral on by itself (不得再自行移送): ' +
            'dispute jurisdiction instead, and the common superior or the joint mechanism designates',
          RULES.NO_RETRANSFER,
        );
      }
      return refuse(
        'ACTOR_NOT_PERMITTED',
        `only designation can move a referral to another bureau; ${command.data.by} cannot transfer it`,
        RULES.DESIGNATION,
      );
    }
    case 'SubmitFeedback': {
      if (s.status !== 'accepted') {
        return refuseIn(s, { delivered: 'REFERRAL_NOT_ACCEPTED', 'feedback-submitted': 'FEEDBACK_ALREADY_SUBMITTED' });
      }
      const d = command.data;
      if (!HANDLING_OUTCOMES.includes(d.outcome))
        return refuse('INVALID_COMMAND', `unknown outcome ${String(d.outcome)}`);
      if (!isNonEmpty(d.handlingResult)) return refuse('INVALID_COMMAND', 'handlingResult is required');
      if ((d.outcome === 'penalised' || d.outcome === 'not-penalised') && !isNonEmpty(d.caseNumber)) {
        return refuse('INVALID_COMMAND', `outcome '${d.outcome}' means a case was opened: give its caseNumber`);
      }
      if (d.outcome === 'penalised' && !isNonEmpty(d.penaltyDecisionRef)) {
        return refuse('INVALID_COMMAND', "outcome 'penalised' needs the penalty decision reference");
      }
      return ok([
        {
          type: 'referral.feedback-submitted',
          data: compact({
            referralId: id,
            bureau: s.toBureau,
            outcome: d.outcome,
            handlingResult: d.handlingResult,
            caseNumber: d.caseNumber,
            penaltyDecisionRef: d.penaltyDecisionRef,
            submittedAt: at,
          }),
        },
      ]);
    }
    case 'CloseReferral': {
      if (s.status !== 'feedback-submitted' && s.status !== 'rejected') return refuseIn(s, {}, 'REFERRAL_NOT_CLOSABLE');
      return ok([
        {
          type: 'referral.closed',
          data: {
            referralId: id,
            closedBy: command.data.by,
            outcome: s.status === 'rejected' ? 'rejected' : 'handled',
            closedAt: at,
          },
        },
      ]);
    }
    case 'AttachReferralEvidence': {
      const { evidenceId, sha256 } = command.data;
      if (!isNonEmpty(evidenceId) || !/^[0-9a-f]{64}$/.test(sha256 ?? ''))
        return refuse('INVALID_COMMAND', 'evidenceId and a SHA-256 (64 hex digits) are required');
      if (s.evidenceRefs.includes(evidenceId)) return ok([]);
      return ok([
        { type: 'referral.evidence-attached', data: { referralId: id, evidenceId, sha256, attachedBy: command.data.by, attachedAt: at } },
      ]);
    }
    case 'RecomputeReferralDeadline': {
      if (!s.checkDeadline || s.status === 'closed') return ok([]);
      const next = recomputed(s.checkDeadline, context.calendar);
      return ok(
        next
          ? [
              {
                type: 'referral.deadline-recomputed',
                data: { referralId: id, previous: s.checkDeadline, checkDeadline: next },
              },
            ]
          : [],
      );
    }
    case 'RemindDeadline':
    case 'EscalateOverdue': {
      const due = command.data.dueDate;
      const pending = s.status === 'delivered' && s.checkDeadline?.dueDate === due;
      if (!pending || !s.checkDeadline) return ok([]);
      const open = isOnOrBefore(now, s.checkDeadline);
      if (command.type === 'RemindDeadline') {
        if (!open || s.remindedFor === due) return ok([]);
        return ok([
          { type: 'referral.deadline-reminded', data: { referralId: id, bureau: s.toBureau, dueDate: due, remindedAt: at } },
        ]);
      }
      if (s.escalatedFor === due) return ok([]);
      if (open) return refuse('DEADLINE_NOT_PASSED', `the check deadline ${due} has not passed`, RULES.CLUE_CHECK_DEADLINE);
      return ok([
        { type: 'referral.overdue-escalated', data: { referralId: id, bureau: s.toBureau, dueDate: due, escalatedAt: at } },
      ]);
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function create(command: CreateReferral, state: ReferralState, at: string, context: DomainContext): Decision {
  if (state.status !== 'none') return refuse('ALREADY_EXISTS', 'this referral already exists');
  const d = command.data;
  if (!isNonEmpty(d.referralId)) return refuse('INVALID_COMMAND', 'referralId is required');
  for (const code of [d.fromBureau, d.toBureau]) {
    if (!context.registry.findBureau(code)) return refuse('UNKNOWN_BUREAU', `bureau ${code} is not registered`);
  }
  if (d.fromBureau === d.toBureau) {
    return refuse('CANNOT_REFER_TO_SELF', 'a bureau does not refer a case to itself', RULES.TRANSFER_TO_COMPETENT);
  }
  if (d.basis !== 'explicit' && d.basis !== 'registration-authority' && d.basis !== 'place') {
    return refuse('INVALID_COMMAND', `unknown routing basis ${String(d.basis)}`);
  }
  const checked = checkClueContent(d);
  if (!checked.ok) return checked;
  return ok([
    {
      type: 'referral.created',
      data: compact({
        referralId: d.referralId,
        clueId: isNonEmpty(d.clueId) ? d.clueId : undefined,
        fromBureau: d.fromBureau,
        toBureau: d.toBureau,
        basis: d.basis,
        subject: checked.value,
        allegedViolation: d.allegedViolation,
        facts: d.facts,
        place: { divisionCode: d.place.divisionCode, address: d.place.address },
        evidenceRefs: [...d.evidenceRefs],
        urgency: d.urgency,
        createdAt: at,
      }),
    },
  ]);
}

function delivered(referralId: string, toBureau: string, now: Date, context: DomainContext): ReferralDelivered {
  const receivedOn = today(now);
  return {
    type: 'referral.delivered',
    data: {
      referralId,
      toBureau,
      deliveredAt: now.toISOString(),
      receivedOn,
      checkDeadline: workingDayDeadline(receivedOn, REFERRAL_CHECK_WORKING_DAYS, context.calendar),
    },
  };
}

/**
 * The actor check, before any state check. Receiver's acts: accept, reject, dispute, feedback.
 * Closing: the referring or the receiving bureau. Designating: only the authority the dispute names
 * (the common superior's own bureau; for a cross-province dispute, a coordinator of the joint
 * mechanism). System commands (delivery, deadlines) carry no actor.
 */
function permittedActor(
  command: Exclude<ReferralCommand, CreateReferral>,
  s: ReferralRecord,
  context: DomainContext,
): { ok: false; error: DomainError } | undefined {
  switch (command.type) {
    case 'AcceptReferral':
    case 'RejectReferral':
    case 'DisputeJurisdiction':
    case 'SubmitFeedback':
      return requireReceiver(s, command.data.by);
    case 'AttachReferralEvidence':
      return command.data.by === s.fromBureau
        ? undefined
        : refuse('ACTOR_NOT_PERMITTED', `only the referring bureau ${s.fromBureau} adds evidence to its referral`);
    case 'CloseReferral':
      return command.data.by === s.fromBureau || command.data.by === s.toBureau
        ? undefined
        : refuse('ACTOR_NOT_PERMITTED', 'only the referring or the receiving bureau may close a referral');
    case 'DesignateJurisdiction': {
      const authority = designatingAuthorityOf(s, context);
      const isBureau = context.registry.findBureau(authority) !== undefined;
      const permitted = isBureau ? command.data.by === authority : command.data.jointMechanismCoordinator === true;
      return permitted
        ? undefined
        : refuse(
            'NOT_DESIGNATING_AUTHORITY',
            isBureau
              ? `only ${authority}, the common superior, may designate jurisdiction here; ${command.data.by} may not`
              : `only a coordinator of ${authority} (the joint mechanism for cross-province disputes) may designate jurisdiction here`,
            RULES.DESIGNATION,
          );
    }
    default:
      return undefined;
  }
}

/** The authority the dispute named; before a dispute, the one it would name (the parties' common superior). */
function designatingAuthorityOf(s: ReferralRecord, context: DomainContext): string {
  return (
    s.designatingAuthority ??
    context.registry.designatingAuthorityFor(s.fromBureau, s.toBureau, context.designatingPolicy).authority
  );
}

function requireReceiver(s: ReferralRecord, by: string): { ok: false; error: DomainError } | undefined {
  return by === s.toBureau
    ? undefined
    : refuse('ACTOR_NOT_PERMITTED', `only the receiving bureau ${s.toBureau} may do this`);
}

function designatedIsBinding(s: ReferralRecord): { ok: false; error: DomainError } {
  return refuse(
    'JURISDICTION_ALREADY_DESIGNATED',
    `jurisdiction was designated to ${s.toBureau} by ${s.designatingAuthority ?? 'the designating authority'}; it is binding`,
    RULES.DESIGNATION,
  );
}

const DEFAULT_STATE_ERRORS: Record<ReferralStatus, [DomainErrorCode, string]> = {
  created: ['REFERRAL_NOT_DELIVERED', 'the referral has not been delivered yet'],
  delivered: ['REFERRAL_NOT_ACCEPTED', 'the referral has not been accepted'],
  accepted: ['REFERRAL_ALREADY_ACCEPTED', 'the referral was already accepted'],
  rejected: ['REFERRAL_ALREADY_REJECTED', 'the referral was rejected'],
  disputed: ['REFERRAL_DISPUTED', 'jurisdiction is disputed; waiting for designation'],
  'feedback-submitted': ['REFERRAL_ALREADY_ACCEPTED', 'the referral was accepted and feedback submitted'],
  closed: ['REFERRAL_CLOSED', 'the referral is closed'],
};

const MESSAGES: Partial<Record<DomainErrorCode, string>> = {
  REFERRAL_ALREADY_DELIVERED: 'the referral was already delivered',
  REFERRAL_NOT_DISPUTED: 'jurisdiction is not disputed',
  FEEDBACK_ALREADY_SUBMITTED: 'feedback was already submitted',
  REFERRAL_NOT_CLOSABLE: 'a referral closes after feedback or after rejection',
};

/** The refusal for a command that the current status does not allow. */
function refuseIn(
  s: ReferralRecord,
  overrides: Partial<Record<ReferralStatus, DomainErrorCode>> = {},
  fallback?: DomainErrorCode,
): { ok: false; error: DomainError } {
  const [defaultCode, defaultMessage] = DEFAULT_STATE_ERRORS[s.status];
  const code = overrides[s.status] ?? (s.status === 'closed' ? defaultCode : (fallback ?? defaultCode));
  return refuse(code, code === defaultCode ? defaultMessage : (MESSAGES[code] ?? defaultMessage));
}
