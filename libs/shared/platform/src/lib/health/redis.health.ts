import { Inject, Injectable } from '@nestjs/common';
import {
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
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

  async pingCheck<K extends string>(
    key: K,
    timeoutMs = 1_500,
  ): Promise<HealthIndicatorResult<K>> {
    const indicator = this.indicators.check(key);
    // A connection being opened (start-up) gets the check's time to become ready.
    if (CONNECTING.has(this.redis.status)) await this.readyWithin(timeoutMs);
    // With maxRetriesPerRequest: null a command on a broken connection would wait for the
    // reconnect, so do not queue one: report the connection state instead.
    if (this.redis.status !== 'ready') {
      return indicator.down({
        message: `not connected (${this.redis.status})`,
      });
    }
    try {
      const reply = await withTimeout(this.redis.ping(), timeoutMs, 'PING');
      return reply === 'PONG'
        ? indicator.up()
        : indicator.down({ message: `unexpected PING reply ${reply}` });
    } catch (err) {
      return indicator.down({ message: errorMessage(err) });
    }
  }

  private readyWithin(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.redis.off('ready', done).off('error', done).off('end', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.redis.once('ready', done).once('error', done).once('end', done);
    });
  }
}

const CONNECTING = new Set(['wait', 'connecting', 'connect']);
