import type { EventCatalog, EventEnvelope } from '@yrd/contracts';
import type { Keyring } from '@yrd/event-log';
import type { AuditFinding, LogLocation } from './finding';

/**
 * The producer's signature every event carries in its envelope (`signature`, Ed25519 over the
 * hex hash): an event without one is `unsigned`; one signed with an unknown or retired key, by a
 * service not allowed to produce its context, or not verifying, is `bad-signature`.
 * Events of unknown types are reported as such elsewhere and are not judged here.
 */
export function producerSignatureFinding(
  envelope: EventEnvelope,
  keyring: Keyring,
  catalog: EventCatalog,
  location?: LogLocation,
): AuditFinding | null {
  const definition = catalog.get(envelope.type);
  if (!definition) return null;
  const check = keyring.check(envelope, definition.context);
  if (check.ok) return null;
  return {
    kind: check.reason,
    source: 'log',
    streamId: envelope.streamId,
    version: envelope.streamVersion,
    eventId: envelope.eventId,
    detail: check.error,
    ...(location ? { location } : {}),
    ...(envelope.signature ? { data: { keyId: envelope.signature.keyId } } : {}),
  };
}
