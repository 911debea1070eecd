/**
 * Audit replay throughput: the replay with full verification (envelope schema + payload, hash
 * recomputed, chain links, versions, producers' Ed25519 signatures, checkpoint ranges) and the
 * same replay without the signature check, versus raw kafkajs consumption of the same topic, in
 * the same run, with the same fetch settings; and the per-event cost of a consumer's checks
 * (signature + link) against the checks without them.
 *   npx tsx --tsconfig bench/tsconfig.json bench/audit/audit.bench.ts [--events 1000000] [--per-stream 10] [--batch 3000]
 * Produces the events first (idempotent producer, batches of whole streams), deletes the topic after.
 */
import mongoose from 'mongoose';
import { CompressionTypes, type Message } from 'kafkajs';
import { AuditReplay, CheckpointStore, REPLAY_FETCH } from '@yrd/audit-feature';
import { eventCatalog, TopicRegistry } from '@yrd/contracts';
import { chainEvents, checkEnvelope, decideLink, emptyHead, fixtureKeys, fixtureSigner, Keyring, type AppliedHead } from '@yrd/event-log';
import { provisionTopics } from '@yrd/messaging';
import { dropRunDatabase, mongoUrlFor, testKafka, uniqueName } from '@yrd/testing';
import { report, round, type BenchRow } from '../lib/report';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1_000_000);
const PER_STREAM = arg('per-stream', 10);
// Whole streams per produce request; signed events (~0.6 KB) keep a partition's share under the broker's 1 MB.
const BATCH = arg('batch', 3000);
const PARTITIONS = arg('partitions', 3);

const mb = (n: number) => round(n / 1024 / 1024, 0);

/** Samples memory while a phase runs: the replay must stay bounded (it keeps cursors, not events). */
function memoryPeak() {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakRssMb: mb(peakRss), peakHeapMb: mb(peakHeap) };
    },
  };
}

