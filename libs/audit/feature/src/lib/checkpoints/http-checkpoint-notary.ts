import { checkpointRange, verifyCheckpointReceipt, type CheckpointClaim, type EvidenceNotaryReceipt } from '@yrd/audit-domain';
import type { PublicKeyLike } from '@yrd/merkle';
import type { NotaryReceipt } from '@yrd/notary-domain';
import type { CheckpointNotary } from './checkpoint-notary';

export interface HttpCheckpointNotaryOptions {
  /** Base URL of the evidence notary, e.g. http://127.0.0.1:3103 */
  baseUrl: string;
  /** The notary's tree-head keys, pinned by configuration (never taken from its answers). */
  trustedKeys: readonly PublicKeyLike[];
  /** Bearer token of an auditor or admin identity (the notary's checkpoint route requires one). */
  token?: string;
  timeoutMs?: number;
}

/**
 * Notarizes checkpoints with the evidence notary over HTTP:
 *   POST {baseUrl}/notary/checkpoints
 *     { rootHash, source: 'audit', scope: '<topic>:<partition>', fromPosition, toPosition, eventCount }
 *   → 201 its receipt (`yrd-notary-receipt/v1`: entry, metadata, leaf, signed tree head, proof, time-stamp)
 * The receipt is verified at once with the notary's own verifier against the pinned keys, and must
 * name this root and range: a notary that answers with anything else is an error, not a checkpoint.
 */
export class HttpCheckpointNotary implements CheckpointNotary {
  constructor(private readonly options: HttpCheckpointNotaryOptions) {}

  async notarize(claim: CheckpointClaim): Promise<EvidenceNotaryReceipt> {
    const base = this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`;
    const response = await fetch(new URL('notary/checkpoints', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.token && { authorization: `Bearer ${this.options.token}` }) },
      body: JSON.stringify({ rootHash: claim.rootHash, source: 'audit', ...checkpointRange(claim) }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`notary answered ${response.status}: ${text.slice(0, 500)}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`notary answered with something that is not JSON: ${text.slice(0, 200)}`);
    }
    const receipt: EvidenceNotaryReceipt = { kind: 'evidence-notary', receipt: body as NotaryReceipt };
    const check = verifyCheckpointReceipt(claim, receipt, this.options.trustedKeys);
    if (!check.ok) throw new Error(`notary receipt does not verify: ${check.reason}`);
    return receipt;
  }

  trustedKeys(): readonly PublicKeyLike[] {
    return this.options.trustedKeys;
  }
}
