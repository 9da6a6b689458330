/**
 * Mean and sum of squared deviations of an array by two passes, NumPy's `std` arithmetic: x̄ = Σx / n, then
 * Σ(x − x̄)². Remembered per array (memo-by-array.ts): a numerical column's summary (sample std, ddof 1) and
 * the Wasserstein normaliser (population std, ddof 0) read the same two passes.
 *
 * @example centralMoments(Float64Array.of(1, 2, 3, 4)) // { n: 4, mean: 2.5, squares: 5 }
 */
import { memoByArray } from './memo-by-array';

export interface CentralMoments {
  n: number;
  /** Σx / n (NaN when empty). */
  mean: number;
  /** Σ(x − mean)². */
  squares: number;
}

export const centralMoments: (values: Float64Array) => CentralMoments = memoByArray((x) => {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const mean = s / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (x[i] - mean) ** 2;
  return { n, mean, squares };
});
