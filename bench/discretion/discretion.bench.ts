/**
 * Discretion suggestions: suggestions/s with p50/p99,
 *  - in-process: the pure `suggestPenalty` (exemption evaluation + the standard's bands), against
 *    the exemption evaluator alone (its first step) as the baseline;
 *  - over HTTP: `POST /discretion/suggest` on the Nest module (platform + auth + backbone +
 *    PenaltyDecisionsModule on the real Kafka/FerretDB/Redis), against an authenticated no-op POST
 *    of the same app with the same body. A suggestion writes nothing.
 *   npm run bench:discretion -- [--suggestions 4000] [--concurrency 8]
 */
import { loadavg } from 'node:os';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { bundledStandards, suggestPenalty } from '@yrd/discretion-domain';
import { bundledRegistry, evaluateCase, type CaseFacts, type PriorViolation } from '@yrd/exemption-domain';
import { PenaltyDecisionsModule, SanctionsReadModelsHost } from '@yrd/sanctions-feature';
import { report, round, type BenchRow } from '../lib/report';
import { timeHttp, timeSync } from '../lib/timing';
import { startBenchApp } from '../nest/bench-app';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUGGESTIONS = arg('suggestions', 4_000);
const CONCURRENCY = arg('concurrency', 8);

const creditCode = (i: number) => withCreditCodeCheckChar(`91310118MB${String(i).padStart(7, '0')}`);

/** A mix that reaches every band and the exemption: one case in six each. */
const facts = (i: number): CaseFacts => {
  const base: CaseFacts = {
    caseRef: `bench-${i}`,
    bureau: i % 2 === 0 ? '310118' : '330421',
    subject: { name: 'x', creditCode: creditCode(i) },
    violationKind: 'advertising.absolute-terms',
    caseDate: i % 3 === 0 ? '2027-02-01' : '2026-06-01',
    discoveredOn: '2026-05-01',
    correction: { orderedBy: '2026-05-20' },
    harm: 'minor',
    violationDays: 30 + (i % 200),
    flags: { ownPremisesOrSelfMedia: false },
  };
  switch (i % 6) {
    case 0:
      return { ...base, harm: 'none', correction: { orderedBy: '2026-05-20', correctedOn: '2026-05-10' }, flags: { ownPremisesOrSelfMedia: true } };
    case 1:
      return { ...base, flags: { ownPremisesOrSelfMedia: false, mitigatedHarm: true } };
    case 2:
      return { ...base, correction: { orderedBy: '2026-05-20', correctedOn: '2026-05-15' }, violationDays: 10 };
    case 3:
      return { ...base, flags: { ownPremisesOrSelfMedia: false, obstructedInvestigation: true } };
    case 4:
      return { ...base, noSubjectiveFaultProven: true };
    default:
      return base;
  }
};
const prior: PriorViolation = { decisionId: 'd', decisionNumber: 'n', violationKind: 'advertising.absolute-terms', decisionDate: '2025-01-01', sourceRegion: '310000', origin: 'recognised' };

async function main() {
  const rows: BenchRow[] = [];
  const lists = bundledRegistry();
  const standards = bundledStandards();
  const n = SUGGESTIONS * 10;
  const bands = new Map<string, number>();
  rows.push(timeSync('baseline: exemption evaluation alone (in-process)', n, (i) => evaluateCase(lists, facts(i), i % 5 === 0 ? [prior] : [])));
  rows.push(
    timeSync('suggestion (in-process)', n, (i) => {
      const r = suggestPenalty({ standards, lists, facts: facts(i), history: i % 5 === 0 ? [prior] : [] });
      const key = r.ok ? `${r.suggestion.outcome}/${r.suggestion.band}` : r.error.code;
      bands.set(key, (bands.get(key) ?? 0) + 1);
    }),
  );

  const { app, port, bearer, close } = await startBenchApp({ service: 'case-intake', contexts: ['sanctions'], imports: [PenaltyDecisionsModule] });
  await app.get(SanctionsReadModelsHost).whenCaughtUp();

  const auth = bearer('officer-qp-1');
  const suggest = (count: number) => Array.from({ length: count }, (_, i) => ({ method: 'POST', path: '/discretion/suggest', body: { facts: facts(i) } }));
  await timeHttp('warm-up', port, auth, CONCURRENCY, suggest(500));
  rows.push(await timeHttp('baseline: authenticated no-op POST, same body (HTTP)', port, auth, CONCURRENCY, Array.from({ length: SUGGESTIONS }, (_, i) => ({ method: 'POST', path: '/bench/noop', body: { facts: facts(i) } }))));
  rows.push(await timeHttp('suggestion (HTTP)', port, auth, CONCURRENCY, suggest(SUGGESTIONS)));
  rows.push(await timeHttp('suggestion (HTTP, 1 client)', port, auth, 1, suggest(Math.round(SUGGESTIONS / 4))));

  await close();
  report('discretion', rows, { suggestionMix: Object.fromEntries(bands), concurrency: CONCURRENCY, logLevel: 'warn', loadAverage1m: round(loadavg()[0] ?? 0, 2) });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
