import { isDivisionCode, parseCreditCode, parsePersonId } from '@yrd/bureaus';
import { compareDates, EARLIEST_CASE_DATE, IsoDate, isIsoDate } from '@yrd/calendar';
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
import { DomainError, refuse, RULES } from './errors';
import { RoutingBasis, routeClue } from './jurisdiction';
import { Command, compact, DomainEvent, ok, Result } from './result';

/** Art. 18: check within 15 working days; once extendable by 15 with approval. */
export const CLUE_CHECK_WORKING_DAYS = 15;
export const CLUE_CHECK_EXTENSION_WORKING_DAYS = 15;

export interface ClueSubject {
  name: string;
  /** Organisation: unified social credit code. */
  creditCode?: string;
  /** Natural person: resident id. */
  personId?: string;
}

export interface Place {
  /** GB/T 2260 six-digit code of where the violation happened. */
  divisionCode: string;
  address: string;
}

export type Urgency = 'normal' | 'urgent';

// ── events ────────────────────────────────────────────────────────────────────────────────────

export type ClueSubmitted = DomainEvent<
  'clue.submitted',
  {
    clueId: string;
    discoveringBureau: string;
    subject: ClueSubject;
    allegedViolation: string;
    facts: string;
    place: Place;
    suggestedTarget?: string;
    evidenceRefs: string[];
    urgency: Urgency;
    /** Day of discovery or receipt (China time); the check deadline counts from the day after. */
    discoveredOn: IsoDate;
    submittedAt: string;
  }
>;

/** The competent bureau is elsewhere: the clue is transferred (a referral is opened for it). */
export type ClueRouted = DomainEvent<
  'clue.routed',
  { clueId: string; target: string; basis: RoutingBasis; competentDivision: string; routedAt: string }
>;

/** The competent bureau is within the discovering bureau's own jurisdiction: it checks the clue itself. */
export type ClueKeptLocally = DomainEvent<
  'clue.kept-locally',
  {
    clueId: string;
    bureau: string;
    competentBureau: string;
    basis: RoutingBasis;
    competentDivision: string;
    checkDeadline: Deadline;
  }
>;

export type ClueCheckExtended = DomainEvent<
  'clue.check-extended',
  {
    clueId: string;
    approvedBy: string;
    reason: string;
    previousDueDate: IsoDate;
    checkDeadline: Deadline;
    extendedAt: string;
  }
>;

export type ClueCaseOpened = DomainEvent<
  'clue.case-opened',
  { clueId: string; bureau: string; caseNumber: string; approvedBy: string; openedOn: IsoDate; withinDeadline: boolean }
>;

export type ClueCaseDeclined = DomainEvent<
  'clue.case-declined',
  { clueId: string; bureau: string; reason: string; approvedBy: string; decidedOn: IsoDate; withinDeadline: boolean }
>;

export type ClueDeadlineRecomputed = DomainEvent<
  'clue.deadline-recomputed',
  { clueId: string; previous: Deadline; checkDeadline: Deadline }
>;

/** Evidence notarized for the clue after its submission, linked to it (the notary's entry id). */
export type ClueEvidenceAttached = DomainEvent<
  'clue.evidence-attached',
  { clueId: string; evidenceId: string; sha256: string; attachedBy: string; attachedAt: string }
>;

export type ClueEvent =
  | ClueEvidenceAttached
  | ClueSubmitted
  | ClueRouted
  | ClueKeptLocally
  | ClueCheckExtended
  | ClueCaseOpened
  | ClueCaseDeclined
  | ClueDeadlineRecomputed;

// ── state ─────────────────────────────────────────────────────────────────────────────────────

/** The evidence linked to a clue: given at submission, or notarized for it afterwards. */
interface Linked {
  evidenceRefs: string[];
}

export type ClueState =
  | { status: 'none' }
  | ({ status: 'submitted'; clueId: string; discoveringBureau: string; discoveredOn: IsoDate } & Linked)
  | ({ status: 'routed'; clueId: string; discoveringBureau: string; target: string; basis: RoutingBasis } & Linked)
  | ({ status: 'checking'; clueId: string; bureau: string; checkDeadline: Deadline; extended: boolean } & Linked)
  | ({ status: 'case-opened'; clueId: string; bureau: string; caseNumber: string; checkDeadline: Deadline } & Linked)
  | ({ status: 'declined'; clueId: string; bureau: string; checkDeadline: Deadline } & Linked);

export const initialState: ClueState = { status: 'none' };

