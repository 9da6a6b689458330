/**
 * `ks`: two-sample Kolmogorov–Smirnov test, two-sided, p-value as SciPy 1.10.1
 * `ks_2samp(reference, current, method="auto")` (what Evidently's `ks_stat_test` calls).
 */

import { probOutsideInsideMethod, probOutsideSquare } from '../../stats/ks-two-sample-exact';
import { kstwoSf } from '../../stats/kstwo';
import { forEachTieGroup } from '../../stats/rank';
import type { PairedSample, TestOutcome } from '../sample';
import { notComputable, pValueOutcome } from './outcome';

/** SciPy's `MAX_AUTO_N`: exact p-value when max(n₁, n₂) ≤ 10000. */
export const KS_MAX_EXACT_N = 10_000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Round half to even, like `np.round`. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** D with the x where it is reached and both ECDF values there. */
export interface KsLocation {
  d: number;
  x: number;
  reference: number;
  current: number;
}

/**
 * D = sup_x |F_ref(x) − F_cur(x)| between the empirical CDFs, by one walk over the distinct values of
 * the sorted arrays (`forEachTieGroup`, O(n₁ + n₂)). Each difference is i/n₁ − j/n₂ at every distinct
 * value, as SciPy does with `searchsorted(..., side="right")`; D is the larger of max and −min of those
 * differences. Also returns the first x where |difference| reaches D (within 1e-12, for the rounding
 * of i/n₁ − j/n₂) with both ECDF values there, for the detail pane's mark. Null when a sample is empty.
 *
 * @example ksLocation(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4)) // { d: 0.333…, x: 1, reference: 0.333…, current: 0 }
 */
export function ksLocation(a: Float64Array, b: Float64Array): KsLocation | null {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return null;
  let i = 0;
  let j = 0;
  let maxS = Number.NEGATIVE_INFINITY;
  let minS = Number.POSITIVE_INFINITY;
  let gap = -1;
  let at = { x: Number.NaN, reference: 0, current: 0 };
  forEachTieGroup(a, b, (v, countA, countB) => {
    i += countA;
    j += countB;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
    if (Math.abs(diff) > gap + 1e-12) {
      gap = Math.abs(diff);
      at = { x: v, reference: i / n1, current: j / n2 };
    }
  });
  const minClipped = Math.min(Math.max(-minS, 0), 1);
  return { d: Math.max(minClipped, maxS), ...at };
}

/**
 * D of `ksLocation`.
 *
 * @throws {RangeError} when a sample is empty.
 * @example ksStatistic(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4)) // 0.3333333333333333
 */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  const location = ksLocation(a, b);
  if (location === null) throw new RangeError('ksStatistic: samples must not be empty');
  return location.d;
}

/**
 * Two-sided p-value of the two-sample KS statistic d for sizes n₁, n₂, as SciPy 1.10.1 `ks_2samp`
 * with `method="auto"`: when max(n₁, n₂) ≤ 10000 the exact probability (d rounded to h/lcm(n₁, n₂);
 * `probOutsideSquare` for n₁ = n₂, else `probOutsideInsideMethod`), falling back to the asymptotic
 * value if that is not in [0, 1]; otherwise `kstwo.sf(d, round(n₁n₂/(n₁+n₂)))`. Returns the possibly
 * rounded d with the p-value, as SciPy does.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`ks_2samp`,
 * `_attempt_exact_2kssamp`).
 *
 * @throws {RangeError} when n₁ or n₂ < 1.
 * @example ksTwoSidedPValue(0.5, 4, 4) // { d: 0.5, pValue: 0.7714285714285716 }
 */
export function ksTwoSidedPValue(d: number, n1: number, n2: number): { d: number; pValue: number } {
  if (!(n1 >= 1 && n2 >= 1)) throw new RangeError(`ksTwoSidedPValue: sizes must be >= 1, got ${n1}, ${n2}`);
  let prob = Number.NaN;
  let exact = Math.max(n1, n2) <= KS_MAX_EXACT_N;
  if (exact) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) return { d, pValue: 1 };
    prob = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideInsideMethod(n1, n2, g, h);
    if (!(prob >= 0 && prob <= 1)) exact = false;
  }
  if (!exact) {
    const m = Math.max(n1, n2);
    const n = Math.min(n1, n2);
    prob = kstwoSf(d, roundHalfEven((m * n) / (m + n)));
  }
  return { d, pValue: Math.min(Math.max(prob, 0), 1) };
}

/**
 * Runs `ks` on a paired sample: statistic D, score = p-value (drift when p ≤ threshold, §4).
 * Numeric input only; categorical input gives no score and a reason (as Evidently, which applies ks to
 * numerical columns only). Evidently calls `ks_2samp(reference, current)` with the defaults, i.e. the
 * same computation.
 *
 * @example runKs({ kind: 'numeric', reference: Float64Array.of(1, 2, 3, 4), current: Float64Array.of(3, 4, 5, 6) }).pValue
 * // 0.7714285714285716
 */
export function runKs(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('ks applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length === 0 || current.length === 0) return notComputable('ks needs values in both sets.');
  const raw = ksStatistic(reference, current);
  const { d, pValue } = ksTwoSidedPValue(raw, reference.length, current.length);
  return pValueOutcome(d, pValue);
}
