import type { EventEnvelope } from '@yrd/contracts';

/** The last event a consumer applied on a stream. */
export interface AppliedHead {
  version: number;
  hash: string;
}

export type LinkDecision =
  | { kind: 'next' }
  | { kind: 'fork'; detail: string }
  | { kind: 'broken-link'; detail: string }
  | { kind: 'gap'; detail: string };

/**
 * Whether an event (not a re-delivery of one already applied: those are recognised by event id
 * before) continues what this consumer applied on its stream: the next version linking to the
 * last applied hash. A different event at an applied version is a fork; the next version with
 * another `prevHash` is a broken link; a later version is a gap (something is missing).
 */
export function decideLink(head: AppliedHead | null, event: Pick<EventEnvelope, 'streamId' | 'streamVersion' | 'prevHash' | 'eventId'>): LinkDecision {
  const applied = head?.version ?? 0;
  const where = `${event.streamId} v${event.streamVersion} (event ${event.eventId})`;
  if (event.streamVersion <= applied) {
    return { kind: 'fork', detail: `${where}: version ${event.streamVersion} was already applied with another event` };
  }
  if (event.streamVersion > applied + 1) {
    return { kind: 'gap', detail: `${where}: the last applied version is ${applied}, version ${applied + 1} is missing` };
  }
  const expected = head?.hash ?? null;
  if (event.prevHash !== expected) {
    return { kind: 'broken-link', detail: `${where}: prevHash ${event.prevHash ?? 'null'} is not the applied head ${expected ?? 'null'}` };
  }
  return { kind: 'next' };
}
