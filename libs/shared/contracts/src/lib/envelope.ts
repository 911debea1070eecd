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

const UuidV7 = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a UUIDv7');

/**
 * The one envelope every event travels in. `hash` is the SHA-256 of the RFC 8785 canonical JSON
 * of all other fields, and `prevHash` links to the previous event of the same stream, so each
 * stream is a hash chain an auditor can recompute.
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
  })
  .strict();
export type EventEnvelope<P extends Record<string, unknown> = Record<string, unknown>> = Omit<
  z.infer<typeof EventEnvelope>,
  'payload'
> & { payload: P };

/** The envelope before it is sealed with its hash. */
export type UnsealedEnvelope = Omit<EventEnvelope, 'hash'>;

/** The kind of aggregate a stream belongs to: `referral-01J…` → `referral`. */
export function streamKind(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
