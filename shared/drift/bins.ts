/**
 * The one binning of Driftscope: the edge builder `binEdges(sample, rule)`, `countInEdges` and the §6
 * bins (statistics.md) of the binned tests and the effect size — Sturges equal-width edges for numerical
 * columns whose reference has more than 20 distinct values, else one bin per distinct value (or category)
 * of reference ∪ current. The table's sparkline, the report's chart and the detail pane's 'auto' bins
 * draw these same bins (`numericTestBins`), so the bins a user sees are the bins that were scored.
 */

import { countDistinctSorted, distinctUnion, searchSorted } from '../stats/sorted';
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
 * How edges are placed over [min, max] of reference ∪ current (d3-array `bin().thresholds(...)` in spirit):
 * 'sturges' — NumPy's Sturges rule; a number k — k equal-width bins; 'values' — one bin per distinct
 * value, its edges halfway to the neighbouring values.
 */
export type BinRule = 'sturges' | 'values' | number;

/** Two sorted samples (a `NumericPair`, or the two arrays of a column). */
export interface SortedPair {
  reference: Float64Array;
  current: Float64Array;
}

/**
 * k + 1 evenly spaced edges from `first` to `last` as `numpy.linspace(first, last, k + 1)`:
 * eᵢ = i·((last − first)/k) + first, the last edge exactly `last`. When last − first overflows, the
 * step is computed on halves so that nothing overflows.
 *
 * @example linspaceEdges(0, 1, 4) // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspaceEdges(first: number, last: number, k: number): number[] {
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

/**
 * The one edge builder of the app, the reports and the tests, over [min, max] of reference ∪ current:
 * - 'sturges', as `numpy.histogram_bin_edges(a, bins="sturges")`: width = (max − min)/(log₂ n + 1),
 *   k = ⌈(max − min)/width⌉ (that floating-point quotient, as NumPy), `linspaceEdges`. When every value
 *   is an integer, a width below 1 becomes 1, so k = ⌈max − min⌉ (NumPy ≥ 2.1 does this for integer
 *   dtypes; Evidently on NumPy < 2.1 does not).
 * - k (a positive integer): `numpy.histogram_bin_edges(a, bins=k)`.
 * - 'values': one bin per distinct value v₀ < … < v_m of the union, around it: inner edges at the
 *   midpoints (vᵢ + vᵢ₊₁)/2, outer edges half a neighbour gap beyond v₀ and v_m (so v₀ and v_m are the
 *   centres of the outer bins).
 * A constant sample gives the single bin [v − 0.5, v + 0.5] under every rule (NumPy would split that
 * interval into k bins for a number k).
 * Source: https://github.com/numpy/numpy/blob/v2.1.0/numpy/lib/_histograms_impl.py
 *
 * @throws {RangeError} when both arrays are empty, or k is not a positive integer.
 * @example binEdges({ reference: Float64Array.of(0, 1, 2, 3), current: Float64Array.of(4) }, 'sturges') // [0, 1, 2, 3, 4] (integers: width 1)
 * @example binEdges({ reference: Float64Array.of(1, 2), current: Float64Array.of(4) }, 'values') // [0.5, 1.5, 3, 5]
 */
export function binEdges(sample: SortedPair, rule: BinRule): number[] {
  const { reference, current } = sample;
  const n = reference.length + current.length;
  if (n === 0) throw new RangeError('binEdges: both samples are empty');
  if (typeof rule === 'number' && !(Number.isInteger(rule) && rule >= 1))
    throw new RangeError(`binEdges: ${rule} is not a positive number of bins`);
  const lo = Math.min(
    reference.length ? reference[0] : current[0],
    current.length ? current[0] : reference[0],
  );
  const hi = Math.max(
    reference.length ? reference[reference.length - 1] : current[current.length - 1],
    current.length ? current[current.length - 1] : reference[reference.length - 1],
  );
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  if (rule === 'values') return valueEdges(distinctUnion(reference, current));
  if (typeof rule === 'number') return linspaceEdges(lo, hi, rule);
  const ptp = hi - lo;
  let k: number;
  if (!Number.isFinite(ptp)) {
    // max − min overflows (values beyond ±9e307): same k as NumPy's formula.
    k = Math.ceil(Math.log2(n) + 1);
  } else {
    let width = ptp / (Math.log2(n) + 1);
    if (width < 1 && allIntegers(reference) && allIntegers(current)) width = 1;
    k = Math.ceil(ptp / width);
  }
  return linspaceEdges(lo, hi, k);
}

