import type { Actor } from '@yrd/contracts';
import { compareFindings, type AuditFinding, type FindingKind, type LogLocation } from './finding';
import type { RetainedEvent } from './log-verifier';

export interface TimelineEvent {
  streamId: string;
  version: number;
  type: string;
  occurredAt: string;
  actor: Actor;
  eventId: string;
  hash: string;
  location: LogLocation;
  /**
   * `verified` when nothing was found on this event, in the log (schema, hash, link, version,
   * signature) or at its version in the commit store or read model (an edited store document).
   */
  status: 'verified' | 'failed';
  findings: FindingKind[];
  /** What each finding on this row says, with where it was seen (`store: …`, `log: …`). */
  details: string[];
  payload: Record<string, unknown>;
}

export interface TimelineStream {
  streamId: string;
  events: number;
  lastVersion: number;
  status: 'verified' | 'failed';
}

/** A case's whole history as the log holds it, each event with its verification status. */
export interface CaseTimeline {
  caseId: string;
  generatedAt: string;
  verdict: 'clean' | 'findings';
  streams: TimelineStream[];
  events: TimelineEvent[];
  findings: AuditFinding[];
}

export function buildTimeline(caseId: string, generatedAt: string, streams: ReadonlyArray<{ streamId: string; retained: readonly RetainedEvent[] }>, findings: readonly AuditFinding[]): CaseTimeline {
  const sorted = [...findings].sort(compareFindings);
  const failedStreams = new Set(sorted.map((f) => f.streamId));
  // Findings the log read did not attach to its event (store, read model) go to the row of their version.
  const atVersion = new Map<string, AuditFinding[]>();
  for (const f of sorted) {
    if (f.streamId === null || f.version === null || f.source === 'log') continue;
    const key = `${f.streamId}#${f.version}`;
    atVersion.set(key, [...(atVersion.get(key) ?? []), f]);
  }
  const logDetails = new Map<string, string[]>();
  for (const f of sorted) {
    if (f.source !== 'log' || !f.location) continue;
    const key = `${f.location.topic}/${f.location.partition}@${f.location.offset}`;
    logDetails.set(key, [...(logDetails.get(key) ?? []), `log: ${f.detail}`]);
  }
  const events = streams
    .flatMap((s) =>
      s.retained.map((r): TimelineEvent => {
        const others = atVersion.get(`${r.envelope.streamId}#${r.envelope.streamVersion}`) ?? [];
        const kinds = [...new Set([...r.findings, ...others.map((f) => f.kind)])].sort();
        const details = [...(logDetails.get(`${r.location.topic}/${r.location.partition}@${r.location.offset}`) ?? []), ...others.map((f) => `${f.source}: ${f.detail}`)];
        return {
          streamId: r.envelope.streamId,
          version: r.envelope.streamVersion,
          type: r.envelope.type,
          occurredAt: r.envelope.occurredAt,
          actor: r.envelope.actor,
          eventId: r.envelope.eventId,
          hash: r.envelope.hash,
          location: r.location,
          status: kinds.length === 0 ? 'verified' : 'failed',
          findings: kinds,
          details,
          payload: r.envelope.payload,
        };
      }),
    )
    .sort(
      (a, b) =>
        (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0) ||
        (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0) ||
        a.version - b.version ||
        a.location.offset - b.location.offset,
    );
  return {
    caseId,
    generatedAt,
    verdict: sorted.length === 0 ? 'clean' : 'findings',
    streams: streams
      .map((s) => ({
        streamId: s.streamId,
        events: s.retained.length,
        lastVersion: s.retained.reduce((m, r) => Math.max(m, r.envelope.streamVersion), 0),
        status: failedStreams.has(s.streamId) ? ('failed' as const) : ('verified' as const),
      }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0)),
    events,
    findings: sorted,
  };
}
