import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { EventSignature } from '@yrd/contracts';

/** Signs event hashes for one service with its current key. */
export interface EventSigner {
  readonly keyId: string;
  sign(hash: string): EventSignature;
}

/**
 * The bytes that are signed: the ASCII of the lower-case hex hash, so that
 * `openssl pkeyutl -verify -rawin -in <(printf %s $hash)` checks a signature from outside.
 */
export function signedMessage(hash: string): Buffer {
  return Buffer.from(hash, 'ascii');
}

export function ed25519Signer(keyId: string, privateKey: KeyObject): EventSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`signing key ${keyId} is not an Ed25519 key`);
  return {
    keyId,
    sign: (hash) => ({ keyId, alg: 'Ed25519', value: sign(null, signedMessage(hash), privateKey).toString('base64url') }),
  };
}

/** The SPKI PEM of the public half of a private key, as published in the keyring. */
export function publicKeyPem(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

/** The DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 private key from its 32-byte seed (deterministic keys for fixtures). */
export function ed25519KeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}
