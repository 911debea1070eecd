import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions, type Job } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { REDIS_OPTIONS } from '@yrd/platform';
import { CHANNELS, channelOfDelivery, type Channel } from '@yrd/notification-domain';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { QUEUE_NAMES, type DeliveryJobData } from './delivery-job';

/** The custom backoff the workers implement (the delivery policy, with jitter). */
export const BACKOFF_TYPE = 'yrd-policy';

/**
 * One queue per channel. Jobs are added with their delivery id as job id: adding an existing id
 * is a no-op in BullMQ, which is what makes a redelivered event send once. Finished jobs are
 * kept (`NOTIFY_KEEP_DONE_HOURS`) so the id stays taken; failed ones are kept for manual retry.
 */
@Injectable()
export class DeliveryQueues implements OnApplicationShutdown {
  private readonly log = new Logger(DeliveryQueues.name);
  readonly queues: Record<Channel, Queue<DeliveryJobData>>;
  readonly connection: ConnectionOptions;

  constructor(
    @Inject(REDIS_OPTIONS) redis: RedisOptions,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    this.connection = { ...redis } as ConnectionOptions;
    this.queues = Object.fromEntries(
      CHANNELS.map((c) => {
        const q = new Queue<DeliveryJobData>(QUEUE_NAMES[c], { connection: this.connection, prefix: config.queuePrefix });
        q.on('error', (e) => this.log.warn(`queue ${QUEUE_NAMES[c]}: ${e.message}`));
        return [c, q];
      }),
    ) as Record<Channel, Queue<DeliveryJobData>>;
  }

  /** Adds the jobs, grouped by channel (one round trip each); existing ids are left as they are. */
  async enqueue(jobs: readonly DeliveryJobData[]): Promise<void> {
    for (const channel of CHANNELS) {
      const mine = jobs.filter((j) => j.channel === channel);
      if (mine.length === 0) continue;
      await this.queues[channel].addBulk(
        mine.map((data) => ({
          name: data.eventType,
          data,
          opts: {
            jobId: data.deliveryId,
            attempts: this.config.policy.attempts,
            backoff: { type: BACKOFF_TYPE },
            removeOnComplete: { age: this.config.keepDoneSeconds },
            removeOnFail: false,
          },
        })),
      );
    }
  }

  job(deliveryId: string): Promise<Job<DeliveryJobData> | undefined> {
    const channel = channelOfDelivery(deliveryId);
    return channel ? this.queues[channel].getJob(deliveryId) : Promise.resolve(undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}
