import { readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { CheckpointNotary } from '../checkpoints/checkpoint-notary';
import { HttpCheckpointNotary } from '../checkpoints/http-checkpoint-notary';
import { LocalCheckpointNotary } from '../checkpoints/local-checkpoint-notary';

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

/** The audit's own settings (validated with the platform's at start-up; the CLI uses the same). */
export const auditEnvSchema = z.object({
  /** Where replay reports (JSON + HTML) are written. */
  AUDIT_REPORT_DIR: z.string().default('.local/audit-reports'),
  /** A checkpoint is cut as soon as a partition has this many new messages. */
  AUDIT_CHECKPOINT_EVERY_EVENTS: int(1, 10000),
  /** …or this long after the previous one, if anything new arrived (0: only by count). */
  AUDIT_CHECKPOINT_INTERVAL_MS: int(0, 300000),
  /** How often the service looks whether a checkpoint is due (0: no checkpointing in the service). */
  AUDIT_CHECKPOINT_POLL_MS: int(0, 10000),
  /** The evidence notary's base URL (checkpoints go to POST <url>/notary/checkpoints). */
  AUDIT_NOTARY_URL: z.url().optional(),
  AUDIT_NOTARY_TOKEN: z.string().optional(),
  /** The notary's Ed25519 public key(s), SPKI PEM (inline, `\n` escapes allowed) or a file path. */
  AUDIT_NOTARY_PUBLIC_KEYS: z.string().optional(),
  /** Development/tests only: an Ed25519 PKCS#8 PEM (or path) for an in-process notary. */
  AUDIT_CHECKPOINT_SIGNING_KEY: z.string().optional(),
});
export type AuditEnv = z.infer<typeof auditEnvSchema>;

export function parseAuditEnv(env: NodeJS.ProcessEnv = process.env): AuditEnv {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (k.startsWith('AUDIT_') && v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  const parsed = auditEnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new Error(`Invalid configuration: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return parsed.data;
}

/** A PEM given inline (with `\n` escapes) or as a file path. */
export function readPem(value: string): string {
  return value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : readFileSync(value, 'utf8');
}

function publicKeys(value: string | undefined): KeyObject[] {
  if (!value) return [];
  const pem = readPem(value);
  const blocks = pem.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  if (blocks.length === 0) throw new Error('AUDIT_NOTARY_PUBLIC_KEYS holds no PUBLIC KEY PEM block');
  return blocks.map((b) => createPublicKey(b));
}

/**
 * The notary checkpoints go to: the evidence notary when AUDIT_NOTARY_URL is set (its public keys
 * are then required), an in-process one when only AUDIT_CHECKPOINT_SIGNING_KEY is set, or none.
 */
export function checkpointNotaryFrom(env: AuditEnv): CheckpointNotary | null {
  if (env.AUDIT_NOTARY_URL) {
    const keys = publicKeys(env.AUDIT_NOTARY_PUBLIC_KEYS);
    if (keys.length === 0) throw new Error('Invalid configuration: AUDIT_NOTARY_PUBLIC_KEYS: required with AUDIT_NOTARY_URL');
    return new HttpCheckpointNotary({ baseUrl: env.AUDIT_NOTARY_URL, trustedKeys: keys, token: env.AUDIT_NOTARY_TOKEN });
  }
  if (env.AUDIT_CHECKPOINT_SIGNING_KEY) return LocalCheckpointNotary.fromPem(readPem(env.AUDIT_CHECKPOINT_SIGNING_KEY));
  return null;
}

/** The notary keys a replay trusts when it verifies checkpoints. */
export function trustedNotaryKeys(env: AuditEnv, notary: CheckpointNotary | null): KeyObject[] {
  const keys = publicKeys(env.AUDIT_NOTARY_PUBLIC_KEYS);
  for (const k of notary?.trustedKeys() ?? []) keys.push(typeof k === 'string' ? createPublicKey(k) : k);
  return keys;
}
