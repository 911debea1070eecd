import { v7 as uuidv7 } from 'uuid';
import { Assistance, JointAction, Referral } from '@yrd/referral-domain';
import type { AggregateDefinition } from '@yrd/event-store';

/** Stream ids: `<kind>-<id>` (the envelope's StreamId shape). */
export const referralStream = (referralId: string): string => `referral-${referralId}`;
export const assistanceStream = (assistanceId: string): string => `assistance-${assistanceId}`;
export const jointActionStream = (campaignId: string): string => `joint-action-${campaignId}`;
export const clueStream = (clueId: string): string => `clue-${clueId}`;

/**
 * A referral's id is derived from its clue's id, so a redelivered `clue.routed` can only ever
 * address the same stream (the second create is refused ALREADY_EXISTS and ignored).
 */
export const referralIdForClue = (clueId: string): string => `rf-${clueId}`;

export const newId = (): string => uuidv7();

/** Ids in URLs: what a stream id may carry after its kind. */
export const ID_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;

export const referralAggregate: AggregateDefinition<Referral.ReferralState, Referral.ReferralEvent> = {
  initialState: () => Referral.initialState,
  evolve: Referral.evolve,
};

export const assistanceAggregate: AggregateDefinition<Assistance.AssistanceState, Assistance.AssistanceEvent> = {
  initialState: () => Assistance.initialState,
  evolve: Assistance.evolve,
};

export const jointActionAggregate: AggregateDefinition<JointAction.JointActionState, JointAction.JointActionEvent> = {
  initialState: () => JointAction.initialState,
  evolve: JointAction.evolve,
};
