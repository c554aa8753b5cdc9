// Where the bench parts leave their figures: one JSON file each in bench-results/ (git-ignored); scripts/bench.mjs
// combines them into bench-results/bench-results.json and the table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_DIR = path.resolve(process.env.BENCH_RESULTS_DIR ?? 'bench-results');

export function writeBenchPart(name: string, data: unknown): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

/** The value at the q-th quantile (0–1) of the numbers, nearest-rank; undefined when there are none. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export function summarise(values: readonly number[]): { n: number; p50?: number; p75?: number; max?: number } {
  const round = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 10) / 10);
  return { n: values.length, p50: round(quantile(values, 0.5)), p75: round(quantile(values, 0.75)), max: round(values.length ? Math.max(...values) : undefined) };
}
