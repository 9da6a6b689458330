/**
 * L2-regularised logistic regression, the domain classifier's model (docs/multivariate.md).
 *
 * Minimises scikit-learn's objective for `LogisticRegression(penalty="l2", C)` with an unpenalised intercept:
 *   f(w, b) = ½‖w‖² + C · Σ_i [log(1 + e^{η_i}) − y_i η_i],   η_i = x_i·w + b,  y_i ∈ {0, 1}
 *   ∇_w f = w + C · Σ_i (σ(η_i) − y_i) x_i,   ∂_b f = C · Σ_i (σ(η_i) − y_i)
 * by L-BFGS (Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithm 7.4 two-loop recursion with
 * memory 10 and H₀ = (sᵀy / yᵀy)·I, eq. 7.20; backtracking line search on the Armijo condition, eq. 3.4).
 * f is strictly convex, so sᵀy > 0 at every step and the minimiser is unique: any solver converges to
 * scikit-learn's coefficients. Internally f is divided by C·n so the tolerance does not depend on n.
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
}

export interface LogisticOptions {
  /** Inverse regularisation strength (scikit-learn's C). */
  c: number;
  /** Stop when max |gradient| of f/(C·n) is at most this. */
  tolerance: number;
  maxIterations: number;
  /** Starting weights and intercept (a warm start), same length as the features. */
  start?: { weights: Float64Array; intercept: number };
}

export const DEFAULT_LOGISTIC: LogisticOptions = { c: 1, tolerance: 1e-7, maxIterations: 200 };

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
  const memory = 10;
  const sHist: Float64Array[] = [];
  const yHist: Float64Array[] = [];
  const rhoHist: number[] = [];
  let g = new Float64Array(dim);
  let f = evaluate(theta, g);
  const direction = new Float64Array(dim);
  const alpha = new Float64Array(memory);
  const next = new Float64Array(dim);
  let gNext = new Float64Array(dim);
  const maxAbs = (v: Float64Array) => v.reduce((m, z) => Math.max(m, Math.abs(z)), 0);
  let iterations = 0;
  while (iterations < options.maxIterations && maxAbs(g) > options.tolerance) {
    // Two-loop recursion: direction = −H·g.
    direction.set(g);
    for (let k = sHist.length - 1; k >= 0; k--) {
      alpha[k] = rhoHist[k] * dot(sHist[k], direction);
      axpy(-alpha[k], yHist[k], direction);
    }
    if (sHist.length > 0) {
      const last = sHist.length - 1;
      const gamma = dot(sHist[last], yHist[last]) / dot(yHist[last], yHist[last]);
      for (let j = 0; j < dim; j++) direction[j] *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let j = 0; j < dim; j++) direction[j] /= Math.max(norm, 1);
    }
    for (let k = 0; k < sHist.length; k++) {
      const beta = rhoHist[k] * dot(yHist[k], direction);
      axpy(alpha[k] - beta, sHist[k], direction);
    }
    for (let j = 0; j < dim; j++) direction[j] = -direction[j];
    const slope = dot(g, direction);
    let step = 1;
    let fNext = f;
    for (let tries = 0; tries < 60; tries++) {
      for (let j = 0; j < dim; j++) next[j] = theta[j] + step * direction[j];
      fNext = evaluate(next, gNext);
      if (fNext <= f + 1e-4 * step * slope) break;
      step /= 2;
    }
    const s = new Float64Array(dim);
    const yk = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      s[j] = next[j] - theta[j];
      yk[j] = gNext[j] - g[j];
    }
    const sy = dot(s, yk);
    theta.set(next);
    [g, gNext] = [gNext, g];
    const improved = f - fNext;
    f = fNext;
    iterations++;
    if (sy > 0) {
      if (sHist.length === memory) {
        sHist.shift();
        yHist.shift();
        rhoHist.shift();
      }
      sHist.push(s);
      yHist.push(yk);
      rhoHist.push(1 / sy);
    }
    if (improved <= 0 && maxAbs(s) === 0) break;
  }
  return { weights: theta.slice(0, d), intercept: theta[d], iterations, gradient: maxAbs(g) };
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

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}
