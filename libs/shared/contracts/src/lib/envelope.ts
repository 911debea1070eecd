import { z } from 'zod';

/** Lower-case hex SHA-256 digest. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256 digest');

export const Role = z.enum(['officer', 'bureau', 'auditor', 'admin', 'system']);
export type Role = z.infer<typeof Role>;

/** Who caused an event: a person acting for a bureau, or a service acting on its own (`system`). */
export const Actor = z.object({
  userId: z.string().min(1).max(128),
  bureau: z.string().regex(/^\d{6}$|^[A-Z][A-Z0-9-]{1,31}$/, 'must be a 6-digit division code or an authority id'),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;

/** `<kind>-<id>`, e.g. `referral-01J…`; the kind names the aggregate. */
export const StreamId = z
  .string()
  .max(200)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[A-Za-z0-9_.:]+$/, 'must look like <kind>-<id>');

export const EventType = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+$/, 'must be dotted lower-case, e.g. referral.accepted');

/**
 * The producer's Ed25519 signature over the ASCII bytes of the lower-case hex `hash`, so a party
 * that can write to the broker but does not hold the service's key cannot forge an event.
 * `keyId` is `<service>:<key name>`; the public key is in the published keyring.
 */
export const EventSignature = z
  .object({
    keyId: z.string().regex(/^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]{1,64}$/, 'must be <service>:<key name>'),
    alg: z.literal('Ed25519'),
    value: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be the base64url of a 64-byte signature'),
  })
  .strict();
export type EventSignature = z.infer<typeof EventSignature>;

/** The service a key id names: `clue-transfer:2026-12-07` → `clue-transfer`. */
export function keyService(keyId: string): string {
  const colon = keyId.indexOf(':');
  return colon < 0 ? keyId : keyId.slice(0, colon);
}

const UuidV7 = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a UUIDv7');

/**
 * The one envelope every event travels in. `hash` is the SHA-256 of the RFC 8785 canonical JSON
 * of all other fields but `signature`, and `prevHash` links to the previous event of the same
 * stream, so each stream is a hash chain an auditor can recompute; `signature` signs `hash`.
 * It is optional in the schema only so that an unsigned event parses and is rejected as
 * `unsigned` (rather than `malformed`): nothing unsigned is applied.
 */
export const EventEnvelope = z
  .object({
    eventId: UuidV7,
    type: EventType,
    schemaVersion: z.number().int().min(1),
    streamId: StreamId,
    streamVersion: z.number().int().min(1),
    occurredAt: z.iso.datetime({ offset: false }),
    actor: Actor,
    correlationId: z.string().min(1).max(128),
    causationId: z.string().min(1).max(128).nullable(),
    payload: z.record(z.string(), z.unknown()),
    prevHash: Sha256Hex.nullable(),
    hash: Sha256Hex,
    signature: EventSignature.optional(),
  })
  .strict();
export type EventEnvelope<P extends Record<string, unknown> = Record<string, unknown>> = Omit<
  z.infer<typeof EventEnvelope>,
  'payload'
> & { payload: P };

/** The envelope before it is sealed with its hash and signature. */
export type UnsealedEnvelope = Omit<EventEnvelope, 'hash' | 'signature'>;

/** The kind of aggregate a stream belongs to: `referral-01J…` → `referral`. */
export function streamKind(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
