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
  type PendingItem,
  type ProjectionDoc,
  type ReplayFilter,
  type StreamFold,
} from '@yrd/audit-domain';
import type { ReadRange } from '@yrd/audit-domain';
import { consumerGroupPrefix, CONTEXTS, type EventCatalog, type TopicRegistry } from '@yrd/contracts';
import { Keyring } from '@yrd/event-log';
import { EventKeyStore, type CommitDocument } from '@yrd/event-store';
import type { PublicKeyLike } from '@yrd/merkle';
import type { CheckpointStore } from '../checkpoints/checkpoint-store';
import { KafkaLogReader } from '../log/kafka-log-reader';
import { readProjections } from '../rebuild/projections';
import { ScratchDatabase } from '../rebuild/scratch-database';
import { foldCommitStores, type StoreStream } from '../rebuild/store-folds';

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
  /**
   * How long a read model behind the log's cut may take to catch up before it is a finding
   * (its consumer is still applying events the log already holds). Default 5 s.
   */
  projectionGraceMs?: number;
  /** Test seam: runs once the cut is taken (watermarks read), before the log is read. */
  afterCut?: (ranges: readonly ReadRange[]) => Promise<void> | void;
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
 *
 * The run is cut consistently: the watermarks are taken first, and the stores and read models
 * are compared per stream up to the version the log held there. What lies past the cut (commits
 * made or published after it, read models already ahead) is reported as pending, not as findings.
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
    const started = performance.now();
    onProgress({ phase: 'planning', read: 0, total: 0 });
    const topics = await this.eventTopics();
    // The cut: taken before the watermarks, so every commit made before it that was published is below them.
    const cutAt = this.clock();
    const ranges = await this.reader.plan(topics, filter.from ? new Date(filter.from) : undefined);
    await this.deps.afterCut?.(ranges);
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

    let rebuild: RebuildOutcome = { findings: [], pending: [], rebuiltStreams: 0, storeStreams: 0, projectionsCompared: 0, commitsCompared: 0 };
    let scratchDatabase: string | null = null;
    if (request.rebuild) {
      onProgress({ phase: 'rebuilding', read: total, total });
      const scratch = new ScratchDatabase(this.deps.connection, `audit_scratch_${runId.replace(/[^A-Za-z0-9]/g, '_')}`);
      rebuild = await this.rebuild(runId, verifier, filter, scratch, { cutAt, ranges, topics });
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
      durationMs: Math.round(performance.now() - started),
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
        commitsCompared: rebuild.commitsCompared,
      },
      pending: rebuild.pending,
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

  private async rebuild(runId: string, verifier: LogVerifier, filter: ReplayFilter, scratch: ScratchDatabase, cut: Cut): Promise<RebuildOutcome> {
    const findings: AuditFinding[] = [];
    const pending: PendingItem[] = [];
    const logFolds: Array<[string, StreamFold]> = [];
    for (const r of verifier.streams()) if (r.fold && verifier.isSelected(r)) logFolds.push([r.streamId, r.fold]);
    logFolds.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await scratch.write(logFolds);

    const logVersion = (streamId: string) => verifier.stream(streamId)?.cursor.lastVersion ?? 0;
    const store = await foldCommitStores(this.deps.connection, AGGREGATES, verifier.selector, logVersion);
    const projections = await readProjections(this.deps.connection, AGGREGATES);
    let projectionsCompared = 0;
    const lagging: Array<[string, StreamFold]> = [];
    for (const [streamId, fold] of logFolds) {
      findings.push(...diffStreamFolds(streamId, fold, store.get(streamId)?.fold));
      const projection = fold.aggregate?.projection;
      const docs = projection ? projections.get(projection.collection) : null;
      if (projection && docs) {
        projectionsCompared++;
        const doc = docs.get(projection.idOf(streamId)) ?? null;
        const at = projectionVersion(doc);
        if (at < fold.version) lagging.push([streamId, fold]);
        else this.compareProjection(streamId, fold, doc, store.get(streamId), findings, pending);
      }
    }
    await this.recheckLagging(lagging, store, findings, pending);

    let storeStreams = 0;
    let commitsCompared = 0;
    const unexplained: Array<{ streamId: string; commit: CommitDocument; fromVersion: number }> = [];
    for (const [streamId, s] of store) {
      const inLog = verifier.stream(streamId);
      const selected = inLog ? verifier.isSelected(inLog) : verifier.selector.selected(s.match);
      if (!selected) continue;
      // From a point in time, a stream the log did not show may simply be older than that point.
      if (!inLog && filter.from) continue;
      storeStreams++;
      commitsCompared += s.commits;
      findings.push(...s.findings);
      const cutVersion = logVersion(streamId);
      for (const commit of s.beyondCut) {
        const fromVersion = Math.max(commit.firstVersion, cutVersion + 1);
        const item = { streamId, fromVersion, toVersion: commit.lastVersion };
        if (!commit.published) pending.push({ ...item, reason: 'unpublished', detail: `commit ${commit._id} is not published yet` });
        else if (commit.committedAt.getTime() > cut.cutAt.getTime()) pending.push({ ...item, reason: 'committed-after-cut', detail: `commit ${commit._id} was made after the cut (${cut.cutAt.toISOString()})` });
        else unexplained.push({ streamId, commit, fromVersion });
      }
    }
    // Committed before the cut and published, yet not in the log up to the watermarks: published
    // after them, or lost. The log past the watermarks tells which.
    if (unexplained.length > 0) {
      const later = await this.publishedAfterCut(runId, cut, new Set(unexplained.map((u) => u.streamId)));
      for (const { streamId, commit, fromVersion } of unexplained) {
        const item = { streamId, fromVersion, toVersion: commit.lastVersion };
        if (later.has(`${streamId}#${fromVersion}`)) {
          pending.push({ ...item, reason: 'published-after-cut', detail: `commit ${commit._id} reached the log after the cut` });
        } else {
          findings.push({
            kind: 'missing-in-log',
            source: 'store',
            streamId,
            version: fromVersion,
            detail: `version ${fromVersion} is in the commit store (published, committed ${commit.committedAt.toISOString()}) but not in the log`,
            data: { commit: commit._id, logVersion: logVersion(streamId) },
          });
        }
      }
    }
    const rebuiltStreams = logFolds.filter(([, f]) => f.aggregate !== null).length;
    return { findings, pending, rebuiltStreams, storeStreams, projectionsCompared, commitsCompared };
  }

  /** A read model at or past the log's version: compared at that version, or pending when ahead. */
  private compareProjection(streamId: string, fold: StreamFold, doc: ProjectionDoc | null, store: StoreStream | undefined, findings: AuditFinding[], pending: PendingItem[]): void {
    const at = projectionVersion(doc);
    const storeVersion = Math.max(fold.version, ...(store?.beyondCut.map((c) => c.lastVersion) ?? []));
    if (at > fold.version && at <= storeVersion) {
      const where = `${fold.aggregate?.projection?.collection}/${doc?._id}`;
      pending.push({ streamId, fromVersion: fold.version + 1, toVersion: at, reason: 'projection-ahead-of-cut', detail: `${where} is at version ${at}, past the cut at ${fold.version}` });
      return;
    }
    findings.push(...diffProjection(streamId, fold, doc));
  }

  /** Read models behind the log: give their consumers a moment, then compare what they show. */
  private async recheckLagging(lagging: Array<[string, StreamFold]>, store: Map<string, StoreStream>, findings: AuditFinding[], pending: PendingItem[]): Promise<void> {
    if (lagging.length === 0) return;
    const deadline = performance.now() + (this.deps.projectionGraceMs ?? 5000);
    let left = lagging;
    let docs = new Map<string, ProjectionDoc | null>();
    for (;;) {
      docs = await readProjectionDocs(this.deps.connection, left);
      left = left.filter(([streamId, fold]) => projectionVersion(docs.get(streamId) ?? null) < fold.version);
      const caughtUp = lagging.filter(([streamId]) => !left.some(([id]) => id === streamId));
      for (const [streamId, fold] of caughtUp) this.compareProjection(streamId, fold, docs.get(streamId) ?? null, store.get(streamId), findings, pending);
      lagging = left;
      if (left.length === 0 || performance.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const [streamId, fold] of left) findings.push(...diffProjection(streamId, fold, docs.get(streamId) ?? null));
  }

  /** The `<streamId>#<version>` of the candidates' events that reached the log past the cut's watermarks. */
  private async publishedAfterCut(runId: string, cut: Cut, streams: ReadonlySet<string>): Promise<Set<string>> {
    const now = await this.reader.plan(cut.topics);
    const upTo = new Map(now.map((r) => [`${r.topic}#${r.partition}`, r.toOffset]));
    const tail: ReadRange[] = cut.ranges.map((r) => ({ ...r, fromOffset: r.toOffset, toOffset: upTo.get(`${r.topic}#${r.partition}`) ?? r.toOffset }));
    const seen = new Set<string>();
    await this.reader.read(
      tail,
      (m) => {
        if (m.key === null || !streams.has(m.key.toString()) || m.value === null) return;
        try {
          const e = JSON.parse(m.value.toString('utf8')) as { streamId?: unknown; streamVersion?: unknown };
          if (typeof e.streamId === 'string' && typeof e.streamVersion === 'number') seen.add(`${e.streamId}#${e.streamVersion}`);
        } catch {
          // A malformed message past the cut is the next run's finding.
        }
      },
      { groupId: `audit-replay-${runId}-tail` },
    );
    return seen;
  }
}

