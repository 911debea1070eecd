import { EventEnvelope, type EventCatalog } from '@yrd/contracts';
import { z } from 'zod';
import { hasValidHash } from './event-hash';

export type EnvelopeCheck =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: 'malformed' | 'hash-mismatch' | 'unknown-type' | 'invalid-payload'; error: string };

/**
 * Everything a consumer must know before trusting an event: it parses, its envelope has the
 * declared shape, its hash recomputes, and its payload matches the catalogue.
 */
export function checkEnvelope(raw: unknown, catalog: EventCatalog): EnvelopeCheck {
  const parsed = EventEnvelope.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'malformed', error: z.prettifyError(parsed.error).replace(/\n/g, '; ') };
  }
  const envelope = parsed.data as EventEnvelope;
  if (!hasValidHash(envelope)) {
    return { ok: false, reason: 'hash-mismatch', error: `hash of event ${envelope.eventId} does not recompute` };
  }
  if (!catalog.get(envelope.type)) {
    return { ok: false, reason: 'unknown-type', error: `unknown event type "${envelope.type}"` };
  }
  const payload = catalog.checkPayload(envelope.type, envelope.schemaVersion, envelope.payload);
  if (!payload.ok) return { ok: false, reason: 'invalid-payload', error: payload.error };
  return { ok: true, envelope };
}

/** Parses a Kafka message value and checks it. */
export function checkEncodedEnvelope(value: Buffer | string | null, catalog: EventCatalog): EnvelopeCheck {
  if (value === null || value.length === 0) return { ok: false, reason: 'malformed', error: 'empty message' };
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString());
  } catch (e) {
    return { ok: false, reason: 'malformed', error: `not JSON: ${(e as Error).message}` };
  }
  return checkEnvelope(raw, catalog);
}
