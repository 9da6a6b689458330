/**
 * Hypergeometric distribution: pmf, cdf, sf and a sampler, in SciPy's parameterisation
 * `hypergeom(M, n, N)`: M objects in total, n of them "good", N drawn without replacement; X = number
 * of good objects drawn, on max(0, N − (M − n)) ≤ X ≤ min(n, N).
 */
import { logBinomialPmf } from './binomial-saddle';
import type { SeededRng } from './seeded-rng';

function checkArgs(name: string, total: number, good: number, draws: number): void {
  if (
    !(Number.isInteger(total) && Number.isInteger(good) && Number.isInteger(draws)) ||
    total < 0 ||
    good < 0 ||
    draws < 0 ||
    good > total ||
    draws > total
  )
    throw new RangeError(`${name}: need integers 0 ≤ good, draws ≤ total, got ${total}, ${good}, ${draws}`);
}

/** Support [lo, hi] of X. */
export function hypergeomSupport(total: number, good: number, draws: number): [number, number] {
  return [Math.max(0, draws - (total - good)), Math.min(good, draws)];
}

/**
 * ln P(X = k) by Loader's saddle point (R `dhyper`): P = b(k; n, p)·b(N − k; M − n, p)/b(N; M, p) with
 * p = N/M, each binomial term from `logBinomialPmf`. Relative accuracy about 1e-14 for M up to 1e7.
 * Source: https://github.com/wch/r-source/blob/trunk/src/nmath/dhyper.c
 *
 * @throws {RangeError} on non-integer or inconsistent parameters.
 * @example Math.exp(hypergeomLogPmf(1, 10, 5, 2)) // 0.5555555555555586 (25/45 to 6e-15; scipy hypergeom.pmf(1, 10, 5, 2))
 */
export function hypergeomLogPmf(k: number, total: number, good: number, draws: number): number {
  checkArgs('hypergeomLogPmf', total, good, draws);
  const [lo, hi] = hypergeomSupport(total, good, draws);
  if (!Number.isInteger(k) || k < lo || k > hi) return Number.NEGATIVE_INFINITY;
  if (draws === 0 || draws === total || good === 0 || good === total) return 0;
  const p = draws / total;
  const q = (total - draws) / total;
  return (
    logBinomialPmf(k, good, p, q) +
    logBinomialPmf(draws - k, total - good, p, q) -
    logBinomialPmf(draws, total, p, q)
  );
}

/** P(X = k) = exp(hypergeomLogPmf). @example hypergeomPmf(0, 4, 2, 2) // 0.1666666666666666 */
export function hypergeomPmf(k: number, total: number, good: number, draws: number): number {
  return Math.exp(hypergeomLogPmf(k, total, good, draws));
}

/** Mode ⌊(N + 1)(n + 1)/(M + 2)⌋ (the formula of SciPy's `fisher_exact`). */
export function hypergeomMode(total: number, good: number, draws: number): number {
  return Math.floor(((draws + 1) * (good + 1)) / (total + 2));
}

/**
 * Σ P(X = j) from j = k outward (down when `down`, else up), by the ratio recurrence
 * P(j+1)/P(j) = (n − j)(N − j)/((j + 1)(M − n − N + j + 1)); the caller starts on the far side of the
 * mode so terms decrease and the sum stops when they no longer change it.
 */
function tailSum(k: number, total: number, good: number, draws: number, down: boolean): number {
  const [lo, hi] = hypergeomSupport(total, good, draws);
  if (down ? k < lo : k > hi) return 0;
  const start = Math.min(Math.max(k, lo), hi);
  let term = hypergeomPmf(start, total, good, draws);
  let sum = term;
  const bad = total - good;
  for (let j = start; term > 0 && (down ? j > lo : j < hi); ) {
    if (down) {
      term *= (j * (bad - draws + j)) / ((good - j + 1) * (draws - j + 1));
      j--;
    } else {
      term *= ((good - j) * (draws - j)) / ((j + 1) * (bad - draws + j + 1));
      j++;
    }
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}

/**
 * P(X ≤ k) (SciPy `hypergeom.cdf`): the lower tail summed directly when k is below the mode, else
 * 1 − P(X > k).
 *
 * @example hypergeomCdf(1, 10, 5, 2) // 0.7777777777777766 (35/45)
 */
export function hypergeomCdf(k: number, total: number, good: number, draws: number): number {
  checkArgs('hypergeomCdf', total, good, draws);
  const [lo, hi] = hypergeomSupport(total, good, draws);
  if (k < lo) return 0;
  if (k >= hi) return 1;
  const kk = Math.floor(k);
  if (kk < hypergeomMode(total, good, draws)) return Math.min(1, tailSum(kk, total, good, draws, true));
  return Math.max(0, 1 - tailSum(kk + 1, total, good, draws, false));
}

/**
 * P(X > k) (SciPy `hypergeom.sf`).
 *
 * @example hypergeomSf(0, 10, 5, 2) // 0.7777777777777766 (35/45)
 */
export function hypergeomSf(k: number, total: number, good: number, draws: number): number {
  checkArgs('hypergeomSf', total, good, draws);
  const [lo, hi] = hypergeomSupport(total, good, draws);
  if (k < lo) return 1;
  if (k >= hi) return 0;
  const kk = Math.floor(k);
  if (kk + 1 > hypergeomMode(total, good, draws))
    return Math.min(1, tailSum(kk + 1, total, good, draws, false));
  return Math.max(0, 1 - tailSum(kk, total, good, draws, true));
}

/**
 * One draw of X by inversion, searching outward from the mode (expected O(√N) steps), so a draw costs
 * about the standard deviation in steps whatever M is. `rng.next()` supplies the uniform.
 *
 * @throws {RangeError} on inconsistent parameters.
 * @example sampleHypergeometric(new SeededRng(1), 10, 10, 3) // 3 (every object is good)
 */
export function sampleHypergeometric(rng: SeededRng, total: number, good: number, draws: number): number {
  checkArgs('sampleHypergeometric', total, good, draws);
  const [lo, hi] = hypergeomSupport(total, good, draws);
  if (lo === hi) return lo;
  const mode = Math.min(Math.max(hypergeomMode(total, good, draws), lo), hi);
  const bad = total - good;
  const pMode = hypergeomPmf(mode, total, good, draws);
  let u = rng.next() - pMode;
  if (u < 0) return mode;
  let down = mode;
  let up = mode;
  let pDown = pMode;
  let pUp = pMode;
  while (down > lo || up < hi) {
    if (down > lo) {
      pDown *= (down * (bad - draws + down)) / ((good - down + 1) * (draws - down + 1));
      down--;
      u -= pDown;
      if (u < 0) return down;
    }
    if (up < hi) {
      pUp *= ((good - up) * (draws - up)) / ((up + 1) * (bad - draws + up + 1));
      up++;
      u -= pUp;
      if (u < 0) return up;
    }
    if (pDown === 0 && pUp === 0) break;
  }
  return mode; // only reached through rounding of Σ pmf < 1
}
