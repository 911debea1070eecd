import { Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { DomainEvent, EventMetadata } from '@yrd/event-log';
import type { AggregateDefinition, AggregateRepository, Decision, Outcome } from '@yrd/event-store';
import type { Assistance, DomainError, JointAction, Referral } from '@yrd/referral-domain';
import { assistanceAggregate, jointActionAggregate, referralAggregate } from './streams';

/**
 * One repository per aggregate for the whole process, so every writer here (HTTP commands,
 * consumers, deadline jobs) shares one state cache. A cached state can still be stale (another
 * instance wrote): a stale *accept* is caught by the append conflict, a stale *refusal* is not —
 * so a refusal is checked once more against the store before it is believed.
 */
export class StreamRepository<S, E extends DomainEvent> {
  constructor(
    readonly cached: AggregateRepository<S, E>,
    private readonly fresh: AggregateRepository<S, E>,
  ) {}

  async create(streamId: string, decide: (s: S) => Decision<E, DomainError>, meta: EventMetadata): Promise<Outcome<S, DomainError>> {
    return this.cached.create(streamId, decide, meta);
  }

  async handle(streamId: string, decide: (s: S) => Decision<E, DomainError>, meta: EventMetadata): Promise<Outcome<S, DomainError>> {
    const outcome = await this.cached.handle(streamId, decide, meta);
    return outcome.ok ? outcome : this.fresh.handle(streamId, decide, meta);
  }

  /** The current state, read from the store. */
  async load(streamId: string): Promise<{ state: S; version: number }> {
    const loaded = await this.fresh.load(streamId);
    return { state: loaded.state, version: loaded.head.version };
  }
}

function pair<S, E extends DomainEvent>(backbone: EventBackbone, def: AggregateDefinition<S, E>): StreamRepository<S, E> {
  return new StreamRepository(backbone.repository(def), backbone.repository(def, { cacheSize: 0 }));
}

@Injectable()
export class Repositories {
  readonly referrals: StreamRepository<Referral.ReferralState, Referral.ReferralEvent>;
  readonly assistance: StreamRepository<Assistance.AssistanceState, Assistance.AssistanceEvent>;
  readonly jointActions: StreamRepository<JointAction.JointActionState, JointAction.JointActionEvent>;

  constructor(backbone: EventBackbone) {
    this.referrals = pair(backbone, referralAggregate);
    this.assistance = pair(backbone, assistanceAggregate);
    this.jointActions = pair(backbone, jointActionAggregate);
  }
}
