import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@yrd/platform';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';

/**
 * Sliding-window log per key in one Redis sorted set, checked and taken atomically in Lua with
 * Redis's own clock (so several service instances share one limit): at most `max` grants in any
 * `window` ms. Returns 0 when granted, else how many ms until a slot frees up.
 */
const TAKE = `
local key = KEYS[1]
local window = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) < max then
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
  return 0
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

/**
 * Per-bureau rate limits. BullMQ's own limiter is per queue (all bureaus together), so a busy
 * bureau would slow everyone; instead a job over its bureau's budget is moved back to the
 * delayed set until a slot frees up (without spending an attempt).
 */
@Injectable()
export class BureauRateLimiter {
  private seq = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** 0 when this delivery may go now, else the wait in ms. */
  async take(channel: string, bureau: string, member: string): Promise<number> {
    const key = `${this.config.queuePrefix}:notify:rate:${channel}:${bureau}`;
    const { max, windowMs } = this.config.rateLimit;
    const wait = await this.redis.eval(TAKE, 1, key, String(windowMs), String(max), `${member}#${process.pid}.${++this.seq}`);
    return Number(wait);
  }
}
