/**
 * Low-rank factor of a positive semi-definite kernel matrix by pivoted (incomplete) Cholesky, so a
 * permutation test can evaluate 1_Sᵀ K 1_S in O(|S|·r) instead of O(N²).
 */

/** Row-major factor: K ≈ L Lᵀ with L of shape N × rank (`rows[i·rank + q]`). */
export interface LowRankFactor {
  rank: number;
  rows: Float64Array;
  /** trace(K − L Lᵀ) when the factorisation stopped: a bound on ‖K − L Lᵀ‖₂. */
  residualTrace: number;
}

/**
 * Pivoted Cholesky of K with Kᵢⱼ = kernel(zᵢ, zⱼ) and unit diagonal: at each step the column of the
 * largest residual diagonal is eliminated; stops when the residual trace is ≤ `tol` (then, for every
 * index set S, 0 ≤ 1_Sᵀ(K − LLᵀ)1_S ≤ |S|·tol) or after `maxRank` columns (returns null: not converged).
 * O(N·r²) time, O(N·r) memory.
 * Source: Harbrecht, Peters & Schneider (2012), "On the low-rank approximation by the pivoted Cholesky
 * decomposition", Appl. Numer. Math. 62(4).
 *
 * @throws {RangeError} when tol is not ≥ 0 or maxRank < 1.
 * @example pivotedCholesky(Float64Array.of(0, 0), () => 1, 1e-12, 5)?.rank // 1
 */
export function pivotedCholesky(
  z: ArrayLike<number>,
  kernel: (a: number, b: number) => number,
  tol: number,
  maxRank: number,
): LowRankFactor | null {
  if (!(tol >= 0) || !(maxRank >= 1)) throw new RangeError('pivotedCholesky: need tol ≥ 0 and maxRank ≥ 1');
  const n = z.length;
  const diag = new Float64Array(n).fill(1);
  const cols: Float64Array[] = [];
  let trace = n;
  while (trace > tol) {
    if (cols.length >= maxRank) return null;
    let p = 0;
    for (let i = 1; i < n; i++) if (diag[i] > diag[p]) p = i;
    if (!(diag[p] > 0)) break;
    const piv = Math.sqrt(diag[p]);
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = kernel(z[i], z[p]);
      for (let q = 0; q < cols.length; q++) v -= cols[q][i] * cols[q][p];
      col[i] = v / piv;
    }
    trace = 0;
    for (let i = 0; i < n; i++) {
      const d = diag[i] - col[i] * col[i];
      diag[i] = Math.max(d, 0);
      trace += diag[i];
    }
    diag[p] = 0;
    cols.push(col);
  }
  const rank = cols.length;
  const rows = new Float64Array(n * rank);
  for (let q = 0; q < rank; q++) for (let i = 0; i < n; i++) rows[i * rank + q] = cols[q][i];
  return { rank, rows, residualTrace: trace };
}
