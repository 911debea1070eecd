import { generateKeyPairSync } from 'node:crypto';
import { TreeHeadSigner, keyIdOf, verifyTreeHead } from './tree-head-signer';
import { treeHeadSigningBytes } from './tree-head';

const head = { treeSize: 1234, rootHash: 'ab'.repeat(32), timestamp: 1_700_000_000_123 };

describe('tree head signing bytes (RFC 6962 §3.5 TreeHeadSignature)', () => {
  it('lays out version, type, timestamp, size and root big-endian in 50 bytes', () => {
    const bytes = treeHeadSigningBytes(head);
    expect(bytes.toString('hex')).toBe('0001' + '0000018bcfe5687b' + '00000000000004d2' + 'ab'.repeat(32));
  });

  it('refuses a malformed head', () => {
    expect(() => treeHeadSigningBytes({ ...head, rootHash: 'ab' })).toThrow();
    expect(() => treeHeadSigningBytes({ ...head, treeSize: -1 })).toThrow();
  });
});

describe('TreeHeadSigner / verifyTreeHead', () => {
  const signer = TreeHeadSigner.generate();
  const sth = signer.sign(head);

  it('names the key by the first 16 bytes of SHA-256 over its SPKI DER', () => {
    expect(signer.keyId).toMatch(/^[0-9a-f]{32}$/);
    expect(keyIdOf(signer.publicKeyPem())).toBe(signer.keyId);
    expect(sth.keyId).toBe(signer.keyId);
  });

  it('verifies with the trusted public key (object or PEM)', () => {
    expect(verifyTreeHead(sth, [signer.publicKey])).toEqual({ ok: true });
    expect(verifyTreeHead(sth, [TreeHeadSigner.generate().publicKeyPem(), signer.publicKeyPem()])).toEqual({ ok: true });
  });

  it('survives a PEM round trip of the private key', () => {
    const again = TreeHeadSigner.fromPem(signer.privateKeyPem());
    expect(again.keyId).toBe(signer.keyId);
    expect(verifyTreeHead(again.sign(head), [signer.publicKey])).toEqual({ ok: true });
  });

  it('rejects changed fields, an untrusted key and a garbled signature', () => {
    const reason = 'tree head signature does not verify';
    expect(verifyTreeHead({ ...sth, treeSize: 1235 }, [signer.publicKey])).toEqual({ ok: false, reason });
    expect(verifyTreeHead({ ...sth, rootHash: 'cd'.repeat(32) }, [signer.publicKey])).toEqual({ ok: false, reason });
    expect(verifyTreeHead({ ...sth, timestamp: head.timestamp + 1 }, [signer.publicKey])).toEqual({ ok: false, reason });
    expect(verifyTreeHead(sth, [TreeHeadSigner.generate().publicKey])).toEqual({
      ok: false,
      reason: `tree head is signed by key ${signer.keyId}, which is not trusted`,
    });
    expect(verifyTreeHead({ ...sth, signature: 'AAAA' }, [signer.publicKey]).ok).toBe(false);
  });

  it('only accepts Ed25519 keys', () => {
    expect(() => new TreeHeadSigner(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)).toThrow(/Ed25519/);
  });
});
