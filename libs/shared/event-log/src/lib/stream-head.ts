import type { EventEnvelope } from '@yrd/contracts';

/** Where a stream stands: its last version and the hash the next event must link to. */
export interface StreamHead {
  streamId: string;
  version: number;
  lastHash: string | null;
}

export function emptyHead(streamId: string): StreamHead {
  return { streamId, version: 0, lastHash: null };
}

export function headAfter(events: readonly EventEnvelope[], streamId: string): StreamHead {
  const last = events[events.length - 1];
  return last ? { streamId, version: last.streamVersion, lastHash: last.hash } : emptyHead(streamId);
}
