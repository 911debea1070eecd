import { TreeHeadSigner } from '@yrd/merkle';
import { FILE, receiptFixture } from '../testing/receipt-fixture';
import { unsignedToken } from '../testing/unsigned-token';
import { sha256Hex } from './hex';
import { NotaryReceipt } from './receipt';
import { verifyReceipt } from './verify-receipt';

describe('verifyReceipt', () => {
  const { receipt, signer, tree } = receiptFixture();
  const keys = [signer.publicKey];
  const codes = (r: ReturnType<typeof verifyReceipt>) => (r.ok ? [] : r.failures.map((f) => f.code));
  const clone = (): NotaryReceipt => JSON.parse(JSON.stringify(receipt));

  it('accepts the genuine file, or only its hash, with the trusted key', () => {
    expect(verifyReceipt(receipt, FILE, keys)).toEqual({ ok: true, entryId: receipt.entry.entryId, leafIndex: 5, treeSize: 12, timeStampedAt: '2026-01-02T03:04:05.678Z' });
    expect(verifyReceipt(receipt, { sha256: sha256Hex(FILE) }, [signer.publicKeyPem()]).ok).toBe(true);
    expect(verifyReceipt(JSON.parse(JSON.stringify(receipt)), FILE, keys).ok).toBe(true);
  });

  it('reports a tampered file', () => {
    const changed = Buffer.from(FILE);
    changed[3] ^= 1;
    const result = verifyReceipt(receipt, changed, keys);
    expect(codes(result)).toEqual(['tampered-file']);
    expect(result.ok ? '' : result.failures[0].message).toContain(`is not the notarized ${receipt.entry.sha256}`);
  });

  it('reports changed metadata and a changed entry', () => {
    const r1 = clone();
    (r1.metadata as { caseId: string }).caseId = 'case-2026-0002';
    expect(codes(verifyReceipt(r1, FILE, keys))).toEqual(['metadata-changed']);
    const r2 = clone();
    r2.entry.notarizedAt = '2026-01-01T00:00:00.000Z';
    expect(codes(verifyReceipt(r2, FILE, keys))).toEqual(['entry-changed', 'wrong-root']);
  });

  it('reports a bad signature and an untrusted key', () => {
    const r = clone();
    r.treeHead.timestamp += 1;
    expect(codes(verifyReceipt(r, FILE, keys))).toEqual(['bad-signature']);
    expect(codes(verifyReceipt(receipt, FILE, [TreeHeadSigner.generate().publicKey]))).toEqual(['bad-signature']);
  });

  it('reports a proof for the wrong root and a malformed proof', () => {
    // A genuinely signed head of another size: the proof for size 12 does not lead to its root.
    const r = clone();
    r.treeHead = signer.sign({ treeSize: 12, rootHash: tree.rootHash(11).toString('hex'), timestamp: 1 });
    const result = verifyReceipt(r, FILE, keys);
    expect(codes(result)).toEqual(['wrong-root']);
    expect(result.ok ? '' : result.failures[0].message).toBe('the inclusion proof does not lead to the signed root hash');
    const short = clone();
    short.inclusionProof.pop();
    expect(codes(verifyReceipt(short, FILE, keys))).toEqual(['bad-proof']);
  });

  it('reports a time-stamp over another hash or an unreadable token', () => {
    const r = clone();
    r.timeStamp.token = unsignedToken('ab'.repeat(32));
    expect(codes(verifyReceipt(r, FILE, keys))).toEqual(['bad-timestamp']);
    r.timeStamp.token = 'bm90IGEgdG9rZW4=';
    expect(codes(verifyReceipt(r, FILE, keys))).toEqual(['bad-timestamp']);
  });

  it('refuses something that is not a receipt', () => {
    expect(codes(verifyReceipt({} as NotaryReceipt, FILE, keys))).toEqual(['malformed-receipt']);
  });
});
