/**
 * Threshold-free binary classification metrics, as scikit-learn 1.2 computes them: the ROC and PR
 * curves of `_binary_clf_curve`, ROC AUC by the trapezoidal rule and average precision as the step
 * integral Σ (Rₙ − Rₙ₋₁)·Pₙ. Ties in the score form one threshold (one curve point).
 * Source: https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/metrics/_ranking.py
 */

export interface ClfCurve {
  /** False and true positives at each distinct score, scores descending. */
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

/**
 * Cumulative false/true positives at every distinct score (sklearn `_binary_clf_curve`).
 *
 * @throws {RangeError} when the arrays differ in length.
 * @example binaryClfCurve(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)).tps // [1, 1, 2, 2]
 */
export function binaryClfCurve(positive: Uint8Array, score: Float64Array): ClfCurve {
  if (positive.length !== score.length) throw new RangeError('binaryClfCurve: arrays differ in length');
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let k = 0; k < n; k++) {
    tp += positive[order[k]];
    if (k === n - 1 || score[order[k + 1]] !== score[order[k]]) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thresholds.push(score[order[k]]);
    }
  }
  return {
    fps: Float64Array.from(fps),
    tps: Float64Array.from(tps),
    thresholds: Float64Array.from(thresholds),
  };
}

/**
 * ROC curve as sklearn `roc_curve(y, s)` (drop_intermediate=True: collinear points dropped), starting at
 * (0, 0). Null when the labels hold only one class (FPR or TPR undefined).
 *
 * @example rocCurve(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8))
 * // { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1] }
 */
export function rocCurve(positive: Uint8Array, score: Float64Array): { fpr: number[]; tpr: number[] } | null {
  const { fps, tps } = binaryClfCurve(positive, score);
  const m = fps.length;
  if (m === 0 || fps[m - 1] === 0 || tps[m - 1] === 0) return null;
  const keep: number[] = [];
  for (let i = 0; i < m; i++) {
    if (i === 0 || i === m - 1) keep.push(i);
    else {
      const d2f = fps[i + 1] - 2 * fps[i] + fps[i - 1];
      const d2t = tps[i + 1] - 2 * tps[i] + tps[i - 1];
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
  }
  const fpr = [0];
  const tpr = [0];
  for (const i of keep) {
    fpr.push(fps[i] / fps[m - 1]);
    tpr.push(tps[i] / tps[m - 1]);
  }
  return { fpr, tpr };
}

/**
 * Area under the ROC curve: trapezoidal rule over `rocCurve` (sklearn `roc_auc_score(y, s)`, binary).
 * Null when only one class is present (sklearn raises).
 *
 * @example rocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.75
 */
export function rocAuc(positive: Uint8Array, score: Float64Array): number | null {
  const curve = rocCurve(positive, score);
  if (curve === null) return null;
  let area = 0;
  for (let i = 1; i < curve.fpr.length; i++) {
    area += ((curve.fpr[i] - curve.fpr[i - 1]) * (curve.tpr[i] + curve.tpr[i - 1])) / 2;
  }
  return area;
}

/**
 * Precision–recall curve as sklearn `precision_recall_curve(y, s)`: recall decreasing, ending at
 * (recall 0, precision 1). Null when there is no positive (sklearn sets recall to 1 and warns).
 *
 * @example prCurve(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8))
 * // { precision: [0.5, 0.6666666666666666, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0] }
 */
export function prCurve(
  positive: Uint8Array,
  score: Float64Array,
): { precision: number[]; recall: number[] } | null {
  const { fps, tps } = binaryClfCurve(positive, score);
  const m = tps.length;
  if (m === 0 || tps[m - 1] === 0) return null;
  const precision: number[] = [];
  const recall: number[] = [];
  for (let i = m - 1; i >= 0; i--) {
    const predicted = tps[i] + fps[i];
    precision.push(predicted === 0 ? 0 : tps[i] / predicted);
    recall.push(tps[i] / tps[m - 1]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall };
}

/**
 * Average precision, sklearn `average_precision_score(y, s)`: AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over thresholds
 * (no interpolation). Null when there is no positive.
 *
 * @example averagePrecision(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8)) // 0.8333333333333333
 */
export function averagePrecision(positive: Uint8Array, score: Float64Array): number | null {
  const curve = prCurve(positive, score);
  if (curve === null) return null;
  let ap = 0;
  for (let j = 0; j < curve.recall.length - 1; j++) {
    ap -= (curve.recall[j + 1] - curve.recall[j]) * curve.precision[j];
  }
  return ap;
}

/**
 * At most `max` evenly spaced indices of 0..n−1, always including both ends: round(j·(n−1)/(m−1)).
 *
 * @throws {RangeError} when max < 2.
 * @example downsampleIndices(5, 3) // [0, 2, 4]
 */
export function downsampleIndices(n: number, max: number): number[] {
  if (!(max >= 2)) throw new RangeError('downsampleIndices: max must be at least 2');
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, j) => Math.round((j * (n - 1)) / (max - 1)));
}
