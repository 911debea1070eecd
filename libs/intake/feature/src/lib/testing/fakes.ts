import type { Actor, EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureSigner, emptyHead, headAfter, toDomainEvent, type EventMetadata } from '@yrd/event-log';
import type { Decision, Outcome } from '@yrd/event-store';
import { Clue, type DomainError } from '@yrd/referral-domain';
import type { Clock, ClueHistory, ClueStreams, MetadataFactory } from '../ports/clue-streams';
import type { ClueReferralDoc, ClueViewDoc } from '../views/clue-view';
import { type ClueListFilter, type ClueViewReader, type ClueViewWriter } from '../views/clue-view.store';
import type { Scoped } from '@yrd/auth';

/** In-memory clue streams with real sealed envelopes (hash chains), for use-case tests. */
export class FakeClueStreams implements ClueStreams, ClueHistory {
  readonly streams = new Map<string, EventEnvelope[]>();

  create(
    streamId: string,
    decide: (s: Clue.ClueState) => Decision<Clue.ClueEvent, DomainError>,
    meta: EventMetadata,
  ): Promise<Outcome<Clue.ClueState, DomainError>> {
    return this.handle(streamId, decide, meta);
  }

  async handle(
    streamId: string,
    decide: (s: Clue.ClueState) => Decision<Clue.ClueEvent, DomainError>,
    meta: EventMetadata,
  ): Promise<Outcome<Clue.ClueState, DomainError>> {
    const existing = this.streams.get(streamId) ?? [];
    const state = existing.reduce((s, e) => Clue.evolve(s, toDomainEvent<Clue.ClueEvent>(e)), Clue.initialState);
    const decision = decide(state);
    if (!decision.ok) return { ok: false, error: decision.error, state, version: existing.length };
    const head = existing.length ? headAfter(existing, streamId) : emptyHead(streamId);
    const events = chainEvents(head, decision.value, meta, fixtureSigner('case-intake'));
    this.streams.set(streamId, [...existing, ...events]);
    const next = events.reduce((s, e) => Clue.evolve(s, toDomainEvent<Clue.ClueEvent>(e)), state);
    return { ok: true, state: next, events, version: existing.length + events.length };
  }

  async readStream(streamId: string): Promise<EventEnvelope[]> {
    return this.streams.get(streamId) ?? [];
  }

  appendedCount(): number {
    return [...this.streams.values()].reduce((n, s) => n + s.length, 0);
  }
}

export const fakeMetadata: MetadataFactory = (actor: Actor, now: Date) => ({
  actor,
  correlationId: 'test-correlation',
  causationId: null,
  now,
});

export class FakeClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return this.current;
  }
}

/** In-memory views; `list` honours scope, status, referred, caseNumber, before and limit. */
export class FakeClueViews implements ClueViewReader, ClueViewWriter {
  readonly views = new Map<string, ClueViewDoc>();
  readonly referrals = new Map<string, ClueReferralDoc>();

  async get(id: string) {
    return this.views.get(id) ?? null;
  }
  async put(doc: ClueViewDoc) {
    this.views.set(doc._id, structuredClone(doc));
  }
  async getReferral(id: string) {
    return this.referrals.get(id) ?? null;
  }
  async putReferral(doc: ClueReferralDoc) {
    this.referrals.set(doc._id, structuredClone(doc));
  }
  async list(q: Scoped<ClueListFilter>) {
    return [...this.views.values()]
      .filter((v) => v.version >= 1)
      .filter((v) => q.scope === undefined || v.bureau === q.scope)
      .filter((v) => !q.status || v.status === q.status)
      .filter((v) => q.referred === undefined || v.referred === q.referred)
      .filter((v) => !q.caseNumber || v.case?.caseNumber === q.caseNumber)
      .filter((v) => !q.before || v._id < q.before)
      .sort((a, b) => (a._id < b._id ? 1 : -1))
      .slice(0, q.limit);
  }
  async referralsOf(ids: readonly string[]) {
    return new Map([...this.referrals.values()].filter((r) => ids.includes(r.clueId)).map((r) => [r.clueId, r]));
  }
}
