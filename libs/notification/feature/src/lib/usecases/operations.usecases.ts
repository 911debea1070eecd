import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import { CHANNELS, isDeliveryId, type Channel } from '@yrd/notification-domain';
import type { DeliveryJobData } from '../delivery/delivery-job';
import { DeliveryMetrics, type ChannelMetrics } from '../delivery/delivery-metrics';
import { DeliveryQueues } from '../delivery/delivery-queues';
import { DeliveryReceipts } from '../delivery/delivery-receipts';
import { RouteEvent } from '../routing/route-event.usecase';

export interface FailedDeliveryView {
  deliveryId: string;
  channel: Channel;
  eventType: string;
  eventId: string;
  recipient: DeliveryJobData['recipient'];
  target: string;
  attempts: number;
  error: string;
  failedAt: string | null;
}

export interface PreviewInput {
  type: string;
  payload: Record<string, unknown>;
  streamId?: string;
  actor?: EventEnvelope['actor'];
}

/** What operators do: watch the numbers, look at failures, retry them by hand, try a rule. */
@Injectable()
export class OperationsUseCases {
  constructor(
    private readonly queues: DeliveryQueues,
    private readonly metrics: DeliveryMetrics,
    private readonly receipts: DeliveryReceipts,
    private readonly router: RouteEvent,
  ) {}

  metricsSnapshot(): Promise<Record<Channel, ChannelMetrics>> {
    return this.metrics.snapshot();
  }

  async failed(channel: Channel | undefined, limit: number): Promise<FailedDeliveryView[]> {
    const out: FailedDeliveryView[] = [];
    for (const c of channel ? [channel] : CHANNELS) {
      const jobs = await this.queues.queues[c].getFailed(0, limit - 1);
      out.push(
        ...jobs.map((j) => ({
          deliveryId: j.data.deliveryId,
          channel: c,
          eventType: j.data.eventType,
          eventId: j.data.eventId,
          recipient: j.data.recipient,
          target: j.data.target,
          attempts: j.attemptsMade,
          error: j.failedReason,
          failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
        })),
      );
    }
    return out.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '')).slice(0, limit);
  }

  /** Records who asked (`notification.retry-requested`), then puts the failed job back with fresh attempts. */
  async retry(principal: Principal, deliveryId: string): Promise<{ deliveryId: string; state: string }> {
    // Not the shape of a delivery id: no such delivery.
    if (!isDeliveryId(deliveryId)) throw new NotFoundException(`"${deliveryId}" is not a delivery id`);
    const job = await this.queues.job(deliveryId);
    if (!job) throw new NotFoundException(`no delivery ${deliveryId}`);
    const state = await job.getState();
    if (state !== 'failed') throw new ConflictException(`delivery ${deliveryId} is ${state}, not failed`);
    const recorded = await this.receipts.retryRequested(job.data, { userId: principal.sub, bureau: principal.bureau, role: principal.role });
    if (!recorded.ok) throw new ConflictException(recorded.message);
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return { deliveryId, state: await job.getState() };
  }

  /**
   * Dry run of the rules for an event: who would hear of it, on which channels, with what text.
   * Nothing is stored or queued. Unknown type, payload not of that type or template error → 422
   * (the body matches the published schema; the catalogue refuses its content).
   */
  async preview(input: PreviewInput): Promise<{ plan: unknown; caseFile: unknown; deliveries: Array<{ channel: Channel; recipient: unknown; target: string; deliveryId: string }> }> {
    const def = eventCatalog.get(input.type);
    if (!def) throw new UnprocessableEntityException(`unknown event type "${input.type}"`);
    const check = eventCatalog.checkPayload(input.type, def.schemaVersion, input.payload);
    if (!check.ok) throw new UnprocessableEntityException(check.error);
    const now = new Date();
    const event: EventEnvelope = {
      eventId: '00000000-0000-7000-8000-000000000000',
      type: input.type,
      schemaVersion: def.schemaVersion,
      streamId: input.streamId ?? `preview-${now.getTime()}`,
      streamVersion: Number.MAX_SAFE_INTEGER,
      occurredAt: now.toISOString(),
      actor: input.actor ?? { userId: 'preview', bureau: 'YRD-PREVIEW', role: 'system' },
      correlationId: 'preview',
      causationId: null,
      payload: check.payload,
      prevHash: null,
      hash: '0'.repeat(64),
    };
    const { result, caseFile } = await this.router.plan(event, now);
    if (!result.ok) throw new UnprocessableEntityException(result.error.message);
    const jobs = await this.router.jobs(event, result.plan, now);
    return { plan: result.plan, caseFile, deliveries: jobs.map((j) => ({ channel: j.channel, recipient: j.recipient, target: j.target, deliveryId: j.deliveryId })) };
  }
}
