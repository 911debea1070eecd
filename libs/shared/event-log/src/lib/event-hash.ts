import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventEnvelope, UnsealedEnvelope } from '@yrd/contracts';
import type { EventSigner } from './event-signer';

/** SHA-256 over the RFC 8785 canonical JSON of every envelope field except `hash` and `signature`. */
export function hashEnvelope(unsealed: UnsealedEnvelope | EventEnvelope): string {
  // Drop `hash` and `signature` if a sealed envelope is passed: the digest never covers itself,
  // and the signature (made over the digest) cannot be part of it.
  const { hash: _hash, signature: _signature, ...rest } = unsealed as UnsealedEnvelope & { hash?: string; signature?: unknown };
  const canonical = canonicalize(rest);
  if (canonical === undefined) throw new Error('envelope cannot be canonicalised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Seals an envelope with its hash and the producer's signature of that hash. */
export function seal(unsealed: UnsealedEnvelope, signer: EventSigner): EventEnvelope {
  const hash = hashEnvelope(unsealed);
  return { ...unsealed, hash, signature: signer.sign(hash) };
}

/** True when the stored hash matches the recomputed one. */
export function hasValidHash(envelope: EventEnvelope): boolean {
  return hashEnvelope(envelope) === envelope.hash;
}
