/**
 * Moore–Penrose pseudo-inverse of a small symmetric matrix, by the cyclic Jacobi eigenvalue method.
 */

const EPS = 2.220446049250313e-16;

/**
 * Eigen-decomposition A = V·diag(λ)·Vᵀ of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan
 * §8.5; accurate to a few ulps of ‖A‖). Returns eigenvalues and eigenvectors as the columns of V.
 */
function jacobiEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const A = a.map((r) => r.slice());
  const V: number[][] = A.map((_, i) => A.map((__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p][q] * A[p][q];
    if (off === 0) break;
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
 * Pseudo-inverse A⁺ of a symmetric matrix and the rank of A⁺, as NumPy
 * `pinv(A)` (singular values ≤ 1e-15·σ_max treated as zero) followed by `matrix_rank(pinv(A))`
 * (singular values of A⁺ above σ⁺_max·n·ε). For a symmetric matrix the singular values are the |λ| of
 * its eigenvalues, so A⁺ = Σ_{kept} vᵢvᵢᵀ/λᵢ. Agrees with NumPy's SVD-based result to rounding when the
 * kept eigenvalues are well separated from the cut-off.
 * Source: https://github.com/numpy/numpy/blob/v1.24.2/numpy/linalg/linalg.py (`pinv`, `matrix_rank`)
 *
 * @throws {RangeError} when the matrix is not square.
 * @example symmetricPinv([[2, 0], [0, 0]]) // { inverse: [[0.5, 0], [0, 0]], rank: 1 }
 */
export function symmetricPinv(a: number[][]): { inverse: number[][]; rank: number } {
  const n = a.length;
  if (a.some((r) => r.length !== n)) throw new RangeError('symmetricPinv: matrix must be square');
  const { values, vectors } = jacobiEigen(a);
  const smax = Math.max(0, ...values.map(Math.abs));
  const inv = values.map((l) => (Math.abs(l) > 1e-15 * smax ? 1 / l : 0));
  const inverse = a.map(() => new Array<number>(n).fill(0));
  for (let k = 0; k < n; k++) {
    if (inv[k] === 0) continue;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) inverse[i][j] += vectors[i][k] * inv[k] * vectors[j][k];
  }
  const sInv = inv.map(Math.abs);
  const tol = Math.max(0, ...sInv) * n * EPS;
  const rank = sInv.filter((s) => s > tol).length;
  return { inverse, rank };
}
