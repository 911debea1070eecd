import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REDIS } from '../connections/tokens';
import { errorMessage, withTimeout } from './with-timeout';

/** `PING` → `PONG` on the shared client; down at once when the client is not connected. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async pingCheck<K extends string>(key: K, timeoutMs = 1_500): Promise<HealthIndicatorResult<K>> {
    const indicator = this.indicators.check(key);
    // With maxRetriesPerRequest: null a command on a broken connection would wait for the
    // reconnect, so do not queue one: report the connection state instead.
    if (this.redis.status !== 'ready') {
      return indicator.down({ message: `not connected (${this.redis.status})` });
    }
    try {
      const reply = await withTimeout(this.redis.ping(), timeoutMs, 'PING');
      return reply === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected PING reply ${reply}` });
    } catch (err) {
      return indicator.down({ message: errorMessage(err) });
    }
  }
}
