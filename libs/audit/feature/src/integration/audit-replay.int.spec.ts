import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import { checkpointId, MerkleRangeRoot, referralLifecycle, referralStream, renderReportJson, REFERRAL_INBOX, type AuditFinding, type AuditReport } from '@yrd/audit-domain';
import { eventCatalog, TopicRegistry, type EventEnvelope } from '@yrd/contracts';
import { fixtureKeys, fixtureSigner, type EventMetadata } from '@yrd/event-log';
import { AggregateRepository, CommitStore, EventKeyStore, OutboxRelay, type EventSink } from '@yrd/event-store';
import { EventPublisher, provisionTopics } from '@yrd/messaging';
import { Referral } from '@yrd/referral-domain';
import { eventually, mongoUrlFor, testKafka, uniqueName } from '@yrd/testing';
import { Checkpointer, CheckpointStore, KafkaLogReader, LocalCheckpointNotary, ReportFiles, AuditReplay } from '../index';

jest.setTimeout(120000);

type Plant = (e: EventEnvelope) => Array<EventEnvelope | string>;

/**
 * The relay's sink, with a hand on the wire: it publishes what the commit store holds, except where
 * a test plants a fault, using the publisher's raw send (as a tamperer with broker access would).
 */
class PlantingSink implements EventSink {
  readonly plants = new Map<string, Plant>();
  constructor(
    private readonly publisher: EventPublisher,
    private readonly topic: string,
  ) {}

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    for (const e of events) {
      const sent = (this.plants.get(e.streamId) ?? ((x) => [x]))(e);
      if (sent.length === 0) continue;
      await this.publisher.sendRaw(
        this.topic,
        sent.map((v) => ({ key: e.streamId, value: typeof v === 'string' ? v : JSON.stringify(v) })),
      );
    }
  }
}

const meta = (bureau = '310118'): EventMetadata => ({
  actor: { userId: 'officer-qp-1', bureau, role: 'officer' },
  correlationId: uniqueName('corr-'),
  causationId: null,
  now: new Date(),
});

const brief = (f: AuditFinding) => [f.kind, f.streamId, f.version];

