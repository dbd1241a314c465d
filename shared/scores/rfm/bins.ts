import type { BinMethod } from './settings';

/**
 * Values of one measure (recency days, order count or revenue) as a sorted
 * frequency table: distinct values ascending, with how many customers have
 * each. SQL hands these over with one GROUP BY, so a million customers cost
 * as many entries as there are distinct values, and quantiles stay exact.
 */
export interface ValueCounts {
  values: readonly number[];
  counts: readonly number[];
}

/** The frequency table of plain values (tests and small inputs). */
export function valueCountsOf(values: readonly number[]): ValueCounts {
  const sorted = [...values].sort((a, b) => a - b);
  const out: { values: number[]; counts: number[] } = { values: [], counts: [] };
  for (const value of sorted) {
    if (out.values.at(-1) === value) out.counts[out.counts.length - 1]! += 1;
    else {
      out.values.push(value);
      out.counts.push(1);
    }
  }
  return out;
}

const total = (table: ValueCounts): number => table.counts.reduce((sum, count) => sum + count, 0);

/** The k-th smallest value (1-based, as R indexes) of the expanded table. */
function kth(table: ValueCounts, k: number): number {
  let seen = 0;
  for (let i = 0; i < table.values.length; i++) {
    seen += table.counts[i]!;
    if (seen >= k) return table.values[i]!;
  }
  throw new RangeError(`no value at position ${k}`);
}

/**
 * R's `quantile(x, probs)` with its default type 7, written the way R's
 * quantile.default computes it (index = 1 + (n − 1)p, then (1 − h)·x[lo] +
 * h·x[hi] only where the two differ), so results agree to the last bit.
 */
export function quantileType7(table: ValueCounts, p: number): number {
  const n = total(table);
  if (n === 0) throw new RangeError('quantile of no values');
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = kth(table, lo);
  const high = kth(table, hi);
  if (!(index > lo) || high === low) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}

/** R's `seq(0, 1, length.out = n + 1)` without its ends: i · (1 / n). */
export const innerProbabilities = (bins: number): number[] => Array.from({ length: bins - 1 }, (_, i) => (i + 1) * (1 / bins));

/**
 * The cut points between bins. `rfm` is the R package's `bins()`: the inner
 * type-7 quantiles plus one. `quantile` takes the quantiles as they are.
 * A value v falls in bin i when cut[i − 1] <= v < cut[i] (bin 1 from the
 * minimum, the last bin up to the maximum), so equal values share a bin and
 * repeated cut points leave bins empty, as in the package.
 */
export function cutPoints(table: ValueCounts, bins: number, method: BinMethod): number[] {
  const shift = method === 'rfm' ? 1 : 0;
  return innerProbabilities(bins).map((p) => quantileType7(table, p) + shift);
}

/** Which bin (1 … cuts.length + 1) a value falls in: the first whose upper bound is above it. */
export function binOf(value: number, cuts: readonly number[]): number {
  for (let i = 0; i < cuts.length; i++) if (value < cuts[i]!) return i + 1;
  return cuts.length + 1;
}

/** The score a bin gives: recency counts down (fewest days since the last order scores highest), the others up. */
export const scoreOfBin = (bin: number, bins: number, measure: Measure): number => (measure === 'recency' ? bins + 1 - bin : bin);

export type Measure = 'recency' | 'frequency' | 'monetary';
export const MEASURES: readonly Measure[] = ['recency', 'frequency', 'monetary'];
