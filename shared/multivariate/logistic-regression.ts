/**
 * L2-regularised logistic regression, the domain classifier's model (docs/multivariate.md).
 *
 * Minimises scikit-learn's objective for `LogisticRegression(penalty="l2", C)` with an unpenalised intercept:
 *   f(w, b) = ½‖w‖² + C · Σ_i [log(1 + e^{η_i}) − y_i η_i],   η_i = x_i·w + b,  y_i ∈ {0, 1}
 *   ∇_w f = w + C · Σ_i (σ(η_i) − y_i) x_i,   ∂_b f = C · Σ_i (σ(η_i) − y_i)
 * by Newton's method (iteratively reweighted least squares; Hastie, Tibshirani & Friedman, The Elements of
 * Statistical Learning, 2nd ed., §4.4.1): H = Σ_i σ_i(1 − σ_i) x̃_i x̃_iᵀ / n + diag(1/(C·n), …, 0) with
 * x̃ = (x, 1), the step solves H·δ = −∇ by Cholesky and is halved until the Armijo condition holds
 * (Nocedal & Wright, Numerical Optimization, eq. 3.4). f is strictly convex, so the minimiser is unique and
 * Newton converges quadratically near it whatever the features' scales (L-BFGS was measured here first: on
 * the benchmark's 101 features it had not converged after 100 iterations). Internally f is divided by C·n
 * so the tolerance does not depend on n. A Hessian costs n·stride²/2 multiply-adds, a gradient n·stride, so a
 * Hessian is kept for the next step while steps cut the gradient at least fourfold (a modified Newton method,
 * Nocedal & Wright §3.4; it converges to the same minimiser under the same stopping rule).
 *
 * Rows are sparse with a fixed number of stored entries (`stride`): entry t of row i is feature
 * `index[i·stride + t]` with value `value[i·stride + t]` (one-hot columns store one entry per row).
 */

export interface SparseRows {
  /** Number of features (the intercept is not one of them). */
  features: number;
  stride: number;
  index: Int32Array;
  value: Float64Array;
}

export interface LogisticModel {
  weights: Float64Array;
  intercept: number;
  iterations: number;
  /** max |∂f/∂θ| / (C·n) at the end. */
  gradient: number;
  /** The Cholesky factor of the last Hessian computed, (features + 1)², row-major (for a warm start). */
  factor: Float64Array;
}

export interface LogisticOptions {
  /** Inverse regularisation strength (scikit-learn's C). */
  c: number;
  /** Stop when max |gradient| of f/(C·n) is at most this. */
  tolerance: number;
  maxIterations: number;
  /**
   * Starting weights and intercept (a warm start), same length as the features; with `factor`, the
   * Cholesky factor of a Hessian near them (a previous fit's `factor`) serves the first steps, kept while
   * they cut the gradient fourfold as any kept Hessian (same minimiser, same stopping rule).
   */
  start?: { weights: Float64Array; intercept: number; factor?: Float64Array };
}

export const DEFAULT_LOGISTIC: LogisticOptions = { c: 1, tolerance: 1e-8, maxIterations: 50 };

/** η_i = x_i·w + b for each row of `rows` (indices into the sparse matrix). */
export function linearScores(
  x: SparseRows,
  rows: Int32Array,
  weights: Float64Array,
  intercept: number,
  out = new Float64Array(rows.length),
): Float64Array {
  const { stride, index, value } = x;
  for (let r = 0; r < rows.length; r++) {
    const o = rows[r] * stride;
    let eta = intercept;
    for (let t = 0; t < stride; t++) eta += weights[index[o + t]] * value[o + t];
    out[r] = eta;
  }
  return out;
}

/**
 * Fits the model on the rows `rows` of `x` with labels `y` (1 = current, 0 = reference).
 *
 * @throws {RangeError} when there are no rows or C is not positive.
 */
