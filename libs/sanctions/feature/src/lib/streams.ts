import { Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import { StandardPublication } from '@yrd/discretion-domain';
import { ListPublication } from '@yrd/exemption-domain';
import type { AggregateRepository } from '@yrd/event-store';
import { PenaltyDecision, Recognition, Sanction } from '@yrd/sanctions-domain';
import type { Principal } from '@yrd/auth';

/** Evaluations are written once and never folded: their state is whether one exists. */
export interface WrittenOnce {
  written: boolean;
}
const writtenOnce = { initialState: (): WrittenOnce => ({ written: false }), evolve: (): WrittenOnce => ({ written: true }) };

/** The repositories of the sanctions context's streams, on this service's commit store. */
@Injectable()
export class SanctionsStreams {
  readonly decisions: AggregateRepository<PenaltyDecision.PenaltyDecisionState, PenaltyDecision.PenaltyDecisionEvent>;
  readonly recognitions: AggregateRepository<Recognition.RecognitionState, Recognition.RecognitionEvent>;
  readonly sanctions: AggregateRepository<Sanction.SanctionState, Sanction.SanctionEvent>;
  readonly lists: AggregateRepository<ListPublication.PublicationState, ListPublication.ExemptionListPublished>;
  readonly standards: AggregateRepository<StandardPublication.PublicationState, StandardPublication.DiscretionStandardPublished>;
  readonly once: AggregateRepository<WrittenOnce, { type: string; data: Record<string, unknown> }>;

  constructor(readonly backbone: EventBackbone) {
    // The sanctions topic exists before the consumers, the relay and the read-model tail start, whatever contexts the app's backbone lists.
    backbone.requireTopics(['sanctions']);
    this.decisions = backbone.repository({ initialState: () => PenaltyDecision.initialState, evolve: PenaltyDecision.evolve });
    this.recognitions = backbone.repository({ initialState: () => Recognition.initialState, evolve: Recognition.evolve });
    this.sanctions = backbone.repository({ initialState: () => Sanction.initialState, evolve: Sanction.evolve });
    this.lists = backbone.repository({ initialState: ListPublication.initialState, evolve: ListPublication.evolve });
    this.standards = backbone.repository({ initialState: StandardPublication.initialState, evolve: StandardPublication.evolve });
    this.once = backbone.repository(writtenOnce);
  }
}

export const actorOf = (p: Principal): Actor => ({ userId: p.sub, bureau: p.bureau, role: p.role });
export const systemActor = (bureau: string, userId = 'sanctions-service'): Actor => ({ userId, bureau, role: 'system' });

export const streamIds = {
  decision: (id: string) => `penalty-decision-${id}`,
  recognition: (recognitionId: string) => `recognition-${recognitionId}`,
  sanction: (id: string) => `sanction-${id}`,
  refusal: (eventId: string) => `decision-refusal-${eventId.replace(/-/g, '')}`,
  evaluation: (id: string) => `exemption-evaluation-${id}`,
  list: (listId: string) => `exemption-list-${listId.replace(/-/g, '_')}`,
  standard: (standardId: string) => `discretion-standard-${standardId.replace(/-/g, '_')}`,
  departure: (decisionId: string) => `discretion-departure-${decisionId}`,
};

/** A compact, stream-safe id (UUIDv7 without hyphens). */
export { v7 as uuidv7 } from 'uuid';
export const newId = (prefix: string, uuid: string): string => `${prefix}${uuid.replace(/-/g, '')}`;