/** Edges around each of ≥ 2 distinct sorted values (midpoints computed on halves: no overflow). */
export function valueEdges(values: Float64Array): number[] {
  const m = values.length;
  const mid = (a: number, b: number) => a / 2 + b / 2;
  const edges = new Array<number>(m + 1);
  for (let i = 1; i < m; i++) edges[i] = mid(values[i - 1], values[i]);
  edges[0] = values[0] - (edges[1] - values[0]);
  edges[m] = values[m - 1] + (values[m - 1] - edges[m - 1]);
  return edges;
}

function allIntegers(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  return true;
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
 * Shares count/n of a sorted sample in the bins of `edges` (`countInEdges` over n = its length; all 0
 * for an empty sample).
 * @example sharesInEdges(Float64Array.of(0, 0.5, 1, 2), [0, 1, 2]) // [0.5, 0.5]
 */
export function sharesInEdges(sorted: Float64Array, edges: readonly number[]): number[] {
  const n = sorted.length;
  return countInEdges(sorted, edges).map((c) => (n > 0 ? c / n : 0));
}

/**
 * The §6 rule of a numeric sample: 'sturges' when the reference has more than 20 distinct values, else
 * 'values'.
 */
export function testBinRule(pair: SortedPair): 'sturges' | 'values' {
  return countDistinctSorted(pair.reference) > STURGES_MIN_DISTINCT ? 'sturges' : 'values';
}

/** The §6 bins of a numeric sample as edges and counts (what the app and the reports draw). */
export interface NumericTestBins {
  rule: 'sturges' | 'values';
  edges: number[];
  reference: number[];
  current: number[];
}

/**
 * The bins the binned tests and the effect size score, with edges to draw them: Sturges edges, or one
 * bin per distinct value (counts from the exact per-value tally of `toCategorical`, so a value is never
 * counted in a neighbour's bin even when the midpoint of two adjacent doubles rounds onto one of them).
 *
 * @throws {RangeError} when both arrays are empty.
 * @example numericTestBins({ reference: Float64Array.of(1, 1, 2), current: Float64Array.of(2) })
 * // { rule: 'values', edges: [0.5, 1.5, 2.5], reference: [2, 1], current: [0, 1] }
 */
export function numericTestBins(pair: SortedPair): NumericTestBins {
  const rule = testBinRule(pair);
  const edges = binEdges(pair, rule);
  if (rule === 'sturges') {
    return {
      rule,
      edges,
      reference: countInEdges(pair.reference, edges),
      current: countInEdges(pair.current, edges),
    };
  }
  const c = toCategorical({ kind: 'numeric', reference: pair.reference, current: pair.current });
  return { rule, edges, reference: c.reference, current: c.current };
}

/** Most bins a chart draws: above it (one bin per value of a current with many new values) → Sturges. */
export const CHART_BINS_MAX = 100;

/**
 * The bins the app's sparkline and detail pane ('auto') and the reports draw: the test bins of
 * `numericTestBins`, unless they are more than CHART_BINS_MAX (only possible with one bin per distinct
 * value, when the reference has ≤ 20 distinct values and the current many others); then Sturges bins.
 *
 * @throws {RangeError} when both arrays are empty.
 */
export function chartBins(pair: SortedPair): NumericTestBins {
  const bins = numericTestBins(pair);
  if (bins.edges.length - 1 <= CHART_BINS_MAX) return bins;
  const edges = binEdges(pair, 'sturges');
  return {
    rule: 'sturges',
    edges,
    reference: countInEdges(pair.reference, edges),
    current: countInEdges(pair.current, edges),
  };
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
    if (testBinRule(sample) === 'sturges') {
      const { edges, reference, current } = numericTestBins(sample);
      return { kind: 'edges', edges, reference, current };
    }
    const c = toCategorical(sample);
    return { kind: 'values', labels: c.labels, reference: c.reference, current: c.current };
  }
  const c = compactCategories(sample);
  return { kind: 'values', labels: c.labels, reference: c.reference, current: c.current };
}
