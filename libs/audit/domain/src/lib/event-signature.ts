import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { EventEnvelope } from '@yrd/contracts';
import { keyIdOf, type PublicKeyLike } from '@yrd/merkle';
import { headerValue, type RawHeaders } from './log-message';

export type SignatureCheck = { status: 'unsigned' } | { status: 'valid'; keyId: string } | { status: 'invalid'; reason: string };

/**
 * Checks a signature an event carries. Events carry none yet; when decisions start being signed
 * by the issuing bureau (design: referrals, penalty decisions), a verifier for that scheme is
 * added here without touching the replay.
 */
export interface EventSignatureVerifier {
  check(envelope: EventEnvelope, headers: RawHeaders | undefined): SignatureCheck;
}

export const SIGNATURE_HEADER = 'yrd-signature';
export const SIGNATURE_KEY_HEADER = 'yrd-signature-key';

/**
 * Ed25519 over the event's 32-byte hash, carried in Kafka headers: `yrd-signature` (base64) and
 * `yrd-signature-key` (key id, as `keyIdOf`). The hash covers the whole envelope, so signing it
 * signs the event.
 */
export class Ed25519HeaderSignatures implements EventSignatureVerifier {
  private readonly keys: Map<string, KeyObject>;

  constructor(trustedKeys: readonly PublicKeyLike[]) {
    this.keys = new Map(trustedKeys.map((k) => {
      const key = typeof k === 'string' ? createPublicKey(k) : k.type === 'private' ? createPublicKey(k) : k;
      return [keyIdOf(key), key] as const;
    }));
  }

  check(envelope: EventEnvelope, headers: RawHeaders | undefined): SignatureCheck {
    const signature = headerValue(headers, SIGNATURE_HEADER);
    if (signature === undefined) return { status: 'unsigned' };
    const keyId = headerValue(headers, SIGNATURE_KEY_HEADER) ?? '';
    const key = this.keys.get(keyId);
    if (!key) return { status: 'invalid', reason: `signed by key "${keyId}", which is not trusted` };
    const bytes = Buffer.from(signature, 'base64');
    if (bytes.byteLength !== 64) return { status: 'invalid', reason: 'not a 64-byte Ed25519 signature' };
    return verify(null, Buffer.from(envelope.hash, 'hex'), key, bytes)
      ? { status: 'valid', keyId }
      : { status: 'invalid', reason: 'signature does not verify over the event hash' };
  }
}

/** The headers that sign an event (what a signing producer adds). */
export function signatureHeaders(envelope: EventEnvelope, privateKey: KeyObject): Record<string, string> {
  return {
    [SIGNATURE_HEADER]: sign(null, Buffer.from(envelope.hash, 'hex'), privateKey).toString('base64'),
    [SIGNATURE_KEY_HEADER]: keyIdOf(createPublicKey(privateKey)),
  };
}

/** Runs every verifier; the first that finds a signature decides. */
export function checkSignatures(verifiers: readonly EventSignatureVerifier[], envelope: EventEnvelope, headers: RawHeaders | undefined): SignatureCheck {
  for (const v of verifiers) {
    const result = v.check(envelope, headers);
    if (result.status !== 'unsigned') return result;
  }
  return { status: 'unsigned' };
}
