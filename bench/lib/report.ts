import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface BenchRow {
  name: string;
  [metric: string]: string | number;
}

/** Percentile of an unsorted sample (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Prints the rows as a table and writes them, with the run's context, to bench/results/<name>.json. */
export function report(benchmark: string, rows: BenchRow[], extra: Record<string, unknown> = {}): string {
  console.table(rows.map(({ name, ...rest }) => ({ name, ...rest })));
  const file = join(__dirname, '..', 'results', `${benchmark}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const doc = { benchmark, at: new Date().toISOString(), node: process.version, cpus: require('node:os').cpus().length, rows, ...extra };
  writeFileSync(file, JSON.stringify(doc, null, 2));
  console.log(`wrote ${file}`);
  return file;
}
