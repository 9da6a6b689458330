/**
 * `anderson`: k-sample Anderson–Darling test on reference and current (k = 2), midrank version, with the
 * p-value interpolated from Scholz & Stephens' critical values and clipped to [0.001, 0.25], as SciPy
 * 1.10.1 `anderson_ksamp([reference, current])` (what Evidently's `anderson_darling_test` calls).
 */

import { numpySum } from '../../stats/pairwise-sum';
import { forEachTieGroup } from '../../stats/rank';
import type { PairedSample, TestOutcome } from '../sample';
import { notComputable, pValueOutcome } from './outcome';

/** Significance levels of the tabulated critical values (SciPy `sig`). */
const SIG = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
/** Interpolation coefficients of Scholz & Stephens (1987), Table 2. */
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

/**
 * Least-squares quadratic through (xᵢ, yᵢ), coefficients highest power first (NumPy `polyfit(x, y, 2)`:
 * Vandermonde columns scaled to unit norm, then solved by Householder QR instead of LAPACK's SVD;
 * same solution up to rounding, ~1e-15 relative, for this well-conditioned 7×3 system).
 */
function quadraticFit(x: readonly number[], y: readonly number[]): [number, number, number] {
  const rows = x.length;
  const cols = 3;
  const A = x.map((xi) => [xi * xi, xi, 1]);
  const scale = [0, 1, 2].map((j) => Math.sqrt(A.reduce((s, r) => s + r[j] * r[j], 0)));
  for (const r of A) for (let j = 0; j < cols; j++) r[j] /= scale[j];
  const rhs = y.slice();
  for (let j = 0; j < cols; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += A[i][j] * A[i][j];
    norm = Math.sqrt(norm);
    const alpha = A[j][j] > 0 ? -norm : norm;
    const v = new Array<number>(rows).fill(0);
    for (let i = j; i < rows; i++) v[i] = A[i][j];
    v[j] -= alpha;
    const vv = v.reduce((s, t) => s + t * t, 0);
    if (vv === 0) continue;
    for (let c = j; c < cols; c++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += v[i] * A[i][c];
      const f = (2 * dot) / vv;
      for (let i = j; i < rows; i++) A[i][c] -= f * v[i];
    }
    let dot = 0;
    for (let i = j; i < rows; i++) dot += v[i] * rhs[i];
    const f = (2 * dot) / vv;
    for (let i = j; i < rows; i++) rhs[i] -= f * v[i];
  }
  const coef = [0, 0, 0];
  for (let j = cols - 1; j >= 0; j--) {
    let s = rhs[j];
    for (let c = j + 1; c < cols; c++) s -= A[j][c] * coef[c];
    coef[j] = s / A[j][j];
  }
  return [coef[0] / scale[0], coef[1] / scale[1], coef[2] / scale[2]];
}

/**
 * Approximate p-value of the normalised k-sample statistic A2 for k samples, SciPy 1.10.1's rule:
 * critical values cᵢ = b0ᵢ + b1ᵢ/√m + b2ᵢ/m (m = k − 1) for significance levels 25%…0.1%; below the
 * smallest critical value p = 0.25, above the largest p = 0.001, otherwise
 * p = exp(polyval(polyfit(c, ln sig, 2), A2)). NaN gives NaN.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_morestats.py (`anderson_ksamp`)
 *
 * @throws {RangeError} when k < 2.
 * @example andersonKsampPValue(1.974403288713695, 2) // 0.04991293614572478 (SciPy docstring example)
 */
export function andersonKsampPValue(a2: number, k: number): number {
  if (!(Number.isInteger(k) && k >= 2)) throw new RangeError(`andersonKsampPValue: k must be >= 2, got ${k}`);
  const m = k - 1;
  const critical = B0.map((b0, i) => b0 + B1[i] / Math.sqrt(m) + B2[i] / m);
  if (a2 < Math.min(...critical)) return 0.25;
  if (a2 > Math.max(...critical)) return 0.001;
  if (Number.isNaN(a2)) return Number.NaN;
  const [c0, c1, c2] = quadraticFit(critical, SIG.map(Math.log));
  return Math.exp((c0 * a2 + c1) * a2 + c2);
}

