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
  /** Handed over by the sweep, which publishes held streams in order. */
  sweep: boolean;
}

/** Rejects a commit of a stream whose earlier commit is still unpublished. */
export class HeldBack extends Error {
  constructor(readonly commitId: string) {
    super(`commit ${commitId} held back behind an unpublished commit of its stream; the sweep publishes them in order`);
    this.name = 'HeldBack';
  }
}

function streamOrder(a: CommitDocument, b: CommitDocument): number {
  return a.committedAt.getTime() - b.committedAt.getTime() || a.streamId.localeCompare(b.streamId) || a.firstVersion - b.firstVersion;
}

/**
 * Publishes committed events to Kafka in commit order, then marks their commits published.
 * A crash after publishing and before marking means a re-publish by the sweep, which consumers
 * ignore by event id; it never means a lost event.
 *
 * A stream's events must reach Kafka in version order (consumers apply only the next link), so
 * once a commit fails to publish its stream is held: later commits of it are not published live
 * but left to the sweep, which publishes the stream's unpublished commits in version order and
 * then releases it.
 */
export class OutboxRelay {
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Set<string>();
  /** Streams with an unpublished commit, and their commits refused meanwhile. */
  private readonly held = new Map<string, CommitDocument[]>();
  private firstSweep = true;
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

  /**
   * Starts the periodic sweep, beginning with one right away for what a previous run left (all
   * of it, however young: a crashed run's last commits must not be overtaken by this run's).
   */
  start(): void {
    this.stopped = false;
    const tick = () => {
      const grace = this.firstSweep ? 0 : this.opts.sweepGraceMs;
      this.firstSweep = false;
      this.sweep(grace)
        .catch(this.opts.onError)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.opts.sweepIntervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /**
   * Hands a fresh commit to the relay; resolves when the broker has acknowledged it, rejects
   * (HeldBack) when its stream is held — it is then the sweep's.
   */
  relay(commit: CommitDocument): Promise<void> {
    return this.enqueue(commit, false);
  }

  /**
   * Re-publishes commits that stayed unpublished longer than the grace period, and every
   * unpublished commit of a held stream (in version order), releasing the streams it completed.
   */
  async sweep(graceMs = this.opts.sweepGraceMs): Promise<number> {
    const cutoff = Date.now() - graceMs;
    const heldStreams = [...this.held.keys()];
    const found = await this.store.findUnpublished(new Date(heldStreams.length > 0 ? Date.now() : cutoff), this.opts.maxBatch * 4);
    const byId = new Map<string, CommitDocument>();
    for (const c of found) if (c.committedAt.getTime() < cutoff || this.held.has(c.streamId)) byId.set(c._id, c);
    for (const s of heldStreams) for (const c of this.held.get(s) ?? []) byId.set(c._id, c);
    const fresh = [...byId.values()].filter((c) => !this.inFlight.has(c._id)).sort(streamOrder);
    const results = await Promise.allSettled(fresh.map((c) => this.enqueue(c, true)));
    const failed = new Set(fresh.filter((_, i) => results[i]?.status === 'rejected').map((c) => c.streamId));
    for (const s of heldStreams) {
      if (failed.has(s)) continue;
      // Commits refused while this sweep ran are published by the next one; release only when none are left.
      const left = (this.held.get(s) ?? []).filter((c) => !byId.has(c._id));
      if (left.length === 0) this.held.delete(s);
      else this.held.set(s, left);
    }
    await this.flushMarks();
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) throw rejected.reason;
    return fresh.length;
  }

  private enqueue(commit: CommitDocument, sweep: boolean): Promise<void> {
    if (!sweep && this.hold(commit)) return Promise.reject(new HeldBack(commit._id));
    return new Promise((resolve, reject) => {
      this.queue.push({ commit, sweep, done: [(e) => (e ? reject(e) : resolve())] });
      this.inFlight.add(commit._id);
      this.kick();
    });
  }

  /** Keeps a live commit of a held stream for the sweep; false when its stream is not held. */
  private hold(commit: CommitDocument): boolean {
    const held = this.held.get(commit.streamId);
    if (!held) return false;
    if (!held.some((c) => c._id === commit._id)) held.push(commit);
    return true;
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
      const taken = this.queue.splice(0, this.opts.maxBatch);
      // A live commit queued behind one that has just failed waits for the sweep too.
      const batch = taken.filter((p) => p.sweep || !this.hold(p.commit));
      for (const p of taken) {
        if (batch.includes(p)) continue;
        this.inFlight.delete(p.commit._id);
        p.done.forEach((d) => d(new HeldBack(p.commit._id)));
      }
      if (batch.length === 0) continue;
      try {
        await this.sink.publish(batch.flatMap((p) => p.commit.events));
        await this.opts.afterPublish?.(batch.map((p) => p.commit));
        this.toMark.push(...batch.map((p) => p.commit._id));
        this.markTimer ??= setTimeout(() => void this.flushMarks(), this.opts.markIntervalMs);
        batch.forEach((p) => p.done.forEach((d) => d()));
      } catch (error) {
        // Left unpublished in the store: the sweep publishes it again later, and its stream waits.
        this.opts.onError(error);
        for (const p of batch) {
          const held = this.held.get(p.commit.streamId) ?? [];
          if (!held.some((c) => c._id === p.commit._id)) held.push(p.commit);
          this.held.set(p.commit.streamId, held);
        }
        batch.forEach((p) => p.done.forEach((d) => d(error)));
      } finally {
        batch.forEach((p) => this.inFlight.delete(p.commit._id));
      }
    }
  }
}
