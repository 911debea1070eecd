import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { keyService, mayProduce, type BoundedContext, type EventEnvelope } from '@yrd/contracts';
import { signedMessage } from './event-signer';

/** One public key of the published keyring. A retired key still verifies what it signed before. */
export interface PublishedKey {
  service: string;
  keyId: string;
  alg: 'Ed25519';
  /** SPKI PEM. */
  publicKey: string;
  validFrom: string;
  retiredAt?: string;
}

export type SignatureCheck = { ok: true; service: string } | { ok: false; reason: 'unsigned' | 'bad-signature'; error: string };

/**
 * The public keys of every producing service, and the check every consumer and the audit make:
 * the event is signed, by a known key of a service allowed to produce its context, the
 * signature verifies over its hash, and the key was not retired before the event occurred.
 */
export class Keyring {
  private readonly keys = new Map<string, { published: PublishedKey; key: KeyObject }>();

  constructor(keys: readonly PublishedKey[] = []) {
    this.add(keys);
  }

  /** Adds keys (a later retirement of a known key replaces it). */
  add(keys: readonly PublishedKey[]): this {
    for (const k of keys) {
      if (keyService(k.keyId) !== k.service) throw new Error(`key ${k.keyId} does not name its service ${k.service}`);
      const known = this.keys.get(k.keyId);
      if (known && known.published.publicKey !== k.publicKey) throw new Error(`key id ${k.keyId} published twice with different keys`);
      this.keys.set(k.keyId, { published: { ...(known?.published ?? {}), ...k, retiredAt: k.retiredAt ?? known?.published.retiredAt }, key: known?.key ?? createPublicKey(k.publicKey) });
    }
    return this;
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  list(): PublishedKey[] {
    return [...this.keys.values()].map((k) => k.published).sort((a, b) => a.keyId.localeCompare(b.keyId));
  }

  /** `context` is the event's (from the catalogue); unknown types are refused before this check. */
  check(envelope: EventEnvelope, context: BoundedContext): SignatureCheck {
    const signature = envelope.signature;
    if (!signature) return { ok: false, reason: 'unsigned', error: `event ${envelope.eventId} carries no signature` };
    const known = this.keys.get(signature.keyId);
    if (!known) return { ok: false, reason: 'bad-signature', error: `event ${envelope.eventId} is signed with unknown key ${signature.keyId}` };
    const { service, retiredAt } = known.published;
    if (!mayProduce(service, context)) {
      return { ok: false, reason: 'bad-signature', error: `${service} may not produce ${context} events (event ${envelope.eventId}, key ${signature.keyId})` };
    }
    if (retiredAt !== undefined && envelope.occurredAt >= retiredAt) {
      return { ok: false, reason: 'bad-signature', error: `key ${signature.keyId} was retired at ${retiredAt}, before event ${envelope.eventId} occurred` };
    }
    const valid = verify(null, signedMessage(envelope.hash), known.key, Buffer.from(signature.value, 'base64url'));
    if (!valid) return { ok: false, reason: 'bad-signature', error: `signature of event ${envelope.eventId} does not verify with key ${signature.keyId}` };
    return { ok: true, service };
  }
}
