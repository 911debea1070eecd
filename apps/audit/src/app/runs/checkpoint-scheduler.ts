import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { AuditReplay, Checkpointer } from '@yrd/audit-feature';
import { AUDIT_CHECKPOINTER, AUDIT_REPLAY } from './audit.tokens';

export const CHECKPOINT_POLL_MS = Symbol('CHECKPOINT_POLL_MS');

/** Looks every AUDIT_CHECKPOINT_POLL_MS whether a checkpoint is due, and notarizes it. */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(CheckpointScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(AUDIT_CHECKPOINTER) private readonly checkpointer: Checkpointer | null,
    @Inject(AUDIT_REPLAY) private readonly replay: AuditReplay,
    @Inject(CHECKPOINT_POLL_MS) private readonly pollMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.checkpointer || this.pollMs === 0) {
      this.log.warn('event-log checkpoints are off (set AUDIT_NOTARY_URL + AUDIT_NOTARY_PUBLIC_KEYS, and AUDIT_CHECKPOINT_POLL_MS > 0)');
      return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule());
    }, this.pollMs);
  }

  async tick(force = false): Promise<number> {
    if (!this.checkpointer) return 0;
    try {
      const created = await this.checkpointer.runOnce(await this.replay.eventTopics(), { force, groupId: this.replay.groupId('checkpoint', uuidv7()) });
      if (created.length > 0) this.log.log(`notarized ${created.length} checkpoint(s): ${created.map((c) => `${c.claim.topic}/${c.claim.partition}@${c.claim.fromOffset}..${c.claim.toOffset}`).join(', ')}`);
      return created.length;
    } catch (e) {
      this.log.warn(`checkpoint failed, will retry: ${(e as Error).message}`);
      return 0;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
