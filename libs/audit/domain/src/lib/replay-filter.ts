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
  bureau: boolean;
  type: boolean;
  caseLink: boolean;
}

/** Payload fields that name a bureau or an authority, besides the actor's bureau. */
const BUREAU_FIELD = /bureau$|^bureau$|^target$|^designatedBy$|^designatingAuthority$/i;

export class StreamSelector {
  private readonly streams: Set<string> | null;
  private readonly types: Set<string> | null;

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
      bureau: this.filter.bureau === undefined,
      type: this.types === null,
      caseLink: caseId === undefined || streamId === `clue-${caseId}` || streamId === `referral-${caseId}`,
    };
  }

  observe(match: StreamMatch, event: EventEnvelope): void {
    if (!match.type && this.types!.has(event.type)) match.type = true;
    if (!match.bureau && touchesBureau(event, this.filter.bureau!)) match.bureau = true;
    if (!match.caseLink) {
      const p = event.payload;
      const id = this.filter.caseId;
      if (p['clueId'] === id || p['referralId'] === id) match.caseLink = true;
    }
  }

  selected(match: StreamMatch | null): boolean {
    return match !== null && match.bureau && match.type && match.caseLink;
  }
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
