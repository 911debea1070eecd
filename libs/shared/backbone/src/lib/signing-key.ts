import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ed25519Signer, publicKeyPem, type EventSigner, type PublishedKey } from '@yrd/event-log';

export interface ServiceSigningKey {
  signer: EventSigner;
  published: PublishedKey;
}

/**
 * The service's event-signing key (Ed25519, PKCS#8 PEM): `EVENT_SIGNING_KEY` (the PEM itself,
 * e.g. from a secret) or the file `EVENT_SIGNING_KEY_FILE`; otherwise, outside production,
 * `<EVENT_SIGNING_KEY_DIR or ./.local/keys>/<service>.pem`, generated (0600) on first start.
 * The key id is `<service>:<EVENT_SIGNING_KEY_ID or the key's fingerprint>`, so a new key is a
 * new key id and what the old one signed stays verifiable.
 */
export function loadSigningKey(service: string, env: Record<string, string | undefined> = process.env, now = new Date()): ServiceSigningKey {
  const privateKey = readKey(service, env);
  const name = env['EVENT_SIGNING_KEY_ID'] || fingerprint(privateKey);
  const keyId = `${service}:${name}`;
  return {
    signer: ed25519Signer(keyId, privateKey),
    published: { service, keyId, alg: 'Ed25519', publicKey: publicKeyPem(privateKey), validFrom: now.toISOString() },
  };
}

function readKey(service: string, env: Record<string, string | undefined>): KeyObject {
  if (env['EVENT_SIGNING_KEY']) return createPrivateKey(env['EVENT_SIGNING_KEY']);
  if (env['EVENT_SIGNING_KEY_FILE']) return createPrivateKey(readFileSync(env['EVENT_SIGNING_KEY_FILE']));
  if (env['NODE_ENV'] === 'production') throw new Error('EVENT_SIGNING_KEY or EVENT_SIGNING_KEY_FILE must be set in production');
  const file = join(env['EVENT_SIGNING_KEY_DIR'] || join(process.cwd(), '.local', 'keys'), `${service}.pem`);
  try {
    return createPrivateKey(readFileSync(file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return privateKey;
  } catch (e) {
    // Another process of the same service generated it first: use theirs.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return createPrivateKey(readFileSync(file));
  }
}

function fingerprint(privateKey: KeyObject): string {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}
