import { IsoDate } from './dates';
import { PenaltyDecisionContent } from './decision-content';
import { DomainError, refuse, RULES } from './errors';
import { Party } from './penalty';
import { isAutomatic, RecognitionPolicy } from './recognition-policy';
import { isInRegion } from './regions';
import { Command, compact, DomainEvent, isNonEmpty, ok, Result } from './result';

/** What a region keeps of another region's decision (the source stays named). */
export interface DecisionSummary {
  decisionId: string;
  decisionNumber: string;
  issuingBureau: string;
  sourceRegion: string;
  subject: Party;
  category: string;
  violationKind: string;
  decisionDate: IsoDate;
  /** The key that signed the verified revision. */
  keyId: string;
  revision: number;
}

export const summaryOf = (decisionId: string, d: PenaltyDecisionContent, sourceRegion: string, keyId: string, revision: number): DecisionSummary => ({
  decisionId,
  decisionNumber: d.decisionNumber,
  issuingBureau: d.issuingBureau,
  sourceRegion,
  subject: d.subject,
  category: d.category,
  violationKind: d.violationKind,
  decisionDate: d.decisionDate,
  keyId,
  revision,
});

export const recognitionId = (region: string, decisionId: string): string => `${region}-${decisionId}`;

// ── events ────────────────────────────────────────────────────────────────────────────────────

export type RecognitionQueued = DomainEvent<'recognition.queued', { recognitionId: string; region: string; decision: DecisionSummary; queuedAt: string }>;
export type RecognitionRecognised = DomainEvent<
  'recognition.recognised',
  { recognitionId: string; region: string; decision: DecisionSummary; automatic: boolean; by?: string; reason?: string; recognisedAt: string }
>;
export type RecognitionDeclined = DomainEvent<
  'recognition.declined',
  { recognitionId: string; region: string; decisionId: string; by: string; reason: string; declinedAt: string }
>;

export type RecognitionEvent = RecognitionQueued | RecognitionRecognised | RecognitionDeclined;

// ── state ─────────────────────────────────────────────────────────────────────────────────────

export type RecognitionState =
  | { status: 'none' }
  | { status: 'queued' | 'recognised' | 'declined'; recognitionId: string; region: string; decision: DecisionSummary };

export const initialState: RecognitionState = { status: 'none' };

export function evolve(state: RecognitionState, event: RecognitionEvent): RecognitionState {
  const { type, data } = event;
  switch (type) {
    case 'recognition.queued':
      return { status: 'queued', recognitionId: data.recognitionId, region: data.region, decision: data.decision };
    case 'recognition.recognised':
      return { status: 'recognised', recognitionId: data.recognitionId, region: data.region, decision: data.decision };
    case 'recognition.declined':
      return state.status === 'none' ? state : { ...state, status: 'declined' };
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

/** A verified decision from another region reaches this region: recognise it automatically or queue it. */
export type ConsiderDecision = Command<'ConsiderDecision', { region: string; decision: DecisionSummary; policy: RecognitionPolicy | undefined }>;
export type RecogniseDecision = Command<'RecogniseDecision', { by: string; reason?: string }>;
export type DeclineDecision = Command<'DeclineDecision', { by: string; reason: string }>;
export type RecognitionCommand = ConsiderDecision | RecogniseDecision | DeclineDecision;

export function decide(command: RecognitionCommand, state: RecognitionState, now: Date): Result<RecognitionEvent[], DomainError> {
  const at = now.toISOString();
  if (command.type === 'ConsiderDecision') {
    const { region, decision, policy } = command.data;
    if (state.status !== 'none') return refuse('ALREADY_CONSIDERED', `decision ${decision.decisionId} was already considered in ${region}`);
    if (decision.sourceRegion === region) return refuse('OWN_REGION', 'a region does not recognise its own decisions: they are its history already');
    const recognitionId = `${region}-${decision.decisionId}`;
    if (isAutomatic(policy, decision.category)) {
      return ok([{ type: 'recognition.recognised', data: { recognitionId, region, decision, automatic: true, reason: `category ${decision.category} is recognised automatically`, recognisedAt: at } }]);
    }
    return ok([{ type: 'recognition.queued', data: { recognitionId, region, decision, queuedAt: at } }]);
  }
  if (state.status === 'none') return refuse('NOT_FOUND', 'no such recognition');
  // Who may act before the state: a bureau of another region is not told what became of the decision here.
  if (!isInRegion(command.data.by, state.region)) return refuse('ACTOR_NOT_PERMITTED', `only a bureau of region ${state.region} may review its queue`, RULES.MUTUAL_RECOGNITION);
  if (state.status !== 'queued') return refuse('NOT_QUEUED', `the decision was already ${state.status} in ${state.region}`);
  switch (command.type) {
    case 'RecogniseDecision':
      return ok([
        {
          type: 'recognition.recognised',
          data: compact({
            recognitionId: state.recognitionId,
            region: state.region,
            decision: state.decision,
            automatic: false,
            by: command.data.by,
            reason: isNonEmpty(command.data.reason) ? command.data.reason : undefined,
            recognisedAt: at,
          }),
        },
      ]);
    case 'DeclineDecision':
      if (!isNonEmpty(command.data.reason)) return refuse('REASON_REQUIRED', 'declining needs a reason');
      return ok([
        {
          type: 'recognition.declined',
          data: { recognitionId: state.recognitionId, region: state.region, decisionId: state.decision.decisionId, by: command.data.by, reason: command.data.reason, declinedAt: at },
        },
      ]);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
