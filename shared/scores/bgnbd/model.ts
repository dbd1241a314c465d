import { gammaln } from 'simple-statistics';
import { hyp2f1 } from './hypergeometric';

/**
 * The BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers
 * the Easy Way": while alive a customer buys as a Poisson process with rate
 * λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). Equation numbers below are the paper's.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface Rfm {
  x: number;
  tx: number;
  T: number;
}

/** log(e^u + e^v) without overflow. */
const logAddExp = (u: number, v: number): number => {
  const high = Math.max(u, v);
  return high + Math.log(Math.exp(u - high) + Math.exp(v - high));
};

/**
 * One customer's log-likelihood (eq. 6, in logs): the pieces A1..A4 as in
 * lifetimes' BetaGeoFitter, with the x > 0 term added only for repeat buyers.
 */
export function customerLogLikelihood({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm): number {
  const a1 = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * The sample's log-likelihood; `weights` counts customers sharing one (x, t_x, T). Everything that
 * depends on x alone (the gamma-function terms, log(b + x − 1)) is computed once per distinct x, so
 * a row costs two logs, one exp and one log1p: the optimiser evaluates this hundreds of times.
 */
export function logLikelihood(params: BgNbdParams, data: readonly Rfm[], weights?: readonly number[]): number {
  const { r, alpha, a, b } = params;
  const common = r * Math.log(alpha) - gammaln(r) + gammaln(a + b) - gammaln(b);
  const logA = Math.log(a);
  const byX = new Map<number, { gamma: number; dropOut: number }>();
  let total = 0;
  for (let i = 0; i < data.length; i++) {
    const { x, tx, T } = data[i]!;
    let perX = byX.get(x);
    if (perX === undefined) {
      perX = { gamma: common + gammaln(r + x) + gammaln(b + x) - gammaln(a + b + x), dropOut: x > 0 ? logA - Math.log(b + x - 1) : 0 };
      byX.set(x, perX);
    }
    const a3 = -(r + x) * Math.log(alpha + T);
    let rest = a3;
    if (x > 0) {
      const a4 = perX.dropOut - (r + x) * Math.log(alpha + tx);
      rest = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
    }
    total += (weights?.[i] ?? 1) * (perX.gamma + rest);
  }
  return total;
}

/**
 * P(alive | x, t_x, T) (eq. 11, Fader–Hardie's note "Computing P(alive)"):
 * a customer who never came back has shown no sign of dropping out, so 1.
 */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** E[X(t)]: purchases a new customer makes in (0, t] (eq. 9). */
export function expectedPurchasesUpTo({ r, alpha, a, b }: BgNbdParams, t: number): number {
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}

/** E[Y(t) | x, t_x, T]: purchases in the next t time units of a customer with this history (eq. 10). */
export function conditionalExpectedPurchases(params: BgNbdParams, t: number, rfm: Rfm): number {
  const { r, alpha, a, b } = params;
  const { x, T } = rfm;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const tail = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return head * tail * probabilityAlive(params, rfm);
}
