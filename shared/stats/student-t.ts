/**
 * Student's t distribution: survival function and two-sided tail probability.
 */
import { betainc } from './incomplete-beta';

/**
 * Two-sided tail probability P(|T| ≥ |t|) for Student's t with `df` degrees of freedom,
 * I_(ν/(ν+t²))(ν/2, ½), with 1 − x passed as t²/(ν + t²) so that no precision is lost for large ν.
 * |t| = ∞ gives 0; df ≤ 0 or NaN input gives NaN (as `scipy.special.stdtr`).
 * Source: Abramowitz & Stegun 26.7.1; https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/stdtr.c
 *
 * @example tTwoSided(2.0, 10) // 0.07338803477074203 (scipy: 2 * stats.t.sf(2, 10))
 */
export function tTwoSided(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  const t2 = t * t;
  const denom = df + t2;
  return betainc(df / 2, 0.5, df / denom, t2 / denom);
}

/**
 * Survival function P(T > t) of Student's t with `df` degrees of freedom, as `scipy.stats.t.sf(t, df)`:
 * ½·I_(ν/(ν+t²))(ν/2, ½) for t > 0 and 1 minus that for t < 0.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/stdtr.c
 *
 * @example tSf(2.0, 10) // 0.036694017385371014
 */
export function tSf(t: number, df: number): number {
  const tail = 0.5 * tTwoSided(t, df);
  return t >= 0 ? tail : 1 - tail;
}

/**
 * Cumulative distribution P(T ≤ t) of Student's t, `scipy.stats.t.cdf(t, df)`.
 *
 * @example tCdf(-2.0, 10) // 0.036694017385371014
 */
export function tCdf(t: number, df: number): number {
  return tSf(-t, df);
}
