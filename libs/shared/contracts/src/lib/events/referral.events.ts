import { z } from 'zod';
import { defineEvent } from '../event-catalog';
import { AuthorityId, Deadline, DivisionCode, EvidenceRefs, Instant, IsoDate, Place, RoutingBasis, Subject, Text, Urgency } from './common.schemas';

/** Referrals (移送), assistance requests (协查) and joint actions (联合执法) of the clue-transfer service. */
const referral = <T extends string, S extends z.ZodType>(type: T, summary: string, payload: S) =>
  defineEvent({ type, context: 'referral', schemaVersion: 1, summary, payload });

const Rid = Text(100);

export const referralEvents = [
  referral(
    'referral.created',
    'A referral was created from a clue routed to another bureau.',
    z.object({
      referralId: Rid,
      clueId: Text(100).optional(),
      fromBureau: DivisionCode,
      toBureau: DivisionCode,
      basis: RoutingBasis,
      subject: Subject,
      allegedViolation: Text(500),
      facts: Text(20000),
      place: Place,
      evidenceRefs: EvidenceRefs,
      urgency: Urgency,
      createdAt: Instant,
    }),
  ),
  referral(
    'referral.delivered',
    "The referral reached the receiving bureau's inbox; its 15-working-day check period starts.",
    z.object({ referralId: Rid, toBureau: DivisionCode, deliveredAt: Instant, receivedOn: IsoDate, checkDeadline: Deadline }),
  ),
  referral('referral.accepted', 'The receiving bureau accepted the referral.', z.object({ referralId: Rid, bureau: DivisionCode, acceptedAt: Instant })),
  referral(
    'referral.rejected',
    'The receiving bureau rejected the referral, with a reason.',
    z.object({ referralId: Rid, bureau: DivisionCode, reason: Text(2000), rejectedAt: Instant }),
  ),
  referral(
    'referral.disputed',
    'The receiving bureau disputes jurisdiction; the designating authority decides (指定管辖).',
    z.object({
      referralId: Rid,
      bureau: DivisionCode,
      reason: Text(2000),
      designatingAuthority: AuthorityId,
      designatingAuthorityKind: z.enum(['common-superior', 'joint-mechanism']),
      disputedAt: Instant,
    }),
  ),
  referral(
    'referral.designated',
    'The designating authority designated the competent bureau.',
    z.object({ referralId: Rid, designatedBy: AuthorityId, designatedBureau: DivisionCode, previousBureau: DivisionCode, reason: Text(2000).optional(), designatedAt: Instant }),
  ),
  referral(
    'referral.feedback-submitted',
    'The receiving bureau reported the handling result (反馈).',
    z.object({
      referralId: Rid,
      bureau: DivisionCode,
      outcome: z.enum(['penalised', 'not-penalised', 'case-not-opened', 'transferred-to-judiciary']),
      handlingResult: Text(5000),
      caseNumber: Text(100).optional(),
      penaltyDecisionRef: Text(200).optional(),
      submittedAt: Instant,
    }),
  ),
  referral(
    'referral.closed',
    'The referral was closed.',
    z.object({ referralId: Rid, closedBy: DivisionCode, outcome: z.enum(['handled', 'rejected']), closedAt: Instant }),
  ),
  referral(
    'referral.deadline-recomputed',
    "The check deadline changed after a newer year's holiday notice was loaded.",
    z.object({ referralId: Rid, previous: Deadline, checkDeadline: Deadline }),
  ),
  referral(
    'referral.evidence-attached',
    "Evidence notarized for the referral's clue after the referral was opened (the clue's clue.evidence-attached) is linked to it.",
    z.object({
      referralId: Rid,
      evidenceId: Text(200),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      attachedBy: DivisionCode,
      attachedAt: Instant,
    }),
  ),
  referral(
    'referral.deadline-reminded',
    'The check deadline is near and the referral is not yet decided: the receiving bureau was reminded.',
    z.object({ referralId: Rid, bureau: DivisionCode, dueDate: IsoDate, remindedAt: Instant }),
  ),
  referral(
    'referral.overdue-escalated',
    'The check deadline passed without a decision: escalated to the referring bureau and supervisors.',
    z.object({ referralId: Rid, bureau: DivisionCode, dueDate: IsoDate, escalatedAt: Instant }),
  ),
  referral(
    'assistance.requested',
    'A bureau asked another for assistance (协查) with a deadline.',
    z.object({
      assistanceId: Text(100),
      requestingBureau: DivisionCode,
      requestedBureau: DivisionCode,
      questions: z.array(Text(2000)).min(1).max(50),
      caseRef: Text(200).optional(),
      requestedAt: Instant,
      receivedOn: IsoDate,
      deadline: Deadline,
    }),
  ),
  referral(
    'assistance.answered',
    'The requested bureau answered with structured findings.',
    z.object({
      assistanceId: Text(100),
      bureau: DivisionCode,
      findings: z.array(z.object({ question: Text(2000), finding: Text(5000), conclusion: z.enum(['confirmed', 'not-confirmed', 'inconclusive']) })).min(1),
      attachmentRefs: EvidenceRefs,
      answeredAt: Instant,
      withinDeadline: z.boolean(),
    }),
  ),
  referral(
    'assistance.extension-noticed',
    'The requested bureau gave notice, before the deadline, that it needs longer.',
    z.object({ assistanceId: Text(100), bureau: DivisionCode, previousDueDate: IsoDate, deadline: Deadline, reason: Text(2000), noticedAt: Instant }),
  ),
  referral(
    'assistance.overdue-marked',
    'The assistance deadline passed unanswered.',
    z.object({ assistanceId: Text(100), dueDate: IsoDate, markedAt: Instant }),
  ),
  referral(
    'assistance.deadline-reminded',
    'The assistance deadline is near and unanswered: the requested bureau was reminded.',
    z.object({ assistanceId: Text(100), bureau: DivisionCode, dueDate: IsoDate, remindedAt: Instant }),
  ),
  referral(
    'assistance.deadline-recomputed',
    "The deadline changed after a newer year's holiday notice was loaded.",
    z.object({ assistanceId: Text(100), previous: Deadline, deadline: Deadline }),
  ),
  referral(
    'joint-action.created',
    'A joint enforcement campaign (联合执法) with tasks for several bureaus.',
    z.object({
      campaignId: Text(100),
      title: Text(300),
      leadBureau: DivisionCode,
      startsOn: IsoDate,
      endsOn: IsoDate,
      targets: z.array(Text(500)),
      discretionStandardId: Text(200),
      tasks: z.array(z.object({ taskId: Text(100), bureau: DivisionCode, description: Text(2000) })).min(1),
      createdAt: Instant,
    }),
  ),
  referral('joint-action.task-started', 'A bureau started its campaign task.', z.object({ campaignId: Text(100), taskId: Text(100), bureau: DivisionCode, startedAt: Instant })),
  referral(
    'joint-action.task-completed',
    'A bureau completed its campaign task with a result.',
    z.object({
      campaignId: Text(100),
      taskId: Text(100),
      bureau: DivisionCode,
      result: z.object({
        summary: Text(5000),
        inspections: z.number().int().min(0).optional(),
        casesOpened: z.number().int().min(0).optional(),
        caseNumbers: z.array(Text(100)).optional(),
      }),
      completedAt: Instant,
    }),
  ),
  referral('joint-action.closed', 'The campaign was closed.', z.object({ campaignId: Text(100), closedBy: DivisionCode, summary: Text(5000).optional(), closedAt: Instant })),
];
