import type { EventEnvelope } from '@yrd/contracts';

/**
 * What an auditor asks to see. Streams are always verified whole (a chain cannot be checked in
 * pieces); the filter decides which streams the report is about. All given criteria must hold.
 */
export interface ReplayFilter {
  /** Exact stream ids. */
  streams?: string[];
  /** Streams in which this bureau acted or is named (sender, receiver, task bureau…). */
  bureau?: string;
  /** Streams holding at least one event of one of these types. */
  types?: string[];
  /** A clue or referral id: its own streams and every stream whose events name it. */
  caseId?: string;
  /** ISO instant: each partition is read from the first message at or after it. */
  from?: string;
}

/** How far a stream has matched the filter so far (criteria are met by some event of the stream). */
export interface StreamMatch {
  streamId: string;
  bureau: boolean;
  type: boolean;
  caseLink: boolean;
  /** Evidence entries this stream's events name (`evidenceRefs`, `evidenceId`), for a case filter. */
  evidenceRefs?: string[];
}

/** Payload fields that name evidence entries (a clue's refs, an evidence attachment). */
const EVIDENCE_FIELDS = ['evidenceRefs', 'evidenceId'] as const;
const EVIDENCE_STREAM = 'evidence-';

/** Payload fields that name a bureau or an authority, besides the actor's bureau. */
const BUREAU_FIELD = /bureau$|^bureau$|^target$|^designatedBy$|^designatingAuthority$/i;

export class StreamSelector {
  private readonly streams: Set<string> | null;
  private readonly types: Set<string> | null;
  /** Streams that name evidence; their refs count once the stream itself is linked to the case. */
  private readonly referrers: StreamMatch[] = [];

  constructor(readonly filter: ReplayFilter) {
    this.streams = filter.streams?.length ? new Set(filter.streams) : null;
    this.types = filter.types?.length ? new Set(filter.types) : null;
  }

  /** True when the filter narrows the report to some streams (so log-wide findings are noise there). */
  get narrowsStreams(): boolean {
    return this.streams !== null || this.types !== null || this.filter.bureau !== undefined || this.filter.caseId !== undefined;
  }

  /** A stream's starting match, or null when it can never be selected (not among `streams`). */
  start(streamId: string): StreamMatch | null {
    if (this.streams && !this.streams.has(streamId)) return null;
    const caseId = this.filter.caseId;
    return {
      streamId,
      bureau: this.filter.bureau === undefined,
      type: this.types === null,
      caseLink: caseId === undefined || streamId === `clue-${caseId}` || streamId === `referral-${caseId}`,
    };
  }

  observe(match: StreamMatch, event: EventEnvelope): void {
    if (!match.type && this.types!.has(event.type)) match.type = true;
    if (!match.bureau && touchesBureau(event, this.filter.bureau!)) match.bureau = true;
    const id = this.filter.caseId;
    if (id === undefined) return;
    const p = event.payload;
    if (!match.caseLink) {
      // An evidence entry names its case in its metadata (evidence.notarized).
      const metadata = p['metadata'] && typeof p['metadata'] === 'object' ? (p['metadata'] as Record<string, unknown>) : {};
      if (p['clueId'] === id || p['referralId'] === id || metadata['clueId'] === id || metadata['caseId'] === id) match.caseLink = true;
    }
    const refs = evidenceRefsOf(p);
    if (refs.length > 0) {
      if (!match.evidenceRefs) this.referrers.push(match);
      match.evidenceRefs = [...new Set([...(match.evidenceRefs ?? []), ...refs])];
    }
  }

  selected(match: StreamMatch | null): boolean {
    if (match === null || !match.bureau || !match.type) return false;
    return match.caseLink || this.isLinkedEvidence(match.streamId);
  }

  /** An evidence stream named by a stream of the case (whatever order the topics were read in). */
  private isLinkedEvidence(streamId: string): boolean {
    if (!streamId.startsWith(EVIDENCE_STREAM)) return false;
    const entryId = streamId.slice(EVIDENCE_STREAM.length);
    return this.referrers.some((m) => m.caseLink && m.evidenceRefs!.includes(entryId));
  }
}

/** Evidence entry ids named by a payload: any field called evidenceRefs (a list) or evidenceId, at the top or one level down. */
export function evidenceRefsOf(payload: Record<string, unknown>): string[] {
  const out: string[] = [];
  const take = (obj: Record<string, unknown>) => {
    for (const field of EVIDENCE_FIELDS) {
      const v = obj[field];
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) for (const item of v) if (typeof item === 'string') out.push(item);
    }
  };
  take(payload);
  for (const v of Object.values(payload)) {
    if (Array.isArray(v)) {
      for (const item of v) if (item && typeof item === 'object') take(item as Record<string, unknown>);
    } else if (v && typeof v === 'object') {
      take(v as Record<string, unknown>);
    }
  }
  return out;
}

export function touchesBureau(event: EventEnvelope, bureau: string): boolean {
  if (event.actor.bureau === bureau) return true;
  for (const [key, value] of Object.entries(event.payload)) {
    if (value === bureau && BUREAU_FIELD.test(key)) return true;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object' && (item as Record<string, unknown>)['bureau'] === bureau) return true;
      }
    }
  }
  return false;
}
