import { Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { AuditReport, CaseTimeline } from '@yrd/audit-domain';
import type { AuditReplay, ReplayProgress, ReplayRequest, ReportFiles } from '@yrd/audit-feature';
import { AUDIT_REPLAY, REPORT_FILES } from './audit.tokens';

export interface RunStatus {
  runId: string;
  status: 'running' | 'done' | 'failed';
  requestedBy: string;
  startedAt: string;
  finishedAt?: string;
  progress: ReplayProgress;
  verdict?: AuditReport['verdict'];
  findings?: number;
  error?: string;
}

export type StartResult = { ok: true; run: RunStatus } | { ok: false; running: RunStatus };

/**
 * Replays started over HTTP: one at a time (each reads the whole log), run in the background,
 * with their progress; reports go to disk, so they outlive the process.
 */
@Injectable()
export class AuditRuns {
  private readonly log = new Logger(AuditRuns.name);
  private readonly runs = new Map<string, RunStatus>();
  private current: Promise<void> | null = null;

  constructor(
    @Inject(AUDIT_REPLAY) private readonly replay: AuditReplay,
    @Inject(REPORT_FILES) private readonly files: ReportFiles,
  ) {}

  start(request: ReplayRequest, requestedBy: string): StartResult {
    const running = [...this.runs.values()].find((r) => r.status === 'running');
    if (running) return { ok: false, running };
    const run: RunStatus = { runId: uuidv7(), status: 'running', requestedBy, startedAt: new Date().toISOString(), progress: { phase: 'planning', read: 0, total: 0 } };
    this.runs.set(run.runId, run);
    this.current = this.execute(run, request);
    return { ok: true, run: { ...run } };
  }

  private async execute(run: RunStatus, request: ReplayRequest): Promise<void> {
    try {
      const { report } = await this.replay.run(run.runId, request, (p) => (run.progress = p));
      await this.files.write(run.runId, report);
      Object.assign(run, { status: 'done', verdict: report.verdict, findings: report.totals.findings, finishedAt: new Date().toISOString() });
      this.log.log(`replay ${run.runId} done: ${report.verdict}, ${report.totals.findings} findings over ${report.totals.events} events`);
    } catch (e) {
      Object.assign(run, { status: 'failed', error: (e as Error).message, finishedAt: new Date().toISOString() });
      this.log.error(`replay ${run.runId} failed: ${(e as Error).message}`);
    }
  }

  /** The run's status; a run from before a restart is known by its report file. */
  async status(runId: string): Promise<RunStatus | null> {
    const run = this.runs.get(runId);
    if (run) return { ...run, progress: { ...run.progress } };
    const json = await this.files.read(runId, 'json');
    if (!json) return null;
    const report = JSON.parse(json) as AuditReport;
    return { runId, status: 'done', requestedBy: 'unknown', startedAt: report.generatedAt, finishedAt: report.generatedAt, progress: { phase: 'done', read: report.totals.messages, total: report.totals.messages }, verdict: report.verdict, findings: report.totals.findings };
  }

  report(runId: string, format: 'json' | 'html'): Promise<string | null> {
    return this.files.read(runId, format);
  }

  timeline(caseId: string): Promise<CaseTimeline> {
    return this.replay.caseTimeline(uuidv7(), caseId);
  }

  /** Waits for the current run (shutdown, tests). */
  async settled(): Promise<void> {
    await this.current;
  }
}
