import { compareDates, IsoDate, isIsoDate } from '@yrd/calendar';
import {
  Deadline,
  defaultContext,
  DomainContext,
  explicitDeadline,
  isNonEmpty,
  isOnOrBefore,
  recomputed,
  today,
  workingDayDeadline,
} from './deadline';
import { DomainError, refuse, RULES } from './errors';
import { Command, compact, DomainEvent, ok, Result } from './result';

/** The requested bureau completes assistance within 15 working days of receiving the request. */
export const ASSISTANCE_WORKING_DAYS = 15;

export type FindingConclusion = 'confirmed' | 'not-confirmed' | 'inconclusive';
export const FINDING_CONCLUSIONS: readonly FindingConclusion[] = ['confirmed', 'not-confirmed', 'inconclusive'];

export interface Finding {
  /** One of the questions asked, verbatim. */
  question: string;
  finding: string;
  conclusion: FindingConclusion;
}

// ── events ────────────────────────────────────────────────────────────────────────────────────

export type AssistanceRequested = DomainEvent<
  'assistance.requested',
  {
    assistanceId: string;
    requestingBureau: string;
    requestedBureau: string;
    questions: string[];
    /** The referral or case the request serves, if any. */
    caseRef?: string;
    requestedAt: string;
    receivedOn: IsoDate;
    deadline: Deadline;
  }
>;

export type AssistanceAnswered = DomainEvent<
  'assistance.answered',
  {
    assistanceId: string;
    bureau: string;
    findings: Finding[];
    attachmentRefs: string[];
    answeredAt: string;
    withinDeadline: boolean;
  }
>;

/** The requested bureau told the requester, before the deadline, that it needs longer. */
export type AssistanceExtensionNoticed = DomainEvent<
  'assistance.extension-noticed',
  {
    assistanceId: string;
    bureau: string;
    previousDueDate: IsoDate;
    deadline: Deadline;
    reason: string;
    noticedAt: string;
  }
>;

export type AssistanceOverdueMarked = DomainEvent<
  'assistance.overdue-marked',
  { assistanceId: string; dueDate: IsoDate; markedAt: string }
>;

export type AssistanceDeadlineRecomputed = DomainEvent<
  'assistance.deadline-recomputed',
  { assistanceId: string; previous: Deadline; deadline: Deadline }
>;

/** The deadline is near and the request unanswered: the requested bureau was reminded. */
export type AssistanceDeadlineReminded = DomainEvent<
  'assistance.deadline-reminded',
  { assistanceId: string; bureau: string; dueDate: IsoDate; remindedAt: string }
>;

export type AssistanceEvent =
  | AssistanceRequested
  | AssistanceAnswered
  | AssistanceExtensionNoticed
  | AssistanceOverdueMarked
  | AssistanceDeadlineRecomputed
  | AssistanceDeadlineReminded;

// ── state ─────────────────────────────────────────────────────────────────────────────────────

export type AssistanceState =
  | { status: 'none' }
  | {
      status: 'requested' | 'answered';
      assistanceId: string;
      requestingBureau: string;
      requestedBureau: string;
      questions: string[];
      deadline: Deadline;
      overdue: boolean;
      /** The due date a reminder was last sent for (at most one per due date). */
      remindedFor?: IsoDate;
    };

export const initialState: AssistanceState = { status: 'none' };

