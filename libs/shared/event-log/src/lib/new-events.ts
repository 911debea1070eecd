import { v7 as uuidv7 } from 'uuid';
import type { Actor, EventEnvelope } from '@yrd/contracts';
import { seal } from './event-hash';
import type { EventSigner } from './event-signer';
import type { StreamHead } from './stream-head';

/** What a decider produces: a type and its data; the envelope (with `data` as payload) is added here. */
export interface DomainEvent<T extends string = string, D extends object = object> {
  type: T;
  data: D;
  schemaVersion?: number;
}

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** Passed in rather than read from the clock so event creation stays deterministic in tests. */
  now: Date;
}

/**
 * Wraps domain events in envelopes that continue the stream's hash chain from `head`, each
 * signed by the producing service.
 */
export function chainEvents(head: StreamHead, events: readonly DomainEvent[], meta: EventMetadata, signer: EventSigner): EventEnvelope[] {
  const sealed: EventEnvelope[] = [];
  let prevHash = head.lastHash;
  events.forEach((event, i) => {
    const envelope = seal({
      eventId: uuidv7({ msecs: meta.now.getTime() }),
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      streamId: head.streamId,
      streamVersion: head.version + i + 1,
      occurredAt: meta.now.toISOString(),
      actor: meta.actor,
      correlationId: meta.correlationId,
      causationId: meta.causationId,
      payload: event.data as Record<string, unknown>,
      prevHash,
    }, signer);
    prevHash = envelope.hash;
    sealed.push(envelope);
  });
  return sealed;
}
