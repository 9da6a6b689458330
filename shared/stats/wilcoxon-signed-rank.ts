/**
 * Wilcoxon signed-rank test of paired differences dᵢ = xᵢ − yᵢ, two-sided, exactly as SciPy 1.10.1
 * `scipy.stats.wilcoxon(x, y)` with its defaults: zero_method="wilcox" (zero differences are dropped),
 * correction=False, method="auto" (exact when n ≤ 50 and no difference is zero, else the normal
 * approximation with the tie correction of the variance). Ranks are midranks of |dᵢ|; the statistic is
 * T = min(R₊, R₋).
 * - Exact: the null distribution of R₊ from the recursion of `_get_wilcoxon_distr`; R₊ is truncated to an
 *   integer (as SciPy does, ties giving half ranks); p = 1 at the centre, else 2·min(P(R₊ ≤ r), P(R₊ ≥ r)).
 * - Normal: z = (T − n(n+1)/4)/σ, σ² = [n(n+1)(2n+1) − ½Σ t(t² − 1)]/24 over tie groups of the ranks,
 *   n = non-zero differences; p = 2·Φ(−|z|).
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_morestats.py
 */
import { normSf } from './normal';

/** SciPy's method="auto" bound: exact p-value for at most this many differences. */
export const WILCOXON_MAX_EXACT_N = 50;

export interface WilcoxonResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'approx';
  /** Differences left after dropping the zeros. */
  n: number;
}

/** P(R₊ = r) for r = 0 … n(n+1)/2 (SciPy `_get_wilcoxon_distr`). */
function signedRankPmf(n: number): Float64Array {
  let c = Float64Array.of(1);
  for (let k = 1; k <= n; k++) {
    const prev = c;
    c = new Float64Array((k * (k + 1)) / 2 + 1);
    const m = prev.length;
    for (let i = 0; i < m; i++) c[i] = prev[i] * 0.5;
    for (let i = 0; i < m; i++) c[c.length - m + i] += prev[i] * 0.5;
  }
  return c;
}

/**
 * Two-sided Wilcoxon signed-rank test of the differences (NaN differences are not allowed: the caller
 * drops incomplete pairs). Null when every difference is zero or there is none (SciPy raises, or
 * returns NaN for an empty input).
 *
 * @throws {RangeError} when a difference is NaN.
 * @example wilcoxonSignedRank(Float64Array.of(6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75))
 * // { statistic: 24, pValue: 0.041259765625, method: 'exact', n: 15 }
 */
export function wilcoxonSignedRank(differences: Float64Array): WilcoxonResult | null {
  const total = differences.length;
  if (total === 0) return null;
  let zeros = 0;
  for (const d of differences) {
    if (Number.isNaN(d)) throw new RangeError('wilcoxonSignedRank: a difference is NaN');
    if (d === 0) zeros++;
  }
  if (zeros === total) return null;
  let method: 'exact' | 'approx' = total <= WILCOXON_MAX_EXACT_N ? 'exact' : 'approx';
  if (zeros > 0) method = 'approx';
  // zero_method="wilcox": in the exact branch no zero is left; in the approximation zeros are dropped.
  const d = differences.filter((x) => x !== 0);
  const n = d.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Math.abs(d[a]) - Math.abs(d[b]));
  const rank = new Float64Array(n);
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && Math.abs(d[order[j + 1]]) === Math.abs(d[order[i]])) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) rank[order[k]] = r;
    const t = j - i + 1;
    if (t > 1) tieTerm += t * (t * t - 1);
    i = j + 1;
  }
  let rPlus = 0;
  let rMinus = 0;
  for (let i = 0; i < n; i++) {
    if (d[i] > 0) rPlus += rank[i];
    else rMinus += rank[i];
  }
  const statistic = Math.min(rPlus, rMinus);
  if (method === 'approx') {
    const mean = (n * (n + 1)) / 4;
    const variance = (n * (n + 1) * (2 * n + 1) - 0.5 * tieTerm) / 24;
    const z = (statistic - mean) / Math.sqrt(variance);
    return { statistic, pValue: 2 * normSf(Math.abs(z)), method, n };
  }
  const pmf = signedRankPmf(n);
  const r = Math.trunc(rPlus);
  let pValue: number;
  if (r === Math.floor((pmf.length - 1) / 2)) pValue = 1;
  else {
    let less = 0;
    let greater = 0;
    for (let i = 0; i <= r; i++) less += pmf[i];
    for (let i = r; i < pmf.length; i++) greater += pmf[i];
    pValue = 2 * Math.min(less, greater);
  }
  return { statistic, pValue: Math.min(Math.max(pValue, 0), 1), method, n };
}
