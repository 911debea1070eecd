import { renderReceiptHtml } from './receipt-html';
import type { NotaryReceipt } from '@yrd/notary-domain';

describe('renderReceiptHtml', () => {
  const receipt = {
    format: 'yrd-notary-receipt/v1',
    entry: { v: 1, entryId: 'e1', kind: 'evidence', sha256: 'a'.repeat(64), size: 3, metadataSha256: 'b'.repeat(64), notarizedAt: '2026-01-01T00:00:00.000Z' },
    metadata: { caseId: '<script>alert(1)</script>', collectedBy: { userId: 'u', bureau: '310118' }, collectedAt: '2026-01-01T00:00:00.000Z', source: { method: 'upload' }, mediaType: 'text/plain' },
    leafIndex: 0,
    leafHash: 'c'.repeat(64),
    treeHead: { treeSize: 1, rootHash: 'c'.repeat(64), timestamp: 0, keyId: 'd'.repeat(32), signature: 'sig' },
    inclusionProof: [],
    timeStamp: { token: 'dG9rZW4=', serialNumber: '01', genTime: '2026-01-01T00:00:01.000Z', policy: '1.2.3' },
    notary: { treeHeadPublicKeyPem: '', tsaCertificatePem: '', caCertificatePem: '' },
    issuedAt: '2026-01-01T00:00:02.000Z',
  } as unknown as NotaryReceipt;

  it('renders the certificate with its hashes and escapes what users typed', () => {
    const html = renderReceiptHtml(receipt);
    expect(html).toContain('电子保全证书');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('openssl ts -verify');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
