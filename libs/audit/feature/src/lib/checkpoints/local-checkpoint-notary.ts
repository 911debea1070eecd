import { checkpointEntry, type CheckpointClaim, type MerkleEntryReceipt } from '@yrd/audit-domain';
import { MerkleTree, TreeHeadSigner, type PublicKeyLike } from '@yrd/merkle';
import type { CheckpointNotary } from './checkpoint-notary';

/**
 * An in-process notary for tests and development: the same RFC 6962 log and Ed25519 tree-head
 * signatures as the evidence notary, held in memory. Its receipts verify on their own (they carry
 * the signed tree head and the inclusion proof), but the log restarts empty with the process, so
 * it proves nothing against someone holding its key: production uses the notary service.
 */
export class LocalCheckpointNotary implements CheckpointNotary {
  private readonly log = new MerkleTree();

  constructor(
    private readonly signer: TreeHeadSigner = TreeHeadSigner.generate(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  static fromPem(pem: string): LocalCheckpointNotary {
    return new LocalCheckpointNotary(TreeHeadSigner.fromPem(pem));
  }

  get publicKeyPem(): string {
    return this.signer.publicKeyPem();
  }

  async notarize(claim: CheckpointClaim): Promise<MerkleEntryReceipt> {
    const leafIndex = this.log.append(checkpointEntry(claim));
    const treeHead = this.signer.sign({ treeSize: this.log.size, rootHash: this.log.rootHash().toString('hex'), timestamp: this.clock().getTime() });
    return { kind: 'merkle-entry', leafIndex, treeHead, inclusionProof: this.log.inclusionProof(leafIndex).map((h) => h.toString('hex')) };
  }

  trustedKeys(): readonly PublicKeyLike[] {
    return [this.signer.publicKey];
  }
}
