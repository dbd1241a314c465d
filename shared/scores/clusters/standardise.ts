import { mean, standardDeviation } from 'simple-statistics';

export interface Standardisation {
  transform: 'log1p' | 'none';
  mean: number;
  sd: number;
}

/**
 * Columns of raw feature values to rows of z-scores, after log(1 + x) where
 * asked. A constant column (sd 0) becomes all zeros instead of NaN, so it
 * simply does not separate anyone.
 */
export function standardise(
  columns: readonly ArrayLike<number>[],
  transforms: readonly ('log1p' | 'none')[],
): { points: number[][]; params: Standardisation[] } {
  const n = columns[0]?.length ?? 0;
  const params: Standardisation[] = columns.map((column, j) => {
    const transform = transforms[j] ?? 'none';
    const values = Array.from(column, (x) => (transform === 'log1p' ? Math.log1p(Math.max(0, x)) : x));
    const sd = n > 1 ? standardDeviation(values) : 0;
    return { transform, mean: n > 0 ? mean(values) : 0, sd };
  });
  const points: number[][] = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(columns.length);
    for (let j = 0; j < columns.length; j++) {
      const { transform, mean: m, sd } = params[j] as Standardisation;
      const raw = (columns[j] as ArrayLike<number>)[i] as number;
      const x = transform === 'log1p' ? Math.log1p(Math.max(0, raw)) : raw;
      row[j] = sd > 0 ? (x - m) / sd : 0;
    }
    points[i] = row;
  }
  return { points, params };
}
