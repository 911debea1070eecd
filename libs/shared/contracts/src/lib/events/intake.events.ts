import { z } from 'zod';
import { defineEvent } from '../event-catalog';
import { Deadline, DivisionCode, EvidenceRefs, Instant, IsoDate, Place, RoutingBasis, Subject, Text, Urgency } from './common.schemas';

/** Clues and cases (线索, 立案) of the case-intake service: streams `clue-<id>`. */
export const ClueSubmitted = defineEvent({
  type: 'clue.submitted',
  context: 'intake',
  schemaVersion: 1,
  summary: 'An officer submitted a clue (线索) found by their bureau.',
  payload: z.object({
    clueId: Text(100),
    discoveringBureau: DivisionCode,
    subject: Subject,
    allegedViolation: Text(500),
    facts: Text(20000),
    place: Place,
    suggestedTarget: DivisionCode.optional(),
    evidenceRefs: EvidenceRefs,
    urgency: Urgency,
    discoveredOn: IsoDate,
    submittedAt: Instant,
  }),
});

export const ClueRouted = defineEvent({
  type: 'clue.routed',
  context: 'intake',
  schemaVersion: 1,
  summary: 'The clue belongs to another bureau and is to be referred (移送) there.',
  payload: z.object({ clueId: Text(100), target: DivisionCode, basis: RoutingBasis, competentDivision: DivisionCode, routedAt: Instant }),
});

export const ClueKeptLocally = defineEvent({
  type: 'clue.kept-locally',
  context: 'intake',
  schemaVersion: 1,
  summary: "The clue is within the discovering bureau's own jurisdiction; it checks it within 15 working days.",
  payload: z.object({
    clueId: Text(100),
    bureau: DivisionCode,
    competentBureau: DivisionCode,
    basis: RoutingBasis,
    competentDivision: DivisionCode,
    checkDeadline: Deadline,
  }),
});

export const ClueCheckExtended = defineEvent({
  type: 'clue.check-extended',
  context: 'intake',
  schemaVersion: 1,
  summary: 'The check period was extended once by 15 working days, with approval.',
  payload: z.object({ clueId: Text(100), approvedBy: Text(128), reason: Text(2000), previousDueDate: IsoDate, checkDeadline: Deadline, extendedAt: Instant }),
});

export const ClueCaseOpened = defineEvent({
  type: 'clue.case-opened',
  context: 'intake',
  schemaVersion: 1,
  summary: 'A case was opened (立案) on the clue.',
  payload: z.object({ clueId: Text(100), bureau: DivisionCode, caseNumber: Text(100), approvedBy: Text(128), openedOn: IsoDate, withinDeadline: z.boolean() }),
});

export const ClueCaseDeclined = defineEvent({
  type: 'clue.case-declined',
  context: 'intake',
  schemaVersion: 1,
  summary: 'The bureau decided not to open a case (不予立案).',
  payload: z.object({ clueId: Text(100), bureau: DivisionCode, reason: Text(2000), approvedBy: Text(128), decidedOn: IsoDate, withinDeadline: z.boolean() }),
});

export const ClueDeadlineRecomputed = defineEvent({
  type: 'clue.deadline-recomputed',
  context: 'intake',
  schemaVersion: 1,
  summary: "The check deadline changed after a newer year's holiday notice was loaded.",
  payload: z.object({ clueId: Text(100), previous: Deadline, checkDeadline: Deadline }),
});

export const ClueEvidenceAttached = defineEvent({
  type: 'clue.evidence-attached',
  context: 'intake',
  schemaVersion: 1,
  summary: "Evidence notarized for the clue after its submission (the notary's evidence.notarized naming the clue) was linked to it.",
  payload: z.object({
    clueId: Text(100),
    /** The notary's entry id (the evidence ref). */
    evidenceId: Text(200),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The bureau that uploaded it: the clue's own. */
    attachedBy: DivisionCode,
    attachedAt: Instant,
  }),
});

export const intakeEvents = [ClueSubmitted, ClueRouted, ClueKeptLocally, ClueCheckExtended, ClueCaseOpened, ClueCaseDeclined, ClueDeadlineRecomputed, ClueEvidenceAttached];
