import { Inject, Injectable } from '@nestjs/common';
import { classifyHttpStatus, SIGNATURE_HEADER, signatureHeader } from '@yrd/notification-domain';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { DeliveryJobData } from '../delivery/delivery-job';
import { activeSecrets, WebhookEndpointsStore } from '../stores/webhook-endpoints.store';
import { DeliveryRefused, type ChannelSender } from './channel-sender';

/** The JSON a partner receives (docs/notification-webhooks.md). */
export function webhookBody(job: DeliveryJobData, attempt: number): string {
  return JSON.stringify({
    deliveryId: job.deliveryId,
    type: job.eventType,
    attempt,
    recipient: job.recipient,
    reasons: job.reasons,
    message: job.message,
    event: job.event ?? null,
  });
}

/**
 * POSTs the delivery, signed with every active secret of the endpoint (read at send time, so a
 * rotation applies to queued deliveries too). 2xx delivered; 408/425/429/5xx and network errors
 * retried; other statuses refused.
 */
@Injectable()
export class WebhookSender implements ChannelSender {
  constructor(
    private readonly endpoints: WebhookEndpointsStore,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  async deliver(job: DeliveryJobData, attempt: number): Promise<void> {
    const endpoint = await this.endpoints.getActive(job.target);
    if (!endpoint) throw new DeliveryRefused(`webhook endpoint ${job.target} was removed`);
    const body = webhookBody(job, attempt);
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'yrd-notification/1',
          [SIGNATURE_HEADER]: signatureHeader(activeSecrets(endpoint).map((s) => s.value), timestamp, body),
          'x-yrd-delivery-id': job.deliveryId,
          'x-yrd-event-id': job.eventId,
          'x-yrd-event-type': job.eventType,
          'x-yrd-attempt': String(attempt),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      throw new Error(`POST ${endpoint.url} failed: ${(e as Error).message}${cause ? ` (${cause})` : ''}`);
    }
    await response.body?.cancel().catch(() => undefined);
    const verdict = classifyHttpStatus(response.status);
    if (verdict === 'delivered') return;
    const message = `POST ${endpoint.url} answered ${response.status}`;
    if (verdict === 'refused') throw new DeliveryRefused(message);
    throw new Error(message);
  }
}
