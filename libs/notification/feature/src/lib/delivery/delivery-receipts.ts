import { Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import type { EventMetadata } from '@yrd/event-log';
import type { AggregateRepository } from '@yrd/event-store';
import {
  deliveryStreamId,
  evolveDelivery,
  initialDeliveryState,
  recordDelivered,
  recordFailed,
  requestRetry,
  type DeliveryEvent,
  type DeliveryFacts,
  type DeliveryState,
} from '@yrd/notification-domain';
import type { DeliveryJobData } from './delivery-job';

export const NOTIFICATION_ACTOR: Actor = { userId: 'notification-service', bureau: 'YRD-NOTIFY', role: 'system' };

/**
 * Receipts as events (`notification.delivered`, `notification.failed`,
 * `notification.retry-requested`) in the stream `notification-<deliveryId>`, appended through
 * the commit store and its outbox. `create` skips the read for the usual first receipt; a
 * stream that exists already (a retry round) is loaded on the conflict and decided again.
 */
@Injectable()
export class DeliveryReceipts {
  private readonly repo: AggregateRepository<DeliveryState, DeliveryEvent>;

  constructor(backbone: EventBackbone) {
    this.repo = backbone.repository<DeliveryState, DeliveryEvent>({ initialState: () => initialDeliveryState, evolve: evolveDelivery }, { cacheSize: 5000 });
  }

  private facts(job: DeliveryJobData, attempts: number): DeliveryFacts {
    return {
      deliveryId: job.deliveryId,
      eventId: job.eventId,
      eventType: job.eventType,
      sourceStreamId: job.sourceStreamId,
      channel: job.channel,
      recipient: job.recipient.kind === 'user' ? { bureau: job.recipient.bureau, userId: job.recipient.userId } : { bureau: job.recipient.bureau },
      target: job.target,
      attempts,
      queuedAt: job.queuedAt,
    };
  }

  private meta(job: DeliveryJobData, now: Date, actor = NOTIFICATION_ACTOR): EventMetadata {
    return { actor, correlationId: job.correlationId, causationId: job.eventId, now };
  }

  async delivered(job: DeliveryJobData, attempts: number, now = new Date()): Promise<void> {
    const latencyMs = Math.max(0, now.getTime() - Date.parse(job.queuedAt));
    await this.repo.create(deliveryStreamId(job.deliveryId), recordDelivered({ ...this.facts(job, attempts), deliveredAt: now.toISOString(), latencyMs }), this.meta(job, now));
  }

  async failed(job: DeliveryJobData, attempts: number, error: string, now = new Date()): Promise<void> {
    await this.repo.create(
      deliveryStreamId(job.deliveryId),
      recordFailed({ ...this.facts(job, attempts), error: error.slice(0, 2000), failedAt: now.toISOString() }),
      this.meta(job, now),
    );
  }

  /** Records who asked for a retry; refused (NOT_FAILED) when the delivery succeeded. */
  async retryRequested(job: DeliveryJobData, actor: Actor, now = new Date()): Promise<{ ok: true } | { ok: false; message: string }> {
    const outcome = await this.repo.handle(
      deliveryStreamId(job.deliveryId),
      requestRetry({ deliveryId: job.deliveryId, requestedBy: actor.userId, requestedAt: now.toISOString() }),
      this.meta(job, now, actor),
    );
    return outcome.ok ? { ok: true } : { ok: false, message: outcome.error.message };
  }
}
