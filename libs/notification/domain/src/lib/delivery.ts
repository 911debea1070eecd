import type { DomainEvent } from '@yrd/event-log';
import type { Channel } from './channel';

/**
 * One delivery's record (stream `notification-<deliveryId>`): receipts as events. A redone job
 * (a worker that crashed after recording) records nothing new, so there is one receipt per
 * delivery and round; a manual retry opens a new round.
 */
export interface DeliveryFacts {
  deliveryId: string;
  eventId: string;
  eventType: string;
  sourceStreamId: string;
  channel: Channel;
  recipient: { bureau: string; userId?: string };
  /** Webhook endpoint id, email contact id or inbox entry id: never an address (the log keeps it forever). */
  target: string;
  attempts: number;
  queuedAt: string;
}

export type NotificationDelivered = DomainEvent<'notification.delivered', DeliveryFacts & { deliveredAt: string; latencyMs: number }>;
export type NotificationFailed = DomainEvent<'notification.failed', DeliveryFacts & { error: string; failedAt: string }>;
export type NotificationRetryRequested = DomainEvent<'notification.retry-requested', { deliveryId: string; requestedBy: string; requestedAt: string }>;
export type DeliveryEvent = NotificationDelivered | NotificationFailed | NotificationRetryRequested;

export interface DeliveryState {
  status: 'pending' | 'delivered' | 'failed';
  rounds: number;
}

export const initialDeliveryState: DeliveryState = { status: 'pending', rounds: 1 };

export function evolveDelivery(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  switch (event.type) {
    case 'notification.delivered':
      return { ...state, status: 'delivered' };
    case 'notification.failed':
      return { ...state, status: 'failed' };
    case 'notification.retry-requested':
      return { status: 'pending', rounds: state.rounds + 1 };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export type DeliveryDecision = { ok: true; value: DeliveryEvent[] } | { ok: false; error: { code: 'NOT_FAILED'; message: string } };

/** Receipt of a success: once per round. */
export const recordDelivered =
  (data: NotificationDelivered['data']) =>
  (state: DeliveryState): DeliveryDecision => ({ ok: true, value: state.status === 'pending' ? [{ type: 'notification.delivered', data }] : [] });

/** Record of a final failure: once per round, never after a success. */
export const recordFailed =
  (data: NotificationFailed['data']) =>
  (state: DeliveryState): DeliveryDecision => ({ ok: true, value: state.status === 'pending' ? [{ type: 'notification.failed', data }] : [] });

/**
 * A person asks to try a failed delivery again. Pending (a retry recorded whose job did not
 * restart) may be asked again without a second event; delivered may not.
 */
export const requestRetry =
  (data: NotificationRetryRequested['data']) =>
  (state: DeliveryState): DeliveryDecision => {
    if (state.status === 'delivered') return { ok: false, error: { code: 'NOT_FAILED', message: `delivery ${data.deliveryId} was delivered` } };
    return { ok: true, value: state.status === 'failed' ? [{ type: 'notification.retry-requested', data }] : [] };
  };
