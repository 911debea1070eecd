import { z } from 'zod';
import { canonicalJson, sha256Hex } from './hex';

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

export function metadataHash(metadata: EvidenceMetadata | CheckpointMetadata): string {
  return sha256Hex(canonicalJson(metadata));
}
