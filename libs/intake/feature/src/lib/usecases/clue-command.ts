import type { Actor, EventEnvelope } from '@yrd/contracts';
import { Clue, refuse, type DomainError } from '@yrd/referral-domain';
import { clueNotFound, DomainErrorException } from '../http/domain-error.exception';
import { clueOwner, clueStreamId, type ClueStreams, type MetadataFactory } from '../ports/clue-streams';

/** An appended event as a command's answer shows it. */
export interface AppendedEvent {
  eventId: string;
  type: string;
  streamVersion: number;
  hash: string;
  prevHash: string | null;
}

export const appended = (events: readonly EventEnvelope[]): AppendedEvent[] =>
  events.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion, hash: e.hash, prevHash: e.prevHash }));

/**
 * Runs a command on an existing clue for the caller's bureau. A clue of another bureau (or none)
 * is a 404 either way, so its existence does not leak; the check runs inside the decision, on
 * the state the append is judged against.
 */
export async function decideOnClue(
  deps: { streams: ClueStreams; metadata: MetadataFactory },
  clueId: string,
  actor: Actor,
  now: Date,
  command: Clue.ClueCommand,
): Promise<{ state: Clue.ClueState; events: EventEnvelope[] }> {
  const outcome = await deps.streams.handle(
    clueStreamId(clueId),
    (state) =>
      clueOwner(state) === actor.bureau
        ? Clue.decide(command, state, now)
        : refuse('NOT_FOUND', `no clue ${clueId} in your bureau`),
    deps.metadata(actor, now),
  );
  if (!outcome.ok) throw toException(clueId, outcome.error);
  return { state: outcome.state, events: outcome.events };
}

function toException(clueId: string, error: DomainError): DomainErrorException {
  return error.code === 'NOT_FOUND' ? clueNotFound(clueId) : new DomainErrorException(error);
}
