import { KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { SignedTreeHead, TreeHead, treeHeadSigningBytes } from './tree-head';
import { VERIFIED, Verification, failed } from './verification';

/** A public key as a KeyObject or SPKI PEM. */
export type PublicKeyLike = KeyObject | string;

/** Key id = hex of the first 16 bytes of SHA-256 over the public key's SPKI DER encoding. */
export function keyIdOf(publicKey: PublicKeyLike): string {
  const der = toPublicKey(publicKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest().subarray(0, 16).toString('hex');
}

/** Signs tree heads with one Ed25519 key. */
export class TreeHeadSigner {
  readonly keyId: string;
  readonly publicKey: KeyObject;

  constructor(private readonly privateKey: KeyObject) {
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('tree heads are signed with Ed25519 keys');
    this.publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  static generate(): TreeHeadSigner {
    return new TreeHeadSigner(generateKeyPairSync('ed25519').privateKey);
  }

  /** From a PKCS#8 PEM private key (how keys are configured). */
  static fromPem(pem: string): TreeHeadSigner {
    return new TreeHeadSigner(createPrivateKey(pem));
  }

  privateKeyPem(): string {
    return this.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  sign(head: TreeHead): SignedTreeHead {
    const signature = sign(null, treeHeadSigningBytes(head), this.privateKey).toString('base64');
    return { treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp, keyId: this.keyId, signature };
  }
}

/** Verifies a signed tree head against the keys the verifier trusts (picked by key id). */
export function verifyTreeHead(sth: SignedTreeHead, trustedKeys: readonly PublicKeyLike[]): Verification {
  const key = trustedKeys.map(toPublicKey).find((k) => keyIdOf(k) === sth.keyId);
  if (!key) return failed(`tree head is signed by key ${sth.keyId}, which is not trusted`);
  let bytes: Buffer;
  try {
    bytes = treeHeadSigningBytes(sth);
  } catch (e) {
    return failed(`malformed tree head: ${(e as Error).message}`);
  }
  const signature = Buffer.from(sth.signature, 'base64');
  if (signature.byteLength !== 64) return failed('tree head signature is not a 64-byte Ed25519 signature');
  return verify(null, bytes, key, signature) ? VERIFIED : failed('tree head signature does not verify');
}

function toPublicKey(key: PublicKeyLike): KeyObject {
  return typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
}
