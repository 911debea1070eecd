import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { exitCodeOf, summaryRows, type AuditFinding, type AuditReport, type CaseTimeline } from '@yrd/audit-domain';
import {
  AuditReplay,
  Checkpointer,
  CheckpointStore,
  checkpointNotaryFrom,
  KafkaLogReader,
  parseAuditEnv,
  ReportFiles,
  trustedNotaryKeys,
  type ReplayProgress,
} from '@yrd/audit-feature';
import { eventCatalog, TopicRegistry } from '@yrd/contracts';
import { kafkaSaslFrom } from '@yrd/messaging';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** A progress bar on a terminal; plain lines otherwise (tests, pipes). */
  tty: boolean;
}

/** Exit codes: 0 clean, 1 findings, 2 the audit could not run. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

const EXIT_HELP = `
Exit codes:
  0  clean: no finding (commits and read models past the cut are listed as pending, not findings)
  1  findings (listed, and in the report)
  2  the audit could not run (bad arguments, Kafka or the database unreachable)

The replay is cut at the Kafka high watermarks taken when it starts; the commit stores and read
models are compared per stream up to the version the log held there.
Environment: KAFKA_BROKERS, MONGO_URL, KAFKA_TOPIC_NAMESPACE (default yrd), AUDIT_*; outside
production, unset ones take the local defaults of deploy/local/env.sh.`;

interface Context {
  replay: AuditReplay;
  close: () => Promise<void>;
  env: ReturnType<typeof parseAuditEnv>;
  kafka: Kafka;
  checkpoints: CheckpointStore;
}

async function connect(io: CliIo): Promise<Context> {
  const env = parseAuditEnv(io.env);
  const brokers = (io.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  const mongoUrl = io.env['MONGO_URL'];
  if (brokers.length === 0 || !mongoUrl) throw new Error('KAFKA_BROKERS and MONGO_URL are required (outside production they default to deploy/local/env.sh)');
  // The auditor's tooling: the admin's credentials from deploy/local/env.sh, or the audit principal's.
  const sasl = kafkaSaslFrom(io.env);
  const kafka = new Kafka({ clientId: 'audit-cli', brokers, ...(sasl ? { sasl } : {}), logLevel: logLevel.NOTHING, retry: { retries: 8 } });
  const connection = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
  const notary = checkpointNotaryFrom(env);
  const checkpoints = new CheckpointStore(connection);
  const replay = new AuditReplay({
    kafka,
    connection,
    topics: new TopicRegistry(io.env['KAFKA_TOPIC_NAMESPACE'] || 'yrd'),
    catalog: eventCatalog,
    checkpoints,
    trustedNotaryKeys: trustedNotaryKeys(env, notary),
  });
  return { replay, env, kafka, checkpoints, close: () => connection.close() };
}

function progressReporter(io: CliIo): { update: (p: ReplayProgress) => void; stop: () => void } {
  if (!io.tty) {
    let last = '';
    return {
      update: (p) => {
        if (p.phase !== last) io.err(`${p.phase}…`);
        last = p.phase;
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total} messages | {eta_formatted}', hideCursor: true, stream: process.stderr });
  let started = false;
  return {
    update: (p) => {
      if (!started && p.phase === 'reading') {
        bar.start(p.total, 0, { phase: p.phase });
        started = true;
      }
      if (started) bar.update(p.read, { phase: p.phase });
    },
    stop: () => started && bar.stop(),
  };
}

export function table(rows: ReadonlyArray<readonly [string, string | number]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

function findingsTable(findings: readonly AuditFinding[], limit = 50): string {
  if (findings.length === 0) return '  (none)';
  const rows = findings.slice(0, limit).map((f) => [f.kind, f.source, f.streamId ?? '-', f.version === null ? '-' : String(f.version), f.detail]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['kind', 'source', 'stream', 'version'][i].length));
  const line = (r: string[]) => `  ${r.slice(0, 4).map((c, i) => c.padEnd(widths[i])).join('  ')}  ${r[4]}`;
  const more = findings.length > limit ? `\n  … and ${findings.length - limit} more (see the report)` : '';
  return [line(['kind', 'source', 'stream', 'version', 'detail']), ...rows.map(line)].join('\n') + more;
}

async function replayCommand(io: CliIo, opts: ReplayOptions): Promise<number> {
  const ctx = await connect(io);
  const progress = progressReporter(io);
  try {
    const runId = uuidv7();
    const { report, scratchDatabase } = await ctx.replay.run(
      runId,
      {
        filter: { from: opts.from, streams: opts.stream, bureau: opts.bureau, types: opts.type, caseId: opts.case },
        rebuild: opts.rebuild,
        keepScratch: opts.keepScratch,
      },
      progress.update,
    );
    progress.stop();
    const files = await new ReportFiles(resolve(opts.out ?? ctx.env.AUDIT_REPORT_DIR)).write(opts.name ?? `replay-${runId}`, report);
    printReport(io, report);
    io.out(`\nreport: ${files.json}\n        ${files.html}`);
    if (scratchDatabase) io.out(`rebuilt states kept in database ${scratchDatabase}`);
    return exitCodeOf(report);
  } finally {
    progress.stop();
    await ctx.close();
  }
}

function printReport(io: CliIo, report: AuditReport): void {
  io.out(`\nSummary\n${table(summaryRows(report))}`);
  if (report.pending.length > 0) {
    const rows = report.pending.slice(0, 20).map((p): [string, string] => [`${p.reason}  ${p.streamId} v${p.fromVersion}..${p.toVersion}`, p.detail]);
    io.out(`\nPending, past the cut (not findings; the next run checks them)\n${table(rows)}${report.pending.length > 20 ? `\n  … and ${report.pending.length - 20} more` : ''}`);
  }
  io.out(`\nFindings\n${findingsTable(report.findings)}`);
}

async function verifyCaseCommand(io: CliIo, caseId: string, opts: { json?: boolean }): Promise<number> {
  const ctx = await connect(io);
  try {
    const timeline: CaseTimeline = await ctx.replay.caseTimeline(uuidv7(), caseId);
    if (opts.json) {
      io.out(JSON.stringify(timeline, null, 2));
    } else {
      io.out(`Case ${caseId}: ${timeline.verdict} (${timeline.streams.length} streams, ${timeline.events.length} events)\n`);
      io.out(table(timeline.events.map((e) => [`${e.occurredAt}  ${e.streamId} v${e.version}`, `${e.type}  ${e.status === 'verified' ? 'verified' : `FAILED (${e.findings.join(', ')})`}`])));
      io.out(`\nFindings\n${findingsTable(timeline.findings)}`);
    }
    if (timeline.streams.length === 0) {
      io.err(`no stream of case ${caseId} was found in the log`);
      return EXIT.findings;
    }
    return timeline.verdict === 'clean' ? EXIT.clean : EXIT.findings;
  } finally {
    await ctx.close();
  }
}

async function checkpointCommand(io: CliIo, opts: { force?: boolean }): Promise<number> {
  const ctx = await connect(io);
  try {
    const notary = checkpointNotaryFrom(ctx.env);
    if (!notary) throw new Error('no notary configured: set AUDIT_NOTARY_URL and AUDIT_NOTARY_PUBLIC_KEYS (or AUDIT_CHECKPOINT_SIGNING_KEY in development)');
    const checkpointer = new Checkpointer(new KafkaLogReader(ctx.kafka), ctx.checkpoints, notary, {
      everyEvents: ctx.env.AUDIT_CHECKPOINT_EVERY_EVENTS,
      intervalMs: ctx.env.AUDIT_CHECKPOINT_INTERVAL_MS,
    });
    const created = await checkpointer.runOnce(await ctx.replay.eventTopics(), { force: opts.force, groupId: ctx.replay.groupId('checkpoint', uuidv7()) });
    io.out(created.length === 0 ? 'no checkpoint due' : table(created.map((c) => [`${c.claim.topic}/${c.claim.partition} ${c.claim.fromOffset}..${c.claim.toOffset}`, `${c.claim.rootHash} (leaf ${c.receipt.kind === 'merkle-entry' ? c.receipt.leafIndex : c.receipt.receipt.leafIndex})`])));
    return EXIT.clean;
  } finally {
    await ctx.close();
  }
}

interface ReplayOptions {
  from?: string;
  stream?: string[];
  bureau?: string;
  type?: string[];
  case?: string;
  out?: string;
  name?: string;
  rebuild: boolean;
  keepScratch?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const isoInstant = (value: string) => {
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('--from must be an ISO date-time, e.g. 2026-03-01T00:00:00Z');
  return value;
};

/** `audit replay …`, `audit verify-case <id>`, `audit checkpoint`; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.clean;
  const program = new Command('audit')
    .description('Replay, verify and rebuild the event log (Kafka), against the commit stores, read models and notarized checkpoints')
    .addHelpText('after', EXIT_HELP)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('replay')
    .description('Replay the log (or a part of it), verify it, rebuild it, and write a JSON + HTML report')
    .addOption(new Option('--from <iso>', 'read each partition from the first event at or after this instant').argParser(isoInstant))
    .option('--stream <id>', 'only this stream (repeatable)', collect)
    .option('--bureau <code>', 'only streams in which this bureau acted or is named')
    .option('--type <type>', 'only streams with an event of this type (repeatable)', collect)
    .option('--case <id>', 'only the streams of this clue or referral')
    .option('--out <dir>', 'where to write the report (default AUDIT_REPORT_DIR)')
    .option('--name <name>', 'report file name without extension (default replay-<run id>)')
    .option('--no-rebuild', 'skip the rebuild and the diff against commit stores and read models')
    .option('--keep-scratch', 'keep the scratch database with the rebuilt states')
    .addHelpText('after', EXIT_HELP)
    .action(async (opts: ReplayOptions) => {
      exitCode = await replayCommand(io, opts);
    });

  program
    .command('verify-case <caseId>')
    .description("A clue's or referral's timeline, each event verified")
    .option('--json', 'print the timeline as JSON')
    .action(async (caseId: string, opts: { json?: boolean }) => {
      exitCode = await verifyCaseCommand(io, caseId, opts);
    });

  program
    .command('checkpoint')
    .description('Cut and notarize the checkpoints that are due now')
    .option('--force', 'notarize every partition with new messages, whatever the policy')
    .action(async (opts: { force?: boolean }) => {
      exitCode = await checkpointCommand(io, opts);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    // Commander has already printed its message (usage errors, --help).
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.clean : EXIT.error;
    io.err(`audit failed: ${(e as Error).message}`);
    return EXIT.error;
  }
}

