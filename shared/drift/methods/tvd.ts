/**
 * `tvd`: total variation distance between the binned distributions with a permutation p-value
 * (docs/statistics.md §5), seeded so the verdict is reproducible.
 */
import { sampleHypergeometric } from '../../stats/hypergeometric';
import { DEFAULT_SEED, SeededRng } from '../../stats/seeded-rng';
import { driftBins } from '../bins';
import type { PairedSample, TestOutcome } from '../sample';
import { notComputable, pValueOutcome } from './outcome';

/** Number of label permutations of the p-value (Evidently uses 1000 too). */
export const TVD_PERMUTATIONS = 1000;

/** Relative tolerance for "a permuted statistic ≥ the observed one" (SciPy `permutation_test`). */
const TIE_EPS = 1e-14;

/**
 * TVD = ½ Σ |rᵢ/n_ref − cᵢ/n_cur| over the bins (counts in, shares compared). In [0, 1], symmetric.
 *
 * @throws {RangeError} when lengths differ or a total is 0.
 * @example tvdOfCounts([60, 40, 0], [50, 40, 10]) // 0.1
 */
export function tvdOfCounts(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  if (reference.length !== current.length) throw new RangeError('tvdOfCounts: lengths differ');
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < reference.length; i++) {
    nRef += reference[i];
    nCur += current[i];
  }
  if (!(nRef > 0 && nCur > 0)) throw new RangeError('tvdOfCounts: totals must be > 0');
  let s = 0;
  for (let i = 0; i < reference.length; i++) s += Math.abs(reference[i] / nRef - current[i] / nCur);
  return s / 2;
}

/**
 * Permutation p-value of the TVD: the bin labels of the pooled n_ref + n_cur values are reassigned at
 * random to sets of the original sizes, `permutations` times. Each permutation draws the new reference
 * counts as a multivariate hypergeometric vector (one conditional hypergeometric draw per bin, O(k·√n)
 * rather than an O(n) shuffle). p = (1 + #{TVD_perm ≥ TVD_obs})/(1 + permutations), the comparison
 * with SciPy's tolerance 1e-14 relative, so p ∈ (0, 1] and identical samples give p = 1.
 * Source: Phipson & Smyth (2010), "Permutation P-values Should Never Be Zero", SAGMB 9(1).
 *
 * @throws {RangeError} as `tvdOfCounts`, or when permutations < 1.
 * @example tvdPermutationTest([50, 50], [50, 50], new SeededRng(1)).pValue // 1
 */
export function tvdPermutationTest(
  reference: readonly number[],
  current: readonly number[],
  rng: SeededRng,
  permutations = TVD_PERMUTATIONS,
): { statistic: number; pValue: number } {
  if (!(Number.isInteger(permutations) && permutations >= 1))
    throw new RangeError(`tvdPermutationTest: permutations must be an integer ≥ 1, got ${permutations}`);
  const observed = tvdOfCounts(reference, current);
  const k = reference.length;
  const pooled = reference.map((r, i) => r + current[i]);
  const nRef = reference.reduce((s, v) => s + v, 0);
  const total = pooled.reduce((s, v) => s + v, 0);
  const nCur = total - nRef;
  const gamma = Math.max(TIE_EPS, Math.abs(TIE_EPS * observed));
  let atLeast = 0;
  for (let b = 0; b < permutations; b++) {
    let left = total;
    let draws = nRef;
    let s = 0;
    for (let i = 0; i < k; i++) {
      const x = draws === 0 ? 0 : sampleHypergeometric(rng, left, pooled[i], draws);
      left -= pooled[i];
      draws -= x;
      s += Math.abs(x / nRef - (pooled[i] - x) / nCur);
    }
    if (s / 2 >= observed - gamma) atLeast++;
  }
  return { statistic: observed, pValue: (1 + atLeast) / (1 + permutations) };
}

/**
 * Runs `tvd` (score = permutation p; drift when p < threshold, §4) on the bins of §6 without
 * zero-filling: one bin per category, or per numeric value, or Sturges bins for a numerical reference
 * with more than 20 distinct values (per-value TVD of continuous data is always 1). The default `rng`
 * is seeded with DEFAULT_SEED, so the verdict is reproducible.
 *
 * @example runTvd({ kind: 'categorical', labels: ['a'], reference: [3], current: [4] }).score // 1
 */
export function runTvd(sample: PairedSample, rng: SeededRng = new SeededRng(DEFAULT_SEED)): TestOutcome {
  const bins = driftBins(sample);
  const nRef = bins.reference.reduce((s, v) => s + v, 0);
  const nCur = bins.current.reduce((s, v) => s + v, 0);
  if (nRef === 0 || nCur === 0) return notComputable('tvd needs values in both sets.');
  const r = tvdPermutationTest(bins.reference, bins.current, rng);
  return pValueOutcome(r.statistic, r.pValue);
}
