/**
 * Sampling error of classification metrics, NannyML's method (`nannyml.sampling_error`,
 * https://nannyml.readthedocs.io/en/stable/how_it_works/estimation_of_standard_error.html): per-row
 * components are computed once on the reference, and the standard error for a set of n rows is
 * σ_ref / √(n·f), f = the share of rows that enter the metric. Binary components:
 * - accuracy: σ of 1[y = ŷ], f = 1;
 * - precision: σ over predicted positives of 1[TP], f = share of predicted positives;
 * - recall: σ over actual positives of 1[TP], f = share of actual positives;
 * - F1: σ of (TP → 1, FP and FN → 0) · m/(½(FP + FN) + TP) over the m TP/FP/FN rows, f = m/n;
 * - ROC AUC: the Mann–Whitney form: with the minority class as "positive" and rows sorted by score
 *   (stable), the number of negatives below each positive over n_neg; σ of those, f = positive share.
 * Multiclass: one-vs-rest class components with variances v_k (no F1 factor), SE = √(Σ v_k/(n·f_k))/K,
 * times 1.2 for ROC AUC (NannyML's empirical correction); accuracy as binary.
 * Populations standard deviations (ddof 0), as `np.std`.
 */
import type { CbpeMetricName } from './cbpe-types';

export interface ErrorComponent {
  /** Binary: the standard deviation; multiclass: the variance of each class. */
  spread: number;
  fraction: number;
}

function variance(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
}

/** One-vs-rest class components on 0/1 truth and prediction (and the score for ROC AUC). */
export function classComponents(
  truth: Uint8Array,
  predicted: Uint8Array,
  score: Float64Array,
  f1Factor: boolean,
): Record<CbpeMetricName, { variance: number; fraction: number }> {
  const n = truth.length;
  const correct: number[] = [];
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  let tp = 0;
  let fpFn = 0;
  for (let i = 0; i < n; i++) {
    correct.push(truth[i] === predicted[i] ? 1 : 0);
    if (predicted[i] === 1) precision.push(truth[i] === 1 ? 1 : 0);
    if (truth[i] === 1) recall.push(predicted[i] === 1 ? 1 : 0);
    if (predicted[i] === 1 && truth[i] === 1) {
      f1.push(1);
      tp++;
    } else if (predicted[i] !== truth[i]) {
      f1.push(0);
      fpFn++;
    }
  }
  const factor = f1Factor && f1.length > 0 ? f1.length / (fpFn * 0.5 + tp) : 1;
  const f1Values = f1.map((x) => x * factor);
  return {
    accuracy: { variance: variance(correct), fraction: 1 },
    precision: { variance: variance(precision), fraction: precision.length / n },
    recall: { variance: variance(recall), fraction: recall.length / n },
    f1: { variance: variance(f1Values), fraction: f1.length / n },
    rocAuc: aucComponent(truth, score),
  };
}

/** NannyML `auroc_sampling_error_components` (variance form). */
function aucComponent(truth: Uint8Array, score: Float64Array): { variance: number; fraction: number } {
  const n = truth.length;
  const mean = truth.reduce((a, b) => a + b, 0) / n;
  const flip = mean > 0.5;
  const y = Uint8Array.from(truth, (t) => (flip ? 1 - t : t));
  const s = Float64Array.from(score, (x) => (flip ? 1 - x : x));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a] - s[b]);
  // positive_ranks = y·rank; unique non-zero ranks (rank 0 of a positive is dropped by `[1:]`, as NannyML).
  const ranks: number[] = [];
  for (let r = 0; r < n; r++) if (y[order[r]] === 1 && r > 0) ranks.push(r);
  const positives = y.reduce((a, b) => a + b, 0);
  const negatives = n - positives;
  const ser = ranks.map((rank, i) => (rank - i) / negatives);
  return { variance: variance(ser), fraction: positives / n };
}

/** Binary standard error σ/√(n·f) of each metric for n rows. */
export function binarySamplingError(
  components: Record<CbpeMetricName, { variance: number; fraction: number }>,
  n: number,
): Record<CbpeMetricName, number | null> {
  const out = {} as Record<CbpeMetricName, number | null>;
  for (const [name, c] of Object.entries(components) as [
    CbpeMetricName,
    { variance: number; fraction: number },
  ][]) {
    const se = Math.sqrt(c.variance) / Math.sqrt(n * c.fraction);
    out[name] = Number.isFinite(se) ? se : null;
  }
  return out;
}

/** Multiclass standard error √(Σ_k v_k/(n·f_k))/K (ROC AUC × 1.2; accuracy σ/√n). */
export function multiclassSamplingError(
  perClass: Record<CbpeMetricName, { variance: number; fraction: number }>[],
  accuracy: { variance: number },
  n: number,
): Record<CbpeMetricName, number | null> {
  const k = perClass.length;
  const combine = (name: CbpeMetricName, factor: number) => {
    let sum = 0;
    for (const c of perClass) sum += c[name].variance / (n * c[name].fraction);
    const se = (Math.sqrt(sum) / k) * factor;
    return Number.isFinite(se) ? se : null;
  };
  const acc = Math.sqrt(accuracy.variance) / Math.sqrt(n);
  return {
    accuracy: Number.isFinite(acc) ? acc : null,
    precision: combine('precision', 1),
    recall: combine('recall', 1),
    f1: combine('f1', 1),
    rocAuc: combine('rocAuc', 1.2),
  };
}
