import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs/notification-webhooks.md). Each POST carries
 * `x-yrd-signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]` where each v1 is
 * HMAC-SHA256(secret, `${t}.${raw body}`) for one of the endpoint's active secrets: during a
 * rotation both the new and the old secret sign, so a receiver holding either verifies.
 */
export const SIGNATURE_HEADER = 'x-yrd-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export function signatureHeader(secrets: readonly string[], timestamp: number, body: string | Buffer): string {
  if (secrets.length === 0) throw new Error('no active secret to sign with');
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${computeSignature(s, timestamp, body)}`)].join(',');
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: 'malformed-header' | 'timestamp-out-of-tolerance' | 'no-matching-signature' };

export interface VerifyInput {
  /** The `x-yrd-signature` header. */
  header: string | undefined;
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string | Buffer;
  /** The receiver's secret(s); during a rotation, pass both. */
  secrets: string | readonly string[];
  toleranceSeconds?: number;
  nowMs?: number;
}

/** Verifies a delivery: a v1 that matches one of the secrets, and a timestamp within tolerance (replays). */
export function verifyWebhookSignature({ header, body, secrets, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, nowMs = Date.now() }: VerifyInput): VerifyResult {
  if (!header) return { ok: false, reason: 'malformed-header' };
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const item of header.split(',')) {
    const eq = item.indexOf('=');
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) return { ok: false, reason: 'malformed-header' };
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'timestamp-out-of-tolerance' };
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = Buffer.from(computeSignature(secret, timestamp, body), 'hex');
    if (candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected))) return { ok: true, timestamp };
  }
  return { ok: false, reason: 'no-matching-signature' };
}
