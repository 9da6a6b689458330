/**
 * `z`: two-proportion Z-test, as Evidently's `z_stat_test`.
 */
import { normSf } from '../../stats/normal';
import type { CategoricalPair, PairedSample, TestOutcome } from '../sample';
import { compactCategories, toCategorical } from '../to-categorical';
import { notComputable, pValueOutcome } from './outcome';

/** Note when both sets hold one and the same value (Evidently also returns p = 1 there). */
export const SAME_SINGLE_VALUE_NOTE = 'Both sets hold one and the same value: p = 1.';

/**
 * Categories sorted (the `CategoricalPair` order), the smallest → 0 and every other → 1;
 * p₁ = share of 1 in reference, p₂ in current, pooled P = (p₁n₁ + p₂n₂)/(n₁ + n₂),
 * z = (p₁ − p₂)/√(P(1 − P)(1/n₁ + 1/n₂)), p = 2(1 − Φ(|z|)). When both sets contain a single identical
 * value, p = 1. Evidently computes 1 − Φ(|z|) by subtraction (0 below about 1e-16); we use the
 * survival function 2·Φ(−|z|), equal to 1e-16 absolute and accurate in the tail.
 * Source: https://github.com/evidentlyai/evidently/blob/main/src/evidently/calculations/stattests/z_stattest.py
 *
 * @example zTestCounts({ kind: 'categorical', labels: ['0', '1'], reference: [70, 30], current: [55, 45] }).pValue
 * // 0.028459736916310035
 */
export function zTestCounts(pair: CategoricalPair): TestOutcome {
  const c = compactCategories(pair);
  let n1 = 0;
  let n2 = 0;
  for (let i = 0; i < c.labels.length; i++) {
    n1 += c.reference[i];
    n2 += c.current[i];
  }
  if (n1 === 0 || n2 === 0) return notComputable('z needs values in both sets.');
  if (c.labels.length === 1) return pValueOutcome(0, 1, SAME_SINGLE_VALUE_NOTE);
  const p1 = (n1 - c.reference[0]) / n1;
  const p2 = (n2 - c.current[0]) / n2;
  const P = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2));
  if (Number.isNaN(z)) return notComputable('z statistic is undefined (pooled proportion 0 or 1).');
  return pValueOutcome(z, 2 * normSf(Math.abs(z)));
}

/**
 * Runs `z` (score = p-value; drift when p < threshold, §4). Numeric input: smallest value → 0.
 *
 * @example runZ({ kind: 'numeric', reference: Float64Array.of(1, 1), current: Float64Array.of(1) }).score // 1
 */
export function runZ(sample: PairedSample): TestOutcome {
  return zTestCounts(sample.kind === 'numeric' ? toCategorical(sample) : sample);
}