describe('audit replay on the real Kafka broker and FerretDB, with planted faults', () => {
  let kafka: Kafka;
  let conn: Connection;
  let topics: TopicRegistry;
  let topic: string;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let notary: LocalCheckpointNotary;
  let checkpoints: CheckpointStore;
  let replay: AuditReplay;
  let reportDir: string;
  const ids = { ok: uniqueName('ok'), tampered: uniqueName('tam'), removed: uniqueName('rem'), dup: uniqueName('dup'), edited: uniqueName('edi'), lost: uniqueName('lost') };
  const stream = (k: keyof typeof ids) => `referral-${ids[k]}`;
  let first: AuditReport;

  beforeAll(async () => {
    kafka = testKafka();
    topics = new TopicRegistry(uniqueName('audit'));
    topic = topics.eventsTopic('referral');
    await provisionTopics(kafka, topics.all(['referral', 'intake']), { partitions: 3, replicationFactor: 1, minInSyncReplicas: 1 });
    conn = await mongoose.createConnection(mongoUrlFor(uniqueName('audit_'))).asPromise();
    publisher = new EventPublisher(kafka, eventCatalog, topics);
    // The producers' published keys, as the services publish theirs at start.
    for (const key of fixtureKeys()) await new EventKeyStore(conn).publish(key);
    const store = new CommitStore(conn, 'commits_clue_transfer');
    const sink = new PlantingSink(publisher, topic);
    relay = new OutboxRelay(store, sink);
    const repo = new AggregateRepository<Referral.ReferralState, Referral.ReferralEvent>(store, relay, { initialState: () => Referral.initialState, evolve: Referral.evolve }, fixtureSigner('clue-transfer'), { awaitPublish: true });

    // The faults, planted on the wire while the services' store keeps the true events.
    sink.plants.set(stream('tampered'), (e) => (e.streamVersion === 2 ? [{ ...e, payload: { ...e.payload, toBureau: '320509' } }] : [e]));
    sink.plants.set(stream('removed'), (e) => (e.streamVersion === 2 ? [] : [e]));
    sink.plants.set(stream('dup'), (e) => (e.streamVersion === 2 ? [e, e] : [e]));
    // Its last version never reaches the log, though the store marks it published: lost, not in flight.
    sink.plants.set(stream('lost'), (e) => (e.streamVersion === 3 ? [] : [e]));

    for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
      for (const [i, command] of referralLifecycle(ids[key], `clue-of-${ids[key]}`).entries()) {
        const decide = (s: Referral.ReferralState) => Referral.decide(command, s, new Date());
        const outcome = i === 0 ? await repo.create(stream(key), decide, meta()) : await repo.handle(stream(key), decide, meta(i === 2 ? '330421' : '310118'));
        if (!outcome.ok) throw new Error(`${command.type} refused: ${JSON.stringify(outcome.error)}`);
      }
    }

    // Every commit marked published (the lost one too: the relay believes it sent it) before the audit looks.
    await eventually(async () => expect(await conn.collection('commits_clue_transfer').countDocuments({ published: false })).toBe(0), { timeoutMs: 30_000, intervalMs: 100 });

    // The live read model, as the clue-transfer projection keeps it… then one edited behind its back.
    const inbox = conn.collection(REFERRAL_INBOX);
    await inbox.insertMany(Object.values(ids).map((id) => ({ _id: id as never, streamId: `referral-${id}`, version: 3, status: 'accepted' })));
    await inbox.updateOne({ _id: ids.edited as never }, { $set: { status: 'rejected' } });
    // The lost stream's consumer saw what the log holds.
    await inbox.updateOne({ _id: ids.lost as never }, { $set: { version: 2, status: 'delivered' } });

    // Checkpoints every 2 messages, notarized; then one that does not match the log.
    notary = new LocalCheckpointNotary();
    checkpoints = new CheckpointStore(conn);
    const checkpointer = new Checkpointer(new KafkaLogReader(kafka), checkpoints, notary, { everyEvents: 2, intervalMs: 0 });
    const created = await checkpointer.runOnce([topic], { force: true, groupId: uniqueName('audit-checkpoint-') });
    expect(created.length).toBeGreaterThan(3);
    const forged = new MerkleRangeRoot();
    forged.append(Buffer.from('an event that was never in the log'));
    forged.append(Buffer.from('another one'));
    const claim = { topic, partition: 0, fromOffset: 1, toOffset: 3, count: 2, rootHash: forged.rootHex() };
    expect(await checkpoints.insert({ claim, receipt: await notary.notarize(claim) })).toBe(true);

    reportDir = mkdtempSync(join(tmpdir(), 'audit-reports-'));
    replay = new AuditReplay({ kafka, connection: conn, topics, catalog: eventCatalog, checkpoints, trustedNotaryKeys: notary.trustedKeys() });
    first = (await replay.run(uniqueName('run'), { rebuild: true })).report;
  });

  afterAll(async () => {
    await relay?.stop();
    await publisher?.close();
    await conn?.dropDatabase();
    await conn?.close();
    if (reportDir) rmSync(reportDir, { recursive: true, force: true });
  });

  it('reports each planted fault precisely: kind, stream, version — and nothing else', () => {
    const log = first.findings.filter((f) => f.source !== 'notary').map(brief);
    expect(log).toEqual(
      [
        ['duplicate', stream('dup'), 2],
        ['projection-differs', stream('edited'), 3],
        ['gap', stream('removed'), 2],
        ['missing-in-log', stream('removed'), 2],
        ['event-differs', stream('tampered'), 2],
        ['hash-mismatch', stream('tampered'), 2],
        ['missing-in-log', stream('lost'), 3],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1])) || Number(a[2]) - Number(b[2]) || String(a[0]).localeCompare(String(b[0]))),
    );
    const byKind = (k: string, s: string): AuditFinding => {
      const found = first.findings.find((f) => f.kind === k && f.streamId === s);
      if (!found) throw new Error(`no ${k} finding for ${s}`);
      return found;
    };
    expect(byKind('duplicate', stream('dup')).data).toMatchObject({ identical: true });
    expect(byKind('gap', stream('removed')).data).toEqual({ missingFrom: 2, missingTo: 2, readNext: 3 });
    expect(byKind('hash-mismatch', stream('tampered')).location).toMatchObject({ topic });
    expect(byKind('projection-differs', stream('edited')).data).toMatchObject({ collection: REFERRAL_INBOX, field: 'status', expected: 'accepted', actual: 'rejected' });
    expect(first.verdict).toBe('findings');
    expect(first.totals).toMatchObject({ streams: 6, selectedStreams: 6, rebuiltStreams: 6, storeStreams: 6, projectionsCompared: 6, pending: 0 });
    // Every commit but the lost one was compared: 3 per stream.
    expect(first.totals.commitsCompared).toBe(6 * 3 - 1);
    expect(first.durationMs).toBeGreaterThan(0);
  });

  it('finds the checkpoint that does not match the log, and verifies the genuine ones against the notary', () => {
    const notaryFindings = first.findings.filter((f) => f.source === 'notary');
    expect(notaryFindings.map((f) => [f.kind, f.location])).toEqual([['checkpoint-mismatch', { topic, partition: 0, offset: 1 }]]);
    const statuses = first.checkpoints.map((c) => c.status);
    expect(statuses.filter((s) => s === 'mismatch')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'verified').length).toBeGreaterThan(3);
    expect(first.checkpoints.find((c) => c.status === 'mismatch')?.id).toBe(checkpointId({ topic, partition: 0, fromOffset: 1 }));
  });

  it('cuts the stores where it cut the log: commits not yet published or made after the cut are pending, not findings', async () => {
    const store = new CommitStore(conn, 'commits_clue_transfer');
    const unpublished = referralStream(uniqueName('unp'), referralLifecycle('x').slice(0, 1), new Date());
    await store.append(unpublished);
    const cutAt = new Date();
    const later = referralStream(uniqueName('late'), referralLifecycle('y').slice(0, 1), new Date(cutAt.getTime() + 60_000));
    const lateCommit = await store.append(later, new Date(cutAt.getTime() + 60_000));
    await store.markPublished([lateCommit._id]);
    const cut = new AuditReplay({ kafka, connection: conn, topics, catalog: eventCatalog, checkpoints, trustedNotaryKeys: notary.trustedKeys(), clock: () => cutAt });
    const report = (await cut.run(uniqueName('run'), { rebuild: true })).report;
    expect(report.findings.filter((f) => f.source !== 'notary').map(brief)).toEqual(first.findings.filter((f) => f.source !== 'notary').map(brief));
    expect(report.pending.map((p) => [p.reason, p.streamId, p.fromVersion, p.toVersion])).toEqual(
      [
        ['unpublished', unpublished[0].streamId, 1, unpublished.length],
        ['committed-after-cut', later[0].streamId, 1, later.length],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    expect(report.totals.pending).toBe(2);
    await conn.collection('commits_clue_transfer').deleteMany({ _id: { $in: [`${unpublished[0].streamId}:1`, lateCommit._id] } } as never);
  });

  it('replays deterministically: the same log gives byte-identical reports apart from generatedAt', async () => {
    const second = (await replay.run(uniqueName('run'), { rebuild: true })).report;
    const strip = (r: AuditReport) => renderReportJson(r).replace(/"generatedAt": "[^"]+"/, '').replace(/"durationMs": \d+/, '');
    expect(strip(second)).toBe(strip(first));
    const files = new ReportFiles(reportDir);
    const written = await files.write('run-1', second);
    expect(JSON.parse(readFileSync(written.json, 'utf8')).verdict).toBe('findings');
    expect(readFileSync(written.html, 'utf8')).toContain(stream('tampered'));
  });

  it('narrows to a case, a bureau or a type; a clean case is clean', async () => {
    const ok = (await replay.run(uniqueName('run'), { rebuild: true, filter: { caseId: ids.ok } })).report;
    expect(ok).toMatchObject({ verdict: 'clean', totals: { selectedStreams: 1, selectedEvents: 3, findings: 0 } });
    const removed = (await replay.run(uniqueName('run'), { filter: { streams: [stream('removed')] } })).report;
    expect(removed.findings.map(brief)).toEqual([['gap', stream('removed'), 2]]);
    const elsewhere = (await replay.run(uniqueName('run'), { filter: { bureau: '340000' } })).report;
    expect(elsewhere.totals.selectedStreams).toBe(0);
    const rejected = (await replay.run(uniqueName('run'), { filter: { types: ['referral.rejected'] } })).report;
    expect(rejected).toMatchObject({ verdict: 'clean', totals: { selectedStreams: 0, events: first.totals.events } });
  });

  it("gives a case's timeline with each event's verification status", async () => {
    const timeline = await replay.caseTimeline(uniqueName('run'), `clue-of-${ids.tampered}`);
    expect(timeline.streams.map((s) => [s.streamId, s.events, s.status])).toEqual([[stream('tampered'), 3, 'failed']]);
    expect(timeline.events.map((e) => [e.version, e.type, e.status])).toEqual([
      [1, 'referral.created', 'verified'],
      [2, 'referral.delivered', 'failed'],
      [3, 'referral.accepted', 'verified'],
    ]);
    // The log's copy was altered on the wire, so it also differs from the store: both said on its row.
    expect(timeline.events[1].findings).toEqual(['event-differs', 'hash-mismatch']);
    expect(timeline.events[1].details).toEqual([expect.stringMatching(/^log: version 2: the content does not hash/), expect.stringMatching(/^store: version 2 in the log differs from the commit store/)]);
    expect(timeline.findings.map(brief)).toEqual([
      ['event-differs', stream('tampered'), 2],
      ['hash-mismatch', stream('tampered'), 2],
    ]);
  });

  it('tells a commit published after the cut (found past the watermarks) from one the log lost', async () => {
    const store = new CommitStore(conn, 'commits_clue_transfer');
    const cutAt = new Date();
    const events = referralStream(uniqueName('after'), referralLifecycle('z').slice(0, 1), new Date(cutAt.getTime() - 60_000));
    const commit = await store.append(events, new Date(cutAt.getTime() - 60_000));
    // Committed before the cut; the relay publishes it just after the watermarks were read.
    const afterCut = async () => {
      await publisher.sendRaw(topic, events.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })));
      await store.markPublished([commit._id]);
    };
    const cut = new AuditReplay({ kafka, connection: conn, topics, catalog: eventCatalog, checkpoints, trustedNotaryKeys: notary.trustedKeys(), clock: () => cutAt, afterCut });
    const report = (await cut.run(uniqueName('run'), { rebuild: true })).report;
    expect(report.pending.map((p) => [p.reason, p.streamId, p.fromVersion])).toEqual([['published-after-cut', events[0].streamId, 1]]);
    expect(report.findings.filter((f) => f.source !== 'notary').map(brief)).toEqual(first.findings.filter((f) => f.source !== 'notary').map(brief));
    expect(report.findings.map(brief)).toContainEqual(['missing-in-log', stream('lost'), 3]);
  });

  it("never touches the services' consumer groups and leaves no group of its own", async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
      // This run's namespace only: other test runs on the same broker have replays of their own.
      expect(groups.filter((g) => g.startsWith(`${topics.namespace}.`) && g.includes('audit.replay-'))).toEqual([]);
    } finally {
      await admin.disconnect();
    }
  });
});
