import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import {
  AGGREGATES,
  buildReport,
  buildTimeline,
  CheckpointVerifier,
  diffProjection,
  diffStreamFolds,
  LogVerifier,
  type AuditFinding,
  type AuditReport,
  type CaseTimeline,
  type EventSignatureVerifier,
  type ReplayFilter,
  type StreamFold,
} from '@yrd/audit-domain';
import { consumerGroupPrefix, CONTEXTS, type EventCatalog, type TopicRegistry } from '@yrd/contracts';
import { Keyring } from '@yrd/event-log';
import { EventKeyStore } from '@yrd/event-store';
import type { PublicKeyLike } from '@yrd/merkle';
import type { CheckpointStore } from '../checkpoints/checkpoint-store';
import { KafkaLogReader } from '../log/kafka-log-reader';
import { readProjections } from '../rebuild/projections';
import { ScratchDatabase } from '../rebuild/scratch-database';
import { foldCommitStores } from '../rebuild/store-folds';

export interface AuditReplayDeps {
  kafka: Kafka;
  /** The services' database: commit stores, read models, and the audit's checkpoints. */
  connection: Connection;
  topics: TopicRegistry;
  catalog: EventCatalog;
  checkpoints: CheckpointStore;
  trustedNotaryKeys: readonly PublicKeyLike[];
  signatures?: readonly EventSignatureVerifier[];
  /**
   * The producers' public keys; read from the published keyring (EventKeyStore) when absent;
   * `null` skips the producer-signature check (benchmarks comparing its cost).
   */
  keyring?: Keyring | null;
  clock?: () => Date;
}

export interface ReplayRequest {
  filter?: ReplayFilter;
  /** Fold aggregates, diff against the commit stores and the live read models. */
  rebuild?: boolean;
  /** Keep the scratch database the rebuild wrote (dropped otherwise). */
  keepScratch?: boolean;
  /** Keep the events of selected streams (case timelines). */
  retainEvents?: boolean;
}

/** `joining`: waiting for the replay's consumer group; `reading` starts once it has joined. */
export type ReplayPhase = 'planning' | 'joining' | 'reading' | 'rebuilding' | 'done';

export interface ReplayProgress {
  phase: ReplayPhase;
  read: number;
  total: number;
}

export interface ReplayOutcome {
  report: AuditReport;
  verifier: LogVerifier;
  scratchDatabase: string | null;
}

/**
 * One audit run: read the event topics up to their high watermarks with a group of its own,
 * verify envelopes, chains, versions, signatures and notarized checkpoints on the way, then
 * (optionally) rebuild the aggregates and diff them against the commit stores and read models.
 */
export class AuditReplay {
  private readonly reader: KafkaLogReader;
  private readonly clock: () => Date;

  constructor(private readonly deps: AuditReplayDeps) {
    this.reader = new KafkaLogReader(deps.kafka);
    this.clock = deps.clock ?? (() => new Date());
  }

  /** A throw-away consumer group of the auditor (`audit.<purpose>-<id>`, namespaced like the services' groups). */
  groupId(purpose: 'replay' | 'checkpoint', id: string): string {
    return `${consumerGroupPrefix(this.deps.topics.namespace, 'audit')}${purpose}-${id}`;
  }

