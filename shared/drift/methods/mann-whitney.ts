/**
 * `mannw`: Mann–Whitney U test, two-sided, as SciPy 1.10.1 `mannwhitneyu(reference, current)` with its
 * defaults (`alternative="two-sided"`, `use_continuity=True`, `method="auto"`).
 *
 * Deliberate deviation from Evidently: Evidently's `mann_whitney_u_stat_test` calls
 * `mannwhitneyu(reference, current, alternative="less")`, a one-sided test that only detects a current
 * distribution shifted to larger values. That is a defect (a downward shift is never drift); we use the
 * two-sided test (docs/statistics.md §5).
 */

import { mannWhitneyExactCdf } from '../../stats/mann-whitney-exact';
import { normSf } from '../../stats/normal';
import { forEachTieGroup } from '../../stats/rank';
import type { PairedSample, TestOutcome } from '../sample';
import { notComputable, pValueOutcome } from './outcome';

/** Convention note carried by every `mannw` result (docs/statistics.md §5). */
export const MANNW_TWO_SIDED_NOTE =
  'mannw is two-sided by convention; Evidently uses the one-sided alternative "less", which misses downward shifts.';

/** SciPy's `method="auto"`: the asymptotic p-value when both sizes exceed 8 or there are ties. */
export const MWU_MAX_EXACT_N = 8;

/**
 * Two-sided Mann–Whitney U test. U₁ = R₁ − n₁(n₁+1)/2 (R₁ the midrank sum of the first sample),
 * U = max(U₁, n₁n₂ − U₁). Exact p = 2·P(U' ≥ U) (`mannWhitneyExactCdf`) when min(n₁, n₂) ≤ 8 and
 * there are no ties; otherwise p = 2·Φ̄((U − n₁n₂/2 − ½)/σ), σ² = n₁n₂/12·((N + 1) − Σ(t³ − t)/(N(N − 1)))
 * (tie and continuity corrections). p is clipped to [0, 1]. Returns U₁ as the statistic, as SciPy.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_mannwhitneyu.py
 *
 * @throws {RangeError} when a sample is empty.
 * @example mannWhitneyU(Float64Array.of(1, 2, 3, 4), Float64Array.of(3.5, 5, 6, 7)) // { statistic: 1, pValue: 0.05714285714285714, method: 'exact' }
 */
export function mannWhitneyU(
  a: Float64Array,
  b: Float64Array,
): { statistic: number; pValue: number; method: 'exact' | 'asymptotic' } {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU: samples must not be empty');
  let r1 = 0;
  let tie = 0;
  forEachTieGroup(a, b, (_v, ca, cb, below) => {
    const t = ca + cb;
    r1 += ca * (below + (t + 1) / 2);
    if (t > 1) tie += t * t * t - t;
  });
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = Math.max(u1, u2);
  const exact = !(n1 > MWU_MAX_EXACT_N && n2 > MWU_MAX_EXACT_N) && tie === 0;
  let p: number;
  if (exact) {
    // sf(U) = cdf(n₁n₂ − U) by symmetry, including the mass at U.
    p = 2 * mannWhitneyExactCdf(n1 * n2 - u, n1, n2);
  } else {
    const n = n1 + n2;
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tie / (n * (n - 1))));
    p = 2 * normSf((u - (n1 * n2) / 2 - 0.5) / s);
  }
  return { statistic: u1, pValue: Math.min(Math.max(p, 0), 1), method: exact ? 'exact' : 'asymptotic' };
}

/**
 * Runs `mannw`: statistic U₁, score = two-sided p-value (drift when p < threshold, §4). Numeric input
 * only. Two-sided, unlike Evidently: the outcome's `reason` carries `MANNW_TWO_SIDED_NOTE`.
 *
 * @example runMannWhitney({ kind: 'numeric', reference: Float64Array.of(1, 2, 3, 4), current: Float64Array.of(3.5, 5, 6, 7) }).pValue // 0.05714285714285714
 */
export function runMannWhitney(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('mannw applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length === 0 || current.length === 0)
    return notComputable('mannw needs values in both sets.');
  const { statistic, pValue } = mannWhitneyU(reference, current);
  return pValueOutcome(statistic, pValue, MANNW_TWO_SIDED_NOTE);
}
