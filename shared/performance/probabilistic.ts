/**
 * Metrics of predicted probabilities, as scikit-learn 1.2.1: log loss, Brier score and the uniform
 * calibration curve.
 * Sources: https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/metrics/_classification.py
 * and https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/calibration.py
 */
import { compensatedSum } from '../stats/float-utils';
import type { CalibrationBin } from './types';

/** `np.finfo(np.float64).eps`, sklearn 1.2's log_loss default (eps="auto"). */
/**
 * How far a row of class probabilities may sum from 1 and still count as summing to 1: the rounding of
 * probabilities written with 4 or more decimals (at most K × 0.5e-4 for K classes, and 1e-6 plus float
 * error for the common 6 decimals) stays below it; models whose classes are scored independently do not.
 */
export const PROBABILITY_SUM_TOLERANCE = 1e-3;

export const FLOAT64_EPS = 2.220446049250313e-16;

/**
 * Mean log loss of row-wise class probabilities (sklearn `log_loss(y, P, labels)`): each probability is
 * clipped to [eps, 1 − eps], each row renormalised to sum 1, then loss = −mean(ln P[i, yᵢ]).
 * `probs[k]` holds class k's probability per row; `truth[i]` is row i's class index.
 * A binary problem is `probs = [1 − p, p]` (`binaryLogLoss`).
 *
 * @throws {RangeError} when there are no rows or a class index is out of range.
 * @example logLoss([Float64Array.of(0.9, 0.2), Float64Array.of(0.1, 0.8)], Int32Array.of(0, 1)) // 0.164252033486018
 */
export function logLoss(probs: Float64Array[], truth: Int32Array, eps = FLOAT64_EPS): number {
  const n = truth.length;
  if (n === 0) throw new RangeError('logLoss: no rows');
  const k = probs.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    if (!(t >= 0 && t < k)) throw new RangeError(`logLoss: class index ${t} out of range`);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += clip(probs[c][i], eps);
    losses[i] = -Math.log(clip(probs[t][i], eps) / sum);
  }
  return compensatedSum(losses) / n;
}

/**
 * Binary log loss from P(positive) (sklearn `log_loss(y == pos, p)`, the 1-D form becomes [1 − p, p]).
 *
 * @example binaryLogLoss(Uint8Array.of(1, 0), Float64Array.of(0.8, 0.1)) // 0.164252033486018
 */
export function binaryLogLoss(positive: Uint8Array, p: Float64Array, eps = FLOAT64_EPS): number {
  const q = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) q[i] = 1 - clip(p[i], eps);
  const clipped = Float64Array.from(p, (x) => clip(x, eps));
  return logLoss([q, clipped], Int32Array.from(positive), eps);
}

function clip(x: number, eps: number): number {
  return Math.max(eps, Math.min(x, 1 - eps));
}

/**
 * Brier score, sklearn `brier_score_loss(y == pos, p)`: mean((1[yᵢ = pos] − pᵢ)²).
 *
 * @throws {RangeError} when there are no rows.
 * @example brierScore(Uint8Array.of(1, 0), Float64Array.of(0.8, 0.1)) // 0.025
 */
export function brierScore(positive: Uint8Array, p: Float64Array): number {
  if (p.length === 0) throw new RangeError('brierScore: no rows');
  const sq = Float64Array.from(p, (x, i) => (positive[i] - x) ** 2);
  return compensatedSum(sq) / p.length;
}

/**
 * Calibration curve with `bins` uniform bins on [0, 1] (sklearn `calibration_curve(y, p, n_bins,
 * strategy='uniform')`): edges eᵢ = i/bins as NumPy's linspace, bin of p = number of interior edges
 * strictly below p (`searchsorted` left), so a value on an edge falls in the lower bin. Only non-empty
 * bins are returned. Null when a probability lies outside [0, 1] (sklearn raises).
 *
 * @example calibrationCurve(Uint8Array.of(0, 1), Float64Array.of(0.1, 0.95), 10)
 * // [{ lo: 0, hi: 0.1, predicted: 0.1, observed: 0, count: 1 }, { lo: 0.9, hi: 1, predicted: 0.95, observed: 1, count: 1 }]
 */
export function calibrationCurve(positive: Uint8Array, p: Float64Array, bins = 10): CalibrationBin[] | null {
  const step = 1 / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? 1 : i * step));
  const sums = new Float64Array(bins);
  const trues = new Float64Array(bins);
  const totals = new Float64Array(bins);
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    if (!(x >= 0 && x <= 1)) return null;
    let b = 0;
    while (b < bins - 1 && edges[b + 1] < x) b++;
    sums[b] += x;
    trues[b] += positive[i];
    totals[b]++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (totals[b] === 0) continue;
    out.push({
      lo: edges[b],
      hi: edges[b + 1],
      predicted: sums[b] / totals[b],
      observed: trues[b] / totals[b],
      count: totals[b],
    });
  }
  return out;
}
