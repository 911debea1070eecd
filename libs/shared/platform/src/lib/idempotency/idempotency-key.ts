import { createHash } from 'node:crypto';

/** The request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer replayed from an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * The key as sent: an sf-string (`"8e03978e-…"`) per the draft, or the bare token most clients
 * send; 1–255 printable ASCII characters. `undefined` if malformed.
 */
export function parseIdempotencyKey(raw: string): string | undefined {
  const value = raw.trim();
  const key = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return /^[\x21-\x7e]{1,255}$/.test(key) ? key : undefined;
}

/** Where a key is stored: one record per principal, method, path and key, the same on every instance. */
export function idempotencyRecordId(principal: string, method: string, path: string, key: string): string {
  return sha256(JSON.stringify([principal, method.toUpperCase(), path, key]));
}

/** What "the same request" means: the same body (JSON with sorted keys) and, for uploads, the same files. */
export function requestFingerprint(body: unknown, files: readonly { field: string; sha256: string }[] = []): string {
  return sha256(JSON.stringify([canonical(body), files.map((f) => [f.field, f.sha256])]));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
