import { MerkleTree, TreeHeadSigner } from '@yrd/merkle';
import { checkpointEntry, verifyCheckpointReceipt, type Checkpoint, type CheckpointClaim } from './checkpoint';
import { CheckpointVerifier } from './checkpoint-verifier';
import type { LogMessage } from './log-message';
import { MerkleRangeRoot } from './merkle-range-root';

describe('MerkleRangeRoot', () => {
  it('gives the RFC 6962 root of every size 0..70, in O(log n) memory', () => {
    const tree = new MerkleTree();
    const range = new MerkleRangeRoot();
    expect(range.rootHex()).toBe(tree.rootHash().toString('hex'));
    for (let i = 0; i < 70; i++) {
      const entry = Buffer.from(`entry-${i}`);
      tree.append(entry);
      range.append(entry);
      expect(range.rootHex()).toBe(tree.rootHash().toString('hex'));
    }
  });
});

/** A notary in a test: a Merkle log of checkpoint entries with Ed25519 signed tree heads. */
function notary(signer = TreeHeadSigner.generate()) {
  const log = new MerkleTree();
  return {
    signer,
    notarize(claim: CheckpointClaim): Checkpoint {
      const leafIndex = log.append(checkpointEntry(claim));
      const treeHead = signer.sign({ treeSize: log.size, rootHash: log.rootHash().toString('hex'), timestamp: 1767225600000 });
      return { claim, receipt: { kind: 'merkle-entry', leafIndex, treeHead, inclusionProof: log.inclusionProof(leafIndex).map((h) => h.toString('hex')) } };
    },
  };
}

const messages = (n: number, partition = 0): LogMessage[] =>
  Array.from({ length: n }, (_, i) => ({ topic: 't', partition, offset: i, key: null, value: Buffer.from(`event-${partition}-${i}`) }));

function claimOver(msgs: LogMessage[], from: number, to: number): CheckpointClaim {
  const root = new MerkleRangeRoot();
  msgs.filter((m) => m.offset >= from && m.offset < to).forEach((m) => root.append(m.value as Buffer));
  return { topic: 't', partition: msgs[0].partition, fromOffset: from, toOffset: to, count: root.size, rootHash: root.rootHex() };
}

describe('checkpoints', () => {
  const log = messages(10);

  it('a receipt verifies against the trusted notary key and includes the checkpoint entry', () => {
    const n = notary();
    n.notarize(claimOver(log, 0, 3));
    const cp = n.notarize(claimOver(log, 3, 7));
    expect(verifyCheckpointReceipt(cp.claim, cp.receipt, [n.signer.publicKey])).toEqual({ ok: true });
    expect(verifyCheckpointReceipt({ ...cp.claim, rootHash: '00'.repeat(32) }, cp.receipt, [n.signer.publicKey])).toMatchObject({ ok: false });
    expect(verifyCheckpointReceipt(cp.claim, cp.receipt, [TreeHeadSigner.generate().publicKey])).toMatchObject({ ok: false, reason: expect.stringContaining('not trusted') });
  });

  it('recomputes each range during the replay: verified, mismatch, not covered, unverifiable', () => {
    const n = notary();
    const good = n.notarize(claimOver(log, 0, 5));
    const rewritten = n.notarize({ ...claimOver(log, 5, 10), rootHash: 'ab'.repeat(32) });
    const beyond = n.notarize(claimOver(messages(12), 10, 12));
    const other = notary().notarize(claimOver(messages(3, 1), 0, 3));
    const v = new CheckpointVerifier([rewritten, good, beyond, other], [{ topic: 't', partition: 0, fromOffset: 0, toOffset: 10 }, { topic: 't', partition: 1, fromOffset: 0, toOffset: 3 }], [n.signer.publicKey]);
    [...log, ...messages(3, 1)].forEach((m) => v.accept(m));
    const { statuses, findings } = v.results();
    expect(statuses.map((s) => [s.id, s.status])).toEqual([
      ['t:0:0', 'verified'],
      ['t:0:5', 'mismatch'],
      ['t:0:10', 'mismatch'],
      ['t:1:0', 'unverifiable'],
    ]);
    expect(findings.map((f) => [f.kind, f.location?.partition, f.location?.offset])).toEqual([
      ['checkpoint-mismatch', 0, 5],
      ['checkpoint-mismatch', 0, 10],
      ['checkpoint-unverifiable', 1, 0],
    ]);

    const fromLater = new CheckpointVerifier([good], [{ topic: 't', partition: 0, fromOffset: 2, toOffset: 10 }], [n.signer.publicKey]);
    log.forEach((m) => fromLater.accept(m));
    expect(fromLater.results()).toMatchObject({ statuses: [{ status: 'not-covered' }], findings: [] });
  });
});
