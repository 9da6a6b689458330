/**
 * Moore–Penrose pseudo-inverse of a small symmetric matrix, by the cyclic Jacobi eigenvalue method.
 */

import { jacobiEigen } from './symmetric-eigen';

const EPS = 2.220446049250313e-16;

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
