import type { Collection, Connection } from 'mongoose';
import type { PublishedKey } from '@yrd/event-log';

interface KeyDocument {
  /** `key:<keyId>` for a key, `retired:<keyId>` for its retirement. */
  _id: string;
  kind: 'key' | 'retirement';
  keyId: string;
  key?: PublishedKey;
  retiredAt?: string;
}

/**
 * The published keyring every consumer and the audit read: one insert-only collection in the
 * shared database. A key is inserted once under its id; its retirement is another insert, so
 * nothing is ever updated (and a key can never be swapped under an existing id).
 */
export class EventKeyStore {
  private readonly keys: Collection<KeyDocument>;

  constructor(connection: Connection, collectionName = 'event_keys') {
    this.keys = connection.collection<KeyDocument>(collectionName) as unknown as Collection<KeyDocument>;
  }

  /** Publishes a key; publishing the same key again is a no-op, another key under its id an error. */
  async publish(key: PublishedKey): Promise<void> {
    const { retiredAt: _retired, ...published } = key;
    try {
      await this.keys.insertOne({ _id: `key:${key.keyId}`, kind: 'key', keyId: key.keyId, key: published });
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e;
      const existing = await this.keys.findOne({ _id: `key:${key.keyId}` });
      if (existing?.key?.publicKey !== key.publicKey) throw new Error(`key id ${key.keyId} is already published with another key`);
    }
  }

  /** Retires a key from `at` on: it no longer verifies events that occurred at or after `at`. */
  async retire(keyId: string, at: Date): Promise<void> {
    try {
      await this.keys.insertOne({ _id: `retired:${keyId}`, kind: 'retirement', keyId, retiredAt: at.toISOString() });
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e; // retired already: the first retirement stands
    }
  }

  /** Every published key with its retirement, if any (one scan). */
  async load(): Promise<PublishedKey[]> {
    const docs = await this.keys.find({}).toArray();
    const retired = new Map(docs.filter((d) => d.kind === 'retirement').map((d) => [d.keyId, d.retiredAt as string]));
    return docs.flatMap((d) => (d.kind === 'key' && d.key ? [{ ...d.key, ...(retired.has(d.keyId) ? { retiredAt: retired.get(d.keyId) } : {}) }] : []));
  }
}
