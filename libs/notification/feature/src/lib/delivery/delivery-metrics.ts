import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@yrd/platform';
import { CHANNELS, type Channel } from '@yrd/notification-domain';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { DeliveryQueues } from './delivery-queues';

const LATENCY_SAMPLES = 2000;
type Counter = 'sent' | 'failed' | 'retried' | 'rateLimited';

export interface ChannelMetrics {
  /** Jobs waiting, delayed (backoff or rate limit) or in flight now. */
  queued: number;
  sent: number;
  failed: number;
  retried: number;
  rateLimited: number;
  jobs: Record<string, number>;
  /** Queue → delivered, over the last deliveries. */
  latencyMs: { samples: number; p50: number | null; p95: number | null; p99: number | null; max: number | null };
}

/**
 * Counters in Redis (shared by every instance, kept across restarts) and the latest latencies
 * per channel; queue depth comes from BullMQ itself.
 */
@Injectable()
export class DeliveryMetrics {
  private readonly key: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
    private readonly queues: DeliveryQueues,
  ) {
    this.key = `${config.queuePrefix}:notify:metrics`;
  }

  async count(channel: Channel, counter: Counter): Promise<void> {
    await this.redis.hincrby(this.key, `${channel}.${counter}`, 1);
  }

  async sent(channel: Channel, latencyMs: number): Promise<void> {
    await this.redis
      .multi()
      .hincrby(this.key, `${channel}.sent`, 1)
      .lpush(`${this.key}:latency:${channel}`, Math.max(0, Math.round(latencyMs)))
      .ltrim(`${this.key}:latency:${channel}`, 0, LATENCY_SAMPLES - 1)
      .exec();
  }

  async snapshot(): Promise<Record<Channel, ChannelMetrics>> {
    const counters = await this.redis.hgetall(this.key);
    const out = {} as Record<Channel, ChannelMetrics>;
    for (const channel of CHANNELS) {
      const jobs = await this.queues.queues[channel].getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'completed', 'failed');
      const samples = (await this.redis.lrange(`${this.key}:latency:${channel}`, 0, -1)).map(Number).sort((a, b) => a - b);
      const pct = (p: number) => (samples.length === 0 ? null : samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]);
      const n = (c: Counter) => Number(counters[`${channel}.${c}`] ?? 0);
      out[channel] = {
        queued: (jobs['waiting'] ?? 0) + (jobs['delayed'] ?? 0) + (jobs['active'] ?? 0) + (jobs['prioritized'] ?? 0),
        sent: n('sent'),
        failed: n('failed'),
        retried: n('retried'),
        rateLimited: n('rateLimited'),
        jobs,
        latencyMs: { samples: samples.length, p50: pct(50), p95: pct(95), p99: pct(99), max: samples.length ? samples[samples.length - 1] : null },
      };
    }
    return out;
  }
}
