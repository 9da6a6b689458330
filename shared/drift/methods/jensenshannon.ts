/**
 * `jensenshannon`: Jensen–Shannon distance between the binned distributions, as Evidently's
 * `jensenshannon_stat_test` (SciPy `scipy.spatial.distance.jensenshannon`, natural log).
 */
import { driftBins } from '../bins';
import type { PairedSample, TestOutcome } from '../sample';
import { distanceOutcome, notComputable } from './outcome';

/** Relative entropy term x·ln(x/y) (SciPy `rel_entr`): 0 when x = 0, ∞ when y = 0 < x. */
function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

function normalise(counts: readonly number[], n: number): number[] {
  const shares = counts.map((c) => c / n);
  let s = 0;
  for (const v of shares) s += v;
  return shares.map((v) => v / s);
}

/**
 * JS(p, q) = √(½·Σ pᵢ ln(pᵢ/mᵢ) + ½·Σ qᵢ ln(qᵢ/mᵢ)), m = (p + q)/2, natural log (maximum √ln 2 ≈ 0.8326).
 * p and q are renormalised to sum 1, as SciPy does. Inputs are counts or shares of the same bins.
 * Source: https://github.com/scipy/scipy/blob/v1.10.1/scipy/spatial/distance.py (`jensenshannon`)
 *
 * @throws {RangeError} when lengths differ or a total is 0.
 * @example jensenShannonDistance([1, 0], [0, 1]) // 0.8325546111576977
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('jensenShannonDistance: p and q must have the same length');
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  if (!(sp > 0 && sq > 0)) throw new RangeError('jensenShannonDistance: totals must be > 0');
  const pn = normalise(p, sp);
  const qn = normalise(q, sq);
  // Σ left and Σ right summed apart, then halved, in SciPy's order (`jsTerms` regroups them per bin).
  let left = 0;
  let right = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    left += relEntr(pn[i], m);
    right += relEntr(qn[i], m);
  }
  return Math.sqrt((left + right) / 2);
}

/**
 * Per-bin Jensen–Shannon divergence terms ½·(pᵢ ln(pᵢ/mᵢ) + qᵢ ln(qᵢ/mᵢ)), mᵢ = (pᵢ + qᵢ)/2 (SciPy's
 * `rel_entr`), on shares that each sum to 1; they sum to JS², the square of `jensenShannonDistance`.
 *
 * @example jsTerms([1, 0], [0, 1]) // [0.3465…, 0.3465…] (ln 2 / 2 each)
 */
export function jsTerms(p: readonly number[], q: readonly number[]): number[] {
  return p.map((pi, i) => {
    const m = (pi + q[i]) / 2;
    return (relEntr(pi, m) + relEntr(q[i], m)) / 2;
  });
}

/**
 * Runs `jensenshannon` on the bins of statistics.md §6 without zero-filling (shares = count/n of each
 * set); score = distance, drift when ≥ threshold (§4).
 *
 * @example runJensenShannon({ kind: 'categorical', labels: ['a', 'b'], reference: [1, 0], current: [0, 1] }).score
 * // 0.8325546111576977
 */
export function runJensenShannon(sample: PairedSample): TestOutcome {
  const bins = driftBins(sample);
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < bins.reference.length; i++) {
    nRef += bins.reference[i];
    nCur += bins.current[i];
  }
  if (nRef === 0 || nCur === 0) return notComputable('jensenshannon needs values in both sets.');
  const p = bins.reference.map((c) => c / nRef);
  const q = bins.current.map((c) => c / nCur);
  return distanceOutcome(jensenShannonDistance(p, q));
}
