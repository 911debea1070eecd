import { randomBytes } from 'node:crypto';

/** Opaque ids with a kind prefix: `whe_…` endpoints, `emc_…` contacts, `sec_…` secrets. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(10).toString('hex')}`;

/** A webhook secret: 32 random bytes, base64url, shown to the bureau once. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export const isDuplicateKey = (e: unknown): boolean => (e as { code?: number }).code === 11000;
