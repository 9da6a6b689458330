/**
 * Metrics of rows with weights (the multiplicities of a bootstrap resample): each equals the plain metric
 * of the resampled rows, computed in one pass without copying them. Sorting is done once, outside.
 * Binary precision/recall/F1 at the positive class, multiclass macro averages over the given classes,
 * zero_division = 0 (scikit-learn 1.2.1); ROC AUC as the Mann–Whitney probability
 * P(s⁺ > s⁻) + ½P(s⁺ = s⁻), equal to the trapezoidal ROC area (`roc_auc_score`).
 */

/**
 * Weighted ROC AUC. `order` sorts the rows by score ascending; `positive[i]` is 1 for the positive class.
 * Null when either class has zero weight.
 *
 * @example weightedRocAuc(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8), [0, 2, 1, 3], Float64Array.of(1, 1, 1, 1)) // 0.75
 */
export function weightedRocAuc(
  positive: Uint8Array,
  score: Float64Array,
  order: readonly number[],
  w: Float64Array,
): number | null {
  let negBelow = 0;
  let area = 0;
  let wPos = 0;
  for (let a = 0; a < order.length; ) {
    let b = a;
    let groupPos = 0;
    let groupNeg = 0;
    while (b < order.length && score[order[b]] === score[order[a]]) {
      const i = order[b];
      if (positive[i] === 1) groupPos += w[i];
      else groupNeg += w[i];
      b++;
    }
    area += groupPos * (negBelow + 0.5 * groupNeg);
    negBelow += groupNeg;
    wPos += groupPos;
    a = b;
  }
  return wPos === 0 || negBelow === 0 ? null : area / (wPos * negBelow);
}

/** Weighted accuracy, precision, recall and F1 from class indices (−1 = a label outside `classes`). */
export function weightedLabelMetrics(
  truth: Int32Array,
  predicted: Int32Array,
  classCount: number,
  w: Float64Array,
  positiveClass: number | null,
): { accuracy: number | null; precision: number | null; recall: number | null; f1: number | null } {
  const tp = new Float64Array(classCount);
  const predictedCount = new Float64Array(classCount);
  const support = new Float64Array(classCount);
  let total = 0;
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    total += wi;
    if (truth[i] === predicted[i]) correct += wi;
    if (truth[i] >= 0) support[truth[i]] += wi;
    if (predicted[i] >= 0) predictedCount[predicted[i]] += wi;
    if (truth[i] >= 0 && truth[i] === predicted[i]) tp[truth[i]] += wi;
  }
  if (total === 0) return { accuracy: null, precision: null, recall: null, f1: null };
  const per = (k: number) => {
    const p = predictedCount[k] === 0 ? 0 : tp[k] / predictedCount[k];
    const r = support[k] === 0 ? 0 : tp[k] / support[k];
    return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
  };
  if (positiveClass !== null) {
    const m = per(positiveClass);
    return { accuracy: correct / total, precision: m.p, recall: m.r, f1: m.f };
  }
  let sp = 0;
  let sr = 0;
  let sf = 0;
  for (let k = 0; k < classCount; k++) {
    const m = per(k);
    sp += m.p;
    sr += m.r;
    sf += m.f;
  }
  return {
    accuracy: correct / total,
    precision: sp / classCount,
    recall: sr / classCount,
    f1: sf / classCount,
  };
}

/** Weighted MAE, RMSE, MAPE (|y| floored at 2.22e-16, as sklearn) and R² (null for a constant target). */
export function weightedRegressionMetrics(
  actual: Float64Array,
  predicted: Float64Array,
  w: Float64Array,
): { mae: number | null; rmse: number | null; mape: number | null; r2: number | null } {
  let total = 0;
  let abs = 0;
  let sq = 0;
  let pct = 0;
  let sy = 0;
  for (let i = 0; i < actual.length; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    const e = predicted[i] - actual[i];
    total += wi;
    abs += wi * Math.abs(e);
    sq += wi * e * e;
    pct += (wi * Math.abs(e)) / Math.max(Math.abs(actual[i]), 2.220446049250313e-16);
    sy += wi * actual[i];
  }
  if (total === 0) return { mae: null, rmse: null, mape: null, r2: null };
  const mean = sy / total;
  let ssTot = 0;
  for (let i = 0; i < actual.length; i++) if (w[i] !== 0) ssTot += w[i] * (actual[i] - mean) ** 2;
  return {
    mae: abs / total,
    rmse: Math.sqrt(sq / total),
    mape: pct / total,
    r2: ssTot === 0 ? null : 1 - sq / ssTot,
  };
}
