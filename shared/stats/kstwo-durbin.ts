/**
 * Durbin's matrix algorithm for the two-sided one-sample KS CDF, in Marsaglia–Tsang–Wang form.
 */
import { ldexp } from './float-utils';

const EP128 = 2 ** 128;
const EM128 = 2 ** -128;

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const rowB = k * m;
      const rowC = i * m;
      for (let j = 0; j < m; j++) c[rowC + j] += aik * b[rowB + j];
    }
  }
  return c;
}

/**
 * P(Dₙ ≤ d) by Durbin (1968) / Marsaglia, Tsang & Wang (2003): with d = (k − h)/n, m = 2k − 1,
 * P = n!/nⁿ · (Hⁿ)_{k,k} for an m×m matrix H, computed by repeated squaring with 2^128 rescaling.
 * Cost O(m³ log n): SciPy uses it only where m is small. Port of SciPy's `_kolmogn_DMTW`
 * (https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_ksstats.py). SciPy finishes the final
 * n!/nⁿ scaling in x87 long double; here binary64 is used (difference ≈ 1e-16 relative).
 *
 * @example kolmognDurbinCdf(10, 0.2) // 0.25128096000000005
 */
export function kolmognDurbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let H: Float64Array = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];

  let Hpwr: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H, m);
      expnt += Hexpnt;
    }
    H = matmul(H, H, m);
    Hexpnt *= 2;
    if (Math.abs(H[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      Hexpnt += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = Hpwr[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= 128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return Math.min(Math.max(p, 0), 1);
}
