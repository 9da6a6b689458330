/**
 * Order statistics of the pairwise absolute differences |xᵢ − xⱼ| (i < j) of a sorted sample, found
 * exactly without materialising the n(n − 1)/2 differences: O(64·n) time, O(1) extra memory.
 */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

function bitsOf(x: number): bigint {
  F64[0] = x;
  return U64[0];
}

function fromBits(b: bigint): number {
  U64[0] = b;
  return F64[0];
}

/**
 * Number of pairs i < j with fl(xⱼ − xᵢ) ≤ t in a sorted array (two pointers; rounded subtraction is
 * monotone, so the count is exact for the computed differences).
 *
 * @example countPairsWithin(Float64Array.of(0, 1, 3), 1) // 1
 */
export function countPairsWithin(sorted: Float64Array, t: number): number {
  let count = 0;
  let i = 0;
  for (let j = 0; j < sorted.length; j++) {
    while (sorted[j] - sorted[i] > t) i++;
    count += j - i;
  }
  return count;
}

/**
 * The k-th smallest (1-based) pairwise difference fl(xⱼ − xᵢ), i < j, of a sorted array: binary search
 * over the bit patterns of non-negative doubles (ordered like the values), so the result is one of
 * the computed differences, the same number NumPy gets from `abs(x[:, None] − x[None, :])`.
 *
 * @throws {RangeError} when k is not in [1, n(n − 1)/2].
 * @example kthPairwiseDifference(Float64Array.of(0, 1, 3), 2) // 2
 */
export function kthPairwiseDifference(sorted: Float64Array, k: number): number {
  const n = sorted.length;
  const pairs = (n * (n - 1)) / 2;
  if (!(Number.isInteger(k) && k >= 1 && k <= pairs))
    throw new RangeError(`kthPairwiseDifference: k must be in [1, ${pairs}], got ${k}`);
  let lo = 0n;
  let hi = bitsOf(sorted[n - 1] - sorted[0]);
  while (lo < hi) {
    const mid = (lo + hi) >> 1n;
    if (countPairsWithin(sorted, fromBits(mid)) >= k) hi = mid;
    else lo = mid + 1n;
  }
  return fromBits(lo);
}

/**
 * Median of the pairwise differences (NumPy `median(pdist(x))`: mean of the two middle values for an
 * even count), skipping the first `skip` smallest differences (pass the number of zero differences to
 * get the median of the non-zero ones). NaN when no difference is left.
 *
 * @example medianPairwiseDifference(Float64Array.of(0, 1, 3)) // 2
 */
export function medianPairwiseDifference(sorted: Float64Array, skip = 0): number {
  const n = sorted.length;
  const m = (n * (n - 1)) / 2 - skip;
  if (m <= 0) return Number.NaN;
  if (m % 2 === 1) return kthPairwiseDifference(sorted, skip + (m + 1) / 2);
  return (kthPairwiseDifference(sorted, skip + m / 2) + kthPairwiseDifference(sorted, skip + m / 2 + 1)) / 2;
}
