/**
 * Primitives on sorted arrays (ascending, no NaN), written once: binary search, distinct counts and
 * merges. Walks over two sorted arrays go through `forEachTieGroup` (rank.ts). −0 and 0 are one value.
 */
import { knownShort } from './known-short';
import { memoByArray } from './memo-by-array';
import { forEachTieGroup } from './rank';

/**
 * Index of the first element ≥ x, or > x when `right` (`numpy.searchsorted(sorted, x, side)`).
 * @example searchSorted(Float64Array.of(1, 2, 2, 3), 2, false) // 1
 * @example searchSorted(Float64Array.of(1, 2, 2, 3), 2, true) // 3
 */
export function searchSorted(sorted: ArrayLike<number>, x: number, right: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (right ? sorted[mid] <= x : sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Number of distinct values of a sorted array (`numpy.unique(a).size`).
 * @example countDistinctSorted(Float64Array.of(1, 1, 2)) // 2
 */
export const countDistinctSorted: (sorted: Float64Array) => number = memoByArray((sorted) => {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  return count;
});

/**
 * Index of the first element > x at or after `from` (x must not be below sorted[from − 1]): exponential
 * ("galloping") search from `from`, then binary search, in O(log d) for a distance d, so walking a short
 * sorted array against a long one touches few cache lines.
 */
function gallopAbove(sorted: Float64Array, x: number, from: number): number {
  let lo = from;
  let step = 1;
  while (lo + step < sorted.length && sorted[lo + step - 1] <= x) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, sorted.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when walking `short` against `long` by galloping search, O(|short| log |long|), beats the merge walk,
 * O(|long| + |short|): a timeline chunk against the whole reference. Depends on the lengths only, so a
 * chunk of the timeline and the same rows analysed alone take the same path (the same bits).
 */
export function shortAgainstLong(long: Float64Array, short: Float64Array): boolean {
  return short.length * Math.log2(long.length + 2) < long.length;
}

const upperBoundCache = new WeakMap<Float64Array, { long: Float64Array; bounds: Int32Array }>();

/**
 * For each element of `short`, how many elements of `long` are ≤ it (`numpy.searchsorted(long, short,
 * 'right')`), both sorted, by galloping search. Remembered for the last `long` of each `short` array (a
 * chunk's drift test and its distinct count ask for the same bounds).
 * @example upperBounds(Float64Array.of(1, 2, 2, 3), Float64Array.of(0, 2, 5)) // Int32Array [0, 3, 4]
 */
export function upperBounds(long: Float64Array, short: Float64Array): Int32Array {
  const cached = upperBoundCache.get(short);
  if (cached?.long === long) return cached.bounds;
  const bounds = new Int32Array(short.length);
  let at = 0;
  for (let j = 0; j < short.length; j++) {
    at = gallopAbove(long, short[j], at);
    bounds[j] = at;
  }
  upperBoundCache.set(short, { long, bounds });
  return bounds;
}

/**
 * Distinct values of a ∪ b, ascending (`numpy.union1d(a, b)`).
 * @example distinctUnion(Float64Array.of(1, 2), Float64Array.of(2, 3)) // Float64Array [1, 2, 3]
 */
export function distinctUnion(a: Float64Array, b: Float64Array): Float64Array {
  const out: number[] = [];
  forEachTieGroup(a, b, (v) => {
    out.push(v);
  });
  return Float64Array.from(out);
}

/**
 * Number of distinct values of a ∪ b (`numpy.union1d(a, b).size`), or `atMost` when there are at least
 * that many (≥ 1): the walk stops there (the test selection only asks whether there are more than 5).
 * @example countDistinctUnion(Float64Array.of(1, 2), Float64Array.of(2, 3)) // 3
 * @example countDistinctUnion(Float64Array.of(1, 2), Float64Array.of(2, 3), 2) // 2
 */
export function countDistinctUnion(
  a: Float64Array,
  b: Float64Array,
  atMost = Number.POSITIVE_INFINITY,
): number {
  // A short b against a long a (a chunk against the reference): distinct(a) (memoised) plus b's distinct
  // values not in a, found by galloping search (upperBounds) in O(|b| log(|a|/|b|)); a timeline chunk may
  // have it computed already (knownShort).
  if (shortAgainstLong(a, b)) {
    const known = knownShort(a, b)?.distinctUnion;
    if (known) return Math.min(known(), atMost);
    const bounds = upperBounds(a, b);
    let count = countDistinctSorted(a);
    for (let j = 0; j < b.length && count < atMost; j++) {
      if (j > 0 && b[j] === b[j - 1]) continue;
      const at = bounds[j];
      if (!(at > 0 && a[at - 1] === b[j])) count++;
    }
    return Math.min(count, atMost);
  }
  let count = 0;
  forEachTieGroup(a, b, () => ++count < atMost);
  return count;
}

/**
 * a ∪ b as one sorted array with every value kept (`numpy.sort(numpy.concatenate([a, b]))`).
 * @example mergeSorted(Float64Array.of(1, 3), Float64Array.of(2)) // Float64Array [1, 2, 3]
 */
export function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++)
    out[k] = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
  return out;
}
