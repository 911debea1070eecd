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
  /** At most this many reloads after losing a race (default: as many as the budget allows). */
  maxConflictRetries?: number;
  /**
   * How long a command keeps reloading and deciding again after losing races (default 2000 ms);
   * past it the conflict goes to the caller (HTTP 409 with the current version).
   */
  conflictBudgetMs?: number;
  /** Full-jitter backoff between attempts: a random wait in [0, min(cap, base·2^attempt)). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
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
  /** The tail of each stream's queue of commands in this process. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly opts: Required<AggregateRepositoryOptions>;

  constructor(
    private readonly store: CommitStore,
    private readonly relay: OutboxRelay,
    private readonly aggregate: AggregateDefinition<S, E>,
    /** The service's key: every appended event is signed with it. */
    private readonly signer: EventSigner,
    options: AggregateRepositoryOptions = {},
  ) {
    this.opts = {
      maxConflictRetries: options.maxConflictRetries ?? Number.POSITIVE_INFINITY,
      conflictBudgetMs: options.conflictBudgetMs ?? 2000,
      backoffBaseMs: options.backoffBaseMs ?? 4,
      backoffCapMs: options.backoffCapMs ?? 250,
      cacheSize: options.cacheSize ?? 10000,
      awaitPublish: options.awaitPublish ?? false,
    };
  }

  async load(streamId: string): Promise<Loaded<S>> {
    const cached = this.cache.get(streamId);
    if (cached) return cached;
    return this.fold(streamId, await this.store.readStream(streamId));
  }

  /** Decides on a stream nobody has written yet, without reading the store. */
  async create<Err>(streamId: string, decide: (state: S) => Decision<E, Err>, meta: EventMetadata): Promise<Outcome<S, Err>> {
    return this.serially(streamId, () => this.run(streamId, decide, meta, { state: this.aggregate.initialState(), head: emptyHead(streamId) }));
  }

  async handle<Err>(streamId: string, decide: (state: S) => Decision<E, Err>, meta: EventMetadata): Promise<Outcome<S, Err>> {
    return this.serially(streamId, async () => this.run(streamId, decide, meta, await this.load(streamId)));
  }

  /**
   * Commands on one stream in this process run one after the other, each on the state the last
   * one left in the cache: they cannot lose a race to each other, only to another instance.
   */
  private serially<T>(streamId: string, command: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(streamId) ?? Promise.resolve();
    const result = previous.then(command, command);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(streamId, tail);
    void tail.then(() => {
      if (this.queues.get(streamId) === tail) this.queues.delete(streamId);
    });
    return result;
  }

  /**
   * A commutative fact about the aggregate (an audience bureau's acknowledgement, the custody
   * record of one read): decided against the aggregate's state, but appended as the first version
   * of a stream of its own (`factStreamId`, one per fact or per actor), so facts that may happen
   * together never race for the aggregate's next version. Each fact stream is a hash chain of its
   * own. If that stream exists already the fact is recorded: nothing is added (events `[]`).
   * The aggregate's state is not changed by the fact. A refusal on a cached state is checked once
   * more against the store (another instance may have changed what the cache says).
   */
  async recordFact<Err>(streamId: string, factStreamId: string, decide: (state: S) => Decision<E, Err>, meta: EventMetadata): Promise<Outcome<S, Err>> {
    const wasCached = this.cache.has(streamId);
    let { state, head } = await this.load(streamId);
    let decision = decide(state);
    if (!decision.ok && wasCached) {
      ({ state, head } = this.fold(streamId, await this.store.readStream(streamId)));
      decision = decide(state);
    }
    if (!decision.ok) return { ok: false, error: decision.error, state, version: head.version };
    if (decision.value.length === 0) return { ok: true, state, events: [], version: head.version };
    const envelopes = chainEvents(emptyHead(factStreamId), decision.value, meta, this.signer);
    try {
      const commit = await this.store.append(envelopes);
      const published = this.relay.relay(commit);
      if (this.opts.awaitPublish) await published;
      else published.catch(() => undefined);
      return { ok: true, state, events: envelopes, version: head.version };
    } catch (e) {
      if (e instanceof ConcurrencyConflict) return { ok: true, state, events: [], version: head.version };
      throw e;
    }
  }

  /** The facts recorded with {@link recordFact} on streams whose id starts with `prefix`. */
  async facts(prefix: string): Promise<EventEnvelope[]> {
    return this.store.readStreamsStartingWith(prefix);
  }

  private async run<Err>(streamId: string, decide: (state: S) => Decision<E, Err>, meta: EventMetadata, start: Loaded<S>): Promise<Outcome<S, Err>> {
    let current = start;
    const giveUpAt = Date.now() + this.opts.conflictBudgetMs;
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
        if (!(e instanceof ConcurrencyConflict)) throw e;
        // Full jitter: the losers of one race spread out instead of colliding again in lockstep.
        const wait = Math.random() * Math.min(this.opts.backoffCapMs, this.opts.backoffBaseMs * 2 ** attempt);
        if (attempt >= this.opts.maxConflictRetries || Date.now() + wait >= giveUpAt) {
          const now = await this.store.readStream(streamId).then((events) => headAfter(events, streamId).version, () => undefined);
          throw new ConcurrencyConflict(streamId, current.head.version, now);
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
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
