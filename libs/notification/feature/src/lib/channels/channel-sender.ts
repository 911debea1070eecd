import type { DeliveryJobData } from '../delivery/delivery-job';

/** A refusal that retrying cannot fix (a 4xx, a removed endpoint): the delivery fails at once. */
export class DeliveryRefused extends Error {
  override readonly name = 'DeliveryRefused';
}

/** Sends one delivery; throws to retry, DeliveryRefused to give up. */
export interface ChannelSender {
  deliver(job: DeliveryJobData, attempt: number): Promise<void>;
}
