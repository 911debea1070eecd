import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CheckpointMetadata, EvidenceMetadata, LogEntry, entryLeafHash, metadataHash } from '@yrd/notary-domain';
import type { TimeStampAuthority } from '@yrd/tsa';
import { LeafRecord } from '../merkle-log/leaf-record';
import { MerkleLogService } from '../merkle-log/merkle-log.service';
import { TIME_STAMP_AUTHORITY } from '../notary.tokens';

export interface EntryToLog {
  kind: LogEntry['kind'];
  sha256: string;
  sm3?: string;
  size: number;
  metadata: EvidenceMetadata | CheckpointMetadata;
  ownerBureau?: string;
  blobKey?: string;
  now: Date;
}

/**
 * What notarizing anything means: build the entry (content hash + metadata hash + time),
 * time-stamp the content hash (RFC 3161), then append the leaf to the Merkle log.
 */
@Injectable()
export class LogEntryService {
  constructor(
    private readonly merkleLog: MerkleLogService,
    @Inject(TIME_STAMP_AUTHORITY) private readonly tsa: TimeStampAuthority,
  ) {}

  async log(input: EntryToLog): Promise<LeafRecord> {
    const entry: LogEntry = {
      v: 1,
      entryId: uuidv7({ msecs: input.now.getTime() }),
      kind: input.kind,
      sha256: input.sha256,
      ...(input.sm3 ? { sm3: input.sm3 } : {}),
      size: input.size,
      metadataSha256: metadataHash(input.metadata),
      notarizedAt: input.now.toISOString(),
    };
    const stamp = await this.tsa.stamp(Buffer.from(entry.sha256, 'hex'));
    const record: Omit<LeafRecord, '_id'> = {
      leafHash: entryLeafHash(entry),
      entry,
      metadata: input.metadata,
      timeStamp: { token: stamp.token.toString('base64'), serialNumber: stamp.info.serialNumber, genTime: stamp.info.genTime.toISOString(), policy: stamp.info.policy },
      ...(input.ownerBureau ? { ownerBureau: input.ownerBureau } : {}),
      ...(input.blobKey ? { blobKey: input.blobKey } : {}),
    };
    const index = await this.merkleLog.append(record);
    return { ...record, _id: index };
  }
}
