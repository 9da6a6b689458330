/**
 * Label-based classification metrics from the confusion matrix, as scikit-learn 1.2.1
 * (`confusion_matrix`, `accuracy_score`, `precision_recall_fscore_support` with zero_division=0).
 * Source: https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/metrics/_classification.py
 */
import type { ClassMetrics } from './types';

/**
 * Confusion matrix: rows = true class, columns = predicted class, both in `classes` order. Labels not in
 * `classes` are not counted.
 *
 * @example confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b'], ['a', 'b']) // [[1, 0], [1, 1]]
 */
export function confusionMatrix(
  truth: readonly string[],
  predicted: readonly string[],
  classes: readonly string[],
): number[][] {
  const index = new Map(classes.map((c, i) => [c, i]));
  const m = classes.map(() => new Array<number>(classes.length).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = index.get(truth[i]);
    const p = index.get(predicted[i]);
    if (t !== undefined && p !== undefined) m[t][p]++;
  }
  return m;
}

/**
 * Per-class precision = TP/(TP + FP), recall = TP/(TP + FN), F1 = 2PR/(P + R), support = TP + FN; a 0/0
 * ratio is 0 (sklearn zero_division=0, which also warns).
 *
 * @example perClassMetrics([[1, 0], [1, 1]], ['a', 'b'])[0] // { label: 'a', precision: 0.5, recall: 1, f1: 0.6666666666666666, support: 1 }
 */
export function perClassMetrics(matrix: number[][], classes: readonly string[]): ClassMetrics[] {
  return classes.map((label, k) => {
    let predicted = 0;
    let support = 0;
    for (let j = 0; j < classes.length; j++) {
      predicted += matrix[j][k];
      support += matrix[k][j];
    }
    const tp = matrix[k][k];
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    // sklearn 1.2.1: F = (1 + β²)·P·R / (β²·P + R) with β = 1; 0 when P + R = 0.
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
}

/** Accuracy = trace / total; null for an empty matrix. */
export function accuracyOf(matrix: number[][]): number | null {
  let total = 0;
  let correct = 0;
  for (let i = 0; i < matrix.length; i++) {
    correct += matrix[i][i];
    for (const x of matrix[i]) total += x;
  }
  return total === 0 ? null : correct / total;
}

/** Unweighted mean of one field over classes (sklearn average='macro'). */
export function macroAverage(perClass: ClassMetrics[], key: 'precision' | 'recall' | 'f1'): number | null {
  if (perClass.length === 0) return null;
  let sum = 0;
  for (const c of perClass) sum += c[key];
  return sum / perClass.length;
}
