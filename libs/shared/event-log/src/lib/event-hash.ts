import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventEnvelope, UnsealedEnvelope } from '@yrd/contracts';

/** SHA-256 over the RFC 8785 canonical JSON of every envelope field except `hash`. */
export function hashEnvelope(unsealed: UnsealedEnvelope): string {
  // Drop `hash` if a sealed envelope is passed, so the digest never covers itself.
  const { hash: _ignored, ...rest } = unsealed as UnsealedEnvelope & { hash?: string };
  const canonical = canonicalize(rest);
  if (canonical === undefined) throw new Error('envelope cannot be canonicalised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function seal(unsealed: UnsealedEnvelope): EventEnvelope {
  return { ...unsealed, hash: hashEnvelope(unsealed) };
}

/** True when the stored hash matches the recomputed one. */
export function hasValidHash(envelope: EventEnvelope): boolean {
  return hashEnvelope(envelope) === envelope.hash;
}