export function evolve(state: ClueState, event: ClueEvent): ClueState {
  const { type, data } = event;
  const evidenceRefs = state.status === 'none' ? [] : state.evidenceRefs;
  switch (type) {
    case 'clue.submitted':
      return {
        status: 'submitted',
        clueId: data.clueId,
        discoveringBureau: data.discoveringBureau,
        discoveredOn: data.discoveredOn,
        evidenceRefs: [...data.evidenceRefs],
      };
    case 'clue.evidence-attached':
      return state.status === 'none' || evidenceRefs.includes(data.evidenceId)
        ? state
        : { ...state, evidenceRefs: [...evidenceRefs, data.evidenceId] };
    case 'clue.routed':
      return state.status === 'submitted'
        ? {
            status: 'routed',
            clueId: data.clueId,
            discoveringBureau: state.discoveringBureau,
            target: data.target,
            basis: data.basis,
            evidenceRefs,
          }
        : state;
    case 'clue.kept-locally':
      return {
        status: 'checking',
        clueId: data.clueId,
        bureau: data.bureau,
        checkDeadline: data.checkDeadline,
        extended: false,
        evidenceRefs,
      };
    case 'clue.check-extended':
      return state.status === 'checking' ? { ...state, checkDeadline: data.checkDeadline, extended: true } : state;
    case 'clue.deadline-recomputed':
      return state.status === 'checking' ? { ...state, checkDeadline: data.checkDeadline } : state;
    case 'clue.case-opened':
      return state.status === 'checking'
        ? {
            status: 'case-opened',
            clueId: data.clueId,
            bureau: data.bureau,
            caseNumber: data.caseNumber,
            checkDeadline: state.checkDeadline,
            evidenceRefs,
          }
        : state;
    case 'clue.case-declined':
      return state.status === 'checking'
        ? { status: 'declined', clueId: data.clueId, bureau: data.bureau, checkDeadline: state.checkDeadline, evidenceRefs }
        : state;
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

export type SubmitClue = Command<
  'SubmitClue',
  {
    clueId: string;
    discoveringBureau: string;
    subject: ClueSubject;
    allegedViolation: string;
    facts: string;
    place: Place;
    suggestedTarget?: string;
    evidenceRefs: string[];
    urgency: Urgency;
    /** Defaults to today (China time). */
    discoveredOn?: IsoDate;
  }
>;
/** 立案: the bureau head decides to open a case. `by` is the checking bureau. */
export type OpenCase = Command<'OpenCase', { by: string; caseNumber: string; approvedBy: string }>;
/** 不予立案. */
export type DeclineCase = Command<'DeclineCase', { by: string; reason: string; approvedBy: string }>;
/** Art. 18 special circumstances: one extension of 15 working days, approved by the head. */
export type ExtendCheck = Command<'ExtendCheck', { by: string; approvedBy: string; reason: string }>;
/** Recompute a provisional deadline after a holiday notice was loaded. */
export type RecomputeClueDeadline = Command<'RecomputeClueDeadline', Record<string, never>>;

/**
 * Link evidence notarized for the clue after its submission. `by` is the bureau that uploaded it:
 * only the clue's own bureau links evidence to it. Linking the same entry twice changes nothing.
 */
export type AttachEvidence = Command<'AttachEvidence', { by: string; evidenceId: string; sha256: string }>;

export type ClueCommand = SubmitClue | OpenCase | DeclineCase | ExtendCheck | RecomputeClueDeadline | AttachEvidence;

export function decide(
  command: ClueCommand,
  state: ClueState,
  now: Date,
  context: DomainContext = defaultContext(),
): Result<ClueEvent[], DomainError> {
  const { type } = command;
  switch (type) {
    case 'SubmitClue':
      return submit(command, state, now, context);
    case 'OpenCase':
    case 'DeclineCase': {
      const checking = requireChecking(state, command.data.by);
      if (!checking.ok) return checking;
      const s = checking.value;
      if (!isNonEmpty(command.data.approvedBy)) {
        return refuse(
          'APPROVAL_REQUIRED',
          'the decision whether to open a case is the bureau head’s',
          RULES.CLUE_CHECK_DEADLINE,
        );
      }
      const withinDeadline = isOnOrBefore(now, s.checkDeadline);
      if (command.type === 'OpenCase') {
        if (!isNonEmpty(command.data.caseNumber)) return refuse('INVALID_COMMAND', 'caseNumber is required');
        return ok([
          {
            type: 'clue.case-opened',
            data: {
              clueId: s.clueId,
              bureau: s.bureau,
              caseNumber: command.data.caseNumber,
              approvedBy: command.data.approvedBy,
              openedOn: today(now),
              withinDeadline,
            },
          },
        ]);
      }
      if (!isNonEmpty(command.data.reason))
        return refuse('REASON_REQUIRED', 'a decision not to open a case needs a reason');
      return ok([
        {
          type: 'clue.case-declined',
          data: {
            clueId: s.clueId,
            bureau: s.bureau,
            reason: command.data.reason,
            approvedBy: command.data.approvedBy,
            decidedOn: today(now),
            withinDeadline,
          },
        },
      ]);
    }
    case 'ExtendCheck': {
      const checking = requireChecking(state, command.data.by);
      if (!checking.ok) return checking;
      const s = checking.value;
      if (s.extended) {
        return refuse(
          'EXTENSION_ALREADY_USED',
          'the check period can be extended only once',
          RULES.CLUE_CHECK_DEADLINE,
        );
      }
      if (!isOnOrBefore(now, s.checkDeadline)) {
        return refuse(
          'EXTENSION_AFTER_DEADLINE',
          `the check period ended on ${s.checkDeadline.dueDate}; it can only be extended before it ends`,
          RULES.CLUE_CHECK_DEADLINE,
        );
      }
      if (!isNonEmpty(command.data.approvedBy)) {
        return refuse('APPROVAL_REQUIRED', 'an extension needs the bureau head’s approval', RULES.CLUE_CHECK_DEADLINE);
      }
      if (!isNonEmpty(command.data.reason)) return refuse('REASON_REQUIRED', 'an extension needs a reason (特殊情况)');
      const from = s.checkDeadline.basis?.from ?? s.checkDeadline.dueDate;
      const base = s.checkDeadline.basis?.workingDays ?? 0;
      const checkDeadline = workingDayDeadline(from, base + CLUE_CHECK_EXTENSION_WORKING_DAYS, context.calendar);
      return ok([
        {
          type: 'clue.check-extended',
          data: {
            clueId: s.clueId,
            approvedBy: command.data.approvedBy,
            reason: command.data.reason,
            previousDueDate: s.checkDeadline.dueDate,
            checkDeadline,
            extendedAt: now.toISOString(),
          },
        },
      ]);
    }
    case 'AttachEvidence': {
      if (state.status === 'none') return refuse('NOT_FOUND', 'no such clue');
      const owner = clueHolder(state);
      if (command.data.by !== owner)
        return refuse('ACTOR_NOT_PERMITTED', `only bureau ${owner}, which holds this clue, links evidence to it`);
      const { evidenceId, sha256 } = command.data;
      if (!isNonEmpty(evidenceId) || !/^[0-9a-f]{64}$/.test(sha256 ?? ''))
        return refuse('INVALID_COMMAND', 'evidenceId and a SHA-256 (64 hex digits) are required');
      if (state.evidenceRefs.includes(evidenceId)) return ok([]);
      return ok([
        {
          type: 'clue.evidence-attached',
          data: { clueId: state.clueId, evidenceId, sha256, attachedBy: command.data.by, attachedAt: now.toISOString() },
        },
      ]);
    }
    case 'RecomputeClueDeadline': {
      if (state.status !== 'checking') return ok([]);
      const next = recomputed(state.checkDeadline, context.calendar);
      return ok(
        next
          ? [
              {
                type: 'clue.deadline-recomputed',
                data: { clueId: state.clueId, previous: state.checkDeadline, checkDeadline: next },
              },
            ]
          : [],
      );
    }
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

function submit(
  command: SubmitClue,
  state: ClueState,
  now: Date,
  context: DomainContext,
): Result<ClueEvent[], DomainError> {
  if (state.status !== 'none') return refuse('ALREADY_EXISTS', 'this clue was already submitted');
  const d = command.data;
  if (!isNonEmpty(d.clueId)) return refuse('INVALID_COMMAND', 'clueId is required');
  const checked = checkClueContent(d);
  if (!checked.ok) return checked;
  const subject = checked.value;
  const discoveredOn = d.discoveredOn ?? today(now);
  if (!isIsoDate(discoveredOn) || compareDates(discoveredOn, today(now)) > 0 || compareDates(discoveredOn, EARLIEST_CASE_DATE) < 0) {
    return refuse('INVALID_COMMAND', `discoveredOn must be a date (YYYY-MM-DD) not in the future nor before ${EARLIEST_CASE_DATE}`);
  }

  const routing = routeClue(
    compact({
      discoveringBureau: d.discoveringBureau,
      suggestedTarget: d.suggestedTarget,
      creditCode: subject.creditCode,
      placeDivisionCode: d.place.divisionCode,
    }),
    context.registry,
  );
  if (!routing.ok) return routing;

  const submitted: ClueSubmitted = {
    type: 'clue.submitted',
    data: compact({
      clueId: d.clueId,
      discoveringBureau: d.discoveringBureau,
      subject,
      allegedViolation: d.allegedViolation,
      facts: d.facts,
      place: { divisionCode: d.place.divisionCode, address: d.place.address },
      suggestedTarget: d.suggestedTarget,
      evidenceRefs: [...d.evidenceRefs],
      urgency: d.urgency,
      discoveredOn,
      submittedAt: now.toISOString(),
    }),
  };
  const r = routing.value;
  if (r.outcome === 'refer') {
    return ok([
      submitted,
      {
        type: 'clue.routed',
        data: {
          clueId: d.clueId,
          target: r.target,
          basis: r.basis,
          competentDivision: r.competentDivision,
          routedAt: now.toISOString(),
        },
      },
    ]);
  }
  return ok([
    submitted,
    {
      type: 'clue.kept-locally',
      data: {
        clueId: d.clueId,
        bureau: r.bureau,
        competentBureau: r.competentBureau,
        basis: r.basis,
        competentDivision: r.competentDivision,
        checkDeadline: workingDayDeadline(discoveredOn, CLUE_CHECK_WORKING_DAYS, context.calendar),
      },
    },
  ]);
}

/** What a clue and a referral both carry about the case, checked; returns the normalised subject. */
export function checkClueContent(d: {
  subject: ClueSubject;
  allegedViolation: string;
  facts: string;
  place: Place;
  evidenceRefs: string[];
  urgency: Urgency;
}): Result<ClueSubject, DomainError> {
  if (!d.subject || !isNonEmpty(d.subject.name)) return refuse('INVALID_COMMAND', 'the subject needs a name');
  if (d.subject.creditCode !== undefined && d.subject.personId !== undefined) {
    return refuse('INVALID_COMMAND', 'a subject is an organisation (credit code) or a person (resident id), not both');
  }
  let subject: ClueSubject = { name: d.subject.name };
  if (d.subject.creditCode !== undefined) {
    const parsed = parseCreditCode(d.subject.creditCode);
    if (!parsed.ok) return refuse('INVALID_CREDIT_CODE', `credit code: ${parsed.reason}`);
    subject = { ...subject, creditCode: parsed.code };
  }
  if (d.subject.personId !== undefined) {
    const parsed = parsePersonId(d.subject.personId);
    if (!parsed.ok) return refuse('INVALID_PERSON_ID', `resident id: ${parsed.reason}`);
    subject = { ...subject, personId: parsed.id };
  }
  if (!isNonEmpty(d.allegedViolation)) return refuse('INVALID_COMMAND', 'allegedViolation is required');
  if (!isNonEmpty(d.facts)) return refuse('INVALID_COMMAND', 'facts are required');
  if (!d.place || !isDivisionCode(d.place.divisionCode) || !isNonEmpty(d.place.address)) {
    return refuse('INVALID_COMMAND', 'the place needs a six-digit division code and an address');
  }
  if (!Array.isArray(d.evidenceRefs) || !d.evidenceRefs.every(isNonEmpty)) {
    return refuse('INVALID_COMMAND', 'evidenceRefs must be a list of evidence ids');
  }
  if (d.urgency !== 'normal' && d.urgency !== 'urgent')
    return refuse('INVALID_COMMAND', "urgency is 'normal' or 'urgent'");
  return ok(subject);
}

/** The bureau that holds the clue: the discovering bureau until it is kept locally, then the checking bureau. */
function clueHolder(state: Exclude<ClueState, { status: 'none' }>): string {
  return 'bureau' in state ? state.bureau : state.discoveringBureau;
}

function requireChecking(
  state: ClueState,
  by: string,
): Result<Extract<ClueState, { status: 'checking' }>, DomainError> {
  // Who may act before the state: another bureau is not told whether the clue was referred or decided.
  const owner = state.status === 'none' ? undefined : clueHolder(state);
  if (owner !== undefined && owner !== by)
    return refuse('ACTOR_NOT_PERMITTED', `only bureau ${owner}, which holds this clue, may do this`);
  switch (state.status) {
    case 'none':
      return refuse('NOT_FOUND', 'no such clue');
    case 'submitted':
    case 'checking':
      break;
    case 'routed':
      return refuse(
        'CLUE_REFERRED',
        `the clue was transferred to ${state.target}; the receiving bureau checks it and decides on a case`,
        RULES.TRANSFER_TO_COMPETENT,
      );
    case 'case-opened':
      return refuse('CLUE_ALREADY_DECIDED', `a case (${state.caseNumber}) was already opened on this clue`);
    case 'declined':
      return refuse('CLUE_ALREADY_DECIDED', 'it was already decided not to open a case');
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
  if (state.status !== 'checking') return refuse('NOT_FOUND', 'the clue has not been routed yet');
  if (state.bureau !== by)
    return refuse('ACTOR_NOT_PERMITTED', `only bureau ${state.bureau}, which checks this clue, may do this`);
  return ok(state);
}
