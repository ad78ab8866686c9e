import { itemAt } from '../src/shared/lists';
// Small statistics and table printing for the benchmarks.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return itemAt(sorted, Math.min(sorted.length, Math.max(1, rank)) - 1);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? itemAt(sorted, mid) : (itemAt(sorted, mid - 1) + itemAt(sorted, mid)) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: median(values),
    p95: percentile(values, 95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Milliseconds to print: three decimals under 0.1 ms (an exact lookup's 0.04 ms hides a 2x difference), two under 10. */
export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 0.1 ? 3 : value < 10 ? 2 : 1) : '-');

/** A plain-text table: the first row is the header; numbers are right-aligned. */
export function table(rows: string[][]): string {
  const [header = []] = rows;
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const numeric = (text: string) => /^[-\d.,x×%]+( ms| KB)?$/.test(text.trim());
  const line = (row: string[]) =>
    row.map((cell, column) => (numeric(cell) && rows.indexOf(row) > 0 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.slice(1).map(line)].join('\n');
}
