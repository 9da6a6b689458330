/**
 * `ed`: energy distance between the reference and current empirical distributions, as SciPy 1.10.1
 * `energy_distance(reference, current)` (what Evidently's `energy_dist_test` calls), not normalised.
 */
import { numpySum } from '../../stats/pairwise-sum';
import type { PairedSample, TestOutcome } from '../sample';
import { distanceOutcome, notComputable } from './outcome';

/**
 * Energy distance D(u, v) = √2 · (∫ (U(x) − V(x))² dx)^½ between two empirical distributions (U, V their
 * right-continuous CDFs), which equals (2E|X−Y| − E|X−X'| − E|Y−Y'|)^½. Evaluated like SciPy's
 * `_cdf_distance(p=2)`: over the merged sorted values zₖ, Σ (U(zₖ) − V(zₖ))²·(zₖ₊₁ − zₖ) in NumPy's summation
 * order, O(n₁ + n₂) on sorted input.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_stats_py.py (`energy_distance`, `_cdf_distance`)
 *
 * @throws {RangeError} when a sample is empty.
 * @example energyDistance(Float64Array.of(0), Float64Array.of(2)) // 2.0000000000000004 (SciPy docstring)
 */
export function energyDistance(u: Float64Array, v: Float64Array): number {
  const n1 = u.length;
  const n2 = v.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('energyDistance: samples must not be empty');
  const N = n1 + n2;
  const terms = new Float64Array(N - 1);
  let i = 0;
  let j = 0;
  let prev = Number.NaN;
  let cu = 0;
  let cv = 0;
  for (let k = 0; k < N; k++) {
    // k-th smallest pooled value (ties: the first sample first; the order of equal values is irrelevant).
    const x = j >= n2 || (i < n1 && u[i] <= v[j]) ? u[i++] : v[j++];
    if (k > 0) {
      const d = cu - cv;
      terms[k - 1] = d * d * (x - prev);
    }
    if (x !== prev) {
      // CDFs at x (right-continuous): number of values ≤ x.
      let ii = i;
      let jj = j;
      while (ii < n1 && u[ii] <= x) ii++;
      while (jj < n2 && v[jj] <= x) jj++;
      cu = ii / n1;
      cv = jj / n2;
    }
    prev = x;
  }
  return Math.SQRT2 * Math.sqrt(numpySum(terms));
}

/**
 * Runs `ed`: score = energy distance (drift when d > threshold, strictly, §4). Numeric input only.
 *
 * @example runEnergyDistance({ kind: 'numeric', reference: Float64Array.of(0, 1), current: Float64Array.of(0, 1) }).score // 0
 */
export function runEnergyDistance(sample: PairedSample): TestOutcome {
  if (sample.kind !== 'numeric') return notComputable('ed applies to numerical columns only.');
  const { reference, current } = sample;
  if (reference.length === 0 || current.length === 0) return notComputable('ed needs values in both sets.');
  return distanceOutcome(energyDistance(reference, current));
}