export function evolve(state: AssistanceState, event: AssistanceEvent): AssistanceState {
  const { type, data } = event;
  if (type === 'assistance.requested') {
    return {
      status: 'requested',
      assistanceId: data.assistanceId,
      requestingBureau: data.requestingBureau,
      requestedBureau: data.requestedBureau,
      questions: data.questions,
      deadline: data.deadline,
      overdue: false,
    };
  }
  if (state.status === 'none') return state;
  switch (type) {
    case 'assistance.answered':
      return { ...state, status: 'answered' };
    case 'assistance.extension-noticed':
    case 'assistance.deadline-recomputed':
      return { ...state, deadline: data.deadline };
    case 'assistance.overdue-marked':
      return { ...state, overdue: true };
    case 'assistance.deadline-reminded':
      return { ...state, remindedFor: data.dueDate };
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

export type RequestAssistance = Command<
  'RequestAssistance',
  {
    assistanceId: string;
    requestingBureau: string;
    requestedBureau: string;
    questions: string[];
    caseRef?: string;
    /** Defaults to 15. */
    workingDays?: number;
  }
>;
export type AnswerAssistance = Command<
  'AnswerAssistance',
  { by: string; findings: Finding[]; attachmentRefs: string[] }
>;
export type NoticeExtension = Command<'NoticeExtension', { by: string; newDueDate: IsoDate; reason: string }>;
export type MarkOverdue = Command<'MarkOverdue', Record<string, never>>;
export type RecomputeAssistanceDeadline = Command<'RecomputeAssistanceDeadline', Record<string, never>>;
/**
 * A deadline job: remind the requested bureau that `dueDate` is near. Emits only while unanswered,
 * `dueDate` is still the deadline, it has not passed and no reminder was sent for it; else nothing.
 */
export type RemindAssistanceDeadline = Command<'RemindAssistanceDeadline', { dueDate: IsoDate }>;

export type AssistanceCommand =
  | RequestAssistance
  | AnswerAssistance
  | NoticeExtension
  | MarkOverdue
  | RecomputeAssistanceDeadline
  | RemindAssistanceDeadline;

type Decision = Result<AssistanceEvent[], DomainError>;

export function decide(
  command: AssistanceCommand,
  state: AssistanceState,
  now: Date,
  context: DomainContext = defaultContext(),
): Decision {
  const at = now.toISOString();
  if (command.type === 'RequestAssistance') return request(command, state, now, context);
  if (state.status === 'none') return refuse('NOT_FOUND', 'no such assistance request');
  const s = state;
  const id = s.assistanceId;

  switch (command.type) {
    case 'AnswerAssistance': {
      // Who may act first: a bureau other than the requested one learns nothing of the state.
      if (command.data.by !== s.requestedBureau) {
        return refuse('ACTOR_NOT_PERMITTED', `only the requested bureau ${s.requestedBureau} may answer`);
      }
      if (s.status === 'answered') return refuse('ASSISTANCE_ALREADY_ANSWERED', 'the request was already answered');
      const { findings, attachmentRefs } = command.data;
      if (!Array.isArray(attachmentRefs) || !attachmentRefs.every(isNonEmpty)) {
        return refuse('INVALID_COMMAND', 'attachmentRefs must be a list of evidence ids');
      }
      if (!Array.isArray(findings)) return refuse('INVALID_COMMAND', 'findings must be a list');
      for (const f of findings) {
        if (!s.questions.includes(f.question)) return refuse('INVALID_COMMAND', `"${f.question}" was not asked`);
        if (!isNonEmpty(f.finding)) return refuse('INVALID_COMMAND', `the finding on "${f.question}" is empty`);
        if (!FINDING_CONCLUSIONS.includes(f.conclusion)) {
          return refuse('INVALID_COMMAND', `conclusion must be one of ${FINDING_CONCLUSIONS.join(', ')}`);
        }
      }
      const answered = new Set(findings.map((f) => f.question));
      if (answered.size !== findings.length) return refuse('INVALID_COMMAND', 'one finding per question');
      const missing = s.questions.filter((q) => !answered.has(q));
      if (missing.length > 0) {
        return refuse('FINDINGS_INCOMPLETE', `no finding for: ${missing.map((q) => `"${q}"`).join(', ')}`);
      }
      return ok([
        {
          type: 'assistance.answered',
          data: {
            assistanceId: id,
            bureau: s.requestedBureau,
            findings: findings.map((f) => ({ question: f.question, finding: f.finding, conclusion: f.conclusion })),
            attachmentRefs: [...attachmentRefs],
            answeredAt: at,
            withinDeadline: isOnOrBefore(now, s.deadline),
          },
        },
      ]);
    }
    case 'NoticeExtension': {
      if (command.data.by !== s.requestedBureau) {
        return refuse('ACTOR_NOT_PERMITTED', `only the requested bureau ${s.requestedBureau} may ask for longer`);
      }
      if (s.status === 'answered') return refuse('ASSISTANCE_ALREADY_ANSWERED', 'the request was already answered');
      if (!isOnOrBefore(now, s.deadline)) {
        return refuse(
          'EXTENSION_AFTER_DEADLINE',
          `the deadline was ${s.deadline.dueDate}; a need for more time must be noticed before it ends`,
          RULES.ASSISTANCE_DEADLINE,
        );
      }
      const { newDueDate, reason } = command.data;
      if (!isIsoDate(newDueDate)) return refuse('INVALID_COMMAND', 'newDueDate must be a date (YYYY-MM-DD)');
      if (compareDates(newDueDate, s.deadline.dueDate) <= 0) {
        return refuse('EXTENSION_NOT_LATER', `the new deadline must be after ${s.deadline.dueDate}`);
      }
      if (!isNonEmpty(reason)) return refuse('REASON_REQUIRED', 'an extension needs a reason');
      return ok([
        {
          type: 'assistance.extension-noticed',
          data: {
            assistanceId: id,
            bureau: s.requestedBureau,
            previousDueDate: s.deadline.dueDate,
            deadline: explicitDeadline(newDueDate),
            reason,
            noticedAt: at,
          },
        },
      ]);
    }
    case 'MarkOverdue': {
      if (s.status === 'answered') return refuse('ASSISTANCE_ALREADY_ANSWERED', 'the request was answered');
      if (s.overdue) return refuse('ALREADY_MARKED_OVERDUE', 'already marked overdue');
      if (isOnOrBefore(now, s.deadline)) {
        return refuse(
          'DEADLINE_NOT_PASSED',
          `the deadline ${s.deadline.dueDate} has not passed`,
          RULES.ASSISTANCE_DEADLINE,
        );
      }
      return ok([
        { type: 'assistance.overdue-marked', data: { assistanceId: id, dueDate: s.deadline.dueDate, markedAt: at } },
      ]);
    }
    case 'RemindAssistanceDeadline': {
      const due = command.data.dueDate;
      const pending = s.status === 'requested' && s.deadline.dueDate === due && s.remindedFor !== due;
      if (!pending || !isOnOrBefore(now, s.deadline)) return ok([]);
      return ok([
        {
          type: 'assistance.deadline-reminded',
          data: { assistanceId: id, bureau: s.requestedBureau, dueDate: due, remindedAt: at },
        },
      ]);
    }
    case 'RecomputeAssistanceDeadline': {
      if (s.status === 'answered') return ok([]);
      const next = recomputed(s.deadline, context.calendar);
      return ok(
        next
          ? [
              {
                type: 'assistance.deadline-recomputed',
                data: { assistanceId: id, previous: s.deadline, deadline: next },
              },
            ]
          : [],
      );
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function request(command: RequestAssistance, state: AssistanceState, now: Date, context: DomainContext): Decision {
  if (state.status !== 'none') return refuse('ALREADY_EXISTS', 'this assistance request already exists');
  const d = command.data;
  if (!isNonEmpty(d.assistanceId)) return refuse('INVALID_COMMAND', 'assistanceId is required');
  for (const code of [d.requestingBureau, d.requestedBureau]) {
    if (!context.registry.findBureau(code)) return refuse('UNKNOWN_BUREAU', `bureau ${code} is not registered`);
  }
  if (d.requestingBureau === d.requestedBureau)
    return refuse('INVALID_COMMAND', 'a bureau does not ask itself for assistance');
  if (!Array.isArray(d.questions) || d.questions.length === 0 || !d.questions.every(isNonEmpty)) {
    return refuse('INVALID_COMMAND', 'ask at least one question');
  }
  if (new Set(d.questions).size !== d.questions.length) return refuse('INVALID_COMMAND', 'questions must be distinct');
  const workingDays = d.workingDays ?? ASSISTANCE_WORKING_DAYS;
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > ASSISTANCE_WORKING_DAYS) {
    return refuse('INVALID_COMMAND', `workingDays must be 1–${ASSISTANCE_WORKING_DAYS}`, RULES.ASSISTANCE_DEADLINE);
  }
  const receivedOn = today(now);
  return ok([
    {
      type: 'assistance.requested',
      data: compact({
        assistanceId: d.assistanceId,
        requestingBureau: d.requestingBureau,
        requestedBureau: d.requestedBureau,
        questions: [...d.questions],
        caseRef: isNonEmpty(d.caseRef) ? d.caseRef : undefined,
        requestedAt: now.toISOString(),
        receivedOn,
        deadline: workingDayDeadline(receivedOn, workingDays, context.calendar),
      }),
    },
  ]);
}
