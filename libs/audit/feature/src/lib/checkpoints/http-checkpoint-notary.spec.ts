import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContentInfo, EncapsulatedContent, EncapsulatedContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { verifyCheckpointReceipt, type CheckpointClaim } from '@yrd/audit-domain';
import { MerkleTree, TreeHeadSigner } from '@yrd/merkle';
import { entryLeafHash, leafData, metadataHash, OID_SHA256, RECEIPT_FORMAT, type NotaryReceipt } from '@yrd/notary-domain';
import { HttpCheckpointNotary } from './http-checkpoint-notary';

const claim: CheckpointClaim = { topic: 'yrd.referral.events', partition: 0, fromOffset: 0, toOffset: 10, count: 10, rootHash: 'ab'.repeat(32) };
const GEN_TIME = new Date('2026-03-02T03:04:05.678Z');

/** A structurally valid, unsigned RFC 3161 token over `sha256Hex` (the CMS signature is openssl's to check). */
function unsignedToken(sha256Hex: string): string {
  const tst = new TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.32473.3161.1',
    messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID_SHA256, parameters: null }), hashedMessage: new OctetString(Buffer.from(sha256Hex, 'hex')) }),
    serialNumber: new Uint8Array([1, 2, 3]).buffer,
    genTime: GEN_TIME,
    ordering: false,
  });
  const signed = new SignedData({
    version: 3,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_ct_tstInfo, eContent: new EncapsulatedContent({ single: new OctetString(AsnConvert.serialize(tst)) }) }),
  });
  return Buffer.from(AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signed) }))).toString('base64');
}

type Behaviour = 'honest' | 'other-range' | 'failing' | 'garbage';

/** A stand-in for the evidence notary's POST /notary/checkpoints: logs the checkpoint as an entry and answers with its receipt. */
function fakeNotary(behaviour: Behaviour) {
  const signer = TreeHeadSigner.generate();
  const tree = new MerkleTree();
  const requests: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as { rootHash: string; source: string; scope: string; fromPosition: string; toPosition: string; eventCount: number };
      requests.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      if (behaviour === 'failing') return void res.writeHead(503).end('notary is down');
      if (behaviour === 'garbage') return void res.writeHead(201, { 'content-type': 'application/json' }).end('{"format":"something else"}');
      const metadata = {
        source: body.source,
        scope: body.scope,
        fromPosition: body.fromPosition,
        toPosition: body.toPosition,
        eventCount: behaviour === 'other-range' ? body.eventCount + 1 : body.eventCount,
        createdAt: GEN_TIME.toISOString(),
        requestedBy: { userId: 'auditor-1', bureau: '310000' },
      };
      const entry = { v: 1 as const, entryId: `cp-${tree.size}`, kind: 'checkpoint' as const, sha256: body.rootHash, size: 0, metadataSha256: metadataHash(metadata), notarizedAt: GEN_TIME.toISOString() };
      const leafIndex = tree.append(leafData(entry));
      const receipt: NotaryReceipt = {
        format: RECEIPT_FORMAT,
        entry,
        metadata,
        leafIndex,
        leafHash: entryLeafHash(entry),
        treeHead: signer.sign({ treeSize: tree.size, rootHash: tree.rootHash().toString('hex'), timestamp: GEN_TIME.getTime() }),
        inclusionProof: tree.inclusionProof(leafIndex).map((h) => h.toString('hex')),
        timeStamp: { token: unsignedToken(body.rootHash), serialNumber: '010203', genTime: GEN_TIME.toISOString(), policy: '1.3.6.1.4.1.32473.3161.1' },
        notary: { treeHeadPublicKeyPem: signer.publicKeyPem(), tsaCertificatePem: '', caCertificatePem: '' },
        issuedAt: GEN_TIME.toISOString(),
      };
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(receipt));
    });
  });
  return { server, signer, requests, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('HttpCheckpointNotary (the evidence notary’s checkpoint API)', () => {
  const servers: Server[] = [];
  const start = async (behaviour: Behaviour) => {
    const fake = fakeNotary(behaviour);
    servers.push(fake.server);
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    return fake;
  };
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  it('posts the root and the range, and keeps a receipt that verifies against the pinned key', async () => {
    const fake = await start('honest');
    const http = new HttpCheckpointNotary({ baseUrl: fake.url(), trustedKeys: [fake.signer.publicKey], token: 'tok' });
    const receipt = await http.notarize(claim);
    expect(receipt.kind).toBe('evidence-notary');
    expect(verifyCheckpointReceipt(claim, receipt, [fake.signer.publicKey])).toEqual({ ok: true });
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        url: '/notary/checkpoints',
        auth: 'Bearer tok',
        body: { rootHash: claim.rootHash, source: 'audit', scope: 'yrd.referral.events:0', fromPosition: '0', toPosition: '10', eventCount: 10 },
      },
    ]);
    // The same receipt does not vouch for another root.
    expect(verifyCheckpointReceipt({ ...claim, rootHash: 'cd'.repeat(32) }, receipt, [fake.signer.publicKey])).toMatchObject({ ok: false, reason: expect.stringContaining('tampered-file') });
  });

  it('refuses a receipt signed by a key it has not pinned, or for another range', async () => {
    const fake = await start('honest');
    await expect(new HttpCheckpointNotary({ baseUrl: fake.url(), trustedKeys: [TreeHeadSigner.generate().publicKey] }).notarize(claim)).rejects.toThrow(/does not verify: bad-signature/);
    const other = await start('other-range');
    await expect(new HttpCheckpointNotary({ baseUrl: other.url(), trustedKeys: [other.signer.publicKey] }).notarize(claim)).rejects.toThrow(/another range \(eventCount 11 ≠ 10\)/);
  });

  it('reports a failing or malformed notary answer', async () => {
    const down = await start('failing');
    await expect(new HttpCheckpointNotary({ baseUrl: down.url(), trustedKeys: [] }).notarize(claim)).rejects.toThrow('notary answered 503: notary is down');
    const garbage = await start('garbage');
    await expect(new HttpCheckpointNotary({ baseUrl: garbage.url(), trustedKeys: [] }).notarize(claim)).rejects.toThrow(/malformed-receipt/);
  });
});
