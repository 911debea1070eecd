import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import { BlobInspector, BlobRejectedError } from '@yrd/evidence-storage';
import { NotaryReceipt, ReceiptFailure, decideEvidence, evidenceAggregate, evidenceStreamId, verifyReceipt } from '@yrd/notary-domain';
import { verifyWithOpenssl } from '@yrd/tsa';
import { MerkleLogService } from '../merkle-log/merkle-log.service';
import { NotaryConfig } from '../notary.config';
import { badRequest, rejectionToHttp, unprocessable } from '../notary-errors';
import { NOTARY_CONFIG } from '../notary.tokens';
import { TreeHeadService } from '../tree-heads/tree-head.service';
import { TsaPems } from './tsa-pems';

export interface VerifyEvidenceCommand {
  actor: Actor;
  /** The receipt as issued (JSON text or object). */
  receipt: unknown;
  /** The file (streamed and hashed, never stored) or its SHA-256. */
  file?: Readable;
  sha256?: string;
}

export interface VerifyEvidenceResult {
  ok: boolean;
  entryId?: string;
  checkedSha256: string;
  failures: ReceiptFailure[];
  /** `openssl ts -verify` of the receipt's token against this notary's CA, for the checked hash. */
  timeStampVerified: boolean;
}

/**
 * Checks a file (or hash) against a receipt: the standalone verifier with this notary's
 * tree-head key, plus `openssl ts -verify` of the token. A verification of an entry in this
 * log is recorded on its stream (`evidence.verified`), whatever the outcome.
 */
@Injectable()
export class VerifyEvidenceUseCase {
  private readonly repo;

  constructor(
    private readonly backbone: EventBackbone,
    private readonly merkleLog: MerkleLogService,
    private readonly treeHeads: TreeHeadService,
    @Inject(NOTARY_CONFIG) private readonly config: NotaryConfig,
    private readonly tsaPems: TsaPems,
  ) {
    this.repo = backbone.repository(evidenceAggregate);
  }

  async execute(cmd: VerifyEvidenceCommand): Promise<VerifyEvidenceResult> {
    const receipt = parseReceipt(cmd.receipt);
    const checkedSha256 = await this.hashOf(cmd);
    const result = verifyReceipt(receipt, { sha256: checkedSha256 }, [this.treeHeads.publicKeyPem]);
    const failures = result.ok ? [] : [...result.failures];
    let timeStampVerified = false;
    if (typeof receipt.timeStamp?.token === 'string') {
      const openssl = await verifyWithOpenssl({ token: Buffer.from(receipt.timeStamp.token, 'base64'), sha256Digest: Buffer.from(checkedSha256, 'hex'), caCertPem: this.tsaPems.ca, tsaCertPem: this.tsaPems.tsa });
      timeStampVerified = openssl.ok;
      if (!openssl.ok && !failures.some((f) => f.code === 'bad-timestamp' || f.code === 'tampered-file')) {
        failures.push({ code: 'bad-timestamp', message: `openssl ts -verify: ${openssl.output.split('\n').slice(-2).join(' ')}` });
      }
    }
    const entryId = receipt.entry?.entryId;
    if (entryId && this.merkleLog.leafIndexOf(entryId) !== undefined) {
      const now = new Date();
      await this.repo.handle(
        evidenceStreamId(entryId),
        decideEvidence.recordVerification(cmd.actor, checkedSha256, failures.map((f) => `${f.code}: ${f.message}`), now),
        this.backbone.metadata(cmd.actor, null, now),
      );
    }
    return { ok: failures.length === 0, ...(entryId ? { entryId } : {}), checkedSha256, failures, timeStampVerified };
  }

  private async hashOf(cmd: VerifyEvidenceCommand): Promise<string> {
    if (cmd.file) {
      const inspector = new BlobInspector({ maxBytes: this.config.NOTARY_MAX_UPLOAD_BYTES });
      try {
        await pipeline(cmd.file, inspector, async (source: AsyncIterable<unknown>) => {
          for await (const _ of source) void _; // hash only: nothing is kept
        });
      } catch (e) {
        throw e instanceof BlobRejectedError ? rejectionToHttp(e) : e;
      }
      if (inspector.inspection().size === 0) throw badRequest('the file is empty');
      return inspector.inspection().sha256;
    }
    if (cmd.sha256 && /^[0-9a-fA-F]{64}$/.test(cmd.sha256)) return cmd.sha256.toLowerCase();
    throw unprocessable('give the file or its sha256 (64 hex digits)');
  }
}

function parseReceipt(input: unknown): NotaryReceipt {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw unprocessable('receipt is not valid JSON');
    }
  }
  // Missing: the schema requires it (400); present but no object: the schema allows any value (422).
  if (value === undefined) throw badRequest('a receipt (JSON) is required');
  if (typeof value !== 'object' || value === null) throw unprocessable('the receipt must be a JSON object');
  return value as NotaryReceipt;
}

