/**
 * `g_test`: log-likelihood-ratio (G) goodness-of-fit of the current counts against the reference
 * proportions (docs/statistics.md §5), SciPy `power_divergence(f_obs, f_exp, lambda_="log-likelihood")`.
 */
import { driftBins } from '../bins';
import type { CategoricalPair, PairedSample, TestOutcome } from '../sample';
import { goodnessOfFit } from './goodness-of-fit';

/** Convention when ref ∪ cur holds one category only (SciPy/Evidently: NaN, df = 0). */
export { ONE_CATEGORY_NOTE as G_ONE_CATEGORY_NOTE } from './goodness-of-fit';

/**
 * G = 2 Σ oᵢ ln(oᵢ/eᵢ) with oᵢ = current counts and eᵢ = reference counts × n_cur/n_ref (terms with
 * oᵢ = 0 are 0), over the categories of ref ∪ cur; p = chi2.sf(G, k − 1). A category absent from the
 * reference gives G = ∞ and p = 0 (as chisquare). Evidently passes the unscaled reference counts as
 * f_exp, which SciPy ≥ 1.9 rejects when n_ref ≠ n_cur; scaling is the textbook G-test.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`power_divergence`)
 *
 * @example gTestCounts({ kind: 'categorical', labels: ['a', 'b'], reference: [50, 50], current: [60, 40] }).pValue
 * // 0.04477477232924...
 */
export function gTestCounts(pair: CategoricalPair): TestOutcome {
  // Terms with o = 0 are 0; e = 0 < o gives ∞ (a category absent from the reference).
  return goodnessOfFit(pair, 'g_test', (o, e) =>
    o === 0 ? 0 : e > 0 ? 2 * o * Math.log(o / e) : Number.POSITIVE_INFINITY,
  );
}

/**
 * Runs `g_test` (score = p; drift when p < threshold, §4). Numeric input is counted on the bins of §6:
 * one per value, or Sturges bins when the reference has more than 20 distinct values (per value, any
 * continuous current value unseen in the reference would give p = 0).
 *
 * @example runGTest({ kind: 'categorical', labels: ['a', 'b', 'c'], reference: [60, 40, 0], current: [50, 40, 10] }).score // 0
 */
export function runGTest(sample: PairedSample): TestOutcome {
  if (sample.kind === 'categorical') return gTestCounts(sample);
  const bins = driftBins(sample);
  const labels = bins.kind === 'values' ? bins.labels : bins.reference.map((_, i) => `bin ${i}`);
  return gTestCounts({ kind: 'categorical', labels, reference: bins.reference, current: bins.current });
}
