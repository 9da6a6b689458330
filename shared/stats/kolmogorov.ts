/**
 * Kolmogorov's limiting distribution (n → ∞) of √n·Dₙ, `scipy.special.kolmogorov`.
 */

const KOLMOG_CUTOVER = 0.82;
/** exp() of anything below this is 0 (Cephes MIN_EXPABLE = −708 − 38). */
const MIN_EXPABLE = -708 - 38;

/**
 * Survival function of the Kolmogorov distribution, K̄(x) = P(K > x) = 2 Σ_{k≥1} (−1)^(k−1) e^(−2k²x²).
 *
 * For x ≤ 0.82 SciPy uses the Jacobi-theta form K(x) = √(2π)/x · Σ e^(−(2k−1)²π²/(8x²)) and returns
 * 1 − K(x); above, the alternating series (4 terms). Ported from Cephes `_kolmogorov`
 * (https://github.com/scipy/scipy/blob/v1.10.1/scipy/special/cephes/kolmogorov.c).
 *
 * @example kolmogorovSf(1) // 0.26999967167735456
 */
export function kolmogorovSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x <= Math.PI / Math.sqrt(-MIN_EXPABLE * 8)) return 1;
  let sf: number;
  if (x <= KOLMOG_CUTOVER) {
    const w = Math.sqrt(2 * Math.PI) / x;
    const logu8 = (-Math.PI * Math.PI) / (x * x);
    const u = Math.exp(logu8 / 8);
    let P = 1;
    if (u === 0) {
      P = Math.exp(logu8 / 8 + Math.log(w));
    } else {
      const u8 = Math.exp(logu8);
      const u8cub = u8 ** 3;
      P = 1 + u8cub * P;
      P = 1 + u8 * u8 * P;
      P = 1 + u8 * P;
      P = w * u * P;
    }
    sf = 1 - P;
  } else {
    const v = Math.exp(-2 * x * x);
    const vsq = v * v;
    const v3 = v ** 3;
    let P = 1;
    P = 1 - v3 * v3 * v * P;
    P = 1 - v3 * vsq * P;
    P = 1 - v3 * P;
    sf = 2 * v * P;
  }
  return Math.min(Math.max(sf, 0), 1);
}
