/**
 * `t_test`: Student's two-sample t-test with pooled (equal) variances, two-sided, as SciPy 1.10.1
 * `ttest_ind(reference, current)` (what Evidently's `t_test` calls).
 */
import { numpySum } from '../../stats/pairwise-sum';
import { tTwoSided } from '../../stats/student-t';
import type { PairedSample, TestOutcome } from '../sample';
import { notComputable, pValueOutcome } from './outcome';

/** Mean and unbiased variance (ddof 1) in SciPy's way: mean((x − x̄)²)·n/(n − 1), NumPy summation order. */
function meanVar(x: Float64Array): { mean: number; variance: number } {
  const n = x.length;
  const mean = numpySum(x) / n;
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) sq[i] = (x[i] - mean) ** 2;
  return { mean, variance: (numpySum(sq) / n) * (n / (n - 1)) };
}

/** A sample's size, mean and unbiased variance (ddof 1). */
export interface Moments {
  n: number;
  mean: number;
  variance: number;
}

/**
 * Student's t from the two samples' moments (equal variances):
 * t = (x̄₁ − x̄₂) / √(s²ₚ(1/n₁ + 1/n₂)), s²ₚ = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁ + n₂ − 2), df = n₁ + n₂ − 2;
 * p = P(|T_df| ≥ |t|) from the regularized incomplete beta function. Zero pooled variance with equal
 * means gives t = NaN (0/0); with different means t = ±∞ and p = 0, as SciPy.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`ttest_ind_from_stats`, `_ttest_finish`)
 */
export function studentTFromMoments(
  a: Moments,
  b: Moments,
): { statistic: number; df: number; pValue: number } {
  const df = a.n + b.n - 2;
  const svar = ((a.n - 1) * a.variance + (b.n - 1) * b.variance) / df;
  const denom = Math.sqrt(svar * (1 / a.n + 1 / b.n));
  const t = (a.mean - b.mean) / denom;
  return { statistic: t, df, pValue: tTwoSided(t, df) };
}

/**
 * The `t_test` outcome from moments: no score and a reason when a set has fewer than 2 values or both
 * are constant with the same value; else statistic t, score = two-sided p-value (drift when p < threshold).
 */
export function tTestFromMoments(a: Moments, b: Moments): TestOutcome {
  if (a.n < 2 || b.n < 2) return notComputable('t_test needs at least 2 values in each set.');
  const { statistic, pValue } = studentTFromMoments(a, b);
  if (Number.isNaN(statistic))
    return notComputable('t_test is undefined: both sets are constant with the same value (zero variance).');
  return pValueOutcome(statistic, pValue);
}

/**
 * Student's t for two independent samples with equal variances (`studentTFromMoments` on each sample's
 * mean and variance, computed as SciPy does). Equal constant samples give t = NaN (0/0); different
 * constant samples give t = ±∞ and p = 0, as SciPy.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`ttest_ind`, `_ttest_finish`)
 *
 * @throws {RangeError} when a sample has fewer than 2 values.
 * @example studentTTest(Float64Array.of(1, 2, 3, 4), Float64Array.of(3, 4, 5, 6)) // { statistic: -2.1908902300206643, df: 6, pValue: 0.07098765432098766 } (SciPy p: 0.07098765432098764)
 */
export function studentTTest(
  a: Float64Array,
  b: Float64Array,
): { statistic: number; df: number; pValue: number } {
  if (a.length < 2 || b.length < 2)
    throw new RangeError('studentTTest: each sample needs at least two values');
  return studentTFromMoments({ n: a.length, ...meanVar(a) }, { n: b.length, ...meanVar(b) });
}

/**
 * Runs `t_test`: statistic t, score = two-sided p-value (drift when p < threshold, §4). Numeric input
 * only; each set needs 2 values (SciPy gives NaN for n = 1), and two identical constant sets have no
 * t statistic (0/0): both cases give no score and a reason.
 *
 * @example runTTest({ kind: 'numeric', reference: Float64Array.of(1, 2, 3, 4), current: Float64Array.of(3, 4, 5, 6) }).pValue // 0.07098765432098766
 */
export function runTTest(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('t_test applies to numerical columns only.');
  const { reference, current } = sample;
  const moments = (x: Float64Array): Moments =>
    x.length < 2 ? { n: x.length, mean: Number.NaN, variance: Number.NaN } : { n: x.length, ...meanVar(x) };
  return tTestFromMoments(moments(reference), moments(current));
}
