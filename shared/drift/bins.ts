/**
 * The bins of statistics.md §6 shared by jensenshannon (and later psi, kl_div): Sturges equal-width
 * edges for numerical columns whose reference has more than 20 distinct values, else one bin per
 * distinct value (or category) of reference ∪ current. Exported for plotting too.
 */

import { countDistinctSorted } from '../stats/sorted';
import type { PairedSample } from './sample';
import { compactCategories, toCategorical } from './to-categorical';

/** Equal-width bins: `edges` has k + 1 entries; counts have k entries. */
export interface EdgeBins {
  kind: 'edges';
  edges: number[];
  reference: number[];
  current: number[];
}

/** One bin per distinct value or category, labels in `CategoricalPair` order. */
export interface ValueBins {
  kind: 'values';
  labels: string[];
  reference: number[];
  current: number[];
}

export type DriftBins = EdgeBins | ValueBins;

/** A reference with more than this many distinct values is binned with Sturges edges (Evidently). */
export const STURGES_MIN_DISTINCT = 20;

/**
 * Sturges edges over [min, max] of reference ∪ current, as `numpy.histogram_bin_edges(a, bins="sturges")`:
 * width = (max − min)/(log₂ n + 1), k = ⌈(max − min)/width⌉ (that floating-point quotient, as NumPy),
 * edges eᵢ = i·((max − min)/k) + min with the last edge = max (NumPy `linspace`). When every value is
 * an integer, a width below 1 becomes 1, so k = ⌈max − min⌉ (NumPy ≥ 2.1 does this for integer dtypes;
 * Evidently on NumPy < 2.1 does not). A constant sample gives the single bin [v − 0.5, v + 0.5].
 * Source: https://github.com/numpy/numpy/blob/v2.1.0/numpy/lib/_histograms_impl.py
 *
 * @throws {RangeError} when both arrays are empty.
 * @example sturgesEdges(Float64Array.of(0, 1, 2, 3), Float64Array.of(4)) // [0, 1, 2, 3, 4] (integers: width 1)
 */
export function sturgesEdges(reference: Float64Array, current: Float64Array): number[] {
  const n = reference.length + current.length;
  if (n === 0) throw new RangeError('sturgesEdges: both samples are empty');
  const lo = Math.min(
    reference.length ? reference[0] : current[0],
    current.length ? current[0] : reference[0],
  );
  const hi = Math.max(
    reference.length ? reference[reference.length - 1] : current[current.length - 1],
    current.length ? current[current.length - 1] : reference[reference.length - 1],
  );
  const ptp = hi - lo;
  let first = lo;
  let last = hi;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let k = 1;
  let width = ptp / (Math.log2(n) + 1);
  if (!Number.isFinite(ptp)) {
    // max − min overflows (values beyond ±9e307): same k as NumPy's formula, step computed without overflow.
    k = Math.ceil(Math.log2(n) + 1);
  } else if (width) {
    if (width < 1 && allIntegers(reference) && allIntegers(current)) width = 1;
    k = Math.ceil(ptp / width);
  }
  const edges = new Array<number>(k + 1);
  if (Number.isFinite(last - first)) {
    const step = (last - first) / k;
    for (let i = 0; i < k; i++) edges[i] = i * step + first;
  } else {
    // Halved so that neither i·step nor the sum overflows.
    const half = last / 2 / k - first / 2 / k;
    for (let i = 0; i < k; i++) edges[i] = 2 * (i * half + first / 2);
  }
  edges[k] = last;
  return edges;
}

function allIntegers(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  return true;
}

/** Index of the first element ≥ x (or > x when `right`) in a sorted array (`searchsorted`). */
function searchSorted(sorted: Float64Array, x: number, right: boolean): number {
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
 * Counts of a sorted sample in bins [eᵢ, eᵢ₊₁), the last bin closed, compared with the computed edges
 * (NumPy `histogram(a, bins=edges)`: searchsorted left on all but the last edge, right on the last).
 * Values outside [e₀, e_k] are not counted.
 *
 * @example countInEdges(Float64Array.of(0, 0.5, 1, 2), [0, 1, 2]) // [2, 2]
 */
export function countInEdges(sorted: Float64Array, edges: readonly number[]): number[] {
  const k = edges.length - 1;
  const counts = new Array<number>(k);
  let prev = searchSorted(sorted, edges[0], false);
  for (let i = 0; i < k; i++) {
    const next = searchSorted(sorted, edges[i + 1], i === k - 1);
    counts[i] = next - prev;
    prev = next;
  }
  return counts;
}

/**
 * Bins of statistics.md §6 with the counts of both sets. Numeric input whose reference has more than 20
 * distinct values → Sturges edges on reference ∪ current (`EdgeBins`); other numeric input → one bin per
 * distinct value (labels `String(x)`); categorical input → one bin per category present in either set.
 * This is Evidently's `get_binned_data` (without its zero-filling option). Shares are count/n of each set.
 *
 * @example driftBins({ kind: 'categorical', labels: ['a', 'b'], reference: [3, 1], current: [2, 2] })
 * // { kind: 'values', labels: ['a', 'b'], reference: [3, 1], current: [2, 2] }
 */
export function driftBins(sample: PairedSample): DriftBins {
  if (sample.kind === 'numeric') {
    if (countDistinctSorted(sample.reference) > STURGES_MIN_DISTINCT) {
      const edges = sturgesEdges(sample.reference, sample.current);
      return {
        kind: 'edges',
        edges,
        reference: countInEdges(sample.reference, edges),
        current: countInEdges(sample.current, edges),
      };
    }
    const c = toCategorical(sample);
    return { kind: 'values', labels: c.labels, reference: c.reference, current: c.current };
  }
  const c = compactCategories(sample);
  return { kind: 'values', labels: c.labels, reference: c.reference, current: c.current };
}
