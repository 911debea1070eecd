import type { EventEnvelope } from '@yrd/contracts';
import { toDomainEvent, type DomainEvent } from '@yrd/event-log';
import { Assistance, Clue, JointAction, Referral } from '@yrd/referral-domain';

/** The live read model a service keeps for an aggregate, and the fields the audit compares. */
export interface ProjectionSpec {
  collection: string;
  /** The document `_id` for a stream. */
  idOf(streamId: string): string;
  /** The status the read model must show for a folded state (null: no document expected). */
  expectedStatus(state: unknown): string | null;
}

/**
 * An aggregate the audit rebuilds with the services' own `evolve`. The stream id prefix names it
 * (`referral-<id>`; note `joint-action-<id>` has a dash in its kind).
 */
export interface AggregateSpec {
  kind: string;
  prefix: string;
  initialState(): unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
  statusOf(state: unknown): string;
  projection?: ProjectionSpec;
}

const statusOf = (state: unknown): string => (state as { status: string }).status;
const stripPrefix = (prefix: string) => (streamId: string) => streamId.slice(prefix.length);
const unlessNone = (map: Record<string, string> = {}) => (state: unknown): string | null => {
  const status = statusOf(state);
  return status === 'none' ? null : (map[status] ?? status);
};

function spec<S, E extends DomainEvent>(kind: string, initialState: S, evolve: (s: S, e: E) => S, projection?: ProjectionSpec): AggregateSpec {
  return {
    kind,
    prefix: `${kind}-`,
    initialState: () => initialState,
    evolve: (state, event) => evolve(state as S, event as E),
    statusOf,
    projection,
  };
}

/** Read models written by case-intake (`clue_views`) and clue-transfer (`referral_inbox`). */
export const CLUE_VIEWS = 'clue_views';
export const REFERRAL_INBOX = 'referral_inbox';

export const AGGREGATES: readonly AggregateSpec[] = [
  spec('clue', Clue.initialState, Clue.evolve, {
    collection: CLUE_VIEWS,
    idOf: stripPrefix('clue-'),
    // The clue view says `referred` where the aggregate says `routed`.
    expectedStatus: unlessNone({ routed: 'referred' }),
  }),
  spec('referral', Referral.initialState, Referral.evolve, { collection: REFERRAL_INBOX, idOf: stripPrefix('referral-'), expectedStatus: unlessNone() }),
  spec('assistance', Assistance.initialState, Assistance.evolve),
  spec('joint-action', JointAction.initialState, JointAction.evolve),
];

/** The aggregate a stream belongs to, by the longest matching prefix. */
export function aggregateOf(streamId: string, aggregates: readonly AggregateSpec[] = AGGREGATES): AggregateSpec | undefined {
  let best: AggregateSpec | undefined;
  for (const a of aggregates) if (streamId.startsWith(a.prefix) && (!best || a.prefix.length > best.prefix.length)) best = a;
  return best;
}

/**
 * A stream folded event by event: its state, the version reached and, per version, the hash of
 * the content actually read (recomputed, so a payload altered without re-sealing still differs).
 * Streams of no rebuilt aggregate (evidence, bulletins…) keep only versions and hashes.
 */
export interface StreamFold {
  aggregate: AggregateSpec | null;
  state: unknown;
  version: number;
  /** `hashes[v - 1]` for version v; undefined where a version was never read. */
  hashes: Array<string | undefined>;
}

export function startFold(aggregate: AggregateSpec | null): StreamFold {
  return { aggregate, state: aggregate ? aggregate.initialState() : null, version: 0, hashes: [] };
}

/** The folded state's status, or null for a stream of no rebuilt aggregate. */
export const foldStatus = (fold: StreamFold): string | null => (fold.aggregate ? fold.aggregate.statusOf(fold.state) : null);

export function foldEvent(fold: StreamFold, envelope: EventEnvelope, contentHash: string): void {
  if (fold.aggregate) fold.state = fold.aggregate.evolve(fold.state, toDomainEvent(envelope));
  fold.version = Math.max(fold.version, envelope.streamVersion);
  fold.hashes[envelope.streamVersion - 1] = contentHash;
}
