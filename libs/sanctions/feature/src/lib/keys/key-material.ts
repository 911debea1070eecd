import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { BureauKeyRegistry, BureauKeyRegistryFile, RecognitionPolicy, SigningKey, signingKeyFromPem, defaultPolicies } from '@yrd/sanctions-domain';
import { SanctionsConfig, SanctionsConfigError } from '../config/sanctions-config';
import devRegistry from './dev-only.key-registry.json';
import devSigningKeys from './dev-only.signing-keys.json';

interface SigningKeyFileEntry {
  keyId: string;
  bureau: string;
  privateKeyPem?: string;
  /** Path of a PKCS#8 PEM file, relative to the keys file. */
  privateKeyFile?: string;
}

/**
 * The keys this service uses: every bureau's public key (the registry, data) and the private
 * keys of the bureaus it signs for (secrets, from a file). Without files, development and test
 * fall back to the committed DEV-ONLY keys, with a warning; production refuses them.
 */
export class KeyMaterial {
  private readonly log = new Logger('SanctionsKeys');
  readonly registry: BureauKeyRegistry;
  private readonly signing = new Map<string, SigningKey>();
  readonly usingDevKeys: boolean;

  constructor(config: SanctionsConfig) {
    this.usingDevKeys = !config.keyRegistryFile || !config.signingKeysFile;
    if (config.production && !config.keyRegistryFile) throw new SanctionsConfigError('SANCTIONS_KEY_REGISTRY_FILE: required in production');
    const registryFile: BureauKeyRegistryFile = config.keyRegistryFile
      ? (JSON.parse(readFileSync(config.keyRegistryFile, 'utf8')) as BureauKeyRegistryFile)
      : (devRegistry as BureauKeyRegistryFile);
    try {
      this.registry = new BureauKeyRegistry(registryFile.keys, { allowDevKeys: !config.production });
    } catch (e) {
      throw new SanctionsConfigError(`SANCTIONS_KEY_REGISTRY_FILE: ${(e as Error).message}`);
    }
    const entries: SigningKeyFileEntry[] = config.signingKeysFile
      ? (JSON.parse(readFileSync(config.signingKeysFile, 'utf8')) as SigningKeyFileEntry[])
      : config.production
        ? []
        : devSigningKeys.keys;
    const base = config.signingKeysFile ? dirname(resolve(config.signingKeysFile)) : '.';
    for (const e of entries) {
      const pem = e.privateKeyPem ?? (e.privateKeyFile ? readFileSync(resolve(base, e.privateKeyFile), 'utf8') : undefined);
      if (!pem) throw new SanctionsConfigError(`SANCTIONS_SIGNING_KEYS_FILE: key ${e.keyId} has neither privateKeyPem nor privateKeyFile`);
      const key = signingKeyFromPem(e.keyId, e.bureau, pem);
      const published = this.registry.get(e.keyId);
      if (!published || published.entry.bureau !== e.bureau) {
        throw new SanctionsConfigError(`SANCTIONS_SIGNING_KEYS_FILE: key ${e.keyId} of ${e.bureau} is not in the key registry for that bureau`);
      }
      this.signing.set(e.bureau, key);
    }
    if (this.usingDevKeys) this.log.warn('using the committed DEV-ONLY bureau keys (not secret): set SANCTIONS_KEY_REGISTRY_FILE and SANCTIONS_SIGNING_KEYS_FILE');
  }

  /** The key the service signs a bureau's decisions with, if it holds one. */
  signingKeyFor(bureau: string): SigningKey | undefined {
    return this.signing.get(bureau);
  }
}

export function recognitionPolicies(config: SanctionsConfig): RecognitionPolicy[] {
  if (!config.policyFile) return defaultPolicies(config.autoCategories);
  const raw = JSON.parse(readFileSync(config.policyFile, 'utf8')) as RecognitionPolicy[];
  if (!Array.isArray(raw) || !raw.every((p) => /^\d{6}$/.test(p?.region) && Array.isArray(p.automaticCategories))) {
    throw new SanctionsConfigError('SANCTIONS_RECOGNITION_POLICY_FILE: must be [{ region, automaticCategories }]');
  }
  return raw;
}
