/**
 * The goodness-of-fit frame shared by `chisquare` and `g_test` (both members of SciPy's
 * `power_divergence` family): observed = current counts, expected = reference counts × n_cur/n_ref over
 * the categories of ref ∪ cur, statistic = Σ term(o, e), p = chi2.sf(statistic, k − 1). A category
 * absent from the reference makes the statistic ∞ and p = 0; one category only gives p = 1 by
 * convention (SciPy/Evidently: NaN, df = 0).
 */
import { chi2Sf } from '../../stats/chi-square';
import type { CategoricalPair, TestOutcome } from '../sample';
import { compactCategories } from '../to-categorical';
import { notComputable, pValueOutcome } from './outcome';

/** Convention note when only one category exists in ref ∪ cur (docs/statistics.md §5). */
export const ONE_CATEGORY_NOTE =
  'Only one category in both sets: p = 1 (no drift) by convention; Evidently returns NaN here.';

export function goodnessOfFit(
  pair: CategoricalPair,
  key: string,
  term: (observed: number, expected: number) => number,
): TestOutcome {
  const c = compactCategories(pair);
  const k = c.labels.length;
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < k; i++) {
    nRef += c.reference[i];
    nCur += c.current[i];
  }
  if (nRef === 0 || nCur === 0) return notComputable(`${key} needs values in both sets.`);
  if (k === 1) return pValueOutcome(0, 1, ONE_CATEGORY_NOTE);
  const scale = nCur / nRef;
  let statistic = 0;
  for (let i = 0; i < k; i++) statistic += term(c.current[i], c.reference[i] * scale);
  return pValueOutcome(statistic, statistic === Number.POSITIVE_INFINITY ? 0 : chi2Sf(statistic, k - 1));
}
