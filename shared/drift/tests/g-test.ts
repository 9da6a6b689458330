/**
 * `g_test`: log-likelihood-ratio (G) goodness-of-fit of the current counts against the reference
 * proportions (statistics.md §5), SciPy `power_divergence(f_obs, f_exp, lambda_="log-likelihood")`.
 */
import { chi2Sf } from '../../stats/chi-square';
import { driftBins } from '../bins';
import type { CategoricalPair, PairedSample, TestOutcome } from '../sample';
import { compactCategories } from '../to-categorical';
import { notComputable, pValueOutcome } from './outcome';

/** Convention when ref ∪ cur holds one category only (SciPy/Evidently: NaN, df = 0). */
export const G_ONE_CATEGORY_NOTE =
  'Only one category in both sets: p = 1 (no drift) by convention; Evidently returns NaN here.';

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
  const c = compactCategories(pair);
  const k = c.labels.length;
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < k; i++) {
    nRef += c.reference[i];
    nCur += c.current[i];
  }
  if (nRef === 0 || nCur === 0) return notComputable('g_test needs values in both sets.');
  if (k === 1) return pValueOutcome(0, 1, G_ONE_CATEGORY_NOTE);
  const scale = nCur / nRef;
  let g = 0;
  for (let i = 0; i < k; i++) {
    const o = c.current[i];
    if (o === 0) continue;
    const e = c.reference[i] * scale;
    g += e > 0 ? o * Math.log(o / e) : Number.POSITIVE_INFINITY;
  }
  g *= 2;
  return pValueOutcome(g, g === Number.POSITIVE_INFINITY ? 0 : chi2Sf(g, k - 1));
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
