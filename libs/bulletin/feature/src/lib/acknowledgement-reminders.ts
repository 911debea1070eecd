import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { REDIS_OPTIONS } from '@yrd/platform';
import { acknowledgementDeadline } from './acknowledgement-deadline';
import { BULLETIN_CONFIG, type BulletinConfig } from './bulletin-config';
import { BulletinViewsHost } from './read-model/bulletin-views.host';

export const REMINDER_QUEUE = 'bulletin-acknowledgements';
const KEEP_DONE_SECONDS = 90 * 24 * 3600;

interface ReminderJob {
  bulletinId: string;
}

/**
 * One timer per published bulletin, firing when its acknowledgement deadline has passed: a BullMQ
 * delayed job in Redis (AOF on), so it survives restarts. The job id is the bulletin's, so
 * scheduling twice — after the publishing command, and again by the start-up sweep that covers a
 * crash between the two — adds nothing; the domain reminds at most once.
 */
@Injectable()
export class AcknowledgementReminders implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger(AcknowledgementReminders.name);
  private readonly queue: Queue<ReminderJob>;
  private readonly connection: ConnectionOptions;
  private worker?: Worker<ReminderJob>;
  private onDue?: (bulletinId: string) => Promise<void>;

  constructor(
    @Inject(REDIS_OPTIONS) redis: RedisOptions,
    @Inject(BULLETIN_CONFIG) private readonly config: BulletinConfig,
    private readonly host: BulletinViewsHost,
  ) {
    this.connection = { ...redis } as ConnectionOptions;
    this.queue = new Queue<ReminderJob>(REMINDER_QUEUE, { connection: this.connection, prefix: config.queuePrefix });
    this.queue.on('error', (e) => this.log.warn(`reminder queue: ${e.message}`));
  }

  /** What to do when a bulletin's deadline has passed (the use case registers itself). */
  handle(onDue: (bulletinId: string) => Promise<void>): void {
    this.onDue = onDue;
  }

  async schedule(bulletinId: string, publishedAt: string, now = new Date()): Promise<void> {
    const { overdueFrom } = acknowledgementDeadline(publishedAt, this.config, now);
    await this.queue.add(
      'remind-unread',
      { bulletinId },
      {
        jobId: `ack-${bulletinId}`,
        delay: Math.max(0, overdueFrom.getTime() - now.getTime()),
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: KEEP_DONE_SECONDS },
        removeOnFail: { age: KEEP_DONE_SECONDS },
      },
    );
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<ReminderJob>(
      REMINDER_QUEUE,
      async (job) => {
        if (!this.onDue) throw new Error('no reminder handler registered');
        await this.onDue(job.data.bulletinId);
      },
      { connection: this.connection, prefix: this.config.queuePrefix, concurrency: 2 },
    );
    this.worker.on('failed', (job, e) => this.log.warn(`reminder ${job?.id ?? '?'} failed: ${e.message}`));
    this.worker.on('error', (e) => this.log.warn(`reminder worker: ${e.message}`));
    // Published bulletins whose timer may have been lost (a crash right after publication).
    void this.host.whenCaughtUp().then(async () => {
      for (const v of this.host.views.awaitingReminder()) {
        await this.schedule(v.bulletinId, v.publishedAt ?? v.proposedAt).catch((e: Error) => this.log.warn(`reminder for ${v.bulletinId}: ${e.message}`));
      }
    });
  }

  /** Stop taking jobs (an active one finishes) before the backbone stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
