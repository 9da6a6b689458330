/**
 * `psi`: Population Stability Index on the bins of docs/statistics.md §6, as Evidently's `psi` stattest.
 */
import { driftBins } from '../bins';
import type { PairedSample, TestOutcome } from '../sample';
import { binShares, zeroFill } from '../zero-fill';
import { distanceOutcome, notComputable } from './outcome';

/**
 * PSI = Σ (rᵢ − cᵢ)·ln(rᵢ/cᵢ) over the bins, on zero-filled shares, not renormalised (Evidently). Each
 * term is ≥ 0, so PSI ≥ 0 and it is symmetric in r and c.
 * Source: https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/psi.py
 *
 * @throws {RangeError} when the lengths differ.
 * @example psiOfShares([0.6, 0.4, 0.0001], [0.5, 0.4, 0.1]) // 0.7083169080497109
 */
export function psiOfShares(reference: readonly number[], current: readonly number[]): number {
  if (reference.length !== current.length) throw new RangeError('psiOfShares: lengths differ');
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i];
    const c = current[i];
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}

/**
 * Per-bin PSI terms (rᵢ − cᵢ)·ln(rᵢ/cᵢ) on zero-filled shares, as `runPsi` sums them (the detail pane's
 * per-bin column): Σ psiTerms(r, c) = psiOfShares(zeroFill(r), zeroFill(c)).
 *
 * @example psiTerms([0.5, 0.5], [0.5, 0.5]) // [0, 0]
 */
export function psiTerms(reference: readonly number[], current: readonly number[]): number[] {
  const r = zeroFill(reference);
  const c = zeroFill(current);
  return r.map((ri, i) => (ri - c[i]) * Math.log(ri / c[i]));
}

/**
 * Runs `psi` (score = PSI; drift when ≥ threshold, §4) on the §6 bins with zero-filling.
 *
 * @example runPsi({ kind: 'categorical', labels: ['a', 'b', 'c'], reference: [60, 40, 0], current: [50, 40, 10] }).score
 * // 0.7083169080497109 (check vector C: 0.708317)
 */
export function runPsi(sample: PairedSample): TestOutcome {
  const bins = driftBins(sample);
  const s = binShares(bins.reference, bins.current);
  if (s.nRef === 0 || s.nCur === 0) return notComputable('psi needs values in both sets.');
  return distanceOutcome(psiOfShares(zeroFill(s.reference), zeroFill(s.current)));
}
