import type { EventEnvelope } from '@yrd/contracts';
import { hashEnvelope } from './event-hash';

export type ChainFinding =
  | { kind: 'hash-mismatch'; streamId: string; version: number; eventId: string }
  | { kind: 'broken-link'; streamId: string; version: number; expectedPrevHash: string | null; actualPrevHash: string | null }
  | { kind: 'gap'; streamId: string; expectedVersion: number; actualVersion: number }
  | { kind: 'duplicate'; streamId: string; version: number; eventIds: string[] };

/**
 * Where the verification of one stream stands: the version expected next and the last event
 * accepted. Holding only this (not the events) lets a replay verify millions of events in
 * bounded memory.
 */
export interface ChainCursor {
  expectedVersion: number;
  /** 0 until an event (or an anchor) was accepted. */
  lastVersion: number;
  lastHash: string | null;
  lastEventId: string | null;
}

/**
 * A cursor at the start of a stream, or after `anchor` when verification starts mid-stream
 * (a replay from a point in time trusts the first event's link to what came before).
 */
export function startChain(anchor?: { version: number; hash: string | null; eventId: string | null }): ChainCursor {
  return anchor
    ? { expectedVersion: anchor.version + 1, lastVersion: anchor.version, lastHash: anchor.hash, lastEventId: anchor.eventId }
    : { expectedVersion: 1, lastVersion: 0, lastHash: null, lastEventId: null };
}

/**
 * Verifies the next event received on a stream and moves the cursor (in place): its hash
 * recomputes, its `prevHash` links to the previous event, its version continues the stream.
 * `recomputedHash` lets a caller that already hashed the event avoid hashing it twice.
 */
export function advanceChain(cursor: ChainCursor, event: EventEnvelope, findings: ChainFinding[], recomputedHash = hashEnvelope(event)): void {
  const { streamId, streamVersion: version } = event;
  if (recomputedHash !== event.hash) {
    findings.push({ kind: 'hash-mismatch', streamId, version, eventId: event.eventId });
  }
  if (cursor.lastEventId !== null && version === cursor.lastVersion) {
    findings.push({ kind: 'duplicate', streamId, version, eventIds: [cursor.lastEventId, event.eventId] });
    return;
  }
  if (version !== cursor.expectedVersion) {
    findings.push({ kind: 'gap', streamId, expectedVersion: cursor.expectedVersion, actualVersion: version });
  } else {
    const expectedPrevHash = cursor.lastVersion > 0 ? cursor.lastHash : null;
    if (event.prevHash !== expectedPrevHash) {
      findings.push({ kind: 'broken-link', streamId, version, expectedPrevHash, actualPrevHash: event.prevHash });
    }
  }
  cursor.expectedVersion = version + 1;
  cursor.lastVersion = version;
  cursor.lastHash = event.hash;
  cursor.lastEventId = event.eventId;
}

/**
 * Verifies one stream's events as received (in order): each hash recomputes, each `prevHash`
 * links to the previous event, versions are 1, 2, 3… without gaps or duplicates.
 */
export function verifyStream(events: readonly EventEnvelope[]): ChainFinding[] {
  const findings: ChainFinding[] = [];
  const cursor = startChain();
  for (const event of events) advanceChain(cursor, event, findings);
  return findings;
}
