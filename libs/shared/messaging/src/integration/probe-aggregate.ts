import type { DomainEvent } from '@yrd/event-log';
import type { Decision } from '@yrd/event-store';

/** A minimal aggregate for exercising the backbone: each command appends one numbered probe. */
export type ProbeEvent = DomainEvent<'backbone.probed', { seq: number; note?: string }>;
export interface ProbeState {
  count: number;
}

export const probeAggregate = {
  initialState: (): ProbeState => ({ count: 0 }),
  evolve: (state: ProbeState, event: ProbeEvent): ProbeState => ({ count: Math.max(state.count, event.data.seq + 1) }),
};

export function probe(note?: string) {
  return (state: ProbeState): Decision<ProbeEvent, never> => ({
    ok: true,
    value: [{ type: 'backbone.probed', data: note === undefined ? { seq: state.count } : { seq: state.count, note } }],
  });
}
