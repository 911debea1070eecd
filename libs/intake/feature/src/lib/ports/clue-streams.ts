import type { Actor, EventEnvelope } from '@yrd/contracts';
import type { EventMetadata } from '@yrd/event-log';
import type { Decision, Outcome } from '@yrd/event-store';
import { Clue, type DomainError } from '@yrd/referral-domain';

/** Clue streams are `clue-<uuidv7>`; the view and the API use the bare UUIDv7 as the clue id. */
export const CLUE_STREAM_PREFIX = 'clue-';
export const clueStreamId = (clueId: string): string => `${CLUE_STREAM_PREFIX}${clueId}`;

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const isClueId = (id: string): boolean => UUID_V7.test(id);

/** What the event store's repository must give the use cases (`AggregateRepository` fits). */
export interface ClueStreams {
  create(
    streamId: string,
    decide: (state: Clue.ClueState) => Decision<Clue.ClueEvent, DomainError>,
    meta: EventMetadata,
  ): Promise<Outcome<Clue.ClueState, DomainError>>;
  handle(
    streamId: string,
    decide: (state: Clue.ClueState) => Decision<Clue.ClueEvent, DomainError>,
    meta: EventMetadata,
  ): Promise<Outcome<Clue.ClueState, DomainError>>;
}

/** The commit store, read-only: a stream's sealed events (with hashes) in order. */
export interface ClueHistory {
  readStream(streamId: string): Promise<EventEnvelope[]>;
}

/** Builds event metadata (actor, correlation id, time) for a command. */
export type MetadataFactory = (actor: Actor, now: Date) => EventMetadata;

export interface Clock {
  now(): Date;
}

export const CLUE_STREAMS = Symbol('CLUE_STREAMS');
export const CLUE_HISTORY = Symbol('CLUE_HISTORY');
export const EVENT_METADATA = Symbol('EVENT_METADATA');
export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** The aggregate definition the repository folds clue streams with. */
export const clueAggregate = {
  initialState: (): Clue.ClueState => Clue.initialState,
  evolve: Clue.evolve,
};

/** The bureau a clue belongs to (the one allowed to act on it and read it), if it exists. */
export function clueOwner(state: Clue.ClueState): string | undefined {
  switch (state.status) {
    case 'none':
      return undefined;
    case 'submitted':
    case 'routed':
      return state.discoveringBureau;
    case 'checking':
    case 'case-opened':
    case 'declined':
      return state.bureau;
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}
