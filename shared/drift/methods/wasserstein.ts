/**
 * `wasserstein`: normed first Wasserstein distance, as Evidently's `wasserstein_stat_test`.
 */

import { knownShort } from '../../stats/known-short';
import { memoByArray } from '../../stats/memo-by-array';
import { centralMoments } from '../../stats/moments';
import { shortAgainstLong, upperBounds } from '../../stats/sorted';
import type { PairedSample, TestOutcome } from '../sample';
import { distanceOutcome, notComputable } from './outcome';

/** Lower bound of the normalising standard deviation (Evidently). */
export const WASSERSTEIN_MIN_STD = 0.001;

/**
 * W₁(u, v) = ∫ |U(x) − V(x)| dx between two empirical distributions, evaluated on the merged sorted
 * values as Σ |U(xₖ) − V(xₖ)|·(xₖ₊₁ − xₖ) with right-continuous CDFs (SciPy `_cdf_distance`, p = 1),
 * in O(n₁ + n₂) with a compensated sum; a short sample against a long one (a timeline chunk against the
 * reference) goes by `wasserstein1Short` instead, the same integral in O(n₂ log n₁).
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`_cdf_distance`)
 *
 * @throws {RangeError} when a sample is empty.
 * @example wasserstein1(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)) // 5
 */
export function wasserstein1(u: Float64Array, v: Float64Array): number {
  const n1 = u.length;
  const n2 = v.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('wasserstein1: samples must not be empty');
  if (shortAgainstLong(u, v)) return wasserstein1Short(u, v);
  if (shortAgainstLong(v, u)) return wasserstein1Short(v, u);
  let i = 0;
  let j = 0;
  let sum = 0;
  let comp = 0;
  let prev = Math.min(u[0], v[0]);
  while (i < n1 || j < n2) {
    const x = j >= n2 || (i < n1 && u[i] <= v[j]) ? u[i] : v[j];
    // CDFs just before x (they are constant on [prev, x)).
    const term = Math.abs(i / n1 - j / n2) * (x - prev);
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    while (i < n1 && u[i] <= x) i++;
    while (j < n2 && v[j] <= x) j++;
    prev = x;
  }
  return sum + comp;
}

/**
 * S(u₀ … u_k) = ∫ from u₀ to u_k of #{i : uᵢ ≤ t} dt = Σ_{i<k} (i + 1)(u_{i+1} − u_i) for each k, a
 * compensated running sum kept as hi + lo (lo in single precision: the rounding error of hi), so the
 * integral of U over any interval is a difference of two entries to about 2⁻⁷⁰ of S. Remembered per array.
 */
const countIntegral = memoByArray((u) => {
  const hi = new Float64Array(u.length);
  const lo = new Float32Array(u.length);
  let sum = 0;
  let comp = 0;
  for (let k = 1; k < u.length; k++) {
    const term = k * (u[k] - u[k - 1]);
    const t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    hi[k] = sum + comp;
    lo[k] = sum - hi[k] + comp;
  }
  return { hi, lo };
});

/**
 * W₁(u, v) for a short v against a long u in O(n₂ log n₁): V is constant (= C/n₂) between consecutive
 * distinct values of v, and on such a piece [a, b) U crosses C/n₂ once, at m = u[⌈C·n₁/n₂⌉ − 1] clamped to
 * [a, b], so ∫ₐᵇ |U − c| dx = c(m − a) − ∫ₐᵐ U + ∫ₘᵇ U − c(b − m), each ∫ U a difference of
 * G(x) = ∫ from u₀ to x of #{uᵢ ≤ t} dt = S(u_k) + (k + 1)(x − u_k) with k + 1 = #{uᵢ ≤ x} (upperBounds).
 * Equals the merge walk up to rounding (tested against SciPy and against `wasserstein1`'s walk). A chunk of
 * a timeline may have it computed already, with the same arithmetic (knownShort).
 */
export function wasserstein1Short(u: Float64Array, v: Float64Array): number {
  const known = knownShort(u, v)?.wasserstein1;
  if (known) return known();
  const n2 = v.length;
  const bounds = upperBounds(u, v);
  const w = new ShortW1(u, n2, v[0], bounds[0]);
  for (let j = 1; j < n2; j++) if (v[j] !== v[j - 1]) w.piece(j, v[j], bounds[j]);
  return w.finish();
}

