import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { CHANNELS, retryDelay, type Channel } from '@yrd/notification-domain';
import { DeliveryRefused, type ChannelSender } from '../channels/channel-sender';
import { EmailSender } from '../channels/email.sender';
import { InboxSender } from '../channels/inbox.sender';
import { WebhookSender } from '../channels/webhook.sender';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { BureauRateLimiter } from './bureau-rate-limiter';
import { QUEUE_NAMES, type DeliveryJobData } from './delivery-job';
import { DeliveryMetrics } from './delivery-metrics';
import { BACKOFF_TYPE, DeliveryQueues } from './delivery-queues';
import { DeliveryReceipts } from './delivery-receipts';

/** Channels whose receivers are outside systems, and so are rate limited per bureau. */
const RATE_LIMITED: readonly Channel[] = ['webhook', 'email'];

/**
 * One BullMQ worker per channel. A job: take a slot of the recipient bureau's rate limit (or go
 * back to the delayed set), send, then record the receipt. A failure is retried with the
 * policy's backoff; the last one (or a refusal) records `notification.failed` before the job
 * moves to the failed set, where an operator can retry it. Jobs live in Redis (AOF), so a
 * crashed worker loses none: its active jobs stall and another worker takes them over.
 */
@Injectable()
export class DeliveryWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(DeliveryWorkers.name);
  readonly workers: Worker<DeliveryJobData>[] = [];
  private readonly senders: Record<Channel, ChannelSender>;

  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly queues: DeliveryQueues,
    private readonly limiter: BureauRateLimiter,
    private readonly receipts: DeliveryReceipts,
    private readonly metrics: DeliveryMetrics,
    webhook: WebhookSender,
    email: EmailSender,
    inbox: InboxSender,
  ) {
    this.senders = { webhook, email, inbox };
  }

  onApplicationBootstrap(): void {
    for (const channel of CHANNELS) {
      const worker = new Worker<DeliveryJobData>(QUEUE_NAMES[channel], (job, token) => this.process(channel, job, token), {
        connection: this.queues.connection,
        prefix: this.config.queuePrefix,
        concurrency: this.config.concurrency,
        lockDuration: this.config.lockMs,
        stalledInterval: this.config.stalledIntervalMs,
        maxStalledCount: 5,
        settings: { backoffStrategy: (attemptsMade: number, type?: string) => (type === BACKOFF_TYPE ? retryDelay(this.config.policy, attemptsMade) : 1000) },
      });
      worker.on('error', (e) => this.log.warn(`${QUEUE_NAMES[channel]} worker: ${e.message}`));
      this.workers.push(worker);
    }
  }

  private async process(channel: Channel, job: Job<DeliveryJobData>, token?: string): Promise<void> {
    const data = job.data;
    if (RATE_LIMITED.includes(channel)) {
      const wait = await this.limiter.take(channel, data.bureau, data.deliveryId);
      if (wait > 0) {
        await this.metrics.count(channel, 'rateLimited');
        // A little jitter so the jobs held back together do not all come back in the same ms.
        await job.moveToDelayed(Date.now() + wait + Math.floor(Math.random() * 25), token);
        throw new DelayedError();
      }
    }
    const attempt = job.attemptsMade + 1;
    try {
      await this.senders[channel].deliver(data, attempt);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const refused = e instanceof DeliveryRefused;
      if (refused || attempt >= this.config.policy.attempts) {
        await this.receipts.failed(data, attempt, error);
        await this.metrics.count(channel, 'failed');
        this.log.warn(`delivery ${data.deliveryId} failed after ${attempt} attempt(s): ${error}`);
        if (refused) throw new UnrecoverableError(error);
      } else {
        await this.metrics.count(channel, 'retried');
      }
      throw e;
    }
    const now = new Date();
    await this.receipts.delivered(data, attempt, now);
    await this.metrics.sent(channel, now.getTime() - Date.parse(data.queuedAt));
  }

  /** Stop taking jobs; jobs in flight finish (and record their receipts) before the backbone stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
