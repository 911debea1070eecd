import type { EventEnvelope } from '@yrd/contracts';
import type { Channel, Recipient, RenderedMessage } from '@yrd/notification-domain';

/** One BullMQ job: one event to one address on one channel. Its job id is `deliveryId`. */
export interface DeliveryJobData {
  deliveryId: string;
  channel: Channel;
  recipient: Recipient;
  /** Webhook endpoint id, email contact id, or `inbox`. */
  target: string;
  /** The bureau whose rate limit this delivery counts against. */
  bureau: string;
  reasons: string[];
  message: RenderedMessage;
  eventId: string;
  eventType: string;
  sourceStreamId: string;
  occurredAt: string;
  correlationId: string;
  queuedAt: string;
  /** Webhooks carry the whole envelope, so partners can check its hash. */
  event?: EventEnvelope;
}

/** Queue names (BullMQ forbids ':'); keys are `<QUEUE_PREFIX>:<name>:…`. */
export const QUEUE_NAMES: Record<Channel, string> = {
  webhook: 'notify-webhook',
  email: 'notify-email',
  inbox: 'notify-inbox',
};
