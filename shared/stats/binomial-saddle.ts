/**
 * Loader's saddle-point evaluation of binomial probabilities: accurate to about 1e-14 relative even
 * for n in the millions, where ln Γ differences lose several digits. Used by the hypergeometric pmf.
 * Source: C. Loader (2000), "Fast and Accurate Computation of Binomial Probabilities"; R's
 * src/nmath/stirlerr.c, bd0.c, dbinom.c.
 */

const LN_SQRT_2PI = 0.9189385332046728; // ln √(2π)
const LN_2PI = 1.8378770664093453; // ln 2π

/** stirlerr(n) for n = 0..15, from exact factorials (n! is exact in binary64 up to 22!). */
const SMALL_STIRLERR: number[] = (() => {
  const out = [0];
  let fact = 1;
  for (let n = 1; n <= 15; n++) {
    fact *= n;
    out.push(Math.log(fact) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI);
  }
  return out;
})();

/**
 * Error of Stirling's formula, stirlerr(n) = ln n! − ((n + ½) ln n − n + ln √(2π)), for integer n ≥ 0
 * (stirlerr(0) = 0 by convention, as R). Series 1/(12n) − 1/(360n³) + … above 15.
 *
 * @example stirlerr(1) // 0.08106146679532726
 */
export function stirlerr(n: number): number {
  if (n <= 15) return SMALL_STIRLERR[n];
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * Deviance term bd0(x, np) = x ln(x/np) + np − x, computed without cancellation when x ≈ np.
 *
 * @example bd0(10, 10) // 0
 */
export function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/**
 * ln P(Bin(n, p) = x) for integers 0 ≤ x ≤ n, with q = 1 − p passed separately (R `dbinom_raw`, log).
 * ln p = lc − ½ lf with lc = stirlerr(n) − stirlerr(x) − stirlerr(n − x) − bd0(x, np) − bd0(n − x, nq),
 * lf = ln 2π + ln x + ln(1 − x/n).
 *
 * @example Math.exp(logBinomialPmf(2, 4, 0.5, 0.5)) // 0.375 (to 1e-15)
 */
export function logBinomialPmf(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return x === n ? 0 : Number.NEGATIVE_INFINITY;
  if (x < 0 || x > n) return Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}
