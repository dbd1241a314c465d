import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * Binary logistic regression fitted by Newton's method (iteratively
 * reweighted least squares), with a small ridge penalty so a feature that
 * separates the classes cannot send its weight to infinity.
 *
 * Why not ml-logistic-regression (installed): its 2.0 fit is plain gradient
 * ascent with a fixed step count (50,000 full passes) and a learning rate on
 * the summed (not averaged) gradient, so it diverges or crawls depending on
 * the number of customers, never checks convergence, has no intercept and,
 * for two classes, trains two mirrored one-vs-all models. IRLS converges in
 * a handful of passes whatever the size; ml-matrix does the linear algebra.
 */

export interface LogisticModel {
  /** Intercept first, then one weight per feature column. */
  weights: number[];
  iterations: number;
  converged: boolean;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

const linear = (weights: readonly number[], row: ArrayLike<number>): number => {
  let z = weights[0]!;
  for (let j = 0; j < row.length; j++) z += weights[j + 1]! * row[j]!;
  return z;
};

export function predictProbability(model: Pick<LogisticModel, 'weights'>, row: ArrayLike<number>): number {
  return sigmoid(linear(model.weights, row));
}

export function fitLogistic(
  rows: readonly ArrayLike<number>[],
  labels: readonly (0 | 1)[],
  options: { ridge?: number; maxIterations?: number; tolerance?: number } = {},
): LogisticModel {
  const n = rows.length;
  if (n === 0) throw new RangeError('Logistic regression needs at least one row.');
  const p = rows[0]!.length + 1;
  const ridge = options.ridge ?? 1e-3;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  let weights = new Array<number>(p).fill(0);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Hessian Xᵀ W X + λI and gradient Xᵀ (y − μ) − λw, accumulated row by row in plain arrays (no n × p design copy).
    const hessian = new Float64Array(p * p);
    const gradient = new Float64Array(p);
    const x = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      x[0] = 1;
      for (let j = 1; j < p; j++) x[j] = row[j - 1]!;
      const mu = sigmoid(linear(weights, row));
      const w = Math.max(mu * (1 - mu), 1e-12);
      const residual = labels[i]! - mu;
      for (let j = 0; j < p; j++) {
        gradient[j]! += x[j]! * residual;
        for (let k = j; k < p; k++) hessian[j * p + k]! += w * x[j]! * x[k]!;
      }
    }
    // The intercept is not penalised: it only carries the base rate.
    for (let j = 1; j < p; j++) {
      hessian[j * p + j]! += ridge * n;
      gradient[j]! -= ridge * n * weights[j]!;
    }
    const system = Matrix.from1DArray(p, p, hessian);
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) system.set(j, k, system.get(k, j));
    const step = new CholeskyDecomposition(system).solve(Matrix.columnVector(Array.from(gradient))).to1DArray();
    weights = weights.map((weight, j) => weight + step[j]!);
    if (Math.max(...step.map(Math.abs)) < tolerance) return { weights, iterations: iteration, converged: true };
  }
  return { weights, iterations: maxIterations, converged: false };
}
