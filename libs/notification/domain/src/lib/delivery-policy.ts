/**
 * How hard a delivery is tried: `attempts` in all, waiting `baseDelayMs · 2^(n-1)` (capped at
 * `maxDelayMs`) after the n-th failure, of which the fraction `jitter` is random so receivers
 * that come back are not hit by every retry at once.
 */
export interface DeliveryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0 = none, 1 = anywhere between 0 and the full delay. */
  jitter: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = Object.freeze({ attempts: 8, baseDelayMs: 2000, maxDelayMs: 15 * 60_000, jitter: 0.5 });

export function checkDeliveryPolicy(p: DeliveryPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(p.attempts) || p.attempts < 1 || p.attempts > 50) problems.push('attempts must be an integer 1-50');
  if (!(p.baseDelayMs > 0)) problems.push('baseDelayMs must be positive');
  if (!(p.maxDelayMs >= p.baseDelayMs)) problems.push('maxDelayMs must be at least baseDelayMs');
  if (!(p.jitter >= 0 && p.jitter <= 1)) problems.push('jitter must be between 0 and 1');
  return problems;
}

/** Milliseconds to wait after the `attemptsMade`-th failed attempt (1-based). `random` ∈ [0, 1). */
export function retryDelay(policy: DeliveryPolicy, attemptsMade: number, random: () => number = Math.random): number {
  const n = Math.max(1, attemptsMade);
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n - 1, 40));
  return Math.round(full * (1 - policy.jitter) + full * policy.jitter * random());
}

/** Whether the attempt now failing (attemptsMade counts it) is the last one. */
export const isLastAttempt = (policy: DeliveryPolicy, attemptsMade: number): boolean => attemptsMade >= policy.attempts;

/**
 * What an HTTP status means for a webhook delivery: 2xx delivered; 408, 425, 429 and 5xx are
 * worth retrying; other 4xx mean the request itself is refused (bad secret, gone endpoint) and
 * retrying would not help, so the delivery fails at once and waits for a manual retry.
 */
export function classifyHttpStatus(status: number): 'delivered' | 'retry' | 'refused' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return status >= 400 ? 'refused' : 'retry';
}
