import { defineEvent } from '@yrd/contracts';
import { z } from 'zod';
import { CheckpointMetadata, EvidenceMetadata } from './evidence-metadata';
import { LogEntry } from './log-entry';

/**
 * The notary's events (context `notary`, topic `<ns>.notary.events`). Declared here for the
 * global catalogue in @yrd/contracts to pick up as `notaryEvents`.
 */
const notary = <T extends string, S extends z.ZodType>(type: T, summary: string, payload: S) =>
  defineEvent({ type, context: 'notary', schemaVersion: 1, summary, payload });

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Bureau = z.string().regex(/^\d{6}$/);
const Instant = z.iso.datetime({ offset: true });
const EntryId = z.string().min(1).max(100);
const UserId = z.string().min(1).max(128);

/** Where the log put the entry, and the time-stamp over its content hash. */
const Logged = {
  entry: LogEntry,
  leafIndex: z.number().int().min(0),
  leafHash: Hex64,
  timeStamp: z.object({ serialNumber: z.string().regex(/^[0-9a-f]+$/), genTime: Instant, policy: z.string(), tokenBase64: z.string().min(1) }).strict(),
};

export const EvidenceNotarizedPayload = z
  .object({ ...Logged, metadata: EvidenceMetadata, blobKey: z.string().regex(/^sha256\/[0-9a-f]{64}$/), ownerBureau: Bureau })
  .strict();
export const CheckpointNotarizedPayload = z.object({ ...Logged, metadata: CheckpointMetadata }).strict();
export const EvidenceAccessedPayload = z
  .object({ entryId: EntryId, userId: UserId, bureau: Bureau, purpose: z.enum(['receipt', 'metadata', 'proof']), accessedAt: Instant })
  .strict();
export const EvidenceDownloadedPayload = z.object({ entryId: EntryId, userId: UserId, bureau: Bureau, sha256: Hex64, downloadedAt: Instant }).strict();
export const EvidenceSharedPayload = z
  .object({ entryId: EntryId, fromBureau: Bureau, toBureau: Bureau, userId: UserId, reason: z.string().max(2000).optional(), sharedAt: Instant })
  .strict();
export const EvidenceVerifiedPayload = z
  .object({
    entryId: EntryId,
    userId: UserId,
    bureau: z.string().min(1).max(32),
    outcome: z.enum(['verified', 'failed']),
    reasons: z.array(z.string().max(500)).max(20),
    checkedSha256: Hex64,
    verifiedAt: Instant,
  })
  .strict();
export const TreeHeadSignedPayload = z
  .object({
    treeSize: z.number().int().min(0),
    rootHash: Hex64,
    timestamp: z.number().int().min(0),
    keyId: z.string().regex(/^[0-9a-f]{32}$/),
    signature: z.string().min(1),
    trigger: z.enum(['scheduled', 'on-demand']),
  })
  .strict();

export const notaryEvents = [
  notary('evidence.notarized', 'An evidence file was stored, logged as a Merkle leaf and time-stamped (保全).', EvidenceNotarizedPayload),
  notary('notary.checkpoint-notarized', 'An event-log checkpoint (a root over a range of events) was logged and time-stamped like any entry.', CheckpointNotarizedPayload),
  notary('evidence.accessed', "Someone read an entry's receipt, metadata or proof (chain of custody; each read on a stream of its own, `evidence-custody-<entryId>-<readId>`).", EvidenceAccessedPayload),
  notary('evidence.downloaded', 'Someone downloaded the evidence file (chain of custody; on a stream of its own, `evidence-custody-<entryId>-<readId>`).', EvidenceDownloadedPayload),
  notary('evidence.shared', 'The owning bureau shared the evidence with another bureau.', EvidenceSharedPayload),
  notary('evidence.verified', 'A file or hash was checked against the entry and its receipt, with the outcome.', EvidenceVerifiedPayload),
  notary('notary.tree-head-signed', 'The notary signed a tree head of its Merkle log (scheduled or on demand).', TreeHeadSignedPayload),
] as const;

/** Payload types by event type. */
export interface NotaryPayloads {
  'evidence.notarized': z.infer<typeof EvidenceNotarizedPayload>;
  'notary.checkpoint-notarized': z.infer<typeof CheckpointNotarizedPayload>;
  'evidence.accessed': z.infer<typeof EvidenceAccessedPayload>;
  'evidence.downloaded': z.infer<typeof EvidenceDownloadedPayload>;
  'evidence.shared': z.infer<typeof EvidenceSharedPayload>;
  'evidence.verified': z.infer<typeof EvidenceVerifiedPayload>;
  'notary.tree-head-signed': z.infer<typeof TreeHeadSignedPayload>;
}
export type NotaryEventType = keyof NotaryPayloads;
export type NotaryPayload<T extends NotaryEventType> = NotaryPayloads[T];
