/**
 * `kl_div`: Kullback–Leibler divergence KL(reference ‖ current) on the bins of docs/statistics.md §6, as
 * Evidently's `kl_div` stattest (SciPy `scipy.stats.entropy(ref, cur)`).
 */
import { driftBins } from '../bins';
import type { PairedSample, TestOutcome } from '../sample';
import { binShares, zeroFill } from '../zero-fill';
import { distanceOutcome, notComputable } from './outcome';

/**
 * KL = Σ r̂ᵢ ln(r̂ᵢ/ĉᵢ) with r̂ = r/Σr and ĉ = c/Σc (SciPy `entropy(pk, qk)` renormalises both; terms
 * with r̂ᵢ = 0 are 0, ĉᵢ = 0 < r̂ᵢ gives ∞). Not symmetric.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_entropy.py
 *
 * @throws {RangeError} when the lengths differ or a total is not > 0.
 * @example klDivergence([1, 1], [1, 3]) // 0.14384103622589042
 */
export function klDivergence(reference: readonly number[], current: readonly number[]): number {
  if (reference.length !== current.length) throw new RangeError('klDivergence: lengths differ');
  let sr = 0;
  let sc = 0;
  for (let i = 0; i < reference.length; i++) {
    sr += reference[i];
    sc += current[i];
  }
  if (!(sr > 0 && sc > 0)) throw new RangeError('klDivergence: totals must be > 0');
  let kl = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i] / sr;
    const q = current[i] / sc;
    if (p === 0) continue;
    kl += q > 0 ? p * Math.log(p / q) : Number.POSITIVE_INFINITY;
  }
  return kl;
}

/**
 * Runs `kl_div` (score = KL; drift when ≥ threshold, §4) on the zero-filled §6 bins, renormalised.
 *
 * @example runKlDiv({ kind: 'categorical', labels: ['a', 'b', 'c'], reference: [60, 40, 0], current: [50, 40, 10] }).score
 * // 0.10859129441919929 (check vector C: 0.108591)
 */
export function runKlDiv(sample: PairedSample): TestOutcome {
  const bins = driftBins(sample);
  const s = binShares(bins.reference, bins.current);
  if (s.nRef === 0 || s.nCur === 0) return notComputable('kl_div needs values in both sets.');
  return distanceOutcome(klDivergence(zeroFill(s.reference), zeroFill(s.current)));
}
