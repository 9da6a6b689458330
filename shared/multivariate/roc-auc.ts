/**
 * ROC AUC of a score that should be higher for positives, with DeLong's variance.
 *
 * AUC = (1/(m·n)) Σ_i Σ_j ψ(x_i, y_j), ψ(x, y) = 1 if x > y, ½ if x = y, 0 otherwise, over the m positive
 * scores x and the n negative scores y (the Mann–Whitney form; equals scikit-learn's `roc_auc_score`).
 * DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44(3): placement values V10_i = (1/n) Σ_j ψ(x_i, y_j),
 * V01_j = (1/m) Σ_i ψ(x_i, y_j); Var(AUC) = s²(V10)/m + s²(V01)/n (sample variances, ddof 1). Both are
 * computed on the two sorted score arrays in O((m + n) log(m + n)).
 */

export interface AucResult {
  auc: number;
  /** DeLong's variance of the AUC (NaN below two scores in a class). */
  variance: number;
}

/** Σ over sorted `a` of (#b < a_i + ½ #b = a_i)/|b|, and the sample variance of those placement values. */
function placements(a: Float64Array, b: Float64Array): { mean: number; variance: number } {
  let lo = 0;
  let hi = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    while (lo < b.length && b[lo] < x) lo++;
    if (hi < lo) hi = lo;
    while (hi < b.length && b[hi] === x) hi++;
    const v = (lo + 0.5 * (hi - lo)) / b.length;
    const delta = v - mean;
    mean += delta / (i + 1);
    m2 += delta * (v - mean);
  }
  return { mean, variance: a.length > 1 ? m2 / (a.length - 1) : Number.NaN };
}

/**
 * AUC and DeLong variance of `positive` against `negative` scores (NaN scores are not allowed; the arrays
 * are sorted in place).
 *
 * @throws {RangeError} when either class is empty.
 * @example rocAuc(Float64Array.of(2, 3), Float64Array.of(1, 2)).auc // 0.875
 */
export function rocAuc(positive: Float64Array, negative: Float64Array): AucResult {
  if (positive.length === 0 || negative.length === 0)
    throw new RangeError('rocAuc: both classes need a score');
  positive.sort();
  negative.sort();
  const p = placements(positive, negative);
  // V01_j = 1 − (#positives < y_j + ½ #positives = y_j)/m.
  const n = placements(negative, positive);
  return { auc: p.mean, variance: p.variance / positive.length + n.variance / negative.length };
}
