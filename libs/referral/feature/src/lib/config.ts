import { z } from 'zod';

/**
 * Environment of the referral feature (validated at start-up, with defaults):
 * - `QUEUE_PREFIX` (default `yrd`): BullMQ key prefix, so test runs sharing one Redis stay apart;
 * - `DEADLINE_REMINDER_WORKING_DAYS` (default 3): remind this many working days before a deadline;
 * - `DEADLINE_SECONDS_PER_WORKING_DAY` (unset = the real calendar): compressed time for tests and
 *   demos — a deadline N working days after delivery fires N × this many seconds after delivery.
 */
export const referralEnvSchema = z.object({
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, "_", "." or "-"')
    .default('yrd'),
  DEADLINE_REMINDER_WORKING_DAYS: z.coerce.number().int().min(0).max(15).default(3),
  DEADLINE_SECONDS_PER_WORKING_DAY: z.coerce.number().positive().max(86_400).optional(),
});

export type ReferralEnv = z.infer<typeof referralEnvSchema>;

export interface ReferralConfig {
  queuePrefix: string;
  reminderWorkingDays: number;
  /** Undefined: real calendar time. */
  secondsPerWorkingDay?: number;
}

export const REFERRAL_CONFIG = Symbol('REFERRAL_CONFIG');

/** Parses the feature's variables; throws an Error naming every bad variable. */
export function referralConfigFrom(env: Record<string, string | undefined> = process.env): ReferralConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in referralEnvSchema.shape && v !== undefined && v.trim() !== ''),
  );
  const parsed = referralEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  return {
    queuePrefix: parsed.data.QUEUE_PREFIX,
    reminderWorkingDays: parsed.data.DEADLINE_REMINDER_WORKING_DAYS,
    secondsPerWorkingDay: parsed.data.DEADLINE_SECONDS_PER_WORKING_DAY,
  };
}
