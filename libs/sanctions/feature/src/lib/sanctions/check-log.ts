import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { SANCTIONS_CONFIG, SanctionsConfig } from '../config/sanctions-config';

export interface CheckLogEntry {
  _id: string;
  at: Date;
  by: { sub: string; role: string; bureau: string };
  subject: { creditCode?: string; personId?: string };
  region: string;
  on: string;
  banned: boolean;
  listed: boolean;
  sanctionIds: string[];
  correlationId?: string;
}

/**
 * The audit trail of interception checks: insert-only, buffered and written with one insertMany
 * per interval (FerretDB does ~13k docs/s batched, ~750/s one by one), so a check never waits
 * on the database. Flushed on shutdown.
 */
@Injectable()
export class CheckLog implements OnModuleInit, BeforeApplicationShutdown {
  private readonly log = new Logger('SanctionsCheckLog');
  readonly collection: Collection<CheckLogEntry>;
  private buffer: CheckLogEntry[] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  written = 0;

  constructor(
    @InjectConnection() connection: Connection,
    @Inject(SANCTIONS_CONFIG) private readonly config: SanctionsConfig,
  ) {
    this.collection = connection.collection<CheckLogEntry>('sanctions_check_log') as unknown as Collection<CheckLogEntry>;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.checkLogFlushMs);
    this.timer.unref();
  }

  add(entry: Omit<CheckLogEntry, '_id' | 'at'>): string {
    const id = uuidv7();
    this.buffer.push({ _id: id, at: new Date(), ...entry });
    if (this.buffer.length >= this.config.checkLogBatch) void this.flush();
    return id;
  }

  /** Writes what is buffered (serialised: one insertMany at a time). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.buffer.length === 0) return;
      const batch = this.buffer;
      this.buffer = [];
      try {
        await this.collection.insertMany(batch, { ordered: false });
        this.written += batch.length;
      } catch (e) {
        // Keep what failed for the next flush; duplicates (11000) cannot happen with fresh UUIDv7 ids.
        this.log.warn(`check log flush failed (${batch.length} entries kept): ${(e as Error).message}`);
        this.buffer.unshift(...batch);
      }
    });
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
