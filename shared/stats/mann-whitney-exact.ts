/**
 * Exact null distribution of the Mann–Whitney U statistic (no ties).
 */

/**
 * P(U ≤ k) for the Mann–Whitney U statistic of samples of sizes m and n without ties.
 *
 * The number of arrangements with U = j is the coefficient of q^j in the Gaussian binomial
 * [m+n choose m]_q = Π_{i=1..s} (1 − q^(l+i))/(1 − q^i) with s = min(m, n), l = max(m, n) (Andrews,
 * "The Theory of Partitions", Thm 3.1). It is built one factor at a time, each time multiplying by
 * (1 − q^(l+i)) and dividing by (1 − q^i) (a strided prefix sum), truncated at degree k, in O(s·k);
 * after every step the coefficients are again the non-negative counts of [l+i choose i]_q. Then
 * P(U ≤ k) = Σ_{j≤k} c_j / C(m + n, m). These are the same numbers SciPy 1.10.1 computes with the
 * recursion f(m, n, k) = f(m−1, n, k−n) + f(m, n−1, k) (Di Bucchianico 1999, Thm 2.5) in `_MWU.cdf`.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_mannwhitneyu.py
 *
 * @throws {RangeError} when m or n is not a positive integer.
 * @example mannWhitneyExactCdf(1, 3, 4) // 0.05714285714285714 (2 of the C(7, 3) = 35 arrangements)
 */
export function mannWhitneyExactCdf(k: number, m: number, n: number): number {
  if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && n >= 1))
    throw new RangeError(`mannWhitneyExactCdf: sizes must be positive integers, got ${m}, ${n}`);
  if (k < 0) return 0;
  if (k >= m * n) return 1;
  const s = Math.min(m, n);
  const l = Math.max(m, n);
  const K = Math.floor(k);
  const c = new Float64Array(K + 1);
  c[0] = 1;
  let total = 1;
  for (let i = 1; i <= s; i++) {
    for (let j = K; j >= l + i; j--) c[j] -= c[j - l - i];
    for (let j = i; j <= K; j++) c[j] += c[j - i];
    total = (total * (l + i)) / i;
  }
  let sum = 0;
  for (let j = 0; j <= K; j++) sum += c[j];
  return Math.min(sum / total, 1);
}
