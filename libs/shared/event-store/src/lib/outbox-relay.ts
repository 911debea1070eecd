import type { CommitDocument } from './commit';
import type { CommitStore } from './commit-store';
import type { EventSink } from './event-sink';

export interface OutboxRelayOptions {
  /** How often to look for commits a crashed process left unpublished. */
  sweepIntervalMs?: number;
  /** A commit younger than this is assumed to be in a live relay's hands. */
  sweepGraceMs?: number;
  maxBatch?: number;
  /** Published commits are marked in the store in batches, off the publishing path. */
  markIntervalMs?: number;
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
  private toMark: string[] = [];
  private markTimer: NodeJS.Timeout | null = null;
  private marking: Promise<void> = Promise.resolve();
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
      markIntervalMs: options.markIntervalMs ?? 1000,
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

  /** Hands a fresh commit to the relay; resolves when the broker has acknowledged it. */
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
    await this.flushMarks();
    return fresh.length;
  }

  /** Stops sweeping and waits for everything queued to be published. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.draining) await this.draining;
    await this.flushMarks();
  }

  /** Marks everything published so far (one store round-trip for many commits). */
  async flushMarks(): Promise<void> {
    if (this.markTimer) clearTimeout(this.markTimer);
    this.markTimer = null;
    const ids = this.toMark;
    this.toMark = [];
    const previous = this.marking;
    this.marking = previous.then(() => this.store.markPublished(ids)).catch((e) => {
      // Unmarked commits are merely published again by a later sweep.
      this.opts.onError(e);
    });
    await this.marking;
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
        this.toMark.push(...batch.map((p) => p.commit._id));
        this.markTimer ??= setTimeout(() => void this.flushMarks(), this.opts.markIntervalMs);
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
