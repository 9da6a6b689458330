/**
 * `chisquare`: Pearson's chi-square goodness-of-fit of the current counts against the reference
 * proportions, as Evidently's `chi_stat_test` (SciPy `chisquare(f_obs, f_exp)`).
 */
import type { CategoricalPair, PairedSample, TestOutcome } from '../sample';
import { toCategorical } from '../to-categorical';
import { goodnessOfFit } from './goodness-of-fit';

export { ONE_CATEGORY_NOTE } from './goodness-of-fit';

/**
 * χ² = Σ (oᵢ − eᵢ)²/eᵢ with oᵢ = current counts and eᵢ = reference counts × n_cur/n_ref, over the
 * categories of ref ∪ cur; p = chi2.sf(χ², k − 1). A category absent from the reference has eᵢ = 0 and
 * oᵢ > 0, so χ² = ∞ and p = 0 (SciPy gives the same, with a division warning). With one category only,
 * p = 1 by our convention (SciPy/Evidently: NaN, since df = 0). Numeric input is first turned into
 * counts per distinct value.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`power_divergence`);
 * https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/chisquare_stattest.py
 *
 * @example chisquareCounts({ kind: 'categorical', labels: ['a', 'b'], reference: [50, 50], current: [60, 40] }).pValue
 * // 0.04550026389635857
 */
export function chisquareCounts(pair: CategoricalPair): TestOutcome {
  return goodnessOfFit(pair, 'chisquare', (o, e) => ((o - e) * (o - e)) / e);
}

/**
 * Runs `chisquare` (score = p-value; drift when p < threshold, §4).
 *
 * @example runChisquare({ kind: 'categorical', labels: ['a'], reference: [3], current: [5] }).score // 1
 */
export function runChisquare(sample: PairedSample): TestOutcome {
  return chisquareCounts(sample.kind === 'numeric' ? toCategorical(sample) : sample);
}
