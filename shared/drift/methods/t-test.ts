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

/**
 * Student's t for two independent samples with equal variances:
 * t = (x̄₁ − x̄₂) / √(s²ₚ(1/n₁ + 1/n₂)), s²ₚ = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁ + n₂ − 2), df = n₁ + n₂ − 2;
 * p = P(|T_df| ≥ |t|) from the regularized incomplete beta function. Equal constant samples give
 * t = NaN (0/0); different constant samples give t = ±∞ and p = 0, as SciPy.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`ttest_ind`, `_ttest_finish`)
 *
 * @throws {RangeError} when a sample has fewer than 2 values.
 * @example studentTTest(Float64Array.of(1, 2, 3, 4), Float64Array.of(3, 4, 5, 6)) // { statistic: -2.1908902300206643, df: 6, pValue: 0.07098765432098766 } (SciPy p: 0.07098765432098764)
 */
export function studentTTest(
  a: Float64Array,
  b: Float64Array,
): { statistic: number; df: number; pValue: number } {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 < 2 || n2 < 2) throw new RangeError('studentTTest: each sample needs at least two values');
  const s1 = meanVar(a);
  const s2 = meanVar(b);
  const df = n1 + n2 - 2;
  const svar = ((n1 - 1) * s1.variance + (n2 - 1) * s2.variance) / df;
  const denom = Math.sqrt(svar * (1 / n1 + 1 / n2));
  const t = (s1.mean - s2.mean) / denom;
  return { statistic: t, df, pValue: tTwoSided(t, df) };
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
  if (reference.length < 2 || current.length < 2)
    return notComputable('t_test needs at least 2 values in each set.');
  const { statistic, pValue } = studentTTest(reference, current);
  if (Number.isNaN(statistic))
    return notComputable('t_test is undefined: both sets are constant with the same value (zero variance).');
  return pValueOutcome(statistic, pValue);
}
