/**
 * `wasserstein`: normed first Wasserstein distance, as Evidently's `wasserstein_stat_test`.
 */
import { memoByArray } from '../../stats/memo-by-array';
import type { PairedSample, TestOutcome } from '../sample';
import { distanceOutcome, notComputable } from './outcome';

/** Lower bound of the normalising standard deviation (Evidently). */
export const WASSERSTEIN_MIN_STD = 0.001;

/**
 * W₁(u, v) = ∫ |U(x) − V(x)| dx between two empirical distributions, evaluated on the merged sorted
 * values as Σ |U(xₖ) − V(xₖ)|·(xₖ₊₁ − xₖ) with right-continuous CDFs (SciPy `_cdf_distance`, p = 1),
 * in O(n₁ + n₂) with a compensated sum.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`_cdf_distance`)
 *
 * @throws {RangeError} when a sample is empty.
 * @example wasserstein1(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)) // 5
 */
export function wasserstein1(u: Float64Array, v: Float64Array): number {
  const n1 = u.length;
  const n2 = v.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('wasserstein1: samples must not be empty');
  let i = 0;
  let j = 0;
  let sum = 0;
  let comp = 0;
  let prev = Math.min(u[0], v[0]);
  while (i < n1 || j < n2) {
    const x = j >= n2 || (i < n1 && u[i] <= v[j]) ? u[i] : v[j];
    // CDFs just before x (they are constant on [prev, x)).
    const term = Math.abs(i / n1 - j / n2) * (x - prev);
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    while (i < n1 && u[i] <= x) i++;
    while (j < n2 && v[j] <= x) j++;
    prev = x;
  }
  return sum + comp;
}

/**
 * Population standard deviation (ddof 0), two-pass: √(Σ(x − x̄)²/n) (NumPy `std`).
 *
 * @example populationStd(Float64Array.of(1, 2, 3, 4)) // 1.118033988749895
 */
export const populationStd: (x: Float64Array) => number = memoByArray((x) => {
  const n = x.length;
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  return Math.sqrt(ss / n);
});

/**
 * Runs `wasserstein`: score = W₁(reference, current) / max(std(reference, ddof=0), 0.001); drift when
 * score ≥ threshold (§4). `statistic` holds the raw, unnormalised W₁. Numeric input only.
 * Source: https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/wasserstein_distance_norm.py
 *
 * @example runWasserstein({ kind: 'numeric', reference: Float64Array.of(0, 2), current: Float64Array.of(1, 3) }).score // 1
 */
export function runWasserstein(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('wasserstein applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length === 0 || current.length === 0)
    return notComputable('wasserstein needs values in both sets.');
  const w = wasserstein1(reference, current);
  const norm = Math.max(populationStd(reference), WASSERSTEIN_MIN_STD);
  return distanceOutcome(w / norm, w);
}
