/**
 * Binomial distribution CDF, P(X ≤ k) for X ~ Binomial(n, p), through the regularised incomplete beta
 * function: P(X ≤ k) = I_{1−p}(n − k, k + 1) (Abramowitz & Stegun 26.5.24), as `scipy.stats.binom.cdf`
 * (which calls Cephes `bdtr`, the same identity).
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/bdtr.c
 */
import { betainc } from './incomplete-beta';

/**
 * P(X ≤ k), k rounded down; 0 for k < 0 and 1 for k ≥ n.
 *
 * @throws {RangeError} when n is not a non-negative integer or p is outside [0, 1].
 * @example binomCdf(2, 10, 0.5) // 0.0546875
 */
export function binomCdf(k: number, n: number, p: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`binomCdf: n must be an integer >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomCdf: p must be in [0, 1], got ${p}`);
  const j = Math.floor(k);
  if (j < 0) return 0;
  if (j >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  return betainc(n - j, j + 1, 1 - p, p);
}
