/**
 * A numeric profile column's size, mean and unbiased variance from its sums (docs/profiles.md): mean =
 * sum/n, s² = (sumSquares − sum·mean)/(n − 1), clipped at 0; a constant column (min = max) has mean = min
 * and s² = 0 exactly. The one-pass formula cancels when mean² is large beside s²: sumSquares carries a
 * rounding error of about n·ε·sumSquares at worst, so s² keeps about −log₁₀(ε·sumSquares/(n − 1)/s²)
 * significant digits (`cancellation` is that relative error bound, Higham, "Accuracy and Stability of
 * Numerical Algorithms", 2nd ed., §1.9 and §4.2). Pure: no Node import.
 */
import type { Moments } from '../drift/methods/t-test';
import type { NumericProfileColumn } from './types';

/** Relative error bound above which the variance from the sums is reported as imprecise. */
export const CANCELLATION_NOTE_ABOVE = 1e-6;

export interface ProfileMoments extends Moments {
  /** n·ε·(sumSquares/(n − 1))/s², a bound on the relative error of s² from the cancellation (0 when exact). */
  cancellation: number;
}

export function profileMoments(c: NumericProfileColumn): ProfileMoments {
  const n = c.count;
  if (n > 0 && c.min !== null && c.min === c.max)
    return { n, mean: c.min, variance: n > 1 ? 0 : Number.NaN, cancellation: 0 };
  const mean = c.sum / n;
  if (n < 2) return { n, mean, variance: Number.NaN, cancellation: 0 };
  const variance = Math.max(0, (c.sumSquares - c.sum * mean) / (n - 1));
  const cancellation = (n * Number.EPSILON * (c.sumSquares / (n - 1))) / variance;
  return { n, mean, variance, cancellation };
}
