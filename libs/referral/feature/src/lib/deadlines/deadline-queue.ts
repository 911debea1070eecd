import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { REDIS_OPTIONS } from '@yrd/platform';
import type { DomainContext } from '@yrd/referral-domain';
import { REFERRAL_CONFIG, type ReferralConfig } from '../config';
import { DOMAIN_CONTEXT } from '../domain-context';
import { DeadlineJobs } from './deadline-jobs';
import { planDeadlineJobs, type DeadlineJobData, type DeadlineTarget, type PlannedJob } from './deadline-plan';

export const DEADLINE_QUEUE = 'referral-deadlines';
const KEEP_DONE_SECONDS = 90 * 24 * 3600;

/**
 * Deadline reminders and overdue checks as BullMQ delayed jobs (kept in Redis, AOF on, so they
 * survive restarts). Job ids are deterministic, so scheduling the same deadline twice (a
 * redelivered event, a replay) adds nothing; a changed due date gets jobs of its own, and the
 * old ones find nothing to do when they fire.
 */
@Injectable()
export class DeadlineQueue implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger(DeadlineQueue.name);
  readonly queue: Queue<DeadlineJobData>;
  private worker?: Worker<DeadlineJobData>;
  /** BullMQ opens its own connections from the platform's options (`maxRetriesPerRequest: null`). */
  private readonly connection: ConnectionOptions;

  constructor(
    @Inject(REDIS_OPTIONS) redis: RedisOptions,
    @Inject(REFERRAL_CONFIG) private readonly config: ReferralConfig,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
    private readonly jobs: DeadlineJobs,
  ) {
    this.connection = { ...redis } as ConnectionOptions;
    this.queue = new Queue<DeadlineJobData>(DEADLINE_QUEUE, { connection: this.connection, prefix: config.queuePrefix });
    this.queue.on('error', (e) => this.log.warn(`deadline queue: ${e.message}`));
  }

  async schedule(target: DeadlineTarget, now = new Date()): Promise<PlannedJob[]> {
    const planned = planDeadlineJobs(target, now, {
      calendar: this.context.calendar,
      reminderWorkingDays: this.config.reminderWorkingDays,
      secondsPerWorkingDay: this.config.secondsPerWorkingDay,
    });
    await this.queue.addBulk(
      planned.map((p) => ({
        name: p.data.kind,
        data: p.data,
        opts: {
          jobId: p.jobId,
          delay: p.delayMs,
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: KEEP_DONE_SECONDS },
          removeOnFail: { age: KEEP_DONE_SECONDS },
        },
      })),
    );
    return planned;
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker<DeadlineJobData>(DEADLINE_QUEUE, (job: Job<DeadlineJobData>) => this.jobs.run(job.data), {
      connection: this.connection,
      prefix: this.config.queuePrefix,
      concurrency: 4,
    });
    this.worker.on('failed', (job, e) => this.log.warn(`deadline job ${job?.id ?? '?'} failed: ${e.message}`));
    this.worker.on('error', (e) => this.log.warn(`deadline worker: ${e.message}`));
  }

  /** Stop taking jobs (an active one finishes) before the backbone stops. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** The queue closes last: projection consumers may still schedule until they have stopped. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
