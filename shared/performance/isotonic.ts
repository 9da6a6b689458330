/**
 * Isotonic regression calibrator, as scikit-learn 1.2.1 `IsotonicRegression(out_of_bounds="clip",
 * increasing=True)` (what NannyML's `IsotonicCalibrator` uses): rows sorted by (score, target); equal
 * scores (within float64 resolution 1e-15) merged into one point with the mean target and their count
 * as weight (`_make_unique`); the weighted pool-adjacent-violators algorithm
 * (`_inplace_contiguous_isotonic_regression`); interior points of a constant run trimmed; prediction by
 * linear interpolation between the points (`scipy.interpolate.interp1d(kind="linear")`, which delegates
 * to `numpy.interp` for float64 data), scores outside the fitted range clipped to it.
 * Sources: https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/isotonic.py and
 * https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/_isotonic.pyx
 */
import { searchSorted } from '../stats/sorted';

/** `np.finfo(np.float64).resolution`: scores closer than this are one point (sklearn `_make_unique`). */
const RESOLUTION = 1e-15;

export interface IsotonicFit {
  /** Increasing scores of the kept points. */
  x: Float64Array;
  /** Fitted, non-decreasing values at `x`. */
  y: Float64Array;
}

/** In-place weighted PAVA (sklearn `_inplace_contiguous_isotonic_regression`). */
function pava(y: Float64Array, w: Float64Array): void {
  const n = y.length;
  const target = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (;;) {
      const prevY = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || prevY < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        if (i > 0) i = target[i - 1];
        break;
      }
    }
  }
  i = 0;
  while (i < n) {
    const k = target[i] + 1;
    for (let j = i + 1; j < k; j++) y[j] = y[i];
    i = k;
  }
}

/**
 * Fits the isotonic calibrator of `target` (0/1) on `score`.
 *
 * @throws {RangeError} when the arrays differ in length, are empty or hold NaN.
 * @example predictIsotonic(fitIsotonic(Float64Array.of(0.1, 0.4, 0.35, 0.8), Float64Array.of(0, 0, 1, 1)), Float64Array.of(0.4))
 * // Float64Array [0.5]
 */
export function fitIsotonic(score: Float64Array, target: Float64Array): IsotonicFit {
  const n = score.length;
  if (n !== target.length) throw new RangeError('fitIsotonic: arrays differ in length');
  if (n === 0) throw new RangeError('fitIsotonic: no rows');
  for (let i = 0; i < n; i++)
    if (Number.isNaN(score[i]) || Number.isNaN(target[i])) throw new RangeError('fitIsotonic: NaN input');
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => score[a] - score[b] || target[a] - target[b],
  );
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  let currentX = score[order[0]];
  let sumY = 0;
  let weight = 0;
  for (const j of order) {
    const x = score[j];
    if (x - currentX >= RESOLUTION) {
      ux.push(currentX);
      uw.push(weight);
      uy.push(sumY / weight);
      currentX = x;
      weight = 1;
      sumY = target[j];
    } else {
      weight += 1;
      sumY += target[j];
    }
  }
  ux.push(currentX);
  uw.push(weight);
  uy.push(sumY / weight);
  const y = Float64Array.from(uy);
  pava(y, Float64Array.from(uw));
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (i === 0 || i === y.length - 1 || y[i] !== y[i - 1] || y[i] !== y[i + 1]) keep.push(i);
  }
  return { x: Float64Array.from(keep, (i) => ux[i]), y: Float64Array.from(keep, (i) => y[i]) };
}

/**
 * Calibrated values of `score`: clipped to [x₀, x_last], then `numpy.interp(s, x, y)`: j = the last point
 * with x_j ≤ s; y_j when s = x_j (or s is the last point), else slope·(s − x_j) + y_j.
 */
export function predictIsotonic(fit: IsotonicFit, score: Float64Array): Float64Array {
  const { x, y } = fit;
  const m = x.length;
  const out = new Float64Array(score.length);
  for (let i = 0; i < score.length; i++) {
    const s = Math.min(Math.max(score[i], x[0]), x[m - 1]);
    const j = searchSorted(x, s, true) - 1;
    if (j >= m - 1 || s === x[j]) out[i] = y[Math.min(j, m - 1)];
    else out[i] = ((y[j + 1] - y[j]) / (x[j + 1] - x[j])) * (s - x[j]) + y[j];
  }
  return out;
}
