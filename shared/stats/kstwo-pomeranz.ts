/**
 * Pomeranz's recursion for the two-sided one-sample KS CDF.
 */
import { ldexp } from './float-utils';

const EP128 = 2 ** 128;
const EM128 = 2 ** -128;

/** Endpoints of the non-zero window of row i (SciPy `_pomeranz_compute_j1j2`). */
function windowOfRow(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * P(Dₙ ≤ x) by Pomeranz (1974): 2n+1 convolution steps of a row with truncated Poisson weights
 * (g/n)^m/m!, (2g/n)^m/m!, ((1−2g)/n)^m/m! where g = min(f, 1−f), f = frac(nx); result n!·V[n].
 * Port of SciPy's `_kolmogn_Pomeranz` (https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_ksstats.py),
 * same windows and 2^128 rescaling; SciPy's final n! product runs in long double, here binary64.
 *
 * @example kolmognPomeranzCdf(20, 0.3) // 0.9569329333414838
 */
export function kolmognPomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * gOverN) / m;
    twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1, j2] = windowOfRow(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = windowOfRow(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // conv = np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]); V1[:len] = conv[j1-k1 : j1-k1+len]
      const aStart = k1 - V0s;
      const aLen = Math.max(0, Math.min(ln2, npwrs - aStart));
      const bLen = Math.min(ln2, npwrs);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let vmax = 0;
      for (let c = 0; c < convLen; c++) {
        const kk = convStart + c;
        let s = 0;
        const lo = Math.max(0, kk - bLen + 1);
        const hi = Math.min(aLen - 1, kk);
        for (let a = lo; a <= hi; a++) s += V0[aStart + a] * pwrs[kk - a];
        V1[c] = s;
        if (s > vmax) vmax = s;
      }
      if (vmax > 0 && vmax < EM128) {
        for (let c = 0; c < npwrs; c++) V1[c] *= EP128;
        expnt -= 128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += 128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return Math.min(Math.max(ans, 0), 1);
}
