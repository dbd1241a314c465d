import { sample } from 'simple-statistics';
import { minimise } from '../optimize/minimise';
import { seededRandom } from '../propensity/split';
import { logLikelihood, type BgNbdParams, type Rfm } from './model';

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  /** Customers the fit saw (all of them, or the seeded sample), and how many of them bought again. */
  customers: number;
  repeatCustomers: number;
  restarts: number;
}

/** Customers with the same (x, t_x, T) contribute the same term: count them once with a weight. */
export function groupRfm(data: Iterable<Rfm>): { rows: Rfm[]; weights: number[] } {
  const index = new Map<string, number>();
  const rows: Rfm[] = [];
  const weights: number[] = [];
  for (const { x, tx, T } of data) {
    const key = `${x}|${tx}|${T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, rows.length);
      rows.push({ x, tx, T });
      weights.push(1);
    } else weights[at]!++;
  }
  return { rows, weights };
}

const fromLog = ([r, alpha, a, b]: number[]): BgNbdParams => ({
  r: Math.exp(r!),
  alpha: Math.exp(alpha!),
  a: Math.exp(a!),
  b: Math.exp(b!),
});

/**
 * Beyond this many customers the fit uses a seeded random sample of them: four population parameters are
 * pinned down well by 100,000 customers (the optimiser's cost grows with distinct rows, not precision),
 * and every customer is still scored.
 */
export const MAX_FIT_CUSTOMERS = 100_000;

/**
 * Maximum-likelihood BG/NBD parameters. The optimiser works on the logs of
 * (r, α, a, b), so every trial point is a valid (positive) parameter set, and
 * on the mean negative log-likelihood, so its tolerances mean the same for
 * a hundred customers as for a million. α starts at the mean age, which puts
 * it in the data's time unit.
 */
export async function fitBgNbd(data: readonly Rfm[], options: { maxCustomers?: number; seed?: number } = {}): Promise<BgNbdFit> {
  const maxCustomers = options.maxCustomers ?? MAX_FIT_CUSTOMERS;
  const fitted = data.length > maxCustomers ? sample([...data], maxCustomers, seededRandom(options.seed ?? 20261201)) : data;
  const { rows, weights } = groupRfm(fitted);
  const customers = weights.reduce((sum, weight) => sum + weight, 0);
  const repeatCustomers = rows.reduce((sum, row, i) => sum + (row.x > 0 ? weights[i]! : 0), 0);
  if (customers === 0) throw new RangeError('BG/NBD needs at least one customer.');
  const meanAge = rows.reduce((sum, row, i) => sum + row.T * weights[i]!, 0) / customers;
  const start = [0, Math.log(Math.max(meanAge, 1e-3)), 0, 0];
  const objective = (logParams: number[]) => -logLikelihood(fromLog(logParams), rows, weights) / customers;
  const minimum = await minimise(objective, start);
  const params = fromLog(minimum.x);
  return { params, logLikelihood: -minimum.fx * customers, customers, repeatCustomers, restarts: minimum.restarts };
}