export function fitLogistic(
  x: SparseRows,
  y: Uint8Array,
  rows: Int32Array,
  options: LogisticOptions = DEFAULT_LOGISTIC,
): LogisticModel {
  const n = rows.length;
  if (n === 0) throw new RangeError('fitLogistic: no rows');
  if (!(options.c > 0)) throw new RangeError(`fitLogistic: C must be > 0, got ${options.c}`);
  const d = x.features;
  const dim = d + 1; // the last coordinate is the intercept
  const scale = 1 / (options.c * n);
  const evaluate = (theta: Float64Array, g: Float64Array): number => objective(x, y, rows, scale, theta, g);

  const theta = new Float64Array(dim);
  if (options.start) {
    theta.set(options.start.weights.subarray(0, d));
    theta[d] = options.start.intercept;
  }
  let g = new Float64Array(dim);
  let f = evaluate(theta, g);
  const h = new Float64Array(dim * dim);
  const step = new Float64Array(dim);
  const next = new Float64Array(dim);
  let gNext = new Float64Array(dim);
  const maxAbs = (v: Float64Array) => v.reduce((m, z) => Math.max(m, Math.abs(z)), 0);
  let iterations = 0;
  const factor = new Float64Array(dim * dim);
  let fresh = false; // whether `factor` is the Cholesky factor of the Hessian at the current θ
  let reuse = false;
  if (options.start?.factor?.length === dim * dim) {
    factor.set(options.start.factor);
    reuse = true;
  }
  while (iterations < options.maxIterations && maxAbs(g) > options.tolerance) {
    if (!reuse) {
      hessian(x, rows, theta, scale, h);
      if (!cholesky(h, dim, factor)) break;
      fresh = true;
    }
    for (let j = 0; j < dim; j++) step[j] = -g[j];
    choleskySolve(factor, dim, step);
    let slope = 0;
    for (let j = 0; j < dim; j++) slope += g[j] * step[j];
    let t = 1;
    let fNext = f;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < dim; j++) next[j] = theta[j] + t * step[j];
      fNext = evaluate(next, gNext);
      if (fNext <= f + 1e-4 * t * slope) break;
      t /= 2;
    }
    iterations++;
    if (!(fNext <= f)) {
      if (fresh) break;
      reuse = false; // a stale Hessian's step failed: refresh it and try again
      continue;
    }
    // Keep the Hessian while each step cuts the gradient at least fourfold (the Hessian barely moves near
    // the minimiser); refresh it otherwise. The minimiser and the stopping rule are the same.
    reuse = maxAbs(gNext) <= 0.25 * maxAbs(g);
    fresh = false;
    theta.set(next);
    [g, gNext] = [gNext, g];
    f = fNext;
    if (t * maxAbs(step) < 1e-14) break;
  }
  return { weights: theta.slice(0, d), intercept: theta[d], iterations, gradient: maxAbs(g), factor };
}

/**
 * H = Σ σ(1 − σ) x̃ x̃ᵀ / n + diag(scale, …, scale, 0), dense dim × dim (intercept last), into `h`.
 * Positions whose feature index is the same in every row (numerical and interaction entries) are summed in a
 * dense position × position block first, then added to H once: the same sums, without an index look-up per
 * product.
 */
