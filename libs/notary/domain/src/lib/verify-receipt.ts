import { PublicKeyLike, verifyInclusion, verifyTreeHead } from '@yrd/merkle';
import { metadataHash } from './evidence-metadata';
import { sha256Hex } from './hex';
import { LogEntry, entryLeafHash } from './log-entry';
import { NotaryReceipt, RECEIPT_FORMAT } from './receipt';
import { readTimeStampToken } from './time-stamp-token';

export type ReceiptFailureCode =
  | 'malformed-receipt'
  | 'tampered-file'
  | 'metadata-changed'
  | 'entry-changed'
  | 'bad-signature'
  | 'bad-proof'
  | 'wrong-root'
  | 'bad-timestamp';

export interface ReceiptFailure {
  code: ReceiptFailureCode;
  message: string;
}

export type ReceiptVerification = { ok: true; entryId: string; leafIndex: number; treeSize: number; timeStampedAt: string } | { ok: false; failures: ReceiptFailure[] };

/** The evidence as bytes, or only its SHA-256 (hex) when the verifier does not hold the file. */
export type EvidenceInput = Uint8Array | { sha256: string };

/**
 * Checks a receipt on its own: the file's hash, the metadata and entry hashes, the tree head's
 * Ed25519 signature against keys the verifier trusts, the inclusion proof to the signed root, and
 * that the time-stamp token covers the file's hash. Every failing check is reported.
 *
 * The token's CMS signature and certificate chain are checked by `openssl ts -verify` (see
 * NotaryReceipt), not here.
 */
export function verifyReceipt(receipt: NotaryReceipt, evidence: EvidenceInput, trustedKeys: readonly PublicKeyLike[]): ReceiptVerification {
  const shape = LogEntry.safeParse(receipt?.entry);
  if (receipt?.format !== RECEIPT_FORMAT || !shape.success || !receipt.treeHead || !Array.isArray(receipt.inclusionProof)) {
    return { ok: false, failures: [{ code: 'malformed-receipt', message: `not a ${RECEIPT_FORMAT} receipt` }] };
  }
  const entry = shape.data;
  const failures: ReceiptFailure[] = [];
  const fail = (code: ReceiptFailureCode, message: string) => failures.push({ code, message });

  const fileSha256 = evidence instanceof Uint8Array ? sha256Hex(evidence) : evidence.sha256.toLowerCase();
  if (fileSha256 !== entry.sha256) fail('tampered-file', `the file's SHA-256 ${fileSha256} is not the notarized ${entry.sha256}`);

  if (metadataHash(receipt.metadata) !== entry.metadataSha256) fail('metadata-changed', 'the metadata does not hash to the entry’s metadataSha256');

  const leafHash = entryLeafHash(entry);
  if (leafHash !== receipt.leafHash) fail('entry-changed', 'the entry does not hash to the receipt’s leaf hash');

  const signature = verifyTreeHead(receipt.treeHead, trustedKeys);
  if (!signature.ok) fail('bad-signature', signature.reason);

  const inclusion = verifyInclusion({
    leafIndex: receipt.leafIndex,
    treeSize: receipt.treeHead.treeSize,
    leafHash,
    proof: receipt.inclusionProof,
    rootHash: receipt.treeHead.rootHash,
  });
  if (!inclusion.ok) {
    const wrongRoot = inclusion.reason === 'inclusion proof does not lead to the root hash';
    fail(wrongRoot ? 'wrong-root' : 'bad-proof', wrongRoot ? 'the inclusion proof does not lead to the signed root hash' : inclusion.reason);
  }

  let timeStampedAt = '';
  try {
    const token = readTimeStampToken(Buffer.from(receipt.timeStamp.token, 'base64'));
    if (token.messageImprint !== entry.sha256) fail('bad-timestamp', `the time-stamp covers ${token.messageImprint}, not the entry's ${entry.sha256}`);
    timeStampedAt = token.genTime.toISOString();
  } catch (e) {
    fail('bad-timestamp', `unreadable time-stamp token: ${(e as Error).message}`);
  }

  if (failures.length > 0) return { ok: false, failures };
  return { ok: true, entryId: entry.entryId, leafIndex: receipt.leafIndex, treeSize: receipt.treeHead.treeSize, timeStampedAt };
}
