/**
 * Ranks in the pooled sample of two sorted samples, walked once in O(n₁ + n₂) without building the
 * pooled array: the basis of the rank tests (Mann–Whitney, Cramér–von Mises, Anderson–Darling).
 */

/**
 * Calls `visit(value, countA, countB, below)` once per distinct value of a ∪ b in increasing order, where
 * countA/countB are its multiplicities in a and b and `below` the number of pooled values smaller than it.
 * The midrank (SciPy `rankdata(method="average")`, 1-based) of the group is below + (countA + countB + 1)/2.
 * Both inputs must be sorted ascending and free of NaN. The walk stops early when `visit` returns false.
 *
 * @example forEachTieGroup(Float64Array.of(1, 2), Float64Array.of(2, 3), (v, ca, cb, below) => console.log(v, ca, cb, below))
 * // 1 1 0 0, then 2 1 1 1, then 3 0 1 3
 */
export function forEachTieGroup(
  a: Float64Array,
  b: Float64Array,
  visit: (value: number, countA: number, countB: number, below: number) => unknown,
): void {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    const i0 = i;
    const j0 = j;
    while (i < n1 && a[i] === v) i++;
    while (j < n2 && b[j] === v) j++;
    if (visit(v, i - i0, j - j0, i0 + j0) === false) return;
  }
}

/**
 * Tie term Σ (t³ − t) over the groups of equal values of the pooled sample (t = group size), as
 * `scipy.stats._mannwhitneyu._tie_term`; 0 when all values are distinct.
 *
 * @example tieTerm(Float64Array.of(1, 2, 2), Float64Array.of(2, 5)) // 24 (one group of 3: 27 − 3)
 */
export function tieTerm(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  forEachTieGroup(a, b, (_v, ca, cb) => {
    const t = ca + cb;
    if (t > 1) sum += t * t * t - t;
  });
  return sum;
}

/**
 * Midranks (1-based, ties averaged) of the values of a in the pooled sample a ∪ b, in the order of a,
 * as `scipy.stats.rankdata(np.concatenate([a, b]))[:len(a)]` for sorted inputs.
 *
 * @example midranksOf(Float64Array.of(1, 2), Float64Array.of(2, 3)) // Float64Array [1, 2.5]
 */
export function midranksOf(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  let k = 0;
  forEachTieGroup(a, b, (_v, ca, cb, below) => {
    const r = below + (ca + cb + 1) / 2;
    for (let t = 0; t < ca; t++) out[k++] = r;
  });
  return out;
}