/**
 * wasserstein1Short's integral, piece by piece: fed v's distinct values in ascending order, each with its
 * index in v (how many values of v are below it) and its upper bound in u. Also fed by the walk over all
 * chunks of a timeline column at once (shared/timeline/sorted-chunks.ts): the same operations in the same
 * order, so the same bits.
 */
export class ShortW1 {
  private readonly hi: Float64Array;
  private readonly lo: Float32Array;
  private readonly n1: number;
  /** The current piece starts at a; n₁·G(a) = hA + rA. */
  a: number;
  private hA: number;
  private rA: number;
  private sum: number;
  private comp = 0;

  /** v₀ = `first`, with p = #{u ≤ v₀}; v has n₂ values. */
  constructor(
    private readonly u: Float64Array,
    private readonly n2: number,
    first: number,
    p: number,
  ) {
    const integral = countIntegral(u);
    this.hi = integral.hi;
    this.lo = integral.lo;
    this.n1 = u.length;
    // Before the first value of v: V = 0, the integral of U from min(u₀, v₀) (where G = 0) to v₀.
    this.a = first;
    this.hA = this.high(p);
    this.rA = this.rest(first, p);
    this.sum = (this.hA + this.rA) / this.n1;
  }

  // n₁·G(x) = S_hi + rest with p = #{u ≤ x}, the two parts kept apart so that a difference of two keeps
  // the compensation: S_hi[p − 1] here, rest(x, p) = lo[p − 1] + p(x − u[p − 1]).
  private high(p: number): number {
    return p === 0 ? 0 : this.hi[p - 1];
  }

  private rest(x: number, p: number): number {
    return p === 0 ? 0 : this.lo[p - 1] + p * (x - this.u[p - 1]);
  }

  /** The piece [a, b) on which V = next/n₂ (next: the index in v of b, the next distinct value); pB = #{u ≤ b}. */
  piece(next: number, b: number, pB: number): void {
    const { u, hi, lo, n1, n2, a, hA, rA } = this;
    const hB = this.high(pB);
    const rB = this.rest(b, pB);
    const c = next / n2; // V on [a, b)
    // The crossing: the first K with K·n₂ ≥ next·n₁ (exact: both products are integers below 2⁵³).
    // G(u[K−1]) = S(u[K−1]) whichever index of its tie group stands for it (S is flat over ties).
    const K = Math.ceil((next * n1) / n2);
    let m = a;
    let hM = hA;
    let rM = rA;
    if (K > n1 || u[K - 1] >= b) {
      m = b;
      hM = hB;
      rM = rB;
    } else if (u[K - 1] > a) {
      m = u[K - 1];
      hM = hi[K - 1];
      rM = lo[K - 1];
    }
    // c(m − a) − ∫ₐᵐ U, then ∫ₘᵇ U − c(b − m): two compensated additions.
    let sum = this.sum;
    let comp = this.comp;
    let term = c * (m - a) - (hM - hA + (rM - rA)) / n1;
    let t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    term = (hB - hM + (rB - rM)) / n1 - c * (b - m);
    t = sum + term;
    comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    this.sum = t;
    this.comp = comp;
    this.a = b;
    this.hA = hB;
    this.rA = rB;
  }

  /** Closes the last piece (from the last value of v to the end of u, V = 1) and returns W₁. */
  finish(): number {
    this.piece(this.n2, Math.max(this.u[this.n1 - 1], this.a), this.n1);
    return this.sum + this.comp;
  }
}

/**
 * Population standard deviation (ddof 0), two-pass: √(Σ(x − x̄)²/n) (NumPy `std`).
 *
 * @example populationStd(Float64Array.of(1, 2, 3, 4)) // 1.118033988749895
 */
export function populationStd(x: Float64Array): number {
  const { n, squares } = centralMoments(x);
  return n === 0 ? Number.NaN : Math.sqrt(squares / n);
}

/**
 * Runs `wasserstein`: score = W₁(reference, current) / max(std(reference, ddof=0), 0.001); drift when
 * score ≥ threshold (§4). `statistic` holds the raw, unnormalised W₁. Numeric input only.
 * Source: https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/wasserstein_distance_norm.py
 *
 * @example runWasserstein({ kind: 'numeric', reference: Float64Array.of(0, 2), current: Float64Array.of(1, 3) }).score // 1
 */
export function runWasserstein(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('wasserstein applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length === 0 || current.length === 0)
    return notComputable('wasserstein needs values in both sets.');
  const w = wasserstein1(reference, current);
  const norm = Math.max(populationStd(reference), WASSERSTEIN_MIN_STD);
  return distanceOutcome(w / norm, w);
}
