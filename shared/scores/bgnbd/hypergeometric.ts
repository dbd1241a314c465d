/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its
 * power series. BG/NBD only ever needs z = t / (α + T + t) < 1 and c > 0,
 * where the series converges; no installed library provides ₂F₁ (scipy's
 * `hyp2f1` is what lifetimes uses), and the series is the definition.
 * Terms come from the previous one, so no factorial or gamma overflows.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, tolerance = 1e-15, maxTerms = 100_000): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 ≤ z < 1 (got ${z}).`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < maxTerms; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= tolerance * Math.abs(sum)) return sum;
  }
  return sum;
}
