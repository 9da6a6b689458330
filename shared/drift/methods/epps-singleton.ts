/**
 * `es`: Epps–Singleton two-sample test on the empirical characteristic function, as SciPy 1.10.1
 * `epps_singleton_2samp(reference, current)` with the default t = (0.4, 0.8) (what Evidently's
 * `epps_singleton_test` calls).
 */

import { chi2Sf } from '../../stats/chi-square';
import { numpySum } from '../../stats/pairwise-sum';
import { mergeSorted } from '../../stats/sorted';
import { symmetricPinv } from '../../stats/symmetric-pinv';
import type { PairedSample, TestOutcome } from '../sample';
import { notComputable, pValueOutcome } from './outcome';

/** Default evaluation points of the characteristic function (Epps & Singleton 1986). */
export const ES_T = [0.4, 0.8] as const;
/** SciPy requires at least this many values in each sample. */
export const ES_MIN_N = 5;

/** NumPy `percentile(x, q)` (linear method, NumPy 1.24 `_lerp`) of a sorted array. */
function percentileSorted(x: Float64Array, q: number): number {
  const n = x.length;
  const virtual = n * q + (1 - q) - 1;
  const lo = Math.min(Math.max(Math.floor(virtual), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  const g = virtual - Math.floor(virtual);
  const a = x[lo];
  const b = x[hi];
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

/**
 * Interquartile range of the pooled sample, Q₃ − Q₁ with NumPy's linear percentiles
 * (`scipy.stats.iqr(np.hstack((a, b)))`).
 *
 * @example pooledIqr(Float64Array.of(1, 2, 3), Float64Array.of(4, 5)) // 2
 */
export function pooledIqr(a: Float64Array, b: Float64Array): number {
  const z = mergeSorted(a, b);
  return percentileSorted(z, 0.75) - percentileSorted(z, 0.25);
}

/** Mean vector and biased covariance (ddof 0) of g(x) = (cos t₁x, cos t₂x, sin t₁x, sin t₂x). */
function ecfMoments(x: Float64Array, ts: readonly number[]): { mean: number[]; cov: number[][] } {
  const n = x.length;
  const d = 2 * ts.length;
  const cols: Float64Array[] = [];
  for (const t of ts) cols.push(x.map((v) => Math.cos(t * v)));
  for (const t of ts) cols.push(x.map((v) => Math.sin(t * v)));
  const mean = cols.map((c) => numpySum(c) / n);
  const centred = cols.map((c, k) => c.map((v) => v - mean[k]));
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const prod = new Float64Array(n);
  for (let p = 0; p < d; p++) {
    for (let q = p; q < d; q++) {
      for (let i = 0; i < n; i++) prod[i] = centred[p][i] * centred[q][i];
      cov[p][q] = cov[q][p] = numpySum(prod) / n;
    }
  }
  return { mean, cov };
}

/**
 * Epps–Singleton statistic W = n·ḡᵀ Σ⁺ ḡ, where ḡ is the difference of the mean vectors of
 * (cos tⱼx, sin tⱼx) over the two samples, tⱼ = t/(IQR/2) with the pooled IQR, and
 * Σ = (n/n₁)·Cov₁ + (n/n₂)·Cov₂ (biased covariances); small-sample factor
 * 1/(1 + n^−0.45 + 10.1(n₁^−1.7 + n₂^−1.7)) when max(n₁, n₂) < 25; p = χ²_r survival at W with r = rank of Σ⁺.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_hypotests.py (`epps_singleton_2samp`)
 *
 * @throws {RangeError} when a sample has fewer than 5 values or the pooled IQR is 0.
 * @example eppsSingleton2samp(Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(3, 4, 5, 6, 7, 8)).pValue // 0.7239513680504125 (SciPy: 0.7239513680504434)
 */
export function eppsSingleton2samp(
  a: Float64Array,
  b: Float64Array,
  t: readonly number[] = ES_T,
): { statistic: number; pValue: number; df: number } {
  const nx = a.length;
  const ny = b.length;
  if (nx < ES_MIN_N || ny < ES_MIN_N)
    throw new RangeError(`eppsSingleton2samp: each sample needs at least ${ES_MIN_N} values`);
  const n = nx + ny;
  const sigma = pooledIqr(a, b) / 2;
  if (!(sigma > 0)) throw new RangeError('eppsSingleton2samp: the pooled interquartile range is 0');
  const ts = t.map((v) => v / sigma);
  const gx = ecfMoments(a, ts);
  const gy = ecfMoments(b, ts);
  const est = gx.cov.map((row, i) => row.map((v, j) => (n / nx) * v + (n / ny) * gy.cov[i][j]));
  const { inverse, rank } = symmetricPinv(est);
  const diff = gx.mean.map((m, i) => m - gy.mean[i]);
  let quad = 0;
  for (let i = 0; i < diff.length; i++) {
    let row = 0;
    for (let j = 0; j < diff.length; j++) row += inverse[i][j] * diff[j];
    quad += diff[i] * row;
  }
  let w = n * quad;
  if (Math.max(nx, ny) < 25) w *= 1 / (1 + n ** -0.45 + 10.1 * (nx ** -1.7 + ny ** -1.7));
  return { statistic: w, pValue: chi2Sf(w, rank), df: rank };
}

/** Whether a sorted array holds a single value. */
const isConstant = (x: Float64Array) => x[0] === x[x.length - 1];

/**
 * Runs `es`: statistic W, score = p-value (drift when p < threshold, §4). Numeric input only; fewer
 * than 5 values in a set (SciPy raises) or a pooled IQR of 0 (SciPy fails with "SVD did not converge": the
 * scale t/IQR is infinite) give no score and a reason. So do two constant sets with different values: the covariance
 * is then exactly 0 and W = 0/0; SciPy returns a number driven by rounding noise there (e.g. W = 4.5e30,
 * p = 0 for 30 × 2.0 vs 40 × 3.0), which we do not reproduce.
 *
 * @example runEppsSingleton({ kind: 'numeric', reference: Float64Array.of(1, 1, 1, 1, 1, 2), current: Float64Array.of(1, 1, 1, 1, 1) }).reason
 * // 'es is not computable: the interquartile range of the pooled values is 0.'
 */
export function runEppsSingleton(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('es applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length < ES_MIN_N || current.length < ES_MIN_N)
    return notComputable(`es needs at least ${ES_MIN_N} values in each set.`);
  if (!(pooledIqr(reference, current) > 0))
    return notComputable('es is not computable: the interquartile range of the pooled values is 0.');
  if (isConstant(reference) && isConstant(current))
    return notComputable(
      'es is not computable: both sets are constant, so the covariance of the characteristic function is 0.',
    );
  const { statistic, pValue, df } = eppsSingleton2samp(reference, current);
  if (df === 0)
    return notComputable('es is not computable: the covariance of the characteristic function is 0.');
  return pValueOutcome(statistic, pValue);
}
