import { Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import { CheckpointMetadata, NotaryReceipt, decideEvidence, evidenceAggregate, evidenceStreamId } from '@yrd/notary-domain';
import { LogEntryService } from '../evidence/log-entry.service';
import { ReceiptService } from '../evidence/receipt.service';
import { badRequest, evidenceErrorToHttp, unprocessable } from '../notary-errors';

export interface NotarizeCheckpointCommand {
  actor: Actor;
  /** SHA-256 (hex) root over the range of events, as the audit service computed it. */
  rootHash: string;
  source: string;
  scope: string;
  fromPosition: string;
  toPosition: string;
  eventCount: number;
  createdAt?: string;
}

/** The audit service's checkpoints are entries like any other: time-stamped, logged, receipted. */
@Injectable()
export class NotarizeCheckpointUseCase {
  private readonly repo;

  constructor(
    private readonly backbone: EventBackbone,
    private readonly entries: LogEntryService,
    private readonly receipts: ReceiptService,
  ) {
    this.repo = backbone.repository(evidenceAggregate);
  }

  async execute(cmd: NotarizeCheckpointCommand): Promise<NotaryReceipt> {
    const now = new Date();
    if (!/^[0-9a-f]{64}$/.test(cmd.rootHash ?? '')) throw badRequest('rootHash must be a lower-case hex SHA-256');
    const parsed = CheckpointMetadata.safeParse({
      source: cmd.source,
      scope: cmd.scope,
      fromPosition: cmd.fromPosition,
      toPosition: cmd.toPosition,
      eventCount: cmd.eventCount,
      createdAt: cmd.createdAt ?? now.toISOString(),
      requestedBy: { userId: cmd.actor.userId, bureau: cmd.actor.bureau },
    });
    // The DTO passed the validation pipe: what the metadata schema still refuses is content (422).
    if (!parsed.success) throw unprocessable(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    // A checkpoint has no file: size 0, the root is the content hash.
    const record = await this.entries.log({ kind: 'checkpoint', sha256: cmd.rootHash, size: 0, metadata: parsed.data, now });
    const outcome = await this.repo.create(
      evidenceStreamId(record.entry.entryId),
      decideEvidence.notarizeCheckpoint({
        entry: record.entry,
        leafIndex: record._id,
        leafHash: record.leafHash,
        timeStamp: { serialNumber: record.timeStamp.serialNumber, genTime: record.timeStamp.genTime, policy: record.timeStamp.policy, tokenBase64: record.timeStamp.token },
        metadata: parsed.data,
      }),
      this.backbone.metadata(cmd.actor, null, now),
    );
    if (!outcome.ok) throw evidenceErrorToHttp(outcome.error);
    return this.receipts.forRecord(record);
  }
}
