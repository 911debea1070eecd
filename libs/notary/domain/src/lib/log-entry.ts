import { leafHash } from '@yrd/merkle';
import { z } from 'zod';
import { canonicalJson } from './hex';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256/SM3 digest');

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

export function leafData(entry: LogEntry): Buffer {
  return Buffer.from(canonicalJson(entry), 'utf8');
}

/** SHA-256(0x00 || canonical JSON of the entry), hex. */
export function entryLeafHash(entry: LogEntry): string {
  return leafHash(leafData(entry)).toString('hex');
}
