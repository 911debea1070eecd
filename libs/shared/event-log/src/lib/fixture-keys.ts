import { createHash } from 'node:crypto';
import { ed25519KeyFromSeed, ed25519Signer, publicKeyPem, type EventSigner } from './event-signer';
import type { PublishedKey } from './keyring';

/**
 * Deterministic keys for tests, fixtures and benchmarks: their private halves are in this source
 * file, so a keyring that trusts them proves nothing. Services never trust them on their own;
 * a test that fabricates events publishes them into its own test database's keyring.
 */
const FIXTURE_SERVICES = ['case-intake', 'clue-transfer', 'evidence-notary', 'notification', 'audit'] as const;

function fixtureKey(service: string) {
  return ed25519KeyFromSeed(createHash('sha256').update(`yrd fixture event key ${service}`).digest());
}

export function fixtureSigner(service: string): EventSigner {
  return ed25519Signer(`${service}:fixture`, fixtureKey(service));
}

/** The published form of the fixture keys (of the given services, all by default). */
export function fixtureKeys(services: readonly string[] = FIXTURE_SERVICES): PublishedKey[] {
  return services.map((service) => ({
    service,
    keyId: `${service}:fixture`,
    alg: 'Ed25519',
    publicKey: publicKeyPem(fixtureKey(service)),
    validFrom: '2020-01-01T00:00:00.000Z',
  }));
}
