import { createHash } from 'node:crypto';
import type { Channel } from './channel';

/**
 * The id of one delivery of one event to one recipient address on one channel, also its BullMQ
 * job id: `<eventId without dashes>.<channel>.<16 hex of sha256(recipient key)>`. Deterministic,
 * so a redelivered event adds a job that already exists, which BullMQ ignores. No ':' (BullMQ
 * rejects it in custom ids) and no '-' (so `notification-<id>` is a valid stream id).
 */
export function deliveryId(eventId: string, channel: Channel, recipientAddress: string): string {
  const digest = createHash('sha256').update(recipientAddress).digest('hex').slice(0, 16);
  return `${eventId.replace(/-/g, '')}.${channel}.${digest}`;
}

const DELIVERY_ID = /^[0-9a-f]{32}\.(webhook|email|inbox)\.[0-9a-f]{16}$/;

export const isDeliveryId = (value: string): boolean => DELIVERY_ID.test(value);

/** The channel a delivery id names. */
export function channelOfDelivery(id: string): Channel | undefined {
  const m = DELIVERY_ID.exec(id);
  return m ? (m[1] as Channel) : undefined;
}

export const deliveryStreamId = (id: string): string => `notification-${id}`;
