import { z } from 'zod';
import { checkDeliveryPolicy, type DeliveryPolicy } from '@yrd/notification-domain';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Environment of the notification service (validated at start-up, with defaults):
 * - `QUEUE_PREFIX` (default `yrd`): BullMQ key prefix, so test runs sharing one Redis stay apart;
 * - `SMTP_URL` (e.g. `smtp://user:pass@mail.example.cn:587`; unset = no email is queued), `MAIL_FROM`;
 * - `NOTIFY_ATTEMPTS`, `NOTIFY_BACKOFF_BASE_MS`, `NOTIFY_BACKOFF_MAX_MS`, `NOTIFY_BACKOFF_JITTER`: the delivery policy;
 * - `NOTIFY_RATE_LIMIT` per `NOTIFY_RATE_WINDOW_MS`: at most this many webhook (and, separately,
 *   email) deliveries per recipient bureau in any sliding window;
 * - `NOTIFY_CONCURRENCY` jobs in flight per channel; `NOTIFY_WEBHOOK_TIMEOUT_MS`;
 * - `NOTIFY_LOCK_MS`, `NOTIFY_STALLED_INTERVAL_MS`: how soon a crashed worker's jobs are taken over;
 * - `NOTIFY_SECRET_OVERLAP_HOURS`: how long a rotated-out webhook secret still signs;
 * - `NOTIFY_KEEP_DONE_HOURS`: how long finished jobs stay in Redis, i.e. the window in which a
 *   redelivered event finds its job id taken (Kafka consumers also skip events they recorded).
 */
export const notificationEnvSchema = z.object({
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, "_", "." or "-"')
    .default('yrd'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('长三角联动执法通报 <notify@yrd.local>'),
  NOTIFY_ATTEMPTS: int(1, 50).default(8),
  NOTIFY_BACKOFF_BASE_MS: int(1, 3_600_000).default(2000),
  NOTIFY_BACKOFF_MAX_MS: int(1, 86_400_000).default(15 * 60_000),
  NOTIFY_BACKOFF_JITTER: z.coerce.number().min(0).max(1).default(0.5),
  NOTIFY_RATE_LIMIT: int(1, 1_000_000).default(300),
  NOTIFY_RATE_WINDOW_MS: int(10, 86_400_000).default(60_000),
  NOTIFY_CONCURRENCY: int(1, 500).default(16),
  NOTIFY_WEBHOOK_TIMEOUT_MS: int(100, 120_000).default(10_000),
  NOTIFY_LOCK_MS: int(500, 600_000).default(30_000),
  NOTIFY_STALLED_INTERVAL_MS: int(200, 600_000).default(30_000),
  NOTIFY_SECRET_OVERLAP_HOURS: z.coerce.number().min(0).max(24 * 90).default(24),
  NOTIFY_KEEP_DONE_HOURS: z.coerce.number().min(1).max(24 * 365).default(24 * 7),
});

export type NotificationEnv = z.infer<typeof notificationEnvSchema>;

export interface NotificationConfig {
  queuePrefix: string;
  smtpUrl?: string;
  mailFrom: string;
  policy: DeliveryPolicy;
  rateLimit: { max: number; windowMs: number };
  concurrency: number;
  webhookTimeoutMs: number;
  lockMs: number;
  stalledIntervalMs: number;
  secretOverlapMs: number;
  keepDoneSeconds: number;
  /** Production accepts https webhook endpoints only. */
  requireHttps: boolean;
}

export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');

/** Parses the service's variables; throws an Error naming every bad variable. */
export function notificationConfigFrom(env: Record<string, string | undefined> = process.env): NotificationConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in notificationEnvSchema.shape && v !== undefined && v.trim() !== ''),
  );
  const parsed = notificationEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const policy: DeliveryPolicy = { attempts: e.NOTIFY_ATTEMPTS, baseDelayMs: e.NOTIFY_BACKOFF_BASE_MS, maxDelayMs: e.NOTIFY_BACKOFF_MAX_MS, jitter: e.NOTIFY_BACKOFF_JITTER };
  const problems = checkDeliveryPolicy(policy);
  if (problems.length > 0) throw new Error(`Invalid configuration: NOTIFY_*: ${problems.join('; ')}`);
  return {
    queuePrefix: e.QUEUE_PREFIX,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    policy,
    rateLimit: { max: e.NOTIFY_RATE_LIMIT, windowMs: e.NOTIFY_RATE_WINDOW_MS },
    concurrency: e.NOTIFY_CONCURRENCY,
    webhookTimeoutMs: e.NOTIFY_WEBHOOK_TIMEOUT_MS,
    lockMs: e.NOTIFY_LOCK_MS,
    stalledIntervalMs: e.NOTIFY_STALLED_INTERVAL_MS,
    secretOverlapMs: Math.round(e.NOTIFY_SECRET_OVERLAP_HOURS * 3600_000),
    keepDoneSeconds: Math.round(e.NOTIFY_KEEP_DONE_HOURS * 3600),
    requireHttps: (env['NODE_ENV'] ?? 'development') === 'production',
  };
}