async function main() {
  const kafka = testKafka(uniqueName('bench-audit-'));
  const topics = new TopicRegistry(uniqueName('bauditx'));
  const topic = topics.eventsTopic('diagnostics');
  await provisionTopics(kafka, topics.all(['diagnostics']), { partitions: PARTITIONS, replicationFactor: 1, minInSyncReplicas: 1 });
  const mongoUrl = mongoUrlFor(uniqueName('bench_audit_'));
  const conn = await mongoose.createConnection(mongoUrl).asPromise();
  const rows: BenchRow[] = [];
  const admin = kafka.admin();
  await admin.connect();

  try {
    // 1. Produce EVENTS small valid chained events: streams of PER_STREAM, whole streams per batch.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    const actor = { userId: 'bench', bureau: '310118', role: 'system' as const };
    const streamsPerBatch = Math.max(1, Math.floor(BATCH / PER_STREAM));
    let produced = 0;
    let bytes = 0;
    let stream = 0;
    const p0 = performance.now();
    while (produced < EVENTS) {
      const messages: Message[] = [];
      for (let s = 0; s < streamsPerBatch && produced + messages.length < EVENTS; s++, stream++) {
        const n = Math.min(PER_STREAM, EVENTS - produced - messages.length);
        const events = chainEvents(emptyHead(`probe-b${stream}`), Array.from({ length: n }, (_, seq) => ({ type: 'backbone.probed', data: { seq } })), {
          actor,
          correlationId: `bench-${stream}`,
          causationId: null,
          now: new Date(),
        }, fixtureSigner('audit'));
        for (const e of events) {
          const value = JSON.stringify(e);
          bytes += value.length;
          messages.push({ key: e.streamId, value });
        }
      }
      await producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages });
      produced += messages.length;
      if (produced % 100_000 < messages.length) process.stderr.write(`  produced ${produced}\n`);
    }
    const produceSecs = (performance.now() - p0) / 1000;
    await producer.disconnect();
    rows.push({ name: 'produce (idempotent, acks=all)', messages: produced, streams: stream, 'avg bytes': round(bytes / produced, 0), 'events/s': round(produced / produceSecs, 0), secs: round(produceSecs, 1) });

    process.stderr.write('  raw kafkajs consume…\n');
    // 2. Baseline: raw kafkajs consumption of the same topic, same fetch settings, counting only.
    const raw = kafka.consumer({ groupId: uniqueName('bench-audit-raw-'), ...REPLAY_FETCH });
    const r0 = performance.now();
    let rawFirst = 0;
    let received = 0;
    const rawMem = memoryPeak();
    await raw.connect();
    raw.on(raw.events.GROUP_JOIN, () => (rawFirst = performance.now()));
    await raw.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void raw.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          received += batch.messages.length;
          if (received >= produced) resolve();
        },
      });
    });
    const rawEnd = performance.now();
    const rawMemory = rawMem.stop();
    await raw.disconnect();
    const rawRate = received / ((rawEnd - rawFirst) / 1000);
    rows.push({ name: 'raw kafkajs consume', messages: received, 'events/s': round(rawRate, 0), secs: round((rawEnd - rawFirst) / 1000, 1), 'wall secs': round((rawEnd - r0) / 1000, 1), 'peak rss MB': rawMemory.peakRssMb });

    // 3. The audit replay with full verification (no rebuild: the bench events are no aggregate),
    //    with and without the producers' signatures checked.
    const keyring = new Keyring(fixtureKeys());
    const replayOnce = async (name: string, withSignatures: boolean) => {
      process.stderr.write(`  ${name}…\n`);
      const replay = new AuditReplay({ kafka, connection: conn, topics, catalog: eventCatalog, checkpoints: new CheckpointStore(conn), trustedNotaryKeys: [], keyring: withSignatures ? keyring : null });
      let replayFirst = 0;
      const a0 = performance.now();
      const replayMem = memoryPeak();
      const { report: audit } = await replay.run(uniqueName('bench'), { rebuild: false }, (p) => {
        // Both are timed from the moment their consumer group has joined (the broker's rebalance delay is not reading).
        if (replayFirst === 0 && p.phase === 'reading') replayFirst = performance.now();
      });
      const replayEnd = performance.now();
      const replayMemory = replayMem.stop();
      const replayRate = audit.totals.events / ((replayEnd - replayFirst) / 1000);
      if (audit.totals.events !== produced || audit.verdict !== 'clean') throw new Error(`replay saw ${audit.totals.events} events, verdict ${audit.verdict}`);
      rows.push({
        name,
        messages: audit.totals.events,
        streams: audit.totals.streams,
        findings: audit.totals.findings,
        'events/s': round(replayRate, 0),
        'vs raw': round(replayRate / rawRate, 3),
        secs: round((replayEnd - replayFirst) / 1000, 1),
        'wall secs': round((replayEnd - a0) / 1000, 1),
        // The report's own figure: planning to report, the group join included.
        'report secs': round(audit.durationMs / 1000, 1),
        'peak rss MB': replayMemory.peakRssMb,
        'peak heap MB': replayMemory.peakHeapMb,
      });
      return replayRate;
    };
    const replayRate = await replayOnce('audit replay + verify (signatures checked)', true);
    const unsignedReplayRate = await replayOnce('audit replay + verify, no signature check', false);

    // 4. Where the time goes: the per-event verification alone, on one core, without Kafka.
    const sample = chainEvents(emptyHead('probe-cost'), Array.from({ length: PER_STREAM }, (_, seq) => ({ type: 'backbone.probed', data: { seq } })), {
      actor,
      correlationId: 'bench-cost',
      causationId: null,
      now: new Date(),
    }, fixtureSigner('audit')).map((e) => Buffer.from(JSON.stringify(e)));
    const COST_N = 100_000;
    const cost = (name: string, check: (value: Buffer, head: AppliedHead | null) => AppliedHead) => {
      let head: AppliedHead | null = null;
      const v0 = performance.now();
      for (let i = 0; i < COST_N; i++) {
        const k = i % sample.length;
        head = check(sample[k], k === 0 ? null : head);
      }
      const secs = (performance.now() - v0) / 1000;
      rows.push({ name, messages: COST_N, 'events/s': round(COST_N / secs, 0), 'µs/event': round((secs * 1e6) / COST_N, 2) });
    };
    const envelopeOf = (value: Buffer, withKeyring: boolean) => {
      const check = checkEnvelope(JSON.parse(value.toString('utf8')), eventCatalog, withKeyring ? keyring : undefined);
      if (!check.ok) throw new Error(check.error);
      return check.envelope;
    };
    cost('verify only (parse+schema+hash), 1 core, no Kafka', (value) => {
      const e = envelopeOf(value, false);
      return { version: e.streamVersion, hash: e.hash };
    });
    cost("consumer's checks (+ Ed25519 signature + link), 1 core, no Kafka", (value, head) => {
      const e = envelopeOf(value, true);
      if (decideLink(head, e).kind !== 'next') throw new Error(`not the next link: ${e.streamId} v${e.streamVersion}`);
      return { version: e.streamVersion, hash: e.hash };
    });

    const ratio = round(replayRate / rawRate, 3);
    const unsignedRatio = round(unsignedReplayRate / rawRate, 3);
    console.log(`replay+verify / raw consume = ${ratio} with signatures checked, ${unsignedRatio} without (aim >= 0.7)`);
    report('audit', rows, {
      ratios: { replayVsRawConsume: ratio, replayWithoutSignaturesVsRawConsume: unsignedRatio, signatureCost: round(unsignedReplayRate / replayRate, 3), aim: 0.7 },
      params: { EVENTS, PER_STREAM, BATCH, PARTITIONS, fetch: REPLAY_FETCH },
    });
  } finally {
    await admin.deleteTopics({ topics: [topic, topics.dlqTopic(topic)] }).catch(() => undefined);
    await admin.disconnect();
    await conn.close();
    await dropRunDatabase(mongoUrl);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
