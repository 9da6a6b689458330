/**
 * Distribution of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ for finite n,
 * `scipy.stats.kstwo` (SciPy's `_kolmogn`, Simard & L'Ecuyer 2011 algorithm choices).
 */
import { kolmognDurbinCdf } from './kstwo-durbin';
import { kolmognPelzGoodCdf } from './kstwo-pelz-good';
import { kolmognPomeranzCdf } from './kstwo-pomeranz';
import { smirnovSf } from './smirnov';

const LOG_2PI = Math.log(2 * Math.PI);
const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/** ln(n!/nⁿ) by Stirling's series with n·ln n removed up front (SciPy `_log_nfactorial_div_n_pow_n`). */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING_COEFFS) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

const clip = (p: number) => Math.min(Math.max(p, 0), 1);

/**
 * CDF and SF of Dₙ at x, with the branch choices of SciPy 1.10.1 `_kolmogn`: Ruben–Gambino closed forms
 * for nx ≤ 1 and nx ≥ n − 1, 2·smirnov(n, x) for x ≥ 0.5, Durbin/Pomeranz/2·smirnov for n ≤ 140 by nx²,
 * and for n > 140 the SF from 2·smirnov when nx² ≥ 2.2, else 1 − CDF from Durbin (n ≤ 10⁵, n·x^1.5 ≤ 1.4)
 * or Pelz–Good.
 */
function kolmogn(n: number, x: number, cdf: boolean): number {
  const pick = (cdfProb: number, sfProb: number) => clip(cdf ? cdfProb : sfProb);
  if (x >= 1) return pick(1, 0);
  if (x <= 0) return pick(0, 1);
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return pick(0, 1);
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return pick(prob, 1 - prob);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - x) ** n;
    return pick(1 - prob, prob);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return pick(1 - prob, prob);
  }
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) {
      const prob = kolmognDurbinCdf(n, x);
      return pick(prob, 1 - prob);
    }
    if (nxsquared <= 4) {
      const prob = kolmognPomeranzCdf(n, x);
      return pick(prob, 1 - prob);
    }
    const prob = 2 * smirnovSf(n, x);
    return pick(1 - prob, prob);
  }
  if (!cdf) {
    if (nxsquared >= 370) return 0;
    if (nxsquared >= 2.2) return clip(2 * smirnovSf(n, x));
  }
  let cdfProb: number;
  if (nxsquared >= 18) cdfProb = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdfProb = kolmognDurbinCdf(n, x);
  else cdfProb = kolmognPelzGoodCdf(n, x);
  return pick(cdfProb, 1 - cdfProb);
}

function checkN(fn: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${fn}: n must be a positive integer, got ${n}`);
}

/**
 * Survival function P(Dₙ ≥ d) of the two-sided one-sample KS statistic Dₙ = sup |Fₙ − F| for a sample
 * of size n, as `scipy.stats.kstwo.sf(d, n)` in SciPy 1.10.1 (used by `ks_2samp`'s asymptotic path
 * with n = round(n₁n₂/(n₁+n₂))). Exact methods (Durbin, Pomeranz, Smirnov sums) where SciPy is exact,
 * Pelz–Good where SciPy uses it. Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_ksstats.py
 *
 * @throws {RangeError} when n is not a positive integer.
 * @example kstwoSf(0.3, 10) // 0.27053557479999946 (SciPy; equal to ~1e-15)
 */
export function kstwoSf(d: number, n: number): number {
  checkN('kstwoSf', n);
  if (Number.isNaN(d)) return Number.NaN;
  return kolmogn(n, d, false);
}

/**
 * CDF P(Dₙ ≤ d), as `scipy.stats.kstwo.cdf(d, n)` (SciPy 1.10.1).
 *
 * @throws {RangeError} when n is not a positive integer.
 * @example kstwoCdf(0.3, 10) // 0.7294644252000005 (SciPy; equal to ~1e-15)
 */
export function kstwoCdf(d: number, n: number): number {
  checkN('kstwoCdf', n);
  if (Number.isNaN(d)) return Number.NaN;
  return kolmogn(n, d, true);
}
