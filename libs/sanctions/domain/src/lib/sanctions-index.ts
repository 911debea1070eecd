import { compareDates, IsoDate, within } from './dates';
import { RuleRef } from './errors';
import { subjectKey } from './penalty';
import { DELTA_REGIONS } from './regions';
import { LiftReason, SanctionEvent, SanctionKind, SanctionSource, SanctionTerms } from './sanction';

export interface SanctionRecord extends SanctionTerms {
  status: 'in-force' | 'lifted';
  lifted?: { how: LiftReason; by: string; ref: string; reason: string; liftedOn: IsoDate };
  /** Stream version last applied (guards replays and duplicates). */
  version: number;
}

export interface SanctionInForce {
  sanctionId: string;
  kind: SanctionKind;
  why: string;
  since: IsoDate;
  /** Last day in force; null for life. */
  until: IsoDate | null;
  basis: RuleRef;
  source: SanctionSource;
}

/** The licensing interception answer (自动拦截): banned or not, why, since, until, source. */
export interface CheckAnswer {
  subject: { creditCode?: string; personId?: string };
  checkedOn: IsoDate;
  /** The region asking; shared sanctions apply in every Delta region. */
  region: string;
  /** A food-industry ban (食品行业禁入) is in force: refuse the licence or the role. */
  banned: boolean;
  /** On the serious-violation list or the operating-abnormality list. */
  listed: boolean;
  why: string | null;
  since: IsoDate | null;
  until: IsoDate | null;
  lifelong: boolean;
  basis: RuleRef | null;
  source: SanctionSource | null;
  sanctions: SanctionInForce[];
}

/**
 * The sanctions registry held in memory for the interception check: subject → sanctions, kept
 * current by applying sanction events in stream order (a lower or equal version is ignored).
 * A lift anywhere ends the sanction in every region: the registry is shared.
 */
export class SanctionsIndex {
  private readonly bySubject = new Map<string, Map<string, SanctionRecord>>();
  private readonly byId = new Map<string, SanctionRecord>();

  constructor(readonly regions: readonly string[] = DELTA_REGIONS) {}

  get size(): number {
    return this.byId.size;
  }

  get(sanctionId: string): SanctionRecord | undefined {
    return this.byId.get(sanctionId);
  }

  apply(event: SanctionEvent, version: number): boolean {
    const id = event.data.sanctionId;
    const current = this.byId.get(id);
    if (current && current.version >= version) return false;
    if (event.type === 'sanction.imposed') {
      const { imposedAt: _at, ...terms } = event.data;
      const record: SanctionRecord = { ...terms, status: 'in-force', version };
      this.byId.set(id, record);
      const key = subjectKey(terms.subject);
      let bucket = this.bySubject.get(key);
      if (!bucket) this.bySubject.set(key, (bucket = new Map()));
      bucket.set(id, record);
      return true;
    }
    if (!current) return false;
    const { how, by, ref, reason, liftedOn } = event.data;
    current.status = 'lifted';
    current.lifted = { how, by, ref, reason, liftedOn };
    current.version = version;
    return true;
  }

  /** Everything recorded against a subject, lifted ones included (for the registry view). */
  recordsOf(subject: { creditCode?: string; personId?: string }): SanctionRecord[] {
    return [...(this.bySubject.get(subjectKey(subject))?.values() ?? [])];
  }

  check(subject: { creditCode?: string; personId?: string }, on: IsoDate, region: string): CheckAnswer {
    const inForce: Array<SanctionRecord> = [];
    const bucket = this.bySubject.get(subjectKey(subject));
    if (bucket && this.regions.includes(region)) {
      for (const r of bucket.values()) if (r.status === 'in-force' && within(on, r.start, r.until)) inForce.push(r);
    }
    const bans = inForce.filter((r) => r.kind === 'food-industry-ban').sort(governingFirst);
    const lists = inForce.filter((r) => r.kind !== 'food-industry-ban').sort(governingFirst);
    const lead = bans[0] ?? lists[0];
    return {
      subject: subject.creditCode ? { creditCode: subject.creditCode } : { personId: subject.personId },
      checkedOn: on,
      region,
      banned: bans.length > 0,
      listed: lists.length > 0,
      why: lead ? lead.reason : null,
      since: lead ? lead.start : null,
      until: lead?.until ?? null,
      lifelong: !!lead?.lifelong,
      basis: lead ? lead.basis : null,
      source: lead ? lead.source : null,
      sanctions: [...bans, ...lists].map((r) => ({
        sanctionId: r.sanctionId,
        kind: r.kind,
        why: r.reason,
        since: r.start,
        until: r.until ?? null,
        basis: r.basis,
        source: r.source,
      })),
    };
  }
}

/** Lifelong first, then the one that lasts longest. */
function governingFirst(a: SanctionRecord, b: SanctionRecord): number {
  if (a.lifelong !== b.lifelong) return a.lifelong ? -1 : 1;
  return compareDates(b.until ?? '9999-12-31', a.until ?? '9999-12-31');
}
