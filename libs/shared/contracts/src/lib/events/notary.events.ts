import { z } from 'zod';
import { defineEvent } from '../event-catalog';

/**
 * The notary's events (context `notary`, topic `<ns>.notary.events`), and the schemas their
 * payloads carry: the evidence and checkpoint metadata and the Merkle log entry. The hashing of
 * those (leaf data, metadata hash) stays in @yrd/notary-domain; only the shapes live here, so the
 * one catalogue knows every event.
 */
const notary = <T extends string, S extends z.ZodType>(type: T, summary: string, payload: S) =>
  defineEvent({ type, context: 'notary', schemaVersion: 1, summary, payload });

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256/SM3 digest');
const Bureau = z.string().regex(/^\d{6}$/);
const Instant = z.iso.datetime({ offset: true });
const EntryId = z.string().min(1).max(100);
const UserId = z.string().min(1).max(128);
const Text = (max: number) => z.string().trim().min(1).max(max);

/** How the evidence was obtained (取证方式). */
export const CollectionMethod = z.enum(['upload', 'web-capture', 'screen-recording', 'mobile-capture', 'scan', 'device-export', 'other']);
export type CollectionMethod = z.infer<typeof CollectionMethod>;

export const EvidenceSource = z
  .object({
    url: z.url().max(2000).optional(),
    device: Text(200).optional(),
    method: CollectionMethod,
  })
  .strict();

/**
 * What is recorded about a piece of evidence besides its bytes. Hashed (canonical JSON) into
 * the log entry, so changing any field afterwards is detectable.
 */
export const EvidenceMetadata = z
  .object({
    caseId: Text(100).optional(),
    clueId: Text(100).optional(),
    collectedBy: z.object({ userId: Text(128), bureau: z.string().regex(/^\d{6}$/, 'must be a 6-digit division code') }).strict(),
    collectedAt: z.iso.datetime({ offset: true }),
    source: EvidenceSource,
    mediaType: Text(200),
    fileName: Text(255).optional(),
    title: Text(500).optional(),
    description: Text(5000).optional(),
  })
  .strict()
  .refine((m) => m.caseId !== undefined || m.clueId !== undefined, { message: 'evidence belongs to a case or a clue (caseId or clueId)' });
export type EvidenceMetadata = z.infer<typeof EvidenceMetadata>;

/** What an audit checkpoint says about itself (a root over a range of events). */
export const CheckpointMetadata = z
  .object({
    source: Text(100),
    scope: Text(200),
    fromPosition: Text(200),
    toPosition: Text(200),
    eventCount: z.number().int().min(0),
    createdAt: z.iso.datetime({ offset: true }),
    requestedBy: z.object({ userId: Text(128), bureau: z.string().regex(/^\d{6}$|^[A-Z][A-Z0-9-]{1,31}$/) }).strict(),
  })
  .strict();
export type CheckpointMetadata = z.infer<typeof CheckpointMetadata>;

/**
 * One leaf of the notary's Merkle log: the content hash, the metadata hash and the time.
 * The leaf data is the RFC 8785 canonical JSON of this object, so anyone holding a receipt can
 * rebuild the leaf with any JSON canonicaliser and SHA-256.
 */
export const LogEntry = z
  .object({
    v: z.literal(1),
    entryId: z.string().min(1).max(100),
    kind: z.enum(['evidence', 'checkpoint']),
    /** SHA-256 of the file (evidence) or the checkpoint root (checkpoint). */
    sha256: Hex64,
    sm3: Hex64.optional(),
    size: z.number().int().min(0),
    metadataSha256: Hex64,
    notarizedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type LogEntry = z.infer<typeof LogEntry>;

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
