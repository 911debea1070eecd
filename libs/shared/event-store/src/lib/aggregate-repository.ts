import type { EventEnvelope } from '@yrd/contracts';
import { chainEvents, emptyHead, headAfter, toDomainEvent, type DomainEvent, type EventMetadata, type EventSigner, type StreamHead } from '@yrd/event-log';
import type { CommitStore } from './commit-store';
import { ConcurrencyConflict } from './concurrency-conflict';
import type { OutboxRelay } from './outbox-relay';

/** What the repository needs of an aggregate: where it starts and how each event changes it. */
export interface AggregateDefinition<S, E extends DomainEvent> {
  initialState: () => S;
  evolve: (state: S, event: E) => S;
}

/** A decider's answer: the events to append (`value`) or why the command was refused. */
export type Decision<E, Err> = { readonly ok: true; readonly value: readonly E[] } | { readonly ok: false; readonly error: Err };

export type Outcome<S, Err> =
  | { ok: true; state: S; events: EventEnvelope[]; version: number }
  | { ok: false; error: Err; state: S; version: number };

interface Loaded<S> {
  state: S;
  head: StreamHead;
}

export interface AggregateRepositoryOptions {
  /** How many times to reload and decide again after losing a race. */
  maxConflictRetries?: number;
  /** Streams whose folded state is kept in memory; a stale entry only costs one conflict. */
  cacheSize?: number;
  /** Resolve only after the relay has published the commit (tests, strict callers). */
  awaitPublish?: boolean;
}

/**
 * Runs a decider against a stream: load (from cache or store), decide, chain and sign, append, relay.
 * Losing the insert race reloads and decides again, so two writers never both write version n
 * and the loser's command is judged against the winner's state.
 */
export class AggregateRepository<S, E extends DomainEvent> {
  private readonly cache = new Map<string, Loaded<S>>();
  private readonly opts: Required<AggregateRepositoryOptions>;

  constructor(
    private readonly store: CommitStore,
    private readonly relay: OutboxRelay,
    private readonly aggregate: AggregateDefinition<S, E>,
    /** The service's key: every appended event is signed with it. */
    private readonly signer: EventSigner,
    options: AggregateRepositoryOptions = {},
  ) {
    this.opts = { maxConflictRetries: options.maxConflictRetries ?? 8, cacheSize: options.cacheSize ?? 10000, awaitPublish: options.awaitPublish ?? false };
  }

  async load(streamId: string): Promise<Loaded<S>> {
    const cached = this.cache.get(streamId);
    if (cached) return cached;
    return this.fold(streamId, await this.store.readStream(streamId));
  }

  /** Decides on a stream nobody has written yet, without reading the store. */
  async create<Err>(streamId: string, decide: (state: S) => Decision<E, Err>, meta: EventMetadata): Promise<Outcome<S, Err>> {
    return this.run(streamId, decide, meta, { state: this.aggregate.initialState(), head: emptyHead(streamId) });
  }

  async handle<Err>(streamId: string, decide: (state: S) => Decision<E, Err>, meta: EventMetadata): Promise<Outcome<S, Err>> {
    return this.run(streamId, decide, meta, await this.load(streamId));
  }

  private async run<Err>(streamId: string, decide: (state: S) => Decision<E, Err>, meta: EventMetadata, start: Loaded<S>): Promise<Outcome<S, Err>> {
    let current = start;
    for (let attempt = 0; ; attempt++) {
      const decision = decide(current.state);
      if (!decision.ok) return { ok: false, error: decision.error, state: current.state, version: current.head.version };
      if (decision.value.length === 0) return { ok: true, state: current.state, events: [], version: current.head.version };
      const envelopes = chainEvents(current.head, decision.value, meta, this.signer);
      try {
        const commit = await this.store.append(envelopes);
        const next = this.remember(streamId, current.state, envelopes);
        const published = this.relay.relay(commit);
        if (this.opts.awaitPublish) await published;
        else published.catch(() => undefined); // the sweep retries; the commit is durable
        return { ok: true, state: next.state, events: envelopes, version: next.head.version };
      } catch (e) {
        this.cache.delete(streamId);
        if (!(e instanceof ConcurrencyConflict) || attempt >= this.opts.maxConflictRetries) throw e;
        current = this.fold(streamId, await this.store.readStream(streamId));
      }
    }
  }

  private fold(streamId: string, events: readonly EventEnvelope[]): Loaded<S> {
    const state = events.reduce((s, e) => this.aggregate.evolve(s, toDomainEvent<E>(e)), this.aggregate.initialState());
    return this.put(streamId, { state, head: headAfter(events, streamId) });
  }

  private remember(streamId: string, state: S, envelopes: readonly EventEnvelope[]): Loaded<S> {
    const next = envelopes.reduce((s, e) => this.aggregate.evolve(s, toDomainEvent<E>(e)), state);
    return this.put(streamId, { state: next, head: headAfter(envelopes, streamId) });
  }

  private put(streamId: string, loaded: Loaded<S>): Loaded<S> {
    this.cache.delete(streamId);
    this.cache.set(streamId, loaded);
    if (this.cache.size > this.opts.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    return loaded;
  }
}
