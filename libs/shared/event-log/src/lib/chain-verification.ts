import type { EventEnvelope } from '@yrd/contracts';
import { hashEnvelope } from './event-hash';

export type ChainFinding =
  | { kind: 'hash-mismatch'; streamId: string; version: number; eventId: string }
  | { kind: 'broken-link'; streamId: string; version: number; expectedPrevHash: string | null; actualPrevHash: string | null }
  | { kind: 'gap'; streamId: string; expectedVersion: number; actualVersion: number }
  | { kind: 'duplicate'; streamId: string; version: number; eventIds: string[] };

/**
 * Verifies one stream's events as received (in order): each hash recomputes, each `prevHash`
 * links to the previous event, versions are 1, 2, 3… without gaps or duplicates.
 */
export function verifyStream(events: readonly EventEnvelope[]): ChainFinding[] {
  const findings: ChainFinding[] = [];
  let expectedVersion = 1;
  let prev: EventEnvelope | null = null;
  for (const event of events) {
    const { streamId, streamVersion: version } = event;
    if (hashEnvelope(event) !== event.hash) {
      findings.push({ kind: 'hash-mismatch', streamId, version, eventId: event.eventId });
    }
    if (prev && version === prev.streamVersion) {
      findings.push({ kind: 'duplicate', streamId, version, eventIds: [prev.eventId, event.eventId] });
      continue;
    }
    if (version !== expectedVersion) {
      findings.push({ kind: 'gap', streamId, expectedVersion, actualVersion: version });
    } else {
      const expectedPrevHash = prev ? prev.hash : null;
      if (event.prevHash !== expectedPrevHash) {
        findings.push({ kind: 'broken-link', streamId, version, expectedPrevHash, actualPrevHash: event.prevHash });
      }
    }
    expectedVersion = version + 1;
    prev = event;
  }
  return findings;
}
