import type { EventEnvelope } from '@yrd/contracts';
import type { DomainEvent } from './new-events';

/** The domain event an envelope carries, for `evolve`. */
export function toDomainEvent<E extends DomainEvent>(envelope: EventEnvelope): E {
  return { type: envelope.type, data: envelope.payload } as unknown as E;
}
