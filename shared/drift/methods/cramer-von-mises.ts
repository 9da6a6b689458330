/**
 * `cramer_von_mises`: two-sample Cramér–von Mises test as SciPy 1.10.1
 * `cramervonmises_2samp(reference, current, method="auto")` (what Evidently's `cramer_von_mises` calls).
 */
import { cdfCvmInf, cvm2sampExactPValue } from '../../stats/cramer-von-mises-distribution';
import { numpySum } from '../../stats/pairwise-sum';
import { forEachTieGroup } from '../../stats/rank';
import type { PairedSample, TestOutcome } from '../sample';
import { notComputable, pValueOutcome } from './outcome';

/** SciPy's `method="auto"`: exact p-value when max(n₁, n₂) ≤ 20. */
export const CVM_MAX_EXACT_N = 20;

/**
 * The rank statistic U = n₁·Σᵢ (rᵢ − i)² + n₂·Σⱼ (sⱼ − j)² (Anderson 1962, eq. 10), rᵢ and sⱼ the midranks
 * in the pooled sample of the i-th smallest value of each sample, from one merge of the sorted samples,
 * summed in NumPy's order.
 *
 * @throws {RangeError} when a sample is empty.
 * @example cvmRankStatistic(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)) // 81
 */
export function cvmRankStatistic(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('cvmRankStatistic: samples must not be empty');
  const termsA = new Float64Array(n1);
  const termsB = new Float64Array(n2);
  let ia = 0;
  let ib = 0;
  forEachTieGroup(a, b, (_v, ca, cb, below) => {
    const r = below + (ca + cb + 1) / 2;
    for (let t = 0; t < ca; t++, ia++) termsA[ia] = (r - (ia + 1)) ** 2;
    for (let t = 0; t < cb; t++, ib++) termsB[ib] = (r - (ib + 1)) ** 2;
  });
  let u = n1 * numpySum(termsA);
  u += n2 * numpySum(termsB);
  return u;
}

/**
 * Two-sample Cramér–von Mises test: T = U/(n₁n₂N) − (4n₁n₂ − 1)/(6N) with U from `cvmRankStatistic`.
 * p-value exact (`cvm2sampExactPValue`) when max(n₁, n₂) ≤ 20, else from the limiting distribution of the
 * normalised statistic Tₙ = 1/6 + (T − E T)/√(45·Var T) (Anderson 1962, eqs. 11, 14, 15): p = 1 when
 * Tₙ < 0.003, else max(0, 1 − `cdfCvmInf`(Tₙ)), exactly SciPy's rules.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_hypotests.py (`cramervonmises_2samp`)
 *
 * @throws {RangeError} when a sample has fewer than 2 values.
 * @example cramerVonMises2samp(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6)) // { statistic: 0.5277777777777778, pValue: 0.1 } (SciPy: same)
 */
export function cramerVonMises2samp(a: Float64Array, b: Float64Array): { statistic: number; pValue: number } {
  const nx = a.length;
  const ny = b.length;
  if (nx <= 1 || ny <= 1) throw new RangeError('cramerVonMises2samp: each sample needs at least two values');
  const u = cvmRankStatistic(a, b);
  const k = nx * ny;
  const N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);
  if (Math.max(nx, ny) <= CVM_MAX_EXACT_N) return { statistic: t, pValue: cvm2sampExactPValue(u, nx, ny) };
  const et = (1 + 1 / N) / 6;
  // (N + 1)(4kN − 3(n₁² + n₂²) − 2k) / (45·N²·4k), integers exact as in Python.
  const bk = BigInt(k);
  const bN = BigInt(N);
  const num = (bN + 1n) * (4n * bk * bN - 3n * (BigInt(nx) ** 2n + BigInt(ny) ** 2n) - 2n * bk);
  const vt = Number(num) / Number(45n * bN * bN * 4n * bk);
  const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
  const p = tn < 0.003 ? 1 : Math.max(0, 1 - cdfCvmInf(tn));
  return { statistic: t, pValue: p };
}

/**
 * Runs `cramer_von_mises`: statistic T, score = p-value (drift when p ≤ threshold, §4, as Evidently).
 * Numeric input only; each set needs at least 2 values (SciPy raises otherwise).
 *
 * @example runCramerVonMises({ kind: 'numeric', reference: Float64Array.of(1, 2, 3), current: Float64Array.of(4, 5, 6) }).pValue // 0.1
 */
export function runCramerVonMises(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('cramer_von_mises applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length < 2 || current.length < 2)
    return notComputable('cramer_von_mises needs at least 2 values in each set.');
  const { statistic, pValue } = cramerVonMises2samp(reference, current);
  return pValueOutcome(statistic, pValue);
}
