import type { SignedTreeHead } from '@yrd/merkle';
import { CheckpointMetadata, EvidenceMetadata } from './evidence-metadata';
import { LogEntry } from './log-entry';

export const RECEIPT_FORMAT = 'yrd-notary-receipt/v1';

/**
 * The electronic preservation certificate (电子保全证书): everything a third party needs to
 * check, without trusting the notary's servers, that a file existed unchanged at a time.
 *
 * - `entry` is the Merkle leaf (canonical JSON); `metadata` hashes to `entry.metadataSha256`.
 * - `inclusionProof` leads from `leafHash` to `treeHead.rootHash` (RFC 6962 / RFC 9162).
 * - `treeHead` is signed with Ed25519 by the notary key `treeHead.keyId`.
 * - `timeStamp.token` is an RFC 3161 token (base64 DER) over `entry.sha256`:
 *   `openssl ts -verify -data <file> -token_in -in token.der -CAfile ca.pem -untrusted tsa.pem`.
 */
export interface NotaryReceipt {
  format: typeof RECEIPT_FORMAT;
  entry: LogEntry;
  metadata: EvidenceMetadata | CheckpointMetadata;
  leafIndex: number;
  leafHash: string;
  treeHead: SignedTreeHead;
  inclusionProof: string[];
  timeStamp: {
    token: string;
    serialNumber: string;
    genTime: string;
    policy: string;
  };
  notary: {
    /** Ed25519 SPKI PEM of the tree-head key (a verifier should pin it, not take it from here). */
    treeHeadPublicKeyPem: string;
    tsaCertificatePem: string;
    caCertificatePem: string;
  };
  issuedAt: string;
}
