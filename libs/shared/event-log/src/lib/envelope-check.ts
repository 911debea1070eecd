import { EventEnvelope, type EventCatalog } from '@yrd/contracts';
import { z } from 'zod';
import { hasValidHash } from './event-hash';
import type { Keyring } from './keyring';

export type EnvelopeCheck =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: EnvelopeRejection; error: string };

export type EnvelopeRejection = 'malformed' | 'hash-mismatch' | 'unknown-type' | 'invalid-payload' | 'unsigned' | 'bad-signature';

/**
 * Everything a consumer must know before trusting an event: it parses, its envelope has the
 * declared shape, its hash recomputes, its payload matches the catalogue, and — given the
 * keyring — it is signed by a service allowed to produce its context.
 */
export function checkEnvelope(raw: unknown, catalog: EventCatalog, keyring?: Keyring): EnvelopeCheck {
  const parsed = EventEnvelope.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'malformed', error: z.prettifyError(parsed.error).replace(/\n/g, '; ') };
  }
  const envelope = parsed.data as EventEnvelope;
  if (!hasValidHash(envelope)) {
    return { ok: false, reason: 'hash-mismatch', error: `hash of event ${envelope.eventId} does not recompute` };
  }
  const definition = catalog.get(envelope.type);
  if (!definition) {
    return { ok: false, reason: 'unknown-type', error: `unknown event type "${envelope.type}"` };
  }
  if (keyring) {
    const signed = keyring.check(envelope, definition.context);
    if (!signed.ok) return signed;
  }
  const payload = catalog.checkPayload(envelope.type, envelope.schemaVersion, envelope.payload);
  if (!payload.ok) return { ok: false, reason: 'invalid-payload', error: payload.error };
  return { ok: true, envelope };
}

/** Parses a Kafka message value and checks it. */
export function checkEncodedEnvelope(value: Buffer | string | null, catalog: EventCatalog, keyring?: Keyring): EnvelopeCheck {
  if (value === null || value.length === 0) return { ok: false, reason: 'malformed', error: 'empty message' };
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString());
  } catch (e) {
    return { ok: false, reason: 'malformed', error: `not JSON: ${(e as Error).message}` };
  }
  return checkEnvelope(raw, catalog, keyring);
}