interface Cut {
  cutAt: Date;
  ranges: readonly ReadRange[];
  topics: readonly string[];
}

interface RebuildOutcome {
  findings: AuditFinding[];
  pending: PendingItem[];
  rebuiltStreams: number;
  storeStreams: number;
  projectionsCompared: number;
  commitsCompared: number;
}

const projectionVersion = (doc: ProjectionDoc | null): number => (doc && typeof doc.version === 'number' ? doc.version : 0);

/** The read-model documents of some streams, by `_id`. */
async function readProjectionDocs(connection: Connection, streams: ReadonlyArray<[string, StreamFold]>): Promise<Map<string, ProjectionDoc | null>> {
  const out = new Map<string, ProjectionDoc | null>();
  const byCollection = new Map<string, Array<[string, string]>>();
  for (const [streamId, fold] of streams) {
    const p = fold.aggregate?.projection;
    if (!p) continue;
    byCollection.set(p.collection, [...(byCollection.get(p.collection) ?? []), [streamId, p.idOf(streamId)]]);
  }
  for (const [collection, ids] of byCollection) {
    const found = new Map<string, ProjectionDoc>();
    const cursor = connection.collection(collection).find({ _id: { $in: ids.map(([, id]) => id) } } as never, { projection: { _id: 1, version: 1, status: 1 } });
    for await (const d of cursor) found.set(String(d['_id']), { _id: String(d['_id']), version: d['version'], status: d['status'] });
    for (const [streamId, id] of ids) out.set(streamId, found.get(id) ?? null);
  }
  return out;
}
