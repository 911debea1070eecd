/** Where a finding was seen: the event log (Kafka), a service's commit store, a read model, the notary. */
export type FindingSource = 'log' | 'store' | 'projection' | 'notary';

export type FindingKind =
  // envelope schema
  | 'malformed-envelope'
  | 'unknown-type'
  | 'invalid-payload'
  // hash chain and versions
  | 'hash-mismatch'
  | 'broken-link'
  | 'gap'
  | 'duplicate'
  // signatures carried by events (the producer's in the envelope, a bureau's in headers)
  | 'unsigned'
  | 'bad-signature'
  // log vs store of record (rebuild)
  | 'missing-in-log'
  | 'missing-in-store'
  | 'event-differs'
  | 'state-differs'
  // live read models
  | 'projection-missing'
  | 'projection-differs'
  // notarized checkpoints
  | 'checkpoint-mismatch'
  | 'checkpoint-unverifiable';

export type FindingValue = string | number | boolean | null;

/**
 * One thing that is not as the log says it must be. `streamId` + `version` say where it starts;
 * `location` says where in the log it was read (absent for store and projection findings).
 */
export interface AuditFinding {
  kind: FindingKind;
  source: FindingSource;
  streamId: string | null;
  version: number | null;
  detail: string;
  eventId?: string;
  location?: LogLocation;
  data?: Record<string, FindingValue>;
}

export interface LogLocation {
  topic: string;
  partition: number;
  offset: number;
}

const cmp = (a: string | number | null | undefined, b: string | number | null | undefined): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
};

/** A total order, so two runs over the same log list findings identically. */
export function compareFindings(a: AuditFinding, b: AuditFinding): number {
  return (
    cmp(a.streamId, b.streamId) ||
    cmp(a.version, b.version) ||
    cmp(a.kind, b.kind) ||
    cmp(a.source, b.source) ||
    cmp(a.location?.topic, b.location?.topic) ||
    cmp(a.location?.partition, b.location?.partition) ||
    cmp(a.location?.offset, b.location?.offset) ||
    cmp(a.eventId, b.eventId) ||
    cmp(a.detail, b.detail)
  );
}
