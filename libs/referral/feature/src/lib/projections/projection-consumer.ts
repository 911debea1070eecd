import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { EventBackbone } from '@yrd/backbone';
import type { EventEnvelope } from '@yrd/contracts';
import { DomainContext, Referral } from '@yrd/referral-domain';
import { DeadlineQueue } from '../deadlines/deadline-queue';
import { DOMAIN_CONTEXT, systemActor } from '../domain-context';
import { Repositories } from '../repositories';
import { projectAssistance, projectJointAction, projectReferral } from './reducers';
import { ViewStore } from './view-store';
import { ASSISTANCE_VIEWS, AssistanceView, JOINT_ACTION_VIEWS, JointActionView, REFERRAL_VIEWS, ReferralView } from './views';

/** Idempotent follow-ups an event asks for (they also run for a skipped, already-applied event). */
const SCHEDULES_REFERRAL = new Set(['referral.delivered', 'referral.deadline-recomputed']);
const SCHEDULES_ASSISTANCE = new Set(['assistance.requested', 'assistance.extension-noticed', 'assistance.deadline-recomputed']);

/**
 * The consumer of the referral context: keeps `referral_inbox`, `assistance_inbox` and
 * `joint_actions` (version-guarded), delivers a new referral once it is in the target inbox, and
 * schedules deadline jobs when a check period or an assistance deadline starts or moves.
 */
@Injectable()
export class ReferralProjections implements OnModuleInit {
  private readonly log = new Logger(ReferralProjections.name);
  readonly referrals: ViewStore<ReferralView>;
  readonly assistance: ViewStore<AssistanceView>;
  readonly jointActions: ViewStore<JointActionView>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly backbone: EventBackbone,
    private readonly deadlines: DeadlineQueue,
    private readonly repos: Repositories,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {
    this.referrals = new ViewStore(connection, REFERRAL_VIEWS);
    this.assistance = new ViewStore(connection, ASSISTANCE_VIEWS);
    this.jointActions = new ViewStore(connection, JOINT_ACTION_VIEWS);
  }

  onModuleInit(): void {
    this.backbone.consume({ name: 'referral-views', contexts: ['referral'], handler: (e) => this.handle(e) });
  }

  async handle(event: EventEnvelope): Promise<void> {
    const id = aggregateIdOf(event);
    if (!id) return;
    if (event.type.startsWith('referral.')) {
      const { view } = await this.referrals.apply(id, event, projectReferral);
      if (event.type === 'referral.created' && view?.status === 'created') await this.deliver(view, event);
      if (SCHEDULES_REFERRAL.has(event.type) && view?.status === 'delivered' && view.checkDeadline && view.receivedOn && view.deliveredAt) {
        await this.deadlines.schedule({
          aggregate: 'referral',
          id,
          streamId: event.streamId,
          dueDate: view.checkDeadline.dueDate,
          receivedOn: view.receivedOn,
          deliveredAt: view.deliveredAt,
        });
      }
    } else if (event.type.startsWith('assistance.')) {
      const { view } = await this.assistance.apply(id, event, projectAssistance);
      if (SCHEDULES_ASSISTANCE.has(event.type) && view?.status === 'requested') {
        await this.deadlines.schedule({
          aggregate: 'assistance',
          id,
          streamId: event.streamId,
          dueDate: view.deadline.dueDate,
          receivedOn: view.receivedOn,
          deliveredAt: view.requestedAt,
        });
      }
    } else if (event.type.startsWith('joint-action.')) {
      await this.jointActions.apply(id, event, projectJointAction);
    }
  }

  /** The referral is in the receiver's inbox now: that is its delivery. */
  private async deliver(view: ReferralView, cause: EventEnvelope): Promise<void> {
    const outcome = await this.repos.referrals.handle(
      cause.streamId,
      (s) => Referral.decide({ type: 'DeliverReferral', data: {} }, s, new Date(), this.context),
      this.backbone.metadata(systemActor(view.toBureau), cause.eventId),
    );
    if (!outcome.ok && outcome.error.code !== 'REFERRAL_ALREADY_DELIVERED') {
      // Past 'created' (delivered, decided, closed) there is nothing to deliver.
      this.log.debug?.(`deliver ${cause.streamId}: ${outcome.error.code}`);
    }
  }
}

/** `referralId` / `assistanceId` / `campaignId` from the payload. */
export function aggregateIdOf(event: EventEnvelope): string | undefined {
  const p = event.payload;
  const id = p['referralId'] ?? p['assistanceId'] ?? p['campaignId'];
  return typeof id === 'string' ? id : undefined;
}
