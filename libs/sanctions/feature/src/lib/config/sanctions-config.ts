import { z } from 'zod';
import { DEFAULT_AUTOMATIC_CATEGORIES } from '@yrd/sanctions-domain';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

/** The sanctions feature's own environment variables (validated when the module starts). */
export const SanctionsEnvSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'test', 'production'])),
  /** Public keys of the bureaus (JSON `{ keys: BureauKeyEntry[] }`); required in production. */
  SANCTIONS_KEY_REGISTRY_FILE: optional(z.string()),
  /** This service's private signing keys: JSON `[{ keyId, bureau, privateKeyFile | privateKeyPem }]`; required in production to record decisions. */
  SANCTIONS_SIGNING_KEYS_FILE: optional(z.string()),
  /** Categories every region recognises without review (comma-separated). */
  SANCTIONS_AUTO_RECOGNISED_CATEGORIES: optional(z.string().regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'must be comma-separated category codes')),
  /** Per-region policy file (JSON `[{ region, automaticCategories }]`), overriding the default. */
  SANCTIONS_RECOGNITION_POLICY_FILE: optional(z.string()),
  /** Check-log batching: flush every N ms or at M entries. */
  SANCTIONS_CHECK_LOG_FLUSH_MS: optional(z.coerce.number().int().min(10).max(60000)),
  SANCTIONS_CHECK_LOG_BATCH: optional(z.coerce.number().int().min(1).max(10000)),
});

export interface SanctionsConfig {
  production: boolean;
  keyRegistryFile?: string;
  signingKeysFile?: string;
  autoCategories: string[];
  policyFile?: string;
  checkLogFlushMs: number;
  checkLogBatch: number;
}

export const SANCTIONS_CONFIG = Symbol('SANCTIONS_CONFIG');

export class SanctionsConfigError extends Error {
  override readonly name = 'SanctionsConfigError';
}

export function sanctionsConfigFrom(env: NodeJS.ProcessEnv = process.env): SanctionsConfig {
  const parsed = SanctionsEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new SanctionsConfigError(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    production: e.NODE_ENV === 'production',
    keyRegistryFile: e.SANCTIONS_KEY_REGISTRY_FILE,
    signingKeysFile: e.SANCTIONS_SIGNING_KEYS_FILE,
    autoCategories: e.SANCTIONS_AUTO_RECOGNISED_CATEGORIES?.split(',') ?? [...DEFAULT_AUTOMATIC_CATEGORIES],
    policyFile: e.SANCTIONS_RECOGNITION_POLICY_FILE,
    checkLogFlushMs: e.SANCTIONS_CHECK_LOG_FLUSH_MS ?? 200,
    checkLogBatch: e.SANCTIONS_CHECK_LOG_BATCH ?? 500,
  };
}
