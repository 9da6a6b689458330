/**
 * `hellinger`: Hellinger distance between the reference and current distributions, as Evidently's
 * `hellinger` stattest (docs/statistics.md §5).
 */
import { distinctUnion } from '../../stats/sorted';
import { binEdges, countInEdges } from '../bins';
import type { CategoricalPair, NumericPair, PairedSample, TestOutcome } from '../sample';
import { compactCategories } from '../to-categorical';
import { notComputable } from './outcome';

/** Convention when ref ∪ cur holds one value only (Evidently's bin width is then 0, giving 1). */
export const ONE_VALUE_NOTE =
  'Only one distinct value in both sets: distance 0 (no drift) by convention; Evidently gives 1 here.';

/** √(1 − clip(bc, 0, 1)) for a Bhattacharyya coefficient bc. */
function fromCoefficient(bc: number): number {
  return Math.sqrt(1 - Math.min(1, Math.max(0, bc)));
}

/**
 * Categorical form: H = √(1 − clip(Σ √(rᵢ·cᵢ), 0, 1)) with shares r = count/n_ref, c = count/n_cur over
 * the categories of ref ∪ cur. In [0, 1], symmetric; 1 for disjoint supports.
 * Source: https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/hellinger_distance.py
 *
 * @example hellingerCategorical({ kind: 'categorical', labels: ['a', 'b', 'c'], reference: [60, 40, 0], current: [50, 40, 10] })
 * // 0.228642608659965 (check vector C: 0.228643)
 */
export function hellingerCategorical(pair: CategoricalPair): number {
  let nRef = 0;
  let nCur = 0;
  for (let i = 0; i < pair.labels.length; i++) {
    nRef += pair.reference[i];
    nCur += pair.current[i];
  }
  let bc = 0;
  for (let i = 0; i < pair.labels.length; i++)
    bc += Math.sqrt((pair.reference[i] / nRef) * (pair.current[i] / nCur));
  return fromCoefficient(bc);
}

/**
 * The numerical form's bins: Sturges edges of the distinct values `keys` of ref ∪ cur (ascending, −0 and 0
 * one value), not of all n values as the other binned tests; null when there is one value only.
 */
export function hellingerEdges(keys: Float64Array): number[] | null {
  if (keys.length < 2) return null;
  return binEdges({ reference: keys, current: new Float64Array(0) }, 'sturges');
}

/**
 * Numerical form, exactly as Evidently: edges = Sturges edges of the DISTINCT values of ref ∪ cur
 * (`binEdges(…, 'sturges')`, with the integer width rule of §6); densities hᵢ = countᵢ/widthᵢ/n (NumPy
 * `histogram(density=True)`, widthᵢ = eᵢ₊₁ − eᵢ); bc = Σ √(h_refᵢ·h_curᵢ)·w with w = (max − min)/k;
 * H = √(1 − clip(bc, 0, 1)). Returns null when ref ∪ cur has one value only (w = 0: see ONE_VALUE_NOTE).
 *
 * @example hellingerNumerical({ kind: 'numeric', reference: Float64Array.of(0, 1, 2, 3), current: Float64Array.of(0, 1, 2, 3) }) // 0
 */
export function hellingerNumerical(pair: NumericPair): number | null {
  const edges = hellingerEdges(distinctUnion(pair.reference, pair.current));
  if (edges === null) return null;
  const k = edges.length - 1;
  const hRef = countInEdges(pair.reference, edges);
  const hCur = countInEdges(pair.current, edges);
  // Evidently multiplies densities (count / (n · width)) by the width; with equal widths that is
  // Σ sqrt(r_i · c_i) on the shares. Computing it on the shares avoids dividing by edge differences,
  // which are rounded (even 0) when the values are huge (IDs above 2^53) or subnormal.
  let bc = 0;
  for (let i = 0; i < k; i++) {
    bc += Math.sqrt((hRef[i] / pair.reference.length) * (hCur[i] / pair.current.length));
  }
  return fromCoefficient(bc);
}

/**
 * Runs `hellinger` (score = distance; drift when ≥ threshold, §4): numerical form for numeric input,
 * categorical form for categories.
 *
 * @example runHellinger({ kind: 'categorical', labels: ['a'], reference: [2], current: [5] }).score // 0
 */
export function runHellinger(sample: PairedSample): TestOutcome {
  if (sample.reference.length === 0 || sample.current.length === 0)
    return notComputable('hellinger needs values in both sets.');
  if (sample.kind === 'categorical') {
    const c = compactCategories(sample);
    const total = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
    if (total(c.reference) === 0 || total(c.current) === 0)
      return notComputable('hellinger needs values in both sets.');
    const d = hellingerCategorical(c);
    return { score: d, statistic: d, pValue: null, reason: null };
  }
  const d = hellingerNumerical(sample);
  if (d === null) return { score: 0, statistic: 0, pValue: null, reason: ONE_VALUE_NOTE };
  return { score: d, statistic: d, pValue: null, reason: null };
}
