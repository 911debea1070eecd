import type { EventEnvelope } from '@yrd/contracts';
import { Assistance, JointAction, Referral } from '@yrd/referral-domain';
import { AssistanceView, JointActionView, NO_DEADLINE, ReferralView } from './views';

/**
 * Pure projections: (current view or null, next event) → next view, or null when the event does
 * not concern a view that exists (e.g. an event of another aggregate). They never look at the
 * version guard: `ViewStore.apply` skips events at or below the stored version before calling them.
 */
const add = (list: string[], ...codes: (string | undefined)[]): string[] => {
  const out = [...list];
  for (const c of codes) if (c && !out.includes(c)) out.push(c);
  return out;
};

const touched = <V extends { version: number; updatedAt: string }>(view: V, e: EventEnvelope): V => ({
  ...view,
  version: e.streamVersion,
  updatedAt: e.occurredAt,
});

export function projectReferral(view: ReferralView | null, envelope: EventEnvelope): ReferralView | null {
  if (!envelope.type.startsWith('referral.')) return null;
  const e = { type: envelope.type, data: envelope.payload } as Referral.ReferralEvent;
  if (e.type === 'referral.created') {
    const d = e.data;
    return {
      _id: d.referralId,
      streamId: envelope.streamId,
      version: envelope.streamVersion,
      parties: [d.fromBureau, d.toBureau],
      createdAt: d.createdAt,
      updatedAt: envelope.occurredAt,
      status: 'created',
      ...(d.clueId ? { clueId: d.clueId } : {}),
      fromBureau: d.fromBureau,
      toBureau: d.toBureau,
      basis: d.basis,
      subject: d.subject,
      allegedViolation: d.allegedViolation,
      facts: d.facts,
      place: d.place,
      evidenceRefs: d.evidenceRefs,
      urgency: d.urgency,
      dueKey: NO_DEADLINE,
      provisional: false,
      overdue: false,
      designations: [],
    };
  }
  if (!view) return null;
  const v = touched(view, envelope);
  switch (e.type) {
    case 'referral.delivered':
      return {
        ...v,
        status: 'delivered',
        toBureau: e.data.toBureau,
        parties: add(v.parties, e.data.toBureau),
        receivedOn: e.data.receivedOn,
        deliveredAt: e.data.deliveredAt,
        checkDeadline: e.data.checkDeadline,
        dueKey: e.data.checkDeadline.dueDate,
        provisional: e.data.checkDeadline.provisional,
        overdue: false,
      };
    case 'referral.accepted':
      return { ...v, status: 'accepted', decision: { kind: 'accepted', bureau: e.data.bureau, at: e.data.acceptedAt } };
    case 'referral.rejected':
      return {
        ...v,
        status: 'rejected',
        decision: { kind: 'rejected', bureau: e.data.bureau, reason: e.data.reason, at: e.data.rejectedAt },
      };
    case 'referral.disputed':
      return {
        ...v,
        status: 'disputed',
        designatingAuthority: e.data.designatingAuthority,
        designatingAuthorityKind: e.data.designatingAuthorityKind,
        parties: add(v.parties, e.data.designatingAuthority),
        decision: { kind: 'disputed', bureau: e.data.bureau, reason: e.data.reason, at: e.data.disputedAt },
      };
    case 'referral.designated':
      return {
        ...v,
        toBureau: e.data.designatedBureau,
        parties: add(v.parties, e.data.designatedBureau),
        designations: [
          ...v.designations,
          {
            designatedBy: e.data.designatedBy,
            designatedBureau: e.data.designatedBureau,
            previousBureau: e.data.previousBureau,
            ...(e.data.reason ? { reason: e.data.reason } : {}),
            at: e.data.designatedAt,
          },
        ],
      };
    case 'referral.feedback-submitted': {
      const { referralId: _r, submittedAt, ...rest } = e.data;
      return { ...v, status: 'feedback-submitted', feedback: { ...rest, at: submittedAt } };
    }
    case 'referral.closed':
      return { ...v, status: 'closed', closed: { closedBy: e.data.closedBy, outcome: e.data.outcome, at: e.data.closedAt } };
    case 'referral.deadline-recomputed':
      return {
        ...v,
        checkDeadline: e.data.checkDeadline,
        dueKey: e.data.checkDeadline.dueDate,
        provisional: e.data.checkDeadline.provisional,
      };
    case 'referral.deadline-reminded':
      return { ...v, remindedFor: e.data.dueDate };
    case 'referral.overdue-escalated':
      return { ...v, overdue: true };
    case 'referral.evidence-attached':
      return v.evidenceRefs.includes(e.data.evidenceId) ? v : { ...v, evidenceRefs: [...v.evidenceRefs, e.data.evidenceId] };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

export function projectAssistance(view: AssistanceView | null, envelope: EventEnvelope): AssistanceView | null {
  if (!envelope.type.startsWith('assistance.')) return null;
  const e = { type: envelope.type, data: envelope.payload } as Assistance.AssistanceEvent;
  if (e.type === 'assistance.requested') {
    const d = e.data;
    return {
      _id: d.assistanceId,
      streamId: envelope.streamId,
      version: envelope.streamVersion,
      parties: [d.requestingBureau, d.requestedBureau],
      createdAt: d.requestedAt,
      updatedAt: envelope.occurredAt,
      status: 'requested',
      requestingBureau: d.requestingBureau,
      requestedBureau: d.requestedBureau,
      questions: d.questions,
      ...(d.caseRef ? { caseRef: d.caseRef } : {}),
      requestedAt: d.requestedAt,
      receivedOn: d.receivedOn,
      deadline: d.deadline,
      dueKey: d.deadline.dueDate,
      provisional: d.deadline.provisional,
      overdue: false,
      extensions: [],
    };
  }
  if (!view) return null;
  const v = touched(view, envelope);
  switch (e.type) {
    case 'assistance.answered':
      return {
        ...v,
        status: 'answered',
        answer: {
          findings: e.data.findings,
          attachmentRefs: e.data.attachmentRefs,
          answeredAt: e.data.answeredAt,
          withinDeadline: e.data.withinDeadline,
        },
      };
    case 'assistance.extension-noticed':
      return {
        ...v,
        deadline: e.data.deadline,
        dueKey: e.data.deadline.dueDate,
        provisional: e.data.deadline.provisional,
        extensions: [
          ...v.extensions,
          { previousDueDate: e.data.previousDueDate, dueDate: e.data.deadline.dueDate, reason: e.data.reason, at: e.data.noticedAt },
        ],
      };
    case 'assistance.deadline-recomputed':
      return { ...v, deadline: e.data.deadline, dueKey: e.data.deadline.dueDate, provisional: e.data.deadline.provisional };
    case 'assistance.overdue-marked':
      return { ...v, overdue: true };
    case 'assistance.deadline-reminded':
      return { ...v, remindedFor: e.data.dueDate };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

export function projectJointAction(view: JointActionView | null, envelope: EventEnvelope): JointActionView | null {
  if (!envelope.type.startsWith('joint-action.')) return null;
  const e = { type: envelope.type, data: envelope.payload } as JointAction.JointActionEvent;
  if (e.type === 'joint-action.created') {
    const d = e.data;
    return {
      _id: d.campaignId,
      streamId: envelope.streamId,
      version: envelope.streamVersion,
      parties: add([d.leadBureau], ...d.tasks.map((t) => t.bureau)),
      createdAt: d.createdAt,
      updatedAt: envelope.occurredAt,
      status: 'open',
      title: d.title,
      leadBureau: d.leadBureau,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      targets: d.targets,
      discretionStandardId: d.discretionStandardId,
      tasks: d.tasks.map((t) => ({ ...t, status: 'pending' })),
    };
  }
  if (!view) return null;
  const v = touched(view, envelope);
  switch (e.type) {
    case 'joint-action.task-started':
      return {
        ...v,
        tasks: v.tasks.map((t) => (t.taskId === e.data.taskId ? { ...t, status: 'in-progress', startedAt: e.data.startedAt } : t)),
      };
    case 'joint-action.task-completed':
      return {
        ...v,
        tasks: v.tasks.map((t) =>
          t.taskId === e.data.taskId ? { ...t, status: 'completed', completedAt: e.data.completedAt, result: e.data.result } : t,
        ),
      };
    case 'joint-action.closed':
      return {
        ...v,
        status: 'closed',
        closed: { closedBy: e.data.closedBy, ...(e.data.summary ? { summary: e.data.summary } : {}), at: e.data.closedAt },
      };
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

/** Campaign progress from the view's tasks (never stored). */
export function jointActionProgress(view: Pick<JointActionView, 'tasks'>): JointAction.CampaignProgress {
  const count = (s: string): number => view.tasks.filter((t) => t.status === s).length;
  const total = view.tasks.length;
  const completed = count('completed');
  return {
    total,
    pending: count('pending'),
    inProgress: count('in-progress'),
    completed,
    percent: total === 0 ? 0 : Math.floor((completed * 100) / total),
  };
}