function hessian(x: SparseRows, rows: Int32Array, theta: Float64Array, scale: number, h: Float64Array): void {
  const { stride, index, value, features: d } = x;
  const dim = d + 1;
  const n = rows.length;
  h.fill(0);
  const b = theta[d];
  // Fixed positions first (feature fixedFeature[a]), then the others.
  const first = rows[0] * stride;
  const isFixed = new Uint8Array(stride).fill(1);
  for (let r = 1; r < n; r++) {
    const o = rows[r] * stride;
    for (let t = 0; t < stride; t++) if (index[o + t] !== index[first + t]) isFixed[t] = 0;
  }
  const order = new Int32Array(stride);
  let fixedCount = 0;
  for (let t = 0; t < stride; t++) if (isFixed[t]) order[fixedCount++] = t;
  for (let t = 0, v = fixedCount; t < stride; t++) if (!isFixed[t]) order[v++] = t;
  const fixedFeature = new Int32Array(fixedCount);
  for (let a = 0; a < fixedCount; a++) fixedFeature[a] = index[first + order[a]];
  const block = new Float64Array(fixedCount * fixedCount);
  const blockIntercept = new Float64Array(fixedCount);
  const v = new Float64Array(stride);
  const idx = new Int32Array(stride);
  let interceptSum = 0;
  for (let r = 0; r < n; r++) {
    const o = rows[r] * stride;
    let e = b;
    for (let t = 0; t < stride; t++) e += theta[index[o + t]] * value[o + t];
    const u = Math.exp(-Math.abs(e));
    const w = u / ((1 + u) * (1 + u)); // σ(η)(1 − σ(η))
    interceptSum += w;
    for (let a = 0; a < stride; a++) {
      v[a] = value[o + order[a]];
      idx[a] = index[o + order[a]];
    }
    for (let a = 0; a < fixedCount; a++) {
      const va = v[a] * w;
      if (va === 0) continue;
      blockIntercept[a] += va;
      const base = a * fixedCount;
      for (let c = a; c < fixedCount; c++) block[base + c] += va * v[c];
      const row = fixedFeature[a] * dim;
      for (let c = fixedCount; c < stride; c++) h[row + idx[c]] += va * v[c];
    }
    for (let a = fixedCount; a < stride; a++) {
      const va = v[a] * w;
      if (va === 0) continue;
      const row = idx[a] * dim;
      h[row + d] += va;
      for (let c = a; c < stride; c++) h[row + idx[c]] += va * v[c];
    }
  }
  h[d * dim + d] += interceptSum;
  for (let a = 0; a < fixedCount; a++) {
    const row = fixedFeature[a] * dim;
    h[row + d] += blockIntercept[a];
    for (let c = a; c < fixedCount; c++) h[row + fixedFeature[c]] += block[a * fixedCount + c];
  }
  // Each feature pair was added at one of its two positions: fold them together, then divide by n.
  for (let a = 0; a < dim; a++) {
    for (let c = a + 1; c < dim; c++) {
      const sum = (h[a * dim + c] + h[c * dim + a]) / n;
      h[a * dim + c] = sum;
      h[c * dim + a] = sum;
    }
    h[a * dim + a] = h[a * dim + a] / n + (a < d ? scale : 0);
  }
}

/**
 * The Cholesky factor L of a symmetric positive definite H (H = LLᵀ, Golub & Van Loan §4.2), into `l`.
 * False when H is not numerically positive definite.
 */
function cholesky(h: Float64Array, n: number, l: Float64Array): boolean {
  l.fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = h[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return false;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  }
  return true;
}

/** Solves LLᵀ·z = rhs in place (forward, then back substitution). */
function choleskySolve(l: Float64Array, n: number, rhs: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = rhs[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * rhs[k];
    rhs[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = rhs[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * rhs[k];
    rhs[i] = s / l[i * n + i];
  }
}

/** f/(C·n) at θ (intercept last), with its gradient written into g. */
function objective(
  x: SparseRows,
  y: Uint8Array,
  rows: Int32Array,
  scale: number,
  theta: Float64Array,
  g: Float64Array,
): number {
  const { stride, index, value, features: d } = x;
  const n = rows.length;
  g.fill(0);
  let loss = 0;
  const b = theta[d];
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    const o = row * stride;
    let e = b;
    for (let t = 0; t < stride; t++) e += theta[index[o + t]] * value[o + t];
    const label = y[row];
    // One exponential: u = e^{−|η|}; log(1 + e^η) = max(η, 0) + log1p(u); σ(η) = 1/(1 + u) or u/(1 + u).
    const u = Math.exp(-Math.abs(e));
    loss += Math.max(e, 0) + Math.log1p(u) - label * e;
    const residual = (e >= 0 ? 1 : u) / (1 + u) - label;
    for (let t = 0; t < stride; t++) g[index[o + t]] += residual * value[o + t];
    g[d] += residual;
  }
  let penalty = 0;
  for (let j = 0; j < d; j++) {
    penalty += theta[j] * theta[j];
    g[j] = g[j] / n + scale * theta[j];
  }
  g[d] /= n;
  return loss / n + 0.5 * scale * penalty;
}
