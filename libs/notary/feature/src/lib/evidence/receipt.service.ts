import { Inject, Injectable } from '@nestjs/common';
import { NotaryReceipt, RECEIPT_FORMAT } from '@yrd/notary-domain';
import type { TimeStampAuthority } from '@yrd/tsa';
import { LeafRecord } from '../merkle-log/leaf-record';
import { MerkleLogService } from '../merkle-log/merkle-log.service';
import { TIME_STAMP_AUTHORITY } from '../notary.tokens';
import { TreeHeadService } from '../tree-heads/tree-head.service';

/** Assembles the receipt (电子保全证书) for a logged leaf under a tree head that covers it. */
@Injectable()
export class ReceiptService {
  constructor(
    private readonly merkleLog: MerkleLogService,
    private readonly treeHeads: TreeHeadService,
    @Inject(TIME_STAMP_AUTHORITY) private readonly tsa: TimeStampAuthority,
  ) {}

  async forRecord(record: LeafRecord): Promise<NotaryReceipt> {
    const head = await this.treeHeads.covering(record._id + 1);
    const { timeStampToken: _token, ...treeHead } = head;
    return {
      format: RECEIPT_FORMAT,
      entry: record.entry,
      metadata: record.metadata,
      leafIndex: record._id,
      leafHash: record.leafHash,
      treeHead,
      inclusionProof: this.merkleLog.tree.inclusionProof(record._id, head.treeSize).map((h) => h.toString('hex')),
      timeStamp: record.timeStamp,
      notary: { treeHeadPublicKeyPem: this.treeHeads.publicKeyPem, tsaCertificatePem: this.tsa.tsaCertificatePem(), caCertificatePem: this.tsa.caCertificatePem() },
      issuedAt: new Date().toISOString(),
    };
  }
}
