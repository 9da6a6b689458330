/**
 * Chi-square distribution survival function.
 */
import { gammaincc } from './incomplete-gamma';

/**
 * Survival function of the chi-square distribution with `df` degrees of freedom,
 * P(X > x) = Q(df/2, x/2), as `scipy.stats.chi2.sf(x, df)` (Cephes `chdtrc`).
 *
 * df ≤ 0 or NaN input gives NaN (as SciPy does for df = 0); x ≤ 0 gives 1; x = ∞ gives 0.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/chdtr.c
 *
 * @example chi2Sf(3.841458820694124, 1) // 0.04999999999999989 (SciPy; equal to ~1e-15)
 */
export function chi2Sf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return gammaincc(df / 2, x / 2);
}
