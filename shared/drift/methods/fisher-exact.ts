/**
 * `fisher_exact`: Fisher's exact test on the 2×2 table of two categories × two datasets
 * (docs/statistics.md §5), two-sided as SciPy `fisher_exact`.
 */

import { hypergeomCdf, hypergeomMode, hypergeomPmf, hypergeomSf } from '../../stats/hypergeometric';
import { countDistinctUnion } from '../../stats/sorted';
import type { CategoricalPair, PairedSample, TestOutcome } from '../sample';
import { compactCategories, toCategorical } from '../to-categorical';
import { notComputable, pValueOutcome } from './outcome';

/** Convention when ref ∪ cur holds one category only. */
export const FISHER_ONE_CATEGORY_NOTE = 'Only one category in both sets: p = 1 (no drift) by convention.';

/** Relative tolerance for "as or less likely than the observed table" (R's fisher.test; see below). */
export const FISHER_RELATIVE_TOLERANCE = 1 + 1e-7;

/** Largest i in [lo, hi] with f(i) ≤ d for f ascending on [lo, hi] (SciPy `_binary_search_for_binom_tst`). */
function binarySearch(f: (x: number) => number, d: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const v = f(mid);
    if (v < d) lo = mid + 1;
    else if (v > d) hi = mid - 1;
    else return mid;
  }
  return f(lo) <= d ? lo : lo - 1;
}

/**
 * Two-sided p of the 2×2 table [[a, b], [c, d]]: the probability, under the hypergeometric law of the
 * top-left cell given the margins, of the tables no more likely than the observed one,
 * p = Σ_{x: P(x) ≤ P(a)·(1 + 1e-7)} P(x). Ported from SciPy 1.10.1 (mode, tails by cdf/sf, binary search
 * for the other side); SciPy uses the tolerance 1 + 1e-14 with Boost's pmf, we use R's 1 + 1e-7 so that
 * tables of equal probability are not split by the last bits of the pmf. A zero row or column sum gives 1.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`fisher_exact`)
 *
 * @throws {RangeError} when a cell is negative or not an integer.
 * @example fisherExactTwoSided(8, 2, 1, 5) // 0.03496503496503475 (scipy 0.034965034965034975;.stats.fisher_exact([[8, 2], [1, 5]]))
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const v of [a, b, c, d])
    if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`fisherExactTwoSided: bad cell ${v}`);
  const n1 = a + b;
  const n2 = c + d;
  const n = a + c;
  if (n1 === 0 || n2 === 0 || n === 0 || b + d === 0) return 1;
  const M = n1 + n2;
  const pmf = (x: number) => hypergeomPmf(x, M, n1, n);
  const mode = hypergeomMode(M, n1, n);
  const pExact = pmf(a);
  const pMode = pmf(mode);
  const g = FISHER_RELATIVE_TOLERANCE;
  if (Math.abs(pExact - pMode) / Math.max(pExact, pMode) <= g - 1) return 1;
  let p: number;
  if (a < mode) {
    const pLower = hypergeomCdf(a, M, n1, n);
    if (pmf(n) > pExact * g) return Math.min(1, pLower);
    const guess = binarySearch((x) => -pmf(x), -pExact * g, mode, n);
    p = pLower + hypergeomSf(guess, M, n1, n);
  } else {
    const pUpper = hypergeomSf(a - 1, M, n1, n);
    if (pmf(0) > pExact * g) return Math.min(1, pUpper);
    const guess = binarySearch(pmf, pExact * g, 0, mode);
    p = pUpper + hypergeomCdf(guess, M, n1, n);
  }
  return Math.min(1, p);
}

/**
 * `fisher_exact` on category counts: exactly two categories a < b (the `CategoricalPair` order) give
 * the table [[cur_a, cur_b], [ref_a, ref_b]]; sizes may differ (Evidently requires equal sizes). One
 * category: p = 1 by convention; more than two: not applicable (score null, reason).
 *
 * @example fisherCounts({ kind: 'categorical', labels: ['0', '1'], reference: [70, 30], current: [55, 45] }).pValue
 * // 0.04053400651498261 (scipy.stats.fisher_exact([[55, 45], [70, 30]]).pvalue = 0.040534006514982644)
 */
export function fisherCounts(pair: CategoricalPair): TestOutcome {
  const c = compactCategories(pair);
  const k = c.labels.length;
  const nRef = c.reference.reduce((s, v) => s + v, 0);
  const nCur = c.current.reduce((s, v) => s + v, 0);
  if (nRef === 0 || nCur === 0) return notComputable('fisher_exact needs values in both sets.');
  if (k === 1) return { score: 1, statistic: null, pValue: 1, reason: FISHER_ONE_CATEGORY_NOTE };
  if (k > 2) return notComputable(`fisher_exact applies to two categories only; this column has ${k}.`);
  const [ca, cb] = c.current;
  const [ra, rb] = c.reference;
  const odds = ra > 0 && cb > 0 ? (ca * rb) / (cb * ra) : Number.POSITIVE_INFINITY;
  return pValueOutcome(odds, fisherExactTwoSided(ca, cb, ra, rb));
}

/**
 * Runs `fisher_exact` (score = p; drift when p < threshold, §4). Numeric input: one category per value.
 *
 * @example runFisherExact({ kind: 'categorical', labels: ['x'], reference: [4], current: [9] }).score // 1
 */
export function runFisherExact(sample: PairedSample): TestOutcome {
  if (sample.kind === 'categorical') return fisherCounts(sample);
  const k = countDistinctUnion(sample.reference, sample.current);
  if (k > 2)
    return notComputable('fisher_exact applies to two categories only; this column has more than 2 values.');
  return fisherCounts(toCategorical(sample));
}
