import type { CheckpointMetadata, EvidenceMetadata, LogEntry } from '@yrd/notary-domain';

/**
 * One persisted leaf, `_id` = leaf index, inserted in order and never updated: the insert's
 * unique `_id` is what keeps two appenders from claiming the same index (atomic on FerretDB
 * too). It holds everything a receipt needs, so the log alone can re-issue receipts.
 */
export interface LeafRecord {
  _id: number;
  leafHash: string;
  entry: LogEntry;
  metadata: EvidenceMetadata | CheckpointMetadata;
  timeStamp: { token: string; serialNumber: string; genTime: string; policy: string };
  ownerBureau?: string;
  blobKey?: string;
}

export const LEAVES_COLLECTION = 'notary_leaves';
