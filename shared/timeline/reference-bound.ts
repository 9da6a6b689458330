/**
 * A threshold from the reference chunks' values x_1..x_m (leave-one-out drift scores, or metric values):
 *   mean  x̄ = (1/m) Σ x_i,   sd  s = sqrt( Σ (x_i − x̄)² / (m − 1) )   (ddof = 1, NumPy `np.std(x, ddof=1)`)
 *   upper = x̄ + K·s  when a rise alerts (distances, error metrics);
 *   lower = x̄ − K·s  when a fall alerts (p-values, higher-is-better metrics).
 * A value alerts when it is strictly beyond its bound. The implied false-alarm rate is the share of the
 * reference chunks' own values that alert. Fewer than two values give no bound.
 */
import type { ReferenceBound } from './types';

export type AlertDirection = 'rise' | 'fall';

/** Whether x alerts against the bound (null: no bound or no value). */
export function beyondBound(
  x: number | null,
  bound: Pick<ReferenceBound, 'lower' | 'upper'>,
): boolean | null {
  if (x === null || Number.isNaN(x)) return null;
  if (bound.upper !== null) return x > bound.upper;
  if (bound.lower !== null) return x < bound.lower;
  return null;
}

export function referenceBound(
  values: readonly (number | null)[],
  k: number,
  direction: AlertDirection,
): ReferenceBound {
  const xs = values.filter((x): x is number => x !== null && Number.isFinite(x));
  const m = xs.length;
  if (m < 2)
    return {
      chunks: m,
      mean: m === 1 ? xs[0] : null,
      sd: null,
      lower: null,
      upper: null,
      falseAlarmRate: null,
    };
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= m;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / (m - 1));
  const lower = direction === 'fall' ? mean - k * sd : null;
  const upper = direction === 'rise' ? mean + k * sd : null;
  const flagged = xs.filter((x) => beyondBound(x, { lower, upper })).length;
  return { chunks: m, mean, sd, lower, upper, falseAlarmRate: flagged / m };
}
