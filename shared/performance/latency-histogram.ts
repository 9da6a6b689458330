/**
 * Latency distributions of reference and current on shared log-spaced bins, for an overlay on a log
 * axis (the app's Serving section): k + 1 edges `numpy.geomspace(lo, hi, k + 1)` from the smallest
 * positive latency lo to the largest hi of both sets (eᵢ = 10^(log₁₀ lo + i·(log₁₀ hi − log₁₀ lo)/k),
 * first and last edge exactly lo and hi, as NumPy sets them); shares as `numpy.histogram(x, edges)` / n.
 * A latency of 0 (below lo, not on a log axis) is counted in the first bin.
 */
import { countInEdges, linspaceEdges } from '../drift/bins';

/** Bins of the latency overlay. */
export const LATENCY_HISTOGRAM_BINS = 30;

export interface LatencyHistogram {
  /** Log-spaced edges, in the column's unit. */
  edges: number[];
  /** Shares of each set per bin (each sums to 1). */
  reference: number[];
  current: number[];
}

function smallestPositive(sorted: Float64Array): number {
  for (const x of sorted) if (x > 0) return x;
  return Number.POSITIVE_INFINITY;
}

function shares(sorted: Float64Array, edges: number[], lo: number): number[] {
  const counts = countInEdges(sorted, edges);
  let zeros = 0;
  while (zeros < sorted.length && sorted[zeros] < lo) zeros++;
  counts[0] += zeros;
  return counts.map((c) => c / sorted.length);
}

/**
 * Shared log-spaced histogram of two sorted non-negative samples; null when either is empty or no
 * latency is positive.
 *
 * @example latencyHistogram(Float64Array.of(1, 10), Float64Array.of(100), 2).edges // [1, 10, 100]
 */
export function latencyHistogram(
  reference: Float64Array,
  current: Float64Array,
  bins = LATENCY_HISTOGRAM_BINS,
): LatencyHistogram | null {
  if (reference.length === 0 || current.length === 0) return null;
  const lo = Math.min(smallestPositive(reference), smallestPositive(current));
  if (!Number.isFinite(lo)) return null;
  const hi = Math.max(reference[reference.length - 1], current[current.length - 1]);
  let edges: number[];
  if (hi === lo) edges = [lo / Math.SQRT2, lo * Math.SQRT2];
  else {
    edges = linspaceEdges(Math.log10(lo), Math.log10(hi), bins).map((e) => 10 ** e);
    edges[0] = lo;
    edges[bins] = hi;
  }
  return { edges, reference: shares(reference, edges, edges[0]), current: shares(current, edges, edges[0]) };
}
