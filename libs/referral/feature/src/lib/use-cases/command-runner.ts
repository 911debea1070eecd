import type { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import type { Decision } from '@yrd/event-store';
import type { DomainEvent } from '@yrd/event-log';
import type { StreamRepository } from '../repositories';
import type { DomainError } from '@yrd/referral-domain';
import type { Principal } from '@yrd/auth';
import { DomainRefusal } from '../errors';

/** What a successful command answers: the new state and stream version (views follow shortly). */
export interface CommandResult<S> {
  id: string;
  streamId: string;
  version: number;
  state: S;
  events: Array<{ eventId: string; type: string; streamVersion: number; hash: string }>;
}

export const actorOf = (principal: Principal, bureau: string = principal.bureau): Actor => ({
  userId: principal.sub,
  bureau,
  role: principal.role,
});

/** Runs a decision on a stream; a refusal becomes a `DomainRefusal` (→ 4xx, nothing appended). */
export async function runCommand<S, E extends DomainEvent>(
  backbone: EventBackbone,
  repo: StreamRepository<S, E>,
  target: { id: string; streamId: string; create?: boolean },
  actor: Actor,
  decide: (state: S) => Decision<E, DomainError>,
): Promise<CommandResult<S>> {
  const meta = backbone.metadata(actor);
  const outcome = target.create ? await repo.create(target.streamId, decide, meta) : await repo.handle(target.streamId, decide, meta);
  if (!outcome.ok) throw new DomainRefusal(outcome.error);
  return {
    id: target.id,
    streamId: target.streamId,
    version: outcome.version,
    state: outcome.state,
    events: outcome.events.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion, hash: e.hash })),
  };
}
