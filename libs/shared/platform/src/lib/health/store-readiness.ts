import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import {
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { REDIS } from '../connections/tokens';
import { errorMessage, withTimeout } from './with-timeout';

interface ProbeDocument {
  _id: string;
  at: Date;
}

/**
 * Readiness needs more than a ping: a database whose lock is held by a stuck statement still
 * answers `ping` while every read and write hangs. These probes write a document (or key) and read
 * it back within a deadline, so an orchestrator takes an instance whose stores do not serve out.
 */
@Injectable()
export class StoreReadiness {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** Inserts a probe document, reads it back by `_id`, deletes it (the collection stays tiny: FerretDB scans). */
  async mongoCheck<K extends string>(
    key: K,
    timeoutMs = 3_000,
  ): Promise<HealthIndicatorResult<K>> {
    const indicator = this.indicators.check(key);
    const probes = this.connection.collection<ProbeDocument>('health_probes');
    const _id = randomUUID();
    const started = Date.now();
    try {
      await withTimeout(
        (async () => {
          await probes.insertOne({ _id, at: new Date() }, { maxTimeMS: timeoutMs });
          const found = await probes.findOne({ _id }, { maxTimeMS: timeoutMs });
          if (!found) throw new Error('probe document not read back');
        })(),
        timeoutMs,
        'MongoDB write+read probe',
      );
      return indicator.up({ ms: Date.now() - started });
    } catch (err) {
      return indicator.down({ message: errorMessage(err) });
    } finally {
      // Best effort and not awaited by the check: a slow delete must not fail readiness.
      void probes.deleteOne({ _id }).catch(() => undefined);
    }
  }

  /** `SET` with a short expiry, then `GET`; refuses at once when the client is not connected. */
  async redisCheck<K extends string>(
    key: K,
    timeoutMs = 1_500,
  ): Promise<HealthIndicatorResult<K>> {
    const indicator = this.indicators.check(key);
    if (this.redis.status !== 'ready') {
      return indicator.down({ message: `not connected (${this.redis.status})` });
    }
    const probeKey = `health:probe:${randomUUID()}`;
    const started = Date.now();
    try {
      const value = await withTimeout(
        this.redis
          .set(probeKey, '1', 'PX', 10_000)
          .then(() => this.redis.get(probeKey)),
        timeoutMs,
        'Redis write+read probe',
      );
      return value === '1'
        ? indicator.up({ ms: Date.now() - started })
        : indicator.down({ message: 'probe key not read back' });
    } catch (err) {
      return indicator.down({ message: errorMessage(err) });
    }
  }
}
