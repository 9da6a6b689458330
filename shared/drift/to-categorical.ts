/**
 * Numeric sample → category counts, for the category-based tests (chisquare, z, and jensenshannon on
 * few distinct values), following docs/statistics.md §5–§6.
 */
import { forEachTieGroup } from '../stats/rank';
import type { CategoricalPair, NumericPair } from './sample';

/**
 * Counts per distinct value of reference ∪ current, as Evidently's `value_counts` over the union of
 * keys. Labels are the values formatted with `String(x)`, in ascending numeric order (the order of
 * `CategoricalPair` for numeric labels); a value absent from one set has count 0. O(n₁ + n₂) on the
 * sorted arrays. −0 and 0 are one value (label "0").
 *
 * @example toCategorical({ kind: 'numeric', reference: Float64Array.of(1, 1, 2), current: Float64Array.of(2, 3) })
 * // { kind: 'categorical', labels: ['1', '2', '3'], reference: [2, 1, 0], current: [0, 1, 1] }
 */
export function toCategorical(pair: NumericPair): CategoricalPair {
  const labels: string[] = [];
  const reference: number[] = [];
  const current: number[] = [];
  forEachTieGroup(pair.reference, pair.current, (v, countRef, countCur) => {
    labels.push(String(v));
    reference.push(countRef);
    current.push(countCur);
  });
  return { kind: 'categorical', labels, reference, current };
}

/**
 * Drops categories whose count is 0 in both sets (they are not part of ref ∪ cur) and returns a copy.
 *
 * @example compactCategories({ kind: 'categorical', labels: ['a', 'b'], reference: [1, 0], current: [2, 0] }).labels // ['a']
 */
export function compactCategories(pair: CategoricalPair): CategoricalPair {
  const labels: string[] = [];
  const reference: number[] = [];
  const current: number[] = [];
  for (let k = 0; k < pair.labels.length; k++) {
    if (pair.reference[k] === 0 && pair.current[k] === 0) continue;
    labels.push(pair.labels[k]);
    reference.push(pair.reference[k]);
    current.push(pair.current[k]);
  }
  return { kind: 'categorical', labels, reference, current };
}
