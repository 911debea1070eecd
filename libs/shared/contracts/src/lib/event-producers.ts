import type { BoundedContext } from './topics';

/**
 * Which services may sign events of which context. A valid signature from a service not listed
 * for the event's context is rejected like a bad one: holding the notification service's key
 * must not let anyone write referral events. `diagnostics` (backbone probes) is any service's.
 */
export const EVENT_PRODUCERS: Readonly<Record<BoundedContext, readonly string[] | '*'>> = {
  intake: ['case-intake'],
  referral: ['clue-transfer'],
  sanctions: ['case-intake', 'clue-transfer'],
  bulletin: ['clue-transfer'],
  notary: ['evidence-notary'],
  notification: ['notification'],
  audit: ['audit'],
  diagnostics: '*',
};

export function mayProduce(service: string, context: BoundedContext): boolean {
  const allowed = EVENT_PRODUCERS[context];
  return allowed === '*' || allowed.includes(service);
}
