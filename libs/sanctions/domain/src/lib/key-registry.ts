import { createPublicKey, KeyObject } from 'node:crypto';
import { isDivisionCode } from '@yrd/bureaus';
import { compareDates, IsoDate, isIsoDate } from './dates';

/**
 * One bureau public key, as published in the bureau key registry (data, not code). A key signs
 * from `validFrom` until `validUntil` (inclusive) unless revoked earlier (`revokedOn`: from that
 * day its signatures are refused). `devOnly` keys ship with the code for development and tests
 * and must never be trusted in production.
 */
export interface BureauKeyEntry {
  keyId: string;
  bureau: string;
  algorithm: 'Ed25519';
  /** SPKI DER, base64. */
  publicKey: string;
  validFrom: IsoDate;
  validUntil?: IsoDate;
  revokedOn?: IsoDate;
  devOnly?: boolean;
}

export interface BureauKeyRegistryFile {
  description?: string;
  keys: BureauKeyEntry[];
}

export class KeyRegistryError extends Error {
  override readonly name = 'KeyRegistryError';
}

interface LoadedKey {
  entry: BureauKeyEntry;
  key: KeyObject;
}

/** The public keys of the bureaus, by key id; answers "may this key sign for this bureau on this day". */
export class BureauKeyRegistry {
  private readonly byId = new Map<string, LoadedKey>();

  constructor(entries: readonly BureauKeyEntry[] = [], options: { allowDevKeys?: boolean } = {}) {
    const allowDev = options.allowDevKeys ?? true;
    for (const [i, e] of entries.entries()) {
      const at = `keys[${i}]${e?.keyId ? ` (${e.keyId})` : ''}`;
      if (!e || typeof e.keyId !== 'string' || !/^[A-Za-z0-9._:-]{1,100}$/.test(e.keyId)) throw new KeyRegistryError(`${at}: keyId is missing or malformed`);
      if (!isDivisionCode(e.bureau)) throw new KeyRegistryError(`${at}: bureau must be a division code`);
      if (e.algorithm !== 'Ed25519') throw new KeyRegistryError(`${at}: algorithm must be Ed25519`);
      if (!isIsoDate(e.validFrom)) throw new KeyRegistryError(`${at}: validFrom must be an ISO date`);
      if (e.validUntil !== undefined && !isIsoDate(e.validUntil)) throw new KeyRegistryError(`${at}: validUntil must be an ISO date`);
      if (e.revokedOn !== undefined && !isIsoDate(e.revokedOn)) throw new KeyRegistryError(`${at}: revokedOn must be an ISO date`);
      if (e.devOnly && !allowDev) throw new KeyRegistryError(`${at}: development-only key refused (production)`);
      if (this.byId.has(e.keyId)) throw new KeyRegistryError(`${at}: keyId listed twice`);
      let key: KeyObject;
      try {
        key = createPublicKey({ key: Buffer.from(e.publicKey, 'base64'), format: 'der', type: 'spki' });
      } catch (err) {
        throw new KeyRegistryError(`${at}: publicKey is not an SPKI DER key in base64 (${(err as Error).message})`);
      }
      if (key.asymmetricKeyType !== 'ed25519') throw new KeyRegistryError(`${at}: publicKey is ${key.asymmetricKeyType}, not ed25519`);
      this.byId.set(e.keyId, { entry: e, key });
    }
  }

  get(keyId: string): LoadedKey | undefined {
    return this.byId.get(keyId);
  }

  entries(): BureauKeyEntry[] {
    return [...this.byId.values()].map((k) => k.entry);
  }

  /** A registry with these keys added (key rotation, dev keys generated at start). */
  with(entries: readonly BureauKeyEntry[]): BureauKeyRegistry {
    return new BureauKeyRegistry([...this.entries(), ...entries]);
  }

  /** Why a key may not sign on `day`, or undefined when it may. */
  invalidOn(entry: BureauKeyEntry, day: IsoDate): string | undefined {
    if (compareDates(day, entry.validFrom) < 0) return `key ${entry.keyId} is valid only from ${entry.validFrom}`;
    if (entry.validUntil && compareDates(day, entry.validUntil) > 0) return `key ${entry.keyId} expired after ${entry.validUntil}`;
    if (entry.revokedOn && compareDates(day, entry.revokedOn) >= 0) return `key ${entry.keyId} was revoked on ${entry.revokedOn}`;
    return undefined;
  }
}
