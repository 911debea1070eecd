import type { CommitDocument } from './commit';
import type { CommitStore } from './commit-store';
import type { EventSink } from './event-sink';

export interface OutboxRelayOptions {
  /** How often to look for commits a crashed process left unpublished. */
  sweepIntervalMs?: number;
  /** A commit younger than this is assumed to be in a live relay's hands. */
  sweepGraceMs?: number;
  maxBatch?: number;
  /** Test seam: runs after publishing and before marking, so a test can crash the relay there. */
  afterPublish?: (commits: readonly CommitDocument[]) => Promise<void> | void;
  onError?: (error: unknown) => void;
}

interface Pending {
  commit: CommitDocument;
  done: Array<(error?: unknown) => void>;
}

/**
 * Publishes committed events to Kafka in commit order, then marks their commits published.
 * A crash after publishing and before marking means a re-publish by the sweep, which consumers
 * ignore by event id; it never means a lost event.
 */
export class OutboxRelay {
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Set<string>();
  private draining: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly opts: Required<Omit<OutboxRelayOptions, 'afterPublish'>> & Pick<OutboxRelayOptions, 'afterPublish'>;

  constructor(
    private readonly store: CommitStore,
    private readonly sink: EventSink,
    options: OutboxRelayOptions = {},
  ) {
    this.opts = {
      sweepIntervalMs: options.sweepIntervalMs ?? 5000,
      sweepGraceMs: options.sweepGraceMs ?? 10000,
      maxBatch: options.maxBatch ?? 500,
      afterPublish: options.afterPublish,
      onError: options.onError ?? (() => undefined),
    };
  }

  /** Starts the periodic sweep, beginning with one right away for what a previous run left. */
  start(): void {
    this.stopped = false;
    const tick = () => {
      this.sweep()
        .catch(this.opts.onError)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.opts.sweepIntervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Hands a fresh commit to the relay; resolves when it is published and marked. */
  relay(commit: CommitDocument): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ commit, done: [(e) => (e ? reject(e) : resolve())] });
      this.inFlight.add(commit._id);
      this.kick();
    });
  }

  /** Re-publishes commits that stayed unpublished longer than the grace period. */
  async sweep(graceMs = this.opts.sweepGraceMs): Promise<number> {
    const leftovers = await this.store.findUnpublished(new Date(Date.now() - graceMs), this.opts.maxBatch * 4);
    const fresh = leftovers.filter((c) => !this.inFlight.has(c._id));
    await Promise.all(fresh.map((c) => this.relay(c)));
    return fresh.length;
  }

  /** Stops sweeping and waits for everything queued to be published. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.draining) await this.draining;
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      try {
        await this.sink.publish(batch.flatMap((p) => p.commit.events));
        await this.opts.afterPublish?.(batch.map((p) => p.commit));
        await this.store.markPublished(batch.map((p) => p.commit._id));
        batch.forEach((p) => p.done.forEach((d) => d()));
      } catch (error) {
        // Left unpublished in the store: the sweep publishes it again later.
        this.opts.onError(error);
        batch.forEach((p) => p.done.forEach((d) => d(error)));
      } finally {
        batch.forEach((p) => this.inFlight.delete(p.commit._id));
      }
    }
  }
}
