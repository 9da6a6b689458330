/**
 * Eigen-decomposition of a small dense symmetric matrix (covariance matrices of a few hundred columns at
 * most): the cyclic Jacobi method, and the same with the eigenpairs sorted by decreasing eigenvalue.
 */

/**
 * Eigen-decomposition A = V·diag(λ)·Vᵀ of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan
 * §8.5; accurate to a few ulps of ‖A‖). Returns eigenvalues and eigenvectors as the columns of V.
 * Sweeps stop when the off-diagonal mass Σ_{p<q} a_pq² is at most `tolerance`² · ‖A‖_F² (0: only when it
 * is exactly zero, or after 100 sweeps).
 */
export function jacobiEigen(a: number[][], tolerance = 0): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const A = a.map((r) => r.slice());
  const V: number[][] = A.map((_, i) => A.map((__, j) => (i === j ? 1 : 0)));
  let frobenius = 0;
  for (const row of A) for (const x of row) frobenius += x * x;
  const stop = tolerance * tolerance * frobenius;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p][q] * A[p][q];
    if (off === 0 || off <= stop) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = c * akp - s * akq;
          A[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = c * apk - s * aqk;
          A[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k][p];
          const vkq = V[k][q];
          V[k][p] = c * vkp - s * vkq;
          V[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: A.map((r, i) => r[i]), vectors: V };
}

/**
 * The eigenpairs of a symmetric matrix sorted by decreasing eigenvalue (ties keep Jacobi's order):
 * `values[k]` with eigenvector `vectors[k]` (a row here, unit length). Off-diagonal tolerance 1e-15·‖A‖_F.
 *
 * @example sortedEigen([[2, 0], [0, 3]]).values // [3, 2]
 */
export function sortedEigen(a: number[][], tolerance = 1e-15): { values: number[]; vectors: number[][] } {
  const { values, vectors } = jacobiEigen(a, tolerance);
  const order = values.map((_, k) => k).sort((i, j) => values[j] - values[i]);
  return {
    values: order.map((k) => values[k]),
    vectors: order.map((k) => vectors.map((row) => row[k])),
  };
}
