import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { chinaDateOf } from '@yrd/calendar';
import { BureauKeyRegistry } from './key-registry';
import { DomainError, refuse } from './errors';
import { ok, Result } from './result';
import { canonicalBytes, SignedDocument, signerOf } from './signed-document';

export interface DecisionSignature {
  alg: 'Ed25519';
  keyId: string;
  /** base64 of the 64-byte Ed25519 signature over the canonical bytes. */
  value: string;
}

/** A bureau's private key (loaded from a file or the environment by the service, never from the registry). */
export interface SigningKey {
  keyId: string;
  bureau: string;
  privateKey: KeyObject;
}

export function signingKeyFromPem(keyId: string, bureau: string, pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`signing key ${keyId} is ${privateKey.asymmetricKeyType}, not ed25519`);
  return { keyId, bureau, privateKey };
}

/** SPKI DER base64 of a signing key's public half, for the key registry. */
export const publicKeyOf = (key: SigningKey): string =>
  createPublicKey(key.privateKey).export({ format: 'der', type: 'spki' }).toString('base64');

export function signDocument(doc: SignedDocument, key: SigningKey): DecisionSignature {
  return signCanonical(doc, key);
}

/** Ed25519 over the RFC 8785 canonical bytes of any signed statement (decisions, bulletins). */
export function signCanonical(doc: object, key: SigningKey): DecisionSignature {
  return { alg: 'Ed25519', keyId: key.keyId, value: sign(null, canonicalBytes(doc), key.privateKey).toString('base64') };
}

/**
 * Verifies a decision's signature against the registry: the key must exist, belong to the bureau
 * that issued the decision, be valid on the day it was signed (China time), and the signature must
 * match the canonical bytes. The refusal says which of these failed.
 */
export function verifyDocument(
  doc: SignedDocument,
  signature: DecisionSignature | undefined,
  registry: BureauKeyRegistry,
  signedAt: Date,
): Result<{ keyId: string; bureau: string }, DomainError> {
  return verifyCanonical(doc, signerOf(doc), signature, registry, signedAt);
}

/** Verifies a signature over any statement, made by `bureau` at `signedAt`, against the registry. */
export function verifyCanonical(
  doc: object,
  bureau: string,
  signature: DecisionSignature | undefined,
  registry: BureauKeyRegistry,
  signedAt: Date,
): Result<{ keyId: string; bureau: string }, DomainError> {
  if (!signature || signature.alg !== 'Ed25519' || typeof signature.value !== 'string') {
    return refuse('BAD_SIGNATURE', `missing or unsupported signature (alg ${String(signature?.alg)})`);
  }
  const loaded = registry.get(signature.keyId);
  if (!loaded) return refuse('UNKNOWN_KEY', `key ${signature.keyId} is not in the bureau key registry`);
  if (loaded.entry.bureau !== bureau) {
    return refuse('KEY_NOT_FOR_BUREAU', `key ${signature.keyId} belongs to bureau ${loaded.entry.bureau}, not the signing bureau ${bureau}`);
  }
  const invalid = registry.invalidOn(loaded.entry, chinaDateOf(signedAt));
  if (invalid) return refuse('KEY_NOT_VALID', invalid);
  let bytes: Buffer;
  try {
    bytes = canonicalBytes(doc);
  } catch {
    return refuse('BAD_SIGNATURE', 'the signed document cannot be canonicalised');
  }
  const sig = Buffer.from(signature.value, 'base64');
  if (sig.length !== 64 || !verify(null, bytes, loaded.key, sig)) {
    return refuse('BAD_SIGNATURE', `signature by key ${signature.keyId} does not match the document's canonical bytes (altered content or forged signature)`);
  }
  return ok({ keyId: signature.keyId, bureau });
}
