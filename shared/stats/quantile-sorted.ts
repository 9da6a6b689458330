/**
 * Quantile of a sorted sample by linear interpolation between closest ranks (NumPy's default
 * `method="linear"`, Hyndman & Fan type 7): h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * https://numpy.org/doc/stable/reference/generated/numpy.quantile.html
 * Returns NaN for an empty sample.
 *
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25) === 1.75
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}
