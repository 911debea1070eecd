/**
 * Sanctions and exemptions: interception checks/s and exemption evaluations/s with p50/p99,
 *  - in-process (the read model's `check` and the pure evaluator),
 *  - over HTTP against the Nest module (platform + auth + backbone + SanctionsModule on the real
 *    Kafka/FerretDB/Redis), with an authenticated no-op route of the same app as the baseline.
 * The check is served from memory and audited by a batched insert-only log; an HTTP evaluation
 * also records `exemption.evaluated` (a commit + publish), so it is a write.
 *   npm run bench:sanctions -- [--sanctions 100000] [--checks 20000] [--evals 2000] [--concurrency 8]
 */
import { loadavg } from 'node:os';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { bundledRegistry, evaluateCase, type CaseFacts } from '@yrd/exemption-domain';
import { RULES, SanctionsIndex, type Sanction } from '@yrd/sanctions-domain';
import { CheckLog, SanctionsModule, SanctionsReadModelsHost } from '@yrd/sanctions-feature';
import { report, round, type BenchRow } from '../lib/report';
import { timeHttp, timeSync, type HttpRequestSpec } from '../lib/timing';
import { startBenchApp } from '../nest/bench-app';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SANCTIONS = arg('sanctions', 100_000);
const CHECKS = arg('checks', 20_000);
const EVALS = arg('evals', 2_000);
const CONCURRENCY = arg('concurrency', 8);

const creditCode = (i: number) => withCreditCodeCheckChar(`91310118MA${String(i).padStart(7, '0')}`);

/** `n` imposed sanctions (every third lifelong food ban, the rest 5-year bans and listings). */
function fill(index: SanctionsIndex, n: number): void {
  for (let i = 0; i < n; i++) {
    const event: Sanction.SanctionImposed = {
      type: 'sanction.imposed',
      data: {
        sanctionId: `bench.${i}`,
        kind: i % 3 === 2 ? 'serious-violation-list' : 'food-industry-ban',
        subject: { name: `主体${i}`, creditCode: creditCode(i) },
        start: '2025-01-01',
        ...(i % 3 === 0 ? {} : { until: '2029-12-31' }),
        lifelong: i % 3 === 0,
        basis: i % 3 === 0 ? RULES.FOOD_BAN_CRIME : RULES.FOOD_BAN_LICENCE_REVOKED,
        source: { type: 'penalty-decision', ref: `pd${i}`, documentNumber: `沪市监处〔2025〕${i}号`, region: '310000', issuer: '310118' },
        reason: 'bench',
        imposedAt: '2025-01-01T00:00:00.000Z',
      },
    };
    index.apply(event, 1);
  }
}

const facts = (i: number): CaseFacts => ({
  caseRef: `bench-${i}`,
  bureau: '330421',
  subject: { name: 'x', creditCode: creditCode(i % SANCTIONS) },
  violationKind: i % 2 === 0 ? 'advertising.absolute-terms' : 'food.label-defect',
  caseDate: '2026-06-01',
  discoveredOn: '2026-05-20',
  correction: { orderedBy: '2026-05-27', correctedOn: '2026-05-25' },
  harm: 'none',
  flags: { ownPremisesOrSelfMedia: true, affectsFoodSafety: false, misleadsConsumers: false },
});

async function main() {
  const rows: BenchRow[] = [];
  // ── in-process ───────────────────────────────────────────────────────────────────────────
  const index = new SanctionsIndex();
  const tFill = performance.now();
  fill(index, SANCTIONS);
  const fillMs = performance.now() - tFill;
  const probes = Array.from({ length: 1000 }, (_, i) => ({ creditCode: creditCode(i % 2 === 0 ? i * 7 : SANCTIONS + i) }));
  rows.push(timeSync('baseline: Map.get (in-process)', CHECKS * 5, (i) => index.get(`bench.${i % SANCTIONS}`)));
  rows.push(timeSync('interception check (in-process)', CHECKS * 5, (i) => index.check(probes[i % probes.length] ?? {}, '2026-06-01', '330000')));
  const registry = bundledRegistry();
  const history = [{ decisionId: 'd', decisionNumber: 'n', violationKind: 'advertising.absolute-terms', decisionDate: '2025-01-01', sourceRegion: '310000', origin: 'recognised' as const }];
  rows.push(timeSync('exemption evaluation (in-process)', EVALS * 10, (i) => evaluateCase(registry, facts(i), i % 4 === 0 ? history : [])));

  // ── over HTTP, against the module on the real servers ────────────────────────────────────
  const { app, port, bearer, close } = await startBenchApp({ service: 'clue-transfer', contexts: ['sanctions'], imports: [SanctionsModule] });
  const host = app.get(SanctionsReadModelsHost);
  await host.whenCaughtUp();
  fill(host.models.sanctions, SANCTIONS);

  const auth = bearer('officer-jsh-1');
  const checks = (n: number): HttpRequestSpec[] => Array.from({ length: n }, (_, i) => ({ method: 'GET', path: `/sanctions/check?creditCode=${probes[i % probes.length]?.creditCode}` }));
  await timeHttp('warm-up', port, auth, CONCURRENCY, checks(1000));
  rows.push(await timeHttp('baseline: authenticated no-op (HTTP)', port, auth, CONCURRENCY, Array.from({ length: CHECKS }, () => ({ method: 'GET', path: '/bench/noop' }))));
  rows.push(await timeHttp('interception check (HTTP, audited)', port, auth, CONCURRENCY, checks(CHECKS)));
  rows.push(await timeHttp('interception check (HTTP, audited, 1 client)', port, auth, 1, checks(Math.round(CHECKS / 4))));
  rows.push(await timeHttp('exemption evaluation (HTTP, records an event)', port, auth, CONCURRENCY, Array.from({ length: EVALS }, (_, i) => ({ method: 'POST', path: '/exemptions/evaluate', body: facts(i) }))));

  const log = app.get(CheckLog);
  await log.flush();
  const logged = await log.collection.countDocuments({});
  await close();
  report('sanctions', rows, { sanctionsIndexed: SANCTIONS, indexFillMs: round(fillMs, 0), checkLogEntriesWritten: logged, concurrency: CONCURRENCY, logLevel: 'warn', loadAverage1m: round(loadavg()[0] ?? 0, 2) });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
