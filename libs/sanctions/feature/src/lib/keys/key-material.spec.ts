import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { sanctionsConfigFrom } from '../config/sanctions-config';
import { KeyMaterial } from './key-material';

describe('KeyMaterial', () => {
  it('development without key files uses the committed DEV-ONLY keys for every bureau', () => {
    const keys = new KeyMaterial(sanctionsConfigFrom({ NODE_ENV: 'development' }));
    expect(keys.usingDevKeys).toBe(true);
    expect(keys.signingKeyFor('310118')?.keyId).toBe('dev-310118-1');
    expect(keys.registry.get('dev-330421-1')?.entry).toMatchObject({ bureau: '330421', devOnly: true });
  });

  it('production refuses to start without a key registry, and refuses dev-only keys in one', () => {
    expect(() => new KeyMaterial(sanctionsConfigFrom({ NODE_ENV: 'production' }))).toThrow('SANCTIONS_KEY_REGISTRY_FILE: required in production');
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const devRegistry = join(dir, 'registry.json');
    writeFileSync(devRegistry, JSON.stringify(require('./dev-only.key-registry.json')));
    expect(() => new KeyMaterial(sanctionsConfigFrom({ NODE_ENV: 'production', SANCTIONS_KEY_REGISTRY_FILE: devRegistry }))).toThrow('development-only key refused');
  });

  it('production loads private keys from files and checks them against the registry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(dir, 'qp.pem'), privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const entry = { keyId: 'qp-2026-1', bureau: '310118', algorithm: 'Ed25519', publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), validFrom: '2026-01-01' };
    writeFileSync(join(dir, 'registry.json'), JSON.stringify({ keys: [entry] }));
    writeFileSync(join(dir, 'signing.json'), JSON.stringify([{ keyId: 'qp-2026-1', bureau: '310118', privateKeyFile: 'qp.pem' }]));
    const env = { NODE_ENV: 'production', SANCTIONS_KEY_REGISTRY_FILE: join(dir, 'registry.json'), SANCTIONS_SIGNING_KEYS_FILE: join(dir, 'signing.json') };
    const keys = new KeyMaterial(sanctionsConfigFrom(env));
    expect([keys.usingDevKeys, keys.signingKeyFor('310118')?.keyId, keys.signingKeyFor('330421')]).toEqual([false, 'qp-2026-1', undefined]);
    writeFileSync(join(dir, 'signing.json'), JSON.stringify([{ keyId: 'qp-2026-1', bureau: '330421', privateKeyFile: 'qp.pem' }]));
    expect(() => new KeyMaterial(sanctionsConfigFrom(env))).toThrow('is not in the key registry for that bureau');
  });

  it('bad configuration names the variable', () => {
    expect(() => sanctionsConfigFrom({ SANCTIONS_CHECK_LOG_FLUSH_MS: 'soon' })).toThrow('SANCTIONS_CHECK_LOG_FLUSH_MS');
  });
});
