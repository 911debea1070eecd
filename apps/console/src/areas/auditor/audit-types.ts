/** Shapes of the audit service's answers (see libs/audit/domain: CaseTimeline, AuditReport). */
export interface LogLocation {
  topic: string;
  partition: number;
  offset: number;
}

export interface AuditFinding {
  kind: string;
  source: 'log' | 'store' | 'projection' | 'notary';
  streamId: string | null;
  version: number | null;
  detail: string;
  eventId?: string;
  location?: LogLocation;
}

export interface TimelineEvent {
  streamId: string;
  version: number;
  type: string;
  occurredAt: string;
  actor: { userId?: string; role?: string; bureau?: string };
  eventId: string;
  hash: string;
  location: LogLocation;
  status: 'verified' | 'failed';
  findings: string[];
  /** Each finding on this row with where it was seen (`log: …`, `store: …`, `projection: …`). */
  details?: string[];
}

export interface CaseTimeline {
  caseId: string;
  generatedAt: string;
  verdict: 'clean' | 'findings';
  streams: Array<{ streamId: string; events: number; lastVersion: number; status: 'verified' | 'failed' }>;
  events: TimelineEvent[];
  findings: AuditFinding[];
}

export interface ReplayRun {
  runId: string;
  status: 'running' | 'done' | 'failed';
  requestedBy: string;
  startedAt: string;
  finishedAt?: string;
  progress: { phase: string; read: number; total: number };
  verdict?: 'clean' | 'findings';
  findings?: number;
  error?: string;
}

export interface AuditReport {
  generatedAt: string;
  verdict: 'clean' | 'findings';
  scope: { namespace: string; filter: Record<string, unknown>; rebuild: boolean };
  totals: { messages: number; events: number; streams: number; selectedStreams: number; selectedEvents: number; findings: number; projectionsCompared: number };
  findingsByKind: Record<string, number>;
  eventsByType: Record<string, number>;
  findings: AuditFinding[];
}
