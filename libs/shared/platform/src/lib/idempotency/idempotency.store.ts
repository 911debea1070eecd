import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';

/** The answer a request with a key got, replayed to every retry with that key. */
export interface StoredAnswer {
  status: number;
  body: unknown;
  location?: string;
}

interface ClaimDocument {
  _id: string;
  fingerprint: string;
  createdAt: Date;
}

interface AnswerDocument {
  _id: string;
  status: number;
  /** JSON text: an answer's keys may be anything, a stored document's may not. */
  bodyJson: string;
  location?: string;
  createdAt: Date;
}

export type Claim = { kind: 'claimed' } | { kind: 'taken'; fingerprint: string };

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';

const answerId = (id: string) => `${id}:answer`;

/**
 * Idempotency keys on the store of record, insert-only (FerretDB v1 makes only inserts atomic):
 * inserting the claim `_id` decides which request runs, on whichever instance, across restarts;
 * the runner later inserts the answer next to it. Old records are removed by
 * {@link IdempotencyExpiry} (FerretDB has no TTL indexes).
 */
@Injectable()
export class IdempotencyStore {
  private readonly claims: Collection<ClaimDocument>;
  private readonly answers: Collection<AnswerDocument>;
  /** Requests of this process still running, so a duplicate here waits for the answer without polling. */
  private readonly running = new Map<string, Promise<StoredAnswer | undefined>>();

  constructor(@InjectConnection() connection: Connection) {
    this.claims = connection.collection<ClaimDocument>(IDEMPOTENCY_COLLECTION) as unknown as Collection<ClaimDocument>;
    this.answers = this.claims as unknown as Collection<AnswerDocument>;
  }

  async claim(id: string, fingerprint: string, now = new Date()): Promise<Claim> {
    try {
      await this.claims.insertOne({ _id: id, fingerprint, createdAt: now });
      return { kind: 'claimed' };
    } catch (e) {
      if ((e as { code?: unknown }).code !== 11000) throw e;
      const existing = await this.claims.findOne({ _id: id });
      // Released between our insert and this read: the caller may simply try again.
      return existing ? { kind: 'taken', fingerprint: existing.fingerprint } : { kind: 'taken', fingerprint };
    }
  }

  /** Marks a claimed request as running here; `settle` with its answer (or none) when it ends. */
  startRunning(id: string): (answer: StoredAnswer | undefined) => void {
    let settle: (answer: StoredAnswer | undefined) => void = () => undefined;
    this.running.set(
      id,
      new Promise((resolve) => {
        settle = resolve;
      }),
    );
    return (answer) => {
      this.running.delete(id);
      settle(answer);
    };
  }

  async answer(id: string, answer: StoredAnswer, now = new Date()): Promise<void> {
    await this.answers.insertOne({
      _id: answerId(id),
      status: answer.status,
      bodyJson: JSON.stringify(answer.body ?? null),
      ...(answer.location ? { location: answer.location } : {}),
      createdAt: now,
    });
  }

  /** Gives the key back (the request failed on the server's side): a retry runs it again. */
  async release(id: string): Promise<void> {
    await this.claims.deleteOne({ _id: id });
  }

  async find(id: string): Promise<StoredAnswer | undefined> {
    const doc = await this.answers.findOne({ _id: answerId(id) });
    return doc ? { status: doc.status, body: JSON.parse(doc.bodyJson) as unknown, ...(doc.location ? { location: doc.location } : {}) } : undefined;
  }

  /**
   * The answer of a request with this key, waiting up to `withinMs` for one still running (here:
   * until it ends; elsewhere: polling with growing pauses). `undefined` if it is still running.
   */
  async awaitAnswer(id: string, withinMs: number): Promise<StoredAnswer | undefined> {
    const local = this.running.get(id);
    if (local) return Promise.race([local, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), withinMs).unref())]);
    const until = Date.now() + withinMs;
    for (let pause = 25; ; pause = Math.min(pause * 2, 400)) {
      const found = await this.find(id);
      if (found || Date.now() + pause > until) return found;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** Removes the records of keys older than `before` (both the claim and its answer carry `createdAt`). */
  async expire(before: Date): Promise<number> {
    const { deletedCount } = await this.claims.deleteMany({ createdAt: { $lt: before } });
    return deletedCount;
  }
}
