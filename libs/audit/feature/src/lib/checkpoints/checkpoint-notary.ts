import type { CheckpointClaim, CheckpointReceipt } from '@yrd/audit-domain';
import type { PublicKeyLike } from '@yrd/merkle';

/**
 * Where event-log checkpoints are notarized: a notary logs the checkpoint as an entry of its
 * RFC 6962 Merkle log and answers with a receipt — leaf, Ed25519 signed tree head, inclusion proof
 * (and, from the evidence notary, an RFC 3161 time-stamp) — that anyone holding the notary's
 * public key can verify later without asking the notary.
 */
export interface CheckpointNotary {
  notarize(claim: CheckpointClaim): Promise<CheckpointReceipt>;
  /** The notary keys a verifier trusts (configured, never fetched from the notary itself). */
  trustedKeys(): readonly PublicKeyLike[];
}

export const CHECKPOINT_NOTARY = Symbol('CHECKPOINT_NOTARY');