/**
 * Normalised two-sample Anderson–Darling statistic, midrank version (Scholz & Stephens 1987, eq. 7):
 * A²akN = (N−1)/N · Σᵢ 1/nᵢ Σⱼ lⱼ/N · (N·Mᵢⱼ − Bⱼnᵢ)² / (Bⱼ(N − Bⱼ) − N·lⱼ/4) over the distinct values zⱼ,
 * with lⱼ ties at zⱼ, Bⱼ = #{Z < zⱼ} + lⱼ/2, Mᵢⱼ = #{sample i ≤ zⱼ} − fᵢⱼ/2; then
 * A2 = (A²akN − (k − 1))/σ_N, σ_N² from Scholz & Stephens eq. 4. One merge of the sorted samples (O(N)),
 * the same elementwise operations and NumPy's summation order, so it equals SciPy's statistic to rounding.
 * Needs at least 2 distinct values and N ≥ 3 (SciPy raises otherwise); N = 3 gives NaN as in SciPy.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_morestats.py (`_anderson_ksamp_midrank`)
 *
 * @throws {RangeError} when a sample is empty, N < 3, or all values are equal.
 * @example andersonKsampStatistic(Float64Array.of(1, 2, 3, 4), Float64Array.of(3, 4, 5, 6)) // 1.6904413249447956 (scipy.stats.anderson_ksamp: same)
 */
export function andersonKsampStatistic(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  const N = n1 + n2;
  if (n1 === 0 || n2 === 0) throw new RangeError('andersonKsampStatistic: samples must not be empty');
  const innerA = new Float64Array(N);
  const innerB = new Float64Array(N);
  let distinct = 0;
  let cumA = 0;
  let cumB = 0;
  forEachTieGroup(a, b, (_v, ca, cb, below) => {
    const lj = ca + cb;
    const bj = below + lj / 2;
    const denom = bj * (N - bj) - (N * lj) / 4;
    cumA += ca;
    cumB += cb;
    const mA = cumA - ca / 2;
    const mB = cumB - cb / 2;
    innerA[distinct] = ((lj / N) * (N * mA - bj * n1) ** 2) / denom;
    innerB[distinct] = ((lj / N) * (N * mB - bj * n2) ** 2) / denom;
    distinct++;
  });
  if (distinct < 2) throw new RangeError('andersonKsampStatistic: needs more than one distinct value');
  if (N < 3) throw new RangeError('andersonKsampStatistic: needs at least 3 values in total');
  let a2kn = 0;
  a2kn += numpySum(innerA, 0, distinct) / n1;
  a2kn += numpySum(innerB, 0, distinct) / n2;
  a2kn *= (N - 1) / N;

  const k = 2;
  const H = 1 / n1 + 1 / n2;
  // hs_cs = cumsum(1 / arange(N − 1, 1, −1)); h = hs_cs[−1] + 1; g = sum(hs_cs / arange(2, N)).
  const ratios = new Float64Array(N - 2);
  let cum = 0;
  for (let j = 0; j < N - 2; j++) {
    cum += 1 / (N - 1 - j);
    ratios[j] = cum / (j + 2);
  }
  const h = cum + 1;
  const g = numpySum(ratios);
  const ca = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const cb = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const cc = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const cd = (2 * h + 6) * k * k - 4 * h * k;
  const sigmasq = (ca * (N * N * N) + cb * (N * N) + cc * N + cd) / ((N - 1) * (N - 2) * (N - 3));
  return (a2kn - (k - 1)) / Math.sqrt(sigmasq);
}

/**
 * Runs `anderson`: statistic A2, score = p-value in [0.001, 0.25] (drift when p < threshold, §4).
 * Numeric input only; fewer than 3 values in total or a single distinct value cannot be tested
 * (SciPy raises), and the reason says so.
 *
 * @example runAnderson({ kind: 'numeric', reference: Float64Array.of(1, 2, 3, 4), current: Float64Array.of(3, 4, 5, 6) }).pValue
 * // 0.06521176365685497 (SciPy: 0.06521176365685499)
 */
export function runAnderson(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('anderson applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length === 0 || current.length === 0)
    return notComputable('anderson needs values in both sets.');
  if (reference.length + current.length < 3)
    return notComputable('anderson needs at least 3 values in total.');
  if (
    reference[0] === reference[reference.length - 1] &&
    current[0] === current[current.length - 1] &&
    reference[0] === current[0]
  )
    return notComputable('anderson needs more than one distinct value (all values are equal).');
  const a2 = andersonKsampStatistic(reference, current);
  if (Number.isNaN(a2))
    return notComputable('anderson: the statistic is undefined for 3 values in total (SciPy gives NaN).');
  return pValueOutcome(a2, andersonKsampPValue(a2, 2));
}
