/**
 * Zero-filling of bin shares for psi and kl_div (docs/statistics.md §6), as Evidently's `get_binned_data`
 * with `feel_zeroes=True`.
 */

/**
 * Replaces every zero share by a small positive value, each array on its own: with m the smallest
 * non-zero share, a 0 becomes m/10⁶ when m ≤ 1e-4, else 1e-4. The result is not renormalised (psi
 * uses it as is; kl_div renormalises). An all-zero array is returned unchanged (a copy).
 * Source: https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/utils.py
 *
 * @example zeroFill([0.5, 0.5, 0]) // [0.5, 0.5, 0.0001]
 * @example zeroFill([0.99995, 0.00005, 0]) // [0.99995, 0.00005, 5e-11]
 */
export function zeroFill(shares: readonly number[]): number[] {
  let m = Number.POSITIVE_INFINITY;
  for (const s of shares) if (s !== 0 && s < m) m = s;
  if (m === Number.POSITIVE_INFINITY) return shares.slice();
  const fill = m <= 0.0001 ? m / 10 ** 6 : 0.0001;
  return shares.map((s) => (s === 0 ? fill : s));
}

/**
 * Shares count/n of both sides of a binning, with n the total of each side.
 *
 * @example binShares([3, 1], [2, 2]) // { reference: [0.75, 0.25], current: [0.5, 0.5], nRef: 4, nCur: 4 }
 */
export function binShares(
  reference: readonly number[],
  current: readonly number[],
): { reference: number[]; current: number[]; nRef: number; nCur: number } {
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < reference.length; i++) {
    nRef += reference[i];
    nCur += current[i];
  }
  return {
    reference: reference.map((c) => c / nRef),
    current: current.map((c) => c / nCur),
    nRef,
    nCur,
  };
}
