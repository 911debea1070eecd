/**
 * Sustained referral pipeline: clues submitted over HTTP to case-intake at increasing rates; each
 * clue is timed until its referral is visible in the target bureau's inbox — observed as the
 * `referral.delivered` event, which clue-transfer appends only after writing the inbox entry (so
 * the measurement adds no read load on the database). Stops when the delivered rate stops rising.
 * Baseline: raw kafkajs produce on the same broker in the same run. Needs the built services.
 *   npm run bench:referral -- [--rates 50,100,200,400,800,1200] [--seconds 8]
 */
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { testKafka, uniqueName } from '@yrd/testing';
import { ApiClient } from '../../test/support/api-client';
import { RunningSystem } from '../../test/support/running-system';
import { rawKafkaProduceRate } from '../lib/raw-kafka-baseline';
import { percentile, report, round, type BenchRow } from '../lib/report';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RATES = arg('rates', '50,100,200,400,800,1200').split(',').map(Number);
const SECONDS = Number(arg('seconds', '8'));
const COMPANY = withCreditCodeCheckChar('91330421MA2B00001');

async function main() {
  const rawRate = await rawKafkaProduceRate(testKafka(), `${uniqueName('benchraw')}.raw`);
  const system = new RunningSystem({ LOG_LEVEL: 'warn' });
  await system.start('case-intake', 'clue-transfer');
  const officer = new ApiClient(system.url('case-intake'), 'officer-qp-1');
  const sentAt = new Map<string, number>();
  const deliveredAt = new Map<string, number>();
  const watcher = testKafka().consumer({ groupId: uniqueName('bench-watch-') });
  await watcher.connect();
  await watcher.subscribe({ topic: `${system.namespace}.referral.events`, fromBeginning: true });
  await watcher.run({
    eachMessage: async ({ message }) => {
      const e = JSON.parse(String(message.value)) as { type: string; payload: { referralId: string } };
      if (e.type === 'referral.delivered' && !deliveredAt.has(e.payload.referralId)) deliveredAt.set(e.payload.referralId, performance.now());
    },
  });
  const body = {
    subject: { name: '嘉善某电子商务有限公司', creditCode: COMPANY },
    allegedViolation: '虚假宣传',
    facts: '网店页面宣称产品为“国家级”“最佳”。',
    place: { divisionCode: '310118', address: '上海市青浦区' },
    evidenceRefs: [],
    urgency: 'normal',
  };
  const rows: BenchRow[] = [];
  let best = 0;
  try {
    for (const rate of RATES) {
      const ids: string[] = [];
      let errors = 0;
      let submitted = 0;
      const total = rate * SECONDS;
      const start = performance.now();
      const inFlight = new Set<Promise<void>>();
      for (let i = 0; i < total; i++) {
        const due = start + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        while (inFlight.size >= 512) await Promise.race(inFlight);
        const p: Promise<void> = (async () => {
          const t0 = performance.now();
          const res = await officer.post<{ clueId: string }>('/clues', body);
          if (res.status !== 201) {
            errors++;
            return;
          }
          submitted++;
          const id = `rf-${res.body.clueId}`;
          sentAt.set(id, t0);
          ids.push(id);
        })().catch(() => void errors++);
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
      await Promise.all(inFlight);
      const submitSecs = (performance.now() - start) / 1000;
      const drainDeadline = performance.now() + 60000;
      while (ids.some((id) => !deliveredAt.has(id)) && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 50));
      const lost = ids.filter((id) => !deliveredAt.has(id)).length;
      const lastDelivery = Math.max(...ids.map((id) => deliveredAt.get(id) ?? 0));
      const allSecs = (lastDelivery - start) / 1000;
      const latencies = ids.flatMap((id) => (deliveredAt.has(id) ? [(deliveredAt.get(id) ?? 0) - (sentAt.get(id) ?? 0)] : []));
      errors += lost;
      const delivered = (submitted - lost) / allSecs;
      rows.push({
        name: `offered ${rate}/s`,
        submitted,
        errors,
        'submit/s': round(submitted / submitSecs, 0),
        'referrals/s': round(delivered, 0),
        'p50 ms': round(percentile(latencies, 50)),
        'p95 ms': round(percentile(latencies, 95)),
        'p99 ms': round(percentile(latencies, 99)),
      });
      console.log(rows[rows.length - 1]);
      if (delivered < best * 1.05 || errors > total * 0.01) break;
      best = Math.max(best, delivered);
    }
  } finally {
    await watcher.disconnect();
    await system.stopAll();
  }
  rows.push({ name: 'raw kafkajs produce (baseline)', 'msg/s': round(rawRate, 0) });
  report('referral', rows, {
    sustainedReferralsPerSecond: round(best, 0),
    target: { referralsPerSecond: 1000, p99Ms: 250 },
    params: { RATES, SECONDS },
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
