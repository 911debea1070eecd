import canonicalize from 'canonicalize';
import { chinaDateOf } from '@yrd/calendar';
import { isIsoDate, IsoDate } from './dates';
import { checkDecisionContent, PenaltyDecisionContent } from './decision-content';
import { DomainError, refuse } from './errors';
import { Command, DomainEvent, isNonEmpty, ok, Result } from './result';
import { DecisionSignature } from './signature';
import { SIGNED_DOCUMENT_SCHEMA, SignedDocument } from './signed-document';

// ── events ────────────────────────────────────────────────────────────────────────────────────

export type PenaltyDecisionRecorded = DomainEvent<
  'penalty-decision.recorded',
  { decisionId: string; revision: number; decision: PenaltyDecisionContent; signature: DecisionSignature; recordedAt: string }
>;

export type PenaltyDecisionCorrected = DomainEvent<
  'penalty-decision.corrected',
  { decisionId: string; revision: number; decision: PenaltyDecisionContent; reason: string; signature: DecisionSignature; correctedAt: string }
>;

export type PenaltyDecisionRevoked = DomainEvent<
  'penalty-decision.revoked',
  {
    decisionId: string;
    revision: number;
    issuingBureau: string;
    reason: string;
    revokedOn: IsoDate;
    signature: DecisionSignature;
    revokedAt: string;
  }
>;

export type PenaltyDecisionEvent = PenaltyDecisionRecorded | PenaltyDecisionCorrected | PenaltyDecisionRevoked;

// ── state ─────────────────────────────────────────────────────────────────────────────────────

export type PenaltyDecisionState =
  | { status: 'none' }
  | { status: 'in-force' | 'revoked'; decisionId: string; revision: number; decision: PenaltyDecisionContent; signature: DecisionSignature };

export const initialState: PenaltyDecisionState = { status: 'none' };

export function evolve(state: PenaltyDecisionState, event: PenaltyDecisionEvent): PenaltyDecisionState {
  const { type, data } = event;
  switch (type) {
    case 'penalty-decision.recorded':
      return { status: 'in-force', decisionId: data.decisionId, revision: data.revision, decision: data.decision, signature: data.signature };
    case 'penalty-decision.corrected':
      return state.status === 'none' ? state : { ...state, revision: data.revision, decision: data.decision, signature: data.signature };
    case 'penalty-decision.revoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked', revision: data.revision, signature: data.signature };
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

/** `by` is the acting officer's bureau: only the issuing bureau records, corrects or revokes its decision. */
export type RecordPenaltyDecision = Command<'RecordPenaltyDecision', { decisionId: string; by: string; decision: PenaltyDecisionContent }>;
export type CorrectPenaltyDecision = Command<'CorrectPenaltyDecision', { by: string; decision: PenaltyDecisionContent; reason: string }>;
export type RevokePenaltyDecision = Command<'RevokePenaltyDecision', { by: string; reason: string; revokedOn?: IsoDate }>;

export type PenaltyDecisionCommand = RecordPenaltyDecision | CorrectPenaltyDecision | RevokePenaltyDecision;

/** The issuing bureau's signature, supplied by the service that holds its private key. */
export interface PenaltyDecisionContext {
  sign: (doc: SignedDocument) => Result<DecisionSignature, DomainError>;
}

const DECISION_ID = /^[A-Za-z0-9_.:]{1,100}$/;

export function decide(
  command: PenaltyDecisionCommand,
  state: PenaltyDecisionState,
  now: Date,
  context: PenaltyDecisionContext,
): Result<PenaltyDecisionEvent[], DomainError> {
  const at = now.toISOString();
  switch (command.type) {
    case 'RecordPenaltyDecision': {
      const { decisionId, by } = command.data;
      if (state.status !== 'none') return refuse('ALREADY_EXISTS', `decision ${decisionId} is already recorded`);
      if (!DECISION_ID.test(decisionId ?? '')) return refuse('INVALID_COMMAND', 'decisionId must be 1-100 characters of [A-Za-z0-9_.:]');
      const checked = checkDecisionContent(command.data.decision);
      if (!checked.ok) return checked;
      const decision = checked.value;
      if (decision.issuingBureau !== by) return refuse('ACTOR_NOT_PERMITTED', `only bureau ${decision.issuingBureau} may record its own decision`);
      const signature = context.sign({ schema: SIGNED_DOCUMENT_SCHEMA, action: 'record', decisionId, revision: 1, decision });
      if (!signature.ok) return signature;
      return ok([{ type: 'penalty-decision.recorded', data: { decisionId, revision: 1, decision, signature: signature.value, recordedAt: at } }]);
    }
    case 'CorrectPenaltyDecision': {
      if (state.status === 'none') return refuse('NOT_FOUND', 'no such penalty decision');
      // Who may act before the state: another bureau is not told whether the decision was revoked.
      if (command.data.by !== state.decision.issuingBureau) return refuse('ACTOR_NOT_PERMITTED', `only bureau ${state.decision.issuingBureau} may correct its decision`);
      if (state.status === 'revoked') return refuse('DECISION_REVOKED', 'a revoked decision cannot be corrected');
      if (!isNonEmpty(command.data.reason)) return refuse('REASON_REQUIRED', 'a correction needs a reason');
      const checked = checkDecisionContent(command.data.decision);
      if (!checked.ok) return checked;
      const decision = checked.value;
      if (decision.issuingBureau !== state.decision.issuingBureau) return refuse('INVALID_COMMAND', 'the issuing bureau cannot be corrected');
      if (canonicalize(decision) === canonicalize(state.decision)) return refuse('NOTHING_CORRECTED', 'the corrected decision is identical to the current one');
      const revision = state.revision + 1;
      const reason = command.data.reason;
      const signature = context.sign({ schema: SIGNED_DOCUMENT_SCHEMA, action: 'correct', decisionId: state.decisionId, revision, decision, reason });
      if (!signature.ok) return signature;
      return ok([
        { type: 'penalty-decision.corrected', data: { decisionId: state.decisionId, revision, decision, reason, signature: signature.value, correctedAt: at } },
      ]);
    }
    case 'RevokePenaltyDecision': {
      if (state.status === 'none') return refuse('NOT_FOUND', 'no such penalty decision');
      const issuingBureau = state.decision.issuingBureau;
      if (command.data.by !== issuingBureau) return refuse('ACTOR_NOT_PERMITTED', `only bureau ${issuingBureau} may revoke its decision`);
      if (state.status === 'revoked') return refuse('DECISION_REVOKED', 'the decision is already revoked');
      if (!isNonEmpty(command.data.reason)) return refuse('REASON_REQUIRED', 'a revocation needs a reason');
      const revokedOn = command.data.revokedOn ?? chinaDateOf(now);
      if (!isIsoDate(revokedOn)) return refuse('INVALID_COMMAND', 'revokedOn must be an ISO date');
      const revision = state.revision + 1;
      const reason = command.data.reason;
      const signature = context.sign({ schema: SIGNED_DOCUMENT_SCHEMA, action: 'revoke', decisionId: state.decisionId, revision, issuingBureau, reason, revokedOn });
      if (!signature.ok) return signature;
      return ok([
        {
          type: 'penalty-decision.revoked',
          data: { decisionId: state.decisionId, revision, issuingBureau, reason, revokedOn, signature: signature.value, revokedAt: at },
        },
      ]);
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
