import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * Environment of the bulletin feature (validated at start-up):
 * - `BULLETIN_ACK_WORKING_DAYS` (default 5): a published bulletin not read by an audience bureau
 *   after this many working days is listed as unread;
 * - `DEADLINE_SECONDS_PER_WORKING_DAY` (unset = the real calendar): compressed time for tests and
 *   demos, as the referral deadlines use it.
 * - `BULLETIN_PUBLIC_BASE_URL` (default `http://localhost:3102`): the address the Atom feed links to.
 * - `QUEUE_PREFIX` (default `yrd`): BullMQ key prefix of the reminder timers, as the referral feature's.
 */
export const BulletinEnvSchema = z.object({
  BULLETIN_ACK_WORKING_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(60).default(5)),
  DEADLINE_SECONDS_PER_WORKING_DAY: z.preprocess(blankToUndefined, z.coerce.number().positive().max(86_400).optional()),
  BULLETIN_PUBLIC_BASE_URL: z.preprocess(blankToUndefined, z.url().default('http://localhost:3102')),
  QUEUE_PREFIX: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, "_", "." or "-"').default('yrd')),
});

export interface BulletinConfig {
  ackWorkingDays: number;
  secondsPerWorkingDay?: number;
  publicBaseUrl: string;
  queuePrefix: string;
}

export const BULLETIN_CONFIG = Symbol('BULLETIN_CONFIG');

export function bulletinConfigFrom(env: NodeJS.ProcessEnv = process.env): BulletinConfig {
  const parsed = BulletinEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return { ackWorkingDays: e.BULLETIN_ACK_WORKING_DAYS, secondsPerWorkingDay: e.DEADLINE_SECONDS_PER_WORKING_DAY, publicBaseUrl: e.BULLETIN_PUBLIC_BASE_URL.replace(/\/$/, ''), queuePrefix: e.QUEUE_PREFIX };
}
