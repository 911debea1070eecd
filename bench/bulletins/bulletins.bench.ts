/**
 * Joint bulletins: over HTTP on the Nest module (platform + auth + backbone + BulletinModule on the
 * real Kafka/FerretDB/Redis), each row against an authenticated no-op of the same app with the same
 * body as the baseline:
 *  - propose (hash, Ed25519 signature, insert-only commit, outbox → Kafka) of a one-bureau bulletin,
 *    which publishes it at once; co-signature of a draft by a co-issuing region;
 *  - reads with BULLETINS bulletins in the model: search by category and region, the masked public
 *    JSON feed and the Atom feed (50 entries each).
 *   npm run bench:bulletins -- [--bulletins 2000] [--concurrency 8]
 */
import { loadavg } from 'node:os';
import { devUser } from '@yrd/auth';
import { BulletinModule, BulletinsUseCase, BulletinViewsHost } from '@yrd/bulletin-feature';
import { report, round, type BenchRow } from '../lib/report';
import { timeHttp } from '../lib/timing';
import { startBenchApp } from '../nest/bench-app';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BULLETINS = arg('bulletins', 2_000);
const CONCURRENCY = arg('concurrency', 8);
const CATEGORIES = ['advertising', 'food', 'pricing', 'product-quality'];

const content = (i: number, kind: 'problem' | 'risk-alert' = 'problem') => ({
  kind,
  title: `长三角联合通报 第${i}期：直播带货绝对化用语问题`,
  body: `经查，张三${i % 100}（身份证号 33042119800101${String(1000 + (i % 9000)).slice(-4)}）在直播间宣传商品为“国家级”“最佳”。`.repeat(4),
  category: CATEGORIES[i % CATEGORIES.length] as string,
  industry: 'live-commerce',
  relatedDecisions: [],
  attachments: [],
  audience: { kind: 'public' as const },
  persons: [{ name: `张三${i % 100}` }],
});

async function main() {
  const rows: BenchRow[] = [];
  const { app, port, bearer, close } = await startBenchApp({ service: 'clue-transfer', contexts: ['bulletin', 'sanctions'], imports: [BulletinModule] });
  await app.get(BulletinViewsHost).whenCaughtUp();
  const shanghai = bearer('bureau-sh-1');
  const commands = Math.max(200, Math.round(BULLETINS / 4));

  const propose = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ method: 'POST', path: '/bulletins', body: { coIssuers: [], content: content(from + i) } }));
  await timeHttp('warm-up', port, shanghai, CONCURRENCY, propose(100, 1_000_000));
  rows.push(await timeHttp('baseline: authenticated no-op POST, same body (HTTP)', port, shanghai, CONCURRENCY, Array.from({ length: commands }, (_, i) => ({ method: 'POST', path: '/bench/noop', body: { coIssuers: [], content: content(i) } }))));
  rows.push(await timeHttp('propose + publish, one bureau (HTTP)', port, shanghai, CONCURRENCY, propose(commands)));

  // Drafts with Jiangsu as co-issuer, proposed in-process; Jiangsu co-signs them over HTTP.
  const useCase = app.get(BulletinsUseCase);
  const drafts: string[] = [];
  for (let i = 0; i < commands; i++) drafts.push((await useCase.propose(devUser('bureau-sh-1'), ['320000'], content(commands + i, 'risk-alert'))).bulletinId);
  rows.push(await timeHttp('co-sign → publish (HTTP)', port, bearer('bureau-js-1'), CONCURRENCY, drafts.map((id) => ({ method: 'POST', path: `/bulletins/${id}/cosignature` }))));

  // Fill the model up to BULLETINS for the reads.
  const have = app.get(BulletinViewsHost).views.size;
  for (let i = have; i < BULLETINS; i++) await useCase.propose(devUser('bureau-sh-1'), [], content(10 * commands + i));
  const reads = Math.max(500, commands);
  const auditor = bearer('auditor-1');
  const get = (path: string) => Array.from({ length: reads }, () => ({ method: 'GET', path }));
  rows.push(await timeHttp('baseline: authenticated no-op GET (HTTP)', port, auditor, CONCURRENCY, get('/bench/noop')));
  rows.push(await timeHttp(`search by category and region, ${BULLETINS} bulletins (HTTP)`, port, auditor, CONCURRENCY, get('/bulletins?category=food&region=310000&limit=50')));
  rows.push(await timeHttp('public feed JSON, 50 masked entries (HTTP)', port, '', CONCURRENCY, get('/public/bulletins?limit=50')));
  rows.push(await timeHttp('public feed Atom, 50 masked entries (HTTP)', port, '', CONCURRENCY, get('/public/bulletins.atom?limit=50')));

  const bulletins = app.get(BulletinViewsHost).views.size;
  await close();
  report('bulletins', rows, { bulletins, concurrency: CONCURRENCY, logLevel: 'warn', loadAverage1m: round(loadavg()[0] ?? 0, 2) });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
