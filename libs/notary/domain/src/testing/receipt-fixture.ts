import { MerkleTree, TreeHeadSigner, leafHash } from '@yrd/merkle';
import { EvidenceMetadata, metadataHash } from '../lib/evidence-metadata';
import { sha256Hex } from '../lib/hex';
import { LogEntry, entryLeafHash, leafData } from '../lib/log-entry';
import { NotaryReceipt, RECEIPT_FORMAT } from '../lib/receipt';
import { unsignedToken } from './unsigned-token';

export const FILE = Buffer.from('%PDF-1.4\n现场检查笔录\n%%EOF\n');

export const METADATA: EvidenceMetadata = {
  caseId: 'case-2026-0001',
  collectedBy: { userId: 'officer-qp-1', bureau: '310118' },
  collectedAt: '2026-01-02T01:00:00.000Z',
  source: { url: 'https://shop.example.com/item/1', device: 'capture-vm-3', method: 'web-capture' },
  mediaType: 'application/pdf',
  fileName: 'inspection.pdf',
};

/** A receipt for FILE as leaf 5 of a 12-leaf log, signed by `signer`. */
export function receiptFixture(signer = TreeHeadSigner.generate()): { receipt: NotaryReceipt; signer: TreeHeadSigner; tree: MerkleTree } {
  const entry: LogEntry = {
    v: 1,
    entryId: '0190f0aa-0000-7000-8000-000000000005',
    kind: 'evidence',
    sha256: sha256Hex(FILE),
    size: FILE.length,
    metadataSha256: metadataHash(METADATA),
    notarizedAt: '2026-01-02T01:00:01.000Z',
  };
  const tree = new MerkleTree();
  for (let i = 0; i < 12; i++) {
    if (i === 5) tree.appendLeafHash(leafHash(leafData(entry)));
    else tree.append(Buffer.from(`other entry ${i}`));
  }
  const treeHead = signer.sign({ treeSize: 12, rootHash: tree.rootHash().toString('hex'), timestamp: Date.parse('2026-01-02T01:00:02Z') });
  const receipt: NotaryReceipt = {
    format: RECEIPT_FORMAT,
    entry,
    metadata: METADATA,
    leafIndex: 5,
    leafHash: entryLeafHash(entry),
    treeHead,
    inclusionProof: tree.inclusionProof(5).map((h) => h.toString('hex')),
    timeStamp: { token: unsignedToken(entry.sha256), serialNumber: '010203', genTime: '2026-01-02T03:04:05.678Z', policy: '1.3.6.1.4.1.32473.3161.1' },
    notary: { treeHeadPublicKeyPem: signer.publicKeyPem(), tsaCertificatePem: '', caCertificatePem: '' },
    issuedAt: '2026-01-02T01:00:03.000Z',
  };
  return { receipt, signer, tree };
}
