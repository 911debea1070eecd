import type { Readable } from 'node:stream';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import { BlobRejectedError, type BlobStore } from '@yrd/evidence-storage';
import { EvidenceMetadata, NotaryReceipt, decideEvidence, evidenceAggregate, evidenceStreamId } from '@yrd/notary-domain';
import { CaseDirectory } from '../cases/case-directory';
import { NotaryConfig } from '../notary.config';
import { badRequest, evidenceErrorToHttp, rejectionToHttp, unprocessable } from '../notary-errors';
import { BLOB_STORE, NOTARY_CONFIG } from '../notary.tokens';
import { LogEntryService } from './log-entry.service';
import { ReceiptService } from './receipt.service';

export interface NotarizeEvidenceCommand {
  actor: Actor;
  /** Client metadata (JSON text or object); collectedBy comes from the caller, not from here. */
  metadata: unknown;
  declaredMediaType?: string;
  fileName?: string;
  sm3?: boolean;
  file: Readable;
}

/**
 * 保全: validate the metadata and the case, stream the file into content-addressed storage
 * (hashing it on the way), time-stamp and log it, record `evidence.notarized`, and answer with
 * the receipt. Bad input is refused before or while streaming, and nothing is stored.
 */
@Injectable()
export class NotarizeEvidenceUseCase {
  private readonly repo;

  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(NOTARY_CONFIG) private readonly config: NotaryConfig,
    private readonly cases: CaseDirectory,
    private readonly entries: LogEntryService,
    private readonly receipts: ReceiptService,
    private readonly backbone: EventBackbone,
  ) {
    this.repo = backbone.repository(evidenceAggregate);
  }

  async execute(cmd: NotarizeEvidenceCommand): Promise<NotaryReceipt> {
    const now = new Date();
    const metadata = this.parseMetadata(cmd, now);
    if (!(await this.cases.exists(metadata))) {
      throw new UnprocessableEntityException({ statusCode: 422, error: 'unknown-case', message: `unknown ${metadata.caseId ? `case ${metadata.caseId}` : `clue ${metadata.clueId}`}` });
    }
    let stored;
    try {
      stored = await this.blobs.put(cmd.file, { sm3: cmd.sm3 ?? this.config.NOTARY_SM3, maxBytes: this.config.NOTARY_MAX_UPLOAD_BYTES, declaredMediaType: metadata.mediaType });
    } catch (e) {
      throw e instanceof BlobRejectedError ? rejectionToHttp(e) : e;
    }
    const record = await this.entries.log({ kind: 'evidence', sha256: stored.sha256, sm3: stored.sm3, size: stored.size, metadata, ownerBureau: cmd.actor.bureau, blobKey: stored.key, now });
    const outcome = await this.repo.create(
      evidenceStreamId(record.entry.entryId),
      decideEvidence.notarize({
        entry: record.entry,
        leafIndex: record._id,
        leafHash: record.leafHash,
        timeStamp: { serialNumber: record.timeStamp.serialNumber, genTime: record.timeStamp.genTime, policy: record.timeStamp.policy, tokenBase64: record.timeStamp.token },
        metadata,
        blobKey: stored.key,
        ownerBureau: cmd.actor.bureau,
      }),
      this.backbone.metadata(cmd.actor, null, now),
    );
    if (!outcome.ok) throw evidenceErrorToHttp(outcome.error);
    return this.receipts.forRecord(record);
  }

  private parseMetadata(cmd: NotarizeEvidenceCommand, now: Date): EvidenceMetadata {
    let input: unknown = cmd.metadata;
    if (typeof input === 'string') {
      try {
        input = JSON.parse(input);
      } catch {
        throw badRequest('metadata is not valid JSON');
      }
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badRequest('metadata (a JSON object) is required');
    const fields = input as Record<string, unknown>;
    const mediaType = fields['mediaType'] ?? cmd.declaredMediaType;
    const parsed = EvidenceMetadata.safeParse({
      collectedAt: now.toISOString(),
      ...fields,
      ...(mediaType ? { mediaType } : {}),
      ...(cmd.fileName && fields['fileName'] === undefined ? { fileName: cmd.fileName } : {}),
      collectedBy: { userId: cmd.actor.userId, bureau: cmd.actor.bureau },
    });
    if (!parsed.success) {
      throw unprocessable(parsed.error.issues.map((i) => `${i.path.join('.') || 'metadata'}: ${i.message}`).join('; '));
    }
    return parsed.data;
  }
}
