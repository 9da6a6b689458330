/**
 * `jensenshannon_base2`: the Jensen–Shannon distance in base 2, bounded [0, 1] (docs/statistics.md §8), on
 * the same bins as `jensenshannon`.
 */
import { driftBins } from '../bins';
import type { PairedSample, TestOutcome } from '../sample';
import { binShares } from '../zero-fill';
import { jensenShannonDistance } from './jensenshannon';
import { distanceOutcome, notComputable } from './outcome';

/**
 * JS₂(p, q) = √(JSD/ln 2) = JS_e(p, q)/√(ln 2), SciPy `jensenshannon(p, q, base=2)`; 1 for disjoint
 * supports, 0 for identical distributions.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/spatial/distance.py (`jensenshannon`)
 *
 * @throws {RangeError} when lengths differ or a total is 0.
 * @example jensenShannonBase2([1, 0], [0, 1]) // 1
 */
export function jensenShannonBase2(p: readonly number[], q: readonly number[]): number {
  return Math.min(1, jensenShannonDistance(p, q) / Math.sqrt(Math.LN2));
}

/**
 * Runs `jensenshannon_base2` on the §6 bins without zero-filling (score = distance; drift when ≥
 * threshold, §4).
 *
 * @example runJensenShannonBase2({ kind: 'categorical', labels: ['a', 'b'], reference: [1, 0], current: [0, 1] }).score // 1
 */
export function runJensenShannonBase2(sample: PairedSample): TestOutcome {
  const bins = driftBins(sample);
  const s = binShares(bins.reference, bins.current);
  if (s.nRef === 0 || s.nCur === 0) return notComputable('jensenshannon_base2 needs values in both sets.');
  return distanceOutcome(jensenShannonBase2(s.reference, s.current));
}
