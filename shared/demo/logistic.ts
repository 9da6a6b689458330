/**
 * Logistic regression fitted by iteratively reweighted least squares (Newton–Raphson on the
 * log-likelihood) with a small L2 penalty, for the built-in demo's model. Deterministic: no random
 * initialisation, fixed iteration order.
 *
 * Model: P(y = 1 | x) = σ(β₀ + Σ βⱼ xⱼ), σ(t) = 1 / (1 + e^(−t)).
 * Newton step: (Xᵀ W X + λ I′) Δ = Xᵀ (y − p) − λ I′ β, W = diag(p (1 − p)), I′ = I without the intercept.
 * Reference: Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §4.4.1.
 */

export interface LogisticFit {
  intercept: number;
  /** One weight per feature column, in the order of the design matrix. */
  weights: number[];
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  /** L2 penalty on the weights (never on the intercept). */
  l2?: number;
  maxIterations?: number;
  /** Stop when the largest absolute Newton step is below this. */
  tolerance?: number;
}

export function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/**
 * Fits a logistic regression on a row-major design matrix `x` (n rows × p features, no intercept
 * column: the intercept is added here) and 0/1 labels `y`.
 *
 * @throws RangeError when the sizes disagree or n is 0.
 * @example
 * fitLogistic(new Float64Array([0, 1, 2, 3]), new Uint8Array([0, 0, 1, 1]), 1, { l2: 1 }).weights[0] > 0; // true
 */
export function fitLogistic(
  x: Float64Array,
  y: Uint8Array,
  p: number,
  options: LogisticOptions = {},
): LogisticFit {
  const n = y.length;
  if (n === 0 || x.length !== n * p) {
    throw new RangeError(`fitLogistic: expected ${n} × ${p} design values, got ${x.length}`);
  }
  const l2 = options.l2 ?? 1e-3;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const k = p + 1; // intercept first
  const beta = new Float64Array(k);
  const hessian = new Float64Array(k * k);
  const gradient = new Float64Array(k);
  const row = new Float64Array(k);
  row[0] = 1;

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    hessian.fill(0);
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      let t = beta[0];
      const offset = i * p;
      for (let j = 0; j < p; j++) {
        row[j + 1] = x[offset + j];
        t += beta[j + 1] * x[offset + j];
      }
      const prob = sigmoid(t);
      const w = prob * (1 - prob);
      const residual = y[i] - prob;
      for (let a = 0; a < k; a++) {
        const ra = row[a];
        gradient[a] += ra * residual;
        const wa = w * ra;
        // Upper triangle only; mirrored below.
        for (let b = a; b < k; b++) hessian[a * k + b] += wa * row[b];
      }
    }
    for (let a = 1; a < k; a++) {
      hessian[a * k + a] += l2;
      gradient[a] -= l2 * beta[a];
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hessian[a * k + b] = hessian[b * k + a];
    const step = solveSymmetricPositiveDefinite(hessian, gradient, k);
    let largest = 0;
    for (let a = 0; a < k; a++) {
      beta[a] += step[a];
      largest = Math.max(largest, Math.abs(step[a]));
    }
    converged = largest < tolerance;
  }
  return { intercept: beta[0], weights: Array.from(beta.subarray(1)), iterations, converged };
}

/**
 * Solves A z = b for a symmetric positive-definite k × k matrix (row-major) by Cholesky decomposition.
 *
 * @throws RangeError when A is not positive definite.
 */
export function solveSymmetricPositiveDefinite(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * k + j];
      for (let m = 0; m < j; m++) sum -= l[i * k + m] * l[j * k + m];
      if (i === j) {
        if (!(sum > 0))
          throw new RangeError('solveSymmetricPositiveDefinite: matrix is not positive definite');
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j];
      }
    }
  }
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let m = 0; m < i; m++) sum -= l[i * k + m] * z[m];
    z[i] = sum / l[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let sum = z[i];
    for (let m = i + 1; m < k; m++) sum -= l[m * k + i] * z[m];
    z[i] = sum / l[i * k + i];
  }
  return z;
}
