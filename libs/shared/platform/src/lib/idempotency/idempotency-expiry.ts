import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyStore } from './idempotency.store';

/** How long a key is remembered (the draft suggests at least a day; clients retry within minutes). */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets old idempotency keys by a periodic delete: FerretDB v1 has no TTL indexes. Every
 * instance sweeps; deleting what another already deleted is harmless.
 */
@Injectable()
export class IdempotencyExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(IdempotencyExpiry.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<number> {
    try {
      const removed = await this.store.expire(new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS));
      if (removed > 0) this.log.log(`forgot ${removed} idempotency records older than a day`);
      return removed;
    } catch (e) {
      this.log.warn(`idempotency key sweep failed (next one in an hour): ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  }
}
