import { medianAbsoluteDeviation, medianSorted, quantileSorted } from 'simple-statistics';
import type { OutlierFences } from './report';

/** Iglewicz and Hoaglin's cut-off for the modified z-score. */
export const ROBUST_Z_LIMIT = 3.5;
/** 0.6745 is the 75th percentile of the standard normal: it makes the MAD comparable to a standard deviation. */
const MAD_SCALE = 0.6745;
/** Tukey's "far out" fences. */
export const IQR_FACTOR = 3;

export interface FenceOptions {
  /** robust-z for amounts and counts; iqr for dates, whose spread is a span of time rather than a scatter around a centre. */
  method: 'robust-z' | 'iqr';
  /**
   * Measure on log(1 + x). Amounts and counts are right-skewed (many small orders, a few large ones), and
   * on their own scale the long tail would be a tenth of the customers; on the log scale an outlier is one
   * an order of magnitude away, like 99,999 among orders around 100. Only for values that are all ≥ 0.
   */
  log: boolean;
}

const toLog = (x: number): number => Math.log1p(x);
const fromLog = (y: number): number => Math.expm1(y);

/**
 * Outlier fences from a sample of a field's values: the robust z-score
 * (median and median absolute deviation), which a few wild values cannot
 * drag, falling back to the interquartile range when the MAD is 0 (a field
 * where most values are the same). When both spreads are 0 nothing is an
 * outlier: a value that differs from a constant field is not "far" on any
 * scale we can defend. Fences are returned on the values' own scale.
 */
export function outlierFences(sample: readonly number[], options: FenceOptions): OutlierFences | null {
  if (sample.length === 0) return null;
  const log = options.log && sample.every((x) => x >= 0);
  const sorted = (log ? sample.map(toLog) : [...sample]).sort((a, b) => a - b);
  const back = log ? fromLog : (y: number) => y;
  const median = medianSorted(sorted);
  const mad = medianAbsoluteDeviation(sorted);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const base = { median: back(median), mad, q1: back(q1), q3: back(q3), sampled: sorted.length, log };
  if (options.method === 'robust-z' && mad > 0) {
    const reach = (ROBUST_Z_LIMIT * mad) / MAD_SCALE;
    return { ...base, method: 'robust-z', low: back(median - reach), high: back(median + reach) };
  }
  const iqr = q3 - q1;
  if (iqr > 0) return { ...base, method: 'iqr', low: back(q1 - IQR_FACTOR * iqr), high: back(q3 + IQR_FACTOR * iqr) };
  return { ...base, method: 'none', low: back(median), high: back(median) };
}

/** The modified z-score of one value (0 when the MAD is 0). */
export function robustZ(value: number, fences: Pick<OutlierFences, 'median' | 'mad' | 'log'>): number {
  if (fences.mad === 0) return 0;
  const [x, m] = fences.log ? [toLog(value), toLog(fences.median)] : [value, fences.median];
  return (MAD_SCALE * (x - m)) / fences.mad;
}

export type OutlierSide = 'low' | 'high' | null;

export function outlierSide(value: number, fences: Pick<OutlierFences, 'method' | 'low' | 'high'>): OutlierSide {
  if (fences.method === 'none') return null;
  if (value < fences.low) return 'low';
  if (value > fences.high) return 'high';
  return null;
}
