import type { Collection } from 'mongoose';
import type { CommitDocument } from './commit';
import { CommitRefused, isServerRefusal } from './commit-refused';
import { ConcurrencyConflict, isDuplicateKeyError } from './concurrency-conflict';

interface Waiting {
  commit: CommitDocument;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface WriteError {
  index: number;
  code?: number;
  err?: { code?: number };
}

/**
 * Coalesces the commits of concurrent commands into one unordered `insertMany`: FerretDB v1
 * inserts ~750 single documents/s but >10k/s in batches. Each commit still succeeds or fails on
 * its own `_id`, so the insert-only concurrency rule is unchanged, and one commit the database
 * refuses fails alone: a batch refused as a whole is split in halves until the refused commit
 * stands alone (the others are written), so no command fails for another's data.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly commits: Collection<CommitDocument>,
    private readonly maxBatch = 1000,
  ) {}

  insert(commit: CommitDocument): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ commit, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      await this.write(batch, false).catch((e: unknown) => batch.forEach((w) => w.reject(e)));
    }
    this.flushing = false;
  }

  /**
   * `retried`: the batch (or part of it) was sent before and refused as a whole, so a commit may
   * already be in; a duplicate `_id` is then ours if it holds our events.
   */
  private async write(batch: Waiting[], retried: boolean): Promise<void> {
    try {
      await this.commits.insertMany(
        batch.map((w) => w.commit),
        { ordered: false },
      );
      batch.forEach((w) => w.resolve());
      return;
    } catch (e) {
      const writeErrors = (e as { writeErrors?: WriteError[] }).writeErrors;
      if (Array.isArray(writeErrors) && writeErrors.length > 0) return this.settle(batch, writeErrors, retried);
      if (!isServerRefusal(e)) throw e; // lost connection, timeout: nothing to isolate, every writer is told
      if (batch.length === 1) return this.settleAlone(batch[0], e, retried);
      // One half after the other: the rare failure path, kept off the database's locks.
      const half = Math.ceil(batch.length / 2);
      await this.write(batch.slice(0, half), true);
      await this.write(batch.slice(half), true);
    }
  }

  /** Unordered insert: the commits not named in `writeErrors` are in. */
  private async settle(batch: Waiting[], writeErrors: WriteError[], retried: boolean): Promise<void> {
    const failedAt = new Map(writeErrors.map((w) => [w.index, w] as const));
    const suspects: Waiting[] = [];
    await Promise.all(
      batch.map(async (w, i) => {
        const error = failedAt.get(i);
        if (error === undefined) w.resolve();
        else if (isDuplicateKeyError(error)) await this.settleDuplicate(w, retried);
        else if (batch.length === 1) w.reject(new CommitRefused(w.commit.streamId, error));
        else suspects.push(w);
      }),
    );
    // Named by the server, but confirmed alone before the command is failed for its data.
    for (const w of suspects) await this.write([w], true).catch((e: unknown) => w.reject(e));
  }

  private async settleAlone(w: Waiting, error: unknown, retried: boolean): Promise<void> {
    if (isDuplicateKeyError(error)) return this.settleDuplicate(w, retried);
    w.reject(new CommitRefused(w.commit.streamId, error));
  }

  private async settleDuplicate(w: Waiting, retried: boolean): Promise<void> {
    if (retried) {
      const stored = await this.commits.findOne({ _id: w.commit._id });
      if (stored?.events[0]?.eventId === w.commit.events[0]?.eventId) return w.resolve();
    }
    w.reject(new ConcurrencyConflict(w.commit.streamId, w.commit.firstVersion - 1));
  }
}
