import type { CheckpointStatus, ReadRange } from './checkpoint-verifier';
import { compareFindings, type AuditFinding, type FindingKind } from './finding';
import { comparePending, type PendingItem, type PendingReason } from './pending';
import type { ReplayFilter } from './replay-filter';
import type { SignatureTotals } from './log-verifier';

export const REPORT_FORMAT = 'yrd-audit-report/v1';

/**
 * The outcome of one replay. Everything in it follows from the log, the stores and the filter,
 * sorted, so two replays of the same log give byte-identical reports but for `generatedAt` and
 * `durationMs`. `pending` lists what lay past the cut (in flight, not findings).
 */
export interface AuditReport {
  format: typeof REPORT_FORMAT;
  generatedAt: string;
  /** Wall-clock time of the run, planning to report. */
  durationMs: number;
  verdict: 'clean' | 'findings';
  scope: {
    namespace: string;
    filter: ReplayFilter;
    rebuild: boolean;
    ranges: ReadRange[];
  };
  totals: {
    messages: number;
    events: number;
    streams: number;
    selectedStreams: number;
    selectedEvents: number;
    partialStreams: number;
    signatures: SignatureTotals;
    rebuiltStreams: number;
    storeStreams: number;
    projectionsCompared: number;
    /** Store commits compared with the log (up to the cut). */
    commitsCompared: number;
    checkpoints: Record<CheckpointStatus['status'], number>;
    pending: number;
    findings: number;
  };
  findingsByKind: Partial<Record<FindingKind, number>>;
  pendingByReason: Partial<Record<PendingReason, number>>;
  eventsByType: Record<string, number>;
  checkpoints: CheckpointStatus[];
  pending: PendingItem[];
  findings: AuditFinding[];
}

export interface ReportInput extends Omit<AuditReport, 'format' | 'verdict' | 'findingsByKind' | 'pendingByReason' | 'totals' | 'eventsByType' | 'pending'> {
  totals: Omit<AuditReport['totals'], 'findings' | 'checkpoints' | 'pending'>;
  pending?: readonly PendingItem[];
  eventsByType: ReadonlyMap<string, number>;
}

/** Sorts and counts: the only place a report is put together. */
export function buildReport(input: ReportInput): AuditReport {
  const findings = [...input.findings].sort(compareFindings);
  const byKind: Partial<Record<FindingKind, number>> = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const checkpoints = { verified: 0, mismatch: 0, unverifiable: 0, 'not-covered': 0 };
  for (const c of input.checkpoints) checkpoints[c.status]++;
  const pending = [...(input.pending ?? [])].sort(comparePending);
  const byReason: Partial<Record<PendingReason, number>> = {};
  for (const p of pending) byReason[p.reason] = (byReason[p.reason] ?? 0) + 1;
  return {
    format: REPORT_FORMAT,
    generatedAt: input.generatedAt,
    durationMs: input.durationMs,
    verdict: findings.length === 0 ? 'clean' : 'findings',
    scope: {
      namespace: input.scope.namespace,
      filter: normalizeFilter(input.scope.filter),
      rebuild: input.scope.rebuild,
      ranges: [...input.scope.ranges].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)),
    },
    totals: { ...input.totals, checkpoints, pending: pending.length, findings: findings.length },
    findingsByKind: sortKeys(byKind),
    pendingByReason: sortKeys(byReason),
    eventsByType: sortKeys(Object.fromEntries(input.eventsByType)),
    checkpoints: input.checkpoints,
    pending,
    findings,
  };
}

export function normalizeFilter(filter: ReplayFilter): ReplayFilter {
  const out: ReplayFilter = {};
  if (filter.streams?.length) out.streams = [...new Set(filter.streams)].sort();
  if (filter.bureau) out.bureau = filter.bureau;
  if (filter.types?.length) out.types = [...new Set(filter.types)].sort();
  if (filter.caseId) out.caseId = filter.caseId;
  if (filter.from) out.from = new Date(filter.from).toISOString();
  return out;
}

function sortKeys<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

/** The process exit code a report calls for: 0 clean, 1 with findings (2, the audit could not run, is the caller's). */
export function exitCodeOf(report: Pick<AuditReport, 'verdict'>): number {
  return report.verdict === 'clean' ? 0 : 1;
}