  /** The event topics of the namespace that exist on the broker (DLQs are not the log). */
  async eventTopics(): Promise<string[]> {
    const admin = this.deps.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      return CONTEXTS.map((c) => this.deps.topics.eventsTopic(c)).filter((t) => existing.has(t)).sort();
    } finally {
      await admin.disconnect();
    }
  }

  async run(runId: string, request: ReplayRequest = {}, onProgress: (p: ReplayProgress) => void = () => undefined): Promise<ReplayOutcome> {
    const filter = request.filter ?? {};
    onProgress({ phase: 'planning', read: 0, total: 0 });
    const topics = await this.eventTopics();
    const ranges = await this.reader.plan(topics, filter.from ? new Date(filter.from) : undefined);
    const total = ranges.reduce((n, r) => n + (r.toOffset - r.fromOffset), 0);
    const checkpoints = new CheckpointVerifier(await this.deps.checkpoints.list(topics), ranges, this.deps.trustedNotaryKeys);
    const verifier = new LogVerifier({
      catalog: this.deps.catalog,
      filter,
      signatures: this.deps.signatures,
      keyring: this.deps.keyring === undefined ? new Keyring(await new EventKeyStore(this.deps.connection).load()) : (this.deps.keyring ?? undefined),
      rebuild: request.rebuild ? AGGREGATES : [],
      retainEvents: request.retainEvents,
    });

    onProgress({ phase: 'joining', read: 0, total });
    await this.reader.read(
      ranges,
      (m) => {
        verifier.accept(m);
        checkpoints.accept(m);
      },
      {
        groupId: this.groupId('replay', runId),
        onJoined: () => onProgress({ phase: 'reading', read: 0, total }),
        onProgress: (read) => onProgress({ phase: 'reading', read, total }),
      },
    );
    const checkpointResults = checkpoints.results();

    let rebuild = { findings: [] as AuditFinding[], rebuiltStreams: 0, storeStreams: 0, projectionsCompared: 0 };
    let scratchDatabase: string | null = null;
    if (request.rebuild) {
      onProgress({ phase: 'rebuilding', read: total, total });
      const scratch = new ScratchDatabase(this.deps.connection, `audit_scratch_${runId.replace(/[^A-Za-z0-9]/g, '_')}`);
      rebuild = await this.rebuild(verifier, filter, scratch);
      if (request.keepScratch) scratchDatabase = scratch.name;
      else await scratch.drop();
    }

    let selectedStreams = 0;
    let selectedEvents = 0;
    let partialStreams = 0;
    for (const r of verifier.streams()) {
      if (!verifier.isSelected(r)) continue;
      selectedStreams++;
      selectedEvents += r.events;
      if (r.partial) partialStreams++;
    }
    const report = buildReport({
      generatedAt: this.clock().toISOString(),
      scope: { namespace: this.deps.topics.namespace, filter, rebuild: request.rebuild ?? false, ranges },
      totals: {
        messages: verifier.messages,
        events: verifier.events,
        streams: [...verifier.streams()].length,
        selectedStreams,
        selectedEvents,
        partialStreams,
        signatures: verifier.signatureTotals,
        rebuiltStreams: rebuild.rebuiltStreams,
        storeStreams: rebuild.storeStreams,
        projectionsCompared: rebuild.projectionsCompared,
      },
      eventsByType: verifier.eventsByType,
      checkpoints: checkpointResults.statuses,
      // Checkpoints cover partitions, not streams: their findings belong to whole-log reports (the
      // statuses are listed either way).
      findings: [...verifier.findings(), ...(verifier.selector.narrowsStreams ? [] : checkpointResults.findings), ...rebuild.findings],
    });
    onProgress({ phase: 'done', read: total, total });
    return { report, verifier, scratchDatabase };
  }

  /** A case's whole history with each event's verification status (the log, the store, the read model). */
  async caseTimeline(runId: string, caseId: string): Promise<CaseTimeline> {
    const { report, verifier } = await this.run(runId, { filter: { caseId }, rebuild: true, retainEvents: true });
    const streams = [...verifier.streams()].filter((r) => verifier.isSelected(r)).map((r) => ({ streamId: r.streamId, retained: r.retained ?? [] }));
    return buildTimeline(caseId, report.generatedAt, streams, report.findings);
  }

  private async rebuild(verifier: LogVerifier, filter: ReplayFilter, scratch: ScratchDatabase) {
    const findings: AuditFinding[] = [];
    const logFolds: Array<[string, StreamFold]> = [];
    for (const r of verifier.streams()) if (r.fold && verifier.isSelected(r)) logFolds.push([r.streamId, r.fold]);
    logFolds.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await scratch.write(logFolds);

    const store = await foldCommitStores(this.deps.connection, AGGREGATES, verifier.selector);
    const projections = await readProjections(this.deps.connection, AGGREGATES);
    let projectionsCompared = 0;
    for (const [streamId, fold] of logFolds) {
      findings.push(...diffStreamFolds(streamId, fold, store.get(streamId)?.fold));
      const projection = fold.aggregate.projection;
      const docs = projection ? projections.get(projection.collection) : null;
      if (projection && docs) {
        projectionsCompared++;
        findings.push(...diffProjection(streamId, fold, docs.get(projection.idOf(streamId)) ?? null));
      }
    }
    let storeStreams = 0;
    for (const [streamId, s] of store) {
      const inLog = verifier.stream(streamId);
      const selected = inLog ? verifier.isSelected(inLog) : verifier.selector.selected(s.match);
      if (!selected) continue;
      storeStreams++;
      findings.push(...s.findings);
      // From a point in time, a stream the log did not show may simply be older than that point.
      if (!inLog && !filter.from) findings.push(...diffStreamFolds(streamId, undefined, s.fold));
    }
    return { findings, rebuiltStreams: logFolds.length, storeStreams, projectionsCompared };
  }
}
