import { createHash } from 'node:crypto';
import { IntegrityReason, type PayloadOf, type IntegrityAlertRaised } from '@yrd/contracts';

export type IntegrityAlert = PayloadOf<typeof IntegrityAlertRaised>;

/** A consumer's DLQ entry, as its headers and value describe it. */
export interface DeadLetter {
  reason: string;
  error: string;
  consumer: string;
  sourceTopic: string;
  sourcePartition: number;
  sourceOffset: string;
  value: Buffer | null;
  at: string;
}

/**
 * The alert for a DLQ entry refused for the integrity of the log, or null for any other reason
 * (a handler failure or a malformed message is an operations matter, not the auditors'). The
 * stream is named after the refused message and reason, so the refusals of one forged event by
 * several consumers raise one alert.
 */
export function integrityAlertFor(entry: DeadLetter, auditors: readonly string[]): { streamId: string; alert: IntegrityAlert } | null {
  const reason = IntegrityReason.safeParse(entry.reason);
  if (!reason.success) return null;
  const digest = createHash('sha256').update(entry.value ?? Buffer.alloc(0)).update(`\n${reason.data}`).digest('hex').slice(0, 32);
  const claimed = claimedEnvelope(entry.value);
  return {
    streamId: `integrity-${digest}`,
    alert: {
      alertId: digest,
      reason: reason.data,
      detail: entry.error.slice(0, 4000) || reason.data,
      consumer: entry.consumer,
      sourceTopic: entry.sourceTopic,
      sourcePartition: entry.sourcePartition,
      sourceOffset: entry.sourceOffset,
      ...claimed,
      refusedAt: entry.at,
      auditors: [...auditors],
    },
  };
}

/** What the refused message claimed to be, as far as it says (each field only if well-formed). */
function claimedEnvelope(value: Buffer | null): Partial<Pick<IntegrityAlert, 'eventId' | 'eventType' | 'streamId' | 'streamVersion' | 'keyId'>> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(value?.toString() ?? '') as Record<string, unknown>;
  } catch {
    return {};
  }
  const text = (v: unknown, max: number) => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);
  const signature = raw['signature'] as { keyId?: unknown } | undefined;
  const version = raw['streamVersion'];
  const claimed = {
    eventId: text(raw['eventId'], 64),
    eventType: text(raw['type'], 100),
    streamId: text(raw['streamId'], 200),
    streamVersion: typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : undefined,
    keyId: text(signature?.keyId, 100),
  };
  return Object.fromEntries(Object.entries(claimed).filter(([, v]) => v !== undefined));
}
