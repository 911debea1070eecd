import { z } from 'zod';
import { defineEvent } from '../event-catalog';
import { AuthorityId, Instant, Text } from './common.schemas';

/**
 * Delivery receipts of the notification service: stream `notification-<deliveryId>`, where a
 * delivery is one event to one recipient address on one channel. No addresses: `target` is the
 * id of the webhook endpoint, email contact or inbox entry.
 */
const DeliveryId = z.string().regex(/^[0-9a-f]{32}\.(webhook|email|inbox)\.[0-9a-f]{16}$/, 'must be a delivery id');

const DeliveryFacts = {
  deliveryId: DeliveryId,
  eventId: Text(64),
  eventType: Text(100),
  sourceStreamId: Text(200),
  channel: z.enum(['webhook', 'email', 'inbox']),
  recipient: z.object({ bureau: AuthorityId, userId: Text(128).optional() }).strict(),
  target: Text(200),
  attempts: z.number().int().min(1),
  queuedAt: Instant,
};

export const NotificationDelivered = defineEvent({
  type: 'notification.delivered',
  context: 'notification',
  schemaVersion: 1,
  summary: 'A notification reached its recipient (receipt): webhook answered 2xx, SMTP accepted the mail, or the inbox entry was stored.',
  payload: z.object({ ...DeliveryFacts, deliveredAt: Instant, latencyMs: z.number().int().min(0) }).strict(),
});

export const NotificationFailed = defineEvent({
  type: 'notification.failed',
  context: 'notification',
  schemaVersion: 1,
  summary: 'A notification could not be delivered after its last attempt (or was refused outright); it waits for a manual retry.',
  payload: z.object({ ...DeliveryFacts, error: Text(2000), failedAt: Instant }).strict(),
});

export const NotificationRetryRequested = defineEvent({
  type: 'notification.retry-requested',
  context: 'notification',
  schemaVersion: 1,
  summary: 'An operator asked for a failed notification to be delivered again.',
  payload: z.object({ deliveryId: DeliveryId, requestedBy: Text(128), requestedAt: Instant }).strict(),
});

export const notificationEvents = [NotificationDelivered, NotificationFailed, NotificationRetryRequested];
