/**
 * Classification metrics of one set (reference or current) from its rows: label metrics from the
 * confusion matrix, ranking and probability metrics from the probabilities, curves, class balance and
 * the top-class probability (confidence) of every evaluated row.
 */
import { accuracyOf, confusionMatrix, macroAverage, perClassMetrics } from './confusion';
import { sortClassLabels } from './labels';
import {
  binaryLogLoss,
  brierScore,
  calibrationCurve,
  logLoss,
  PROBABILITY_SUM_TOLERANCE,
} from './probabilistic';
import { averagePrecision, downsampleIndices, prCurve, rocAuc, rocCurve } from './ranking';
import type { ClassificationMetrics, ColumnMapping } from './types';

/** Points kept per curve. */
export const CURVE_POINTS = 200;

export interface ClassificationRows {
  target: (string | null)[];
  prediction: (string | null)[] | null;
  /** One array per probability column, NaN = missing. */
  proba: Float64Array[] | null;
}

function positives(truth: string[], label: string): Uint8Array {
  return Uint8Array.from(truth, (t) => (t === label ? 1 : 0));
}

/**
 * Metrics of one set. `mapping` must be complete (posLabel for binary, probaClasses for multiclass
 * probabilities). Binary: precision/recall/F1 at posLabel; multiclass: macro averages over the sorted
 * union of target and prediction labels (sklearn unique_labels); ROC AUC one-vs-rest macro and PR AUC
 * macro over the probability classes present in the target with both outcomes.
 */
export function classificationSide(
  rows: ClassificationRows,
  mapping: ColumnMapping,
  threshold: number,
): { metrics: ClassificationMetrics; confidence: Float64Array | null } {
  const binary = mapping.task === 'binary';
  const pos = mapping.posLabel;
  const probaClasses = binary ? null : (mapping.probaClasses ?? null);
  const notes: string[] = [];
  const truth: string[] = [];
  const predicted: string[] = [];
  const probs: number[][] = rows.proba ? rows.proba.map(() => []) : [];
  let missingTarget = 0;
  let missingPrediction = 0;
  let excluded = 0;
  const allTargets = new Set(rows.target.filter((l): l is string => l !== null));
  const negative = sortClassLabels([...allTargets].filter((l) => l !== pos))[0] ?? `not ${pos}`;
  for (let i = 0; i < rows.target.length; i++) {
    const t = rows.target[i];
    let p: string | null = rows.prediction ? rows.prediction[i] : null;
    const pr = rows.proba ? rows.proba.map((a) => a[i]) : null;
    const probaOk = pr === null || pr.every((x) => Number.isFinite(x));
    if (p === null && rows.prediction === null && pr !== null && probaOk) {
      if (binary) p = pr[0] >= threshold ? pos : negative;
      else {
        let best = 0;
        for (let k = 1; k < pr.length; k++) if (pr[k] > pr[best]) best = k;
        p = probaClasses![best];
      }
    }
    const noTarget = t === null;
    const noPrediction = p === null || !probaOk;
    if (noTarget) missingTarget++;
    if (noPrediction) missingPrediction++;
    if (noTarget || noPrediction) {
      excluded++;
      continue;
    }
    truth.push(t);
    predicted.push(p!);
    if (pr) for (let k = 0; k < pr.length; k++) probs[k].push(pr[k]);
  }
  if (excluded > 0) notes.push(`${excluded} row(s) without target or prediction/probability were left out.`);
  if (rows.prediction === null) {
    notes.push(
      binary
        ? `Prediction derived as P(${pos}) ≥ ${threshold}.`
        : 'Prediction derived as the most probable class.',
    );
  }
  const n = truth.length;
  const classes = sortClassLabels([...truth, ...predicted]);
  const matrix = confusionMatrix(truth, predicted, classes);
  const perClass = perClassMetrics(matrix, classes);
  const counts = new Map<string, number>();
  for (const t of truth) counts.set(t, (counts.get(t) ?? 0) + 1);
  const metrics: ClassificationMetrics = {
    kind: 'classification',
    n,
    excluded: { missingTarget, missingPrediction, total: excluded },
    accuracy: accuracyOf(matrix),
    precision: null,
    recall: null,
    f1: null,
    rocAuc: null,
    prAuc: null,
    logLoss: null,
    brier: null,
    classes,
    confusionMatrix: matrix,
    perClass,
    classBalance: classes.map((label) => ({ label, share: n ? (counts.get(label) ?? 0) / n : 0 })),
    roc: null,
    pr: null,
    calibration: null,
    notes,
  };
  if (n === 0) {
    notes.push('No rows to evaluate: metrics not computed.');
    return { metrics, confidence: null };
  }
  if (binary) {
    if (classes.length > 2)
      notes.push(
        `More than two labels (${classes.join(', ')}) in a binary task: precision, recall and F1 are at ${pos}.`,
      );
    const k = classes.indexOf(pos!);
    const at = k >= 0 ? perClass[k] : { precision: 0, recall: 0, f1: 0 };
    metrics.precision = at.precision;
    metrics.recall = at.recall;
    metrics.f1 = at.f1;
  } else {
    metrics.precision = macroAverage(perClass, 'precision');
    metrics.recall = macroAverage(perClass, 'recall');
    metrics.f1 = macroAverage(perClass, 'f1');
  }
  if (rows.proba === null) {
    notes.push(
      'No probability columns: ROC AUC, PR AUC, log loss, Brier score and calibration not computed.',
    );
    return { metrics, confidence: null };
  }
  const P = probs.map((a) => Float64Array.from(a));
  return binary
    ? binaryProbabilities(metrics, truth, P[0], pos!)
    : multiclassProbabilities(metrics, truth, P, probaClasses!);
}

function binaryProbabilities(metrics: ClassificationMetrics, truth: string[], p: Float64Array, pos: string) {
  const notes = metrics.notes;
  const y = positives(truth, pos);
  const inRange = p.every((x) => x >= 0 && x <= 1);
  metrics.rocAuc = rocAuc(y, p);
  if (metrics.rocAuc === null) notes.push('ROC AUC needs both classes in the target.');
  metrics.prAuc = averagePrecision(y, p);
  if (metrics.prAuc === null) notes.push(`PR AUC needs at least one ${pos} in the target.`);
  if (inRange) {
    metrics.logLoss = binaryLogLoss(y, p);
    metrics.brier = brierScore(y, p);
    metrics.calibration = calibrationCurve(y, p, 10);
  } else notes.push('Probabilities outside [0, 1]: log loss, Brier score and calibration not computed.');
  const roc = rocCurve(y, p);
  if (roc)
    metrics.roc = downsampleIndices(roc.fpr.length, 200).map((i) => ({ fpr: roc.fpr[i], tpr: roc.tpr[i] }));
  const pr = prCurve(y, p);
  if (pr)
    metrics.pr = downsampleIndices(pr.recall.length, 200).map((i) => ({
      recall: pr.recall[i],
      precision: pr.precision[i],
    }));
  const confidence = Float64Array.from(p, (x) => Math.max(x, 1 - x));
  return { metrics, confidence };
}

function multiclassProbabilities(
  metrics: ClassificationMetrics,
  truth: string[],
  P: Float64Array[],
  probaClasses: string[],
) {
  const notes = metrics.notes;
  const known = new Set(probaClasses);
  const unknown = [...new Set(truth.filter((t) => !known.has(t)))];
  if (unknown.length > 0) {
    notes.push(
      `Target labels without a probability column (${unknown.join(', ')}): probability metrics not computed.`,
    );
  } else {
    const aucs: number[] = [];
    const aps: number[] = [];
    probaClasses.forEach((c, k) => {
      const y = positives(truth, c);
      const auc = rocAuc(y, P[k]);
      const ap = averagePrecision(y, P[k]);
      if (auc !== null) aucs.push(auc);
      if (ap !== null) aps.push(ap);
    });
    if (aucs.length < probaClasses.length) {
      notes.push(
        `ROC AUC / PR AUC averaged over the ${aucs.length} of ${probaClasses.length} classes present in the target (scikit-learn raises instead).`,
      );
    }
    metrics.rocAuc = aucs.length ? aucs.reduce((a, b) => a + b, 0) / aucs.length : null;
    metrics.prAuc = aps.length ? aps.reduce((a, b) => a + b, 0) / aps.length : null;
    const index = new Map(probaClasses.map((c, k) => [c, k]));
    metrics.logLoss = logLoss(
      P,
      Int32Array.from(truth, (t) => index.get(t)!),
    );
    let sumsOk = true;
    for (let i = 0; i < truth.length && sumsOk; i++) {
      let s = 0;
      for (const col of P) s += col[i];
      sumsOk = Math.abs(s - 1) <= PROBABILITY_SUM_TOLERANCE;
    }
    if (!sumsOk)
      notes.push(
        'Class probabilities do not sum to 1 on every row: log loss renormalises them, as scikit-learn does.',
      );
  }
  notes.push('Brier score and calibration curve are computed for binary tasks only.');
  const confidence = new Float64Array(truth.length);
  for (let i = 0; i < truth.length; i++) {
    let top = Number.NEGATIVE_INFINITY;
    for (const col of P) if (col[i] > top) top = col[i];
    confidence[i] = top;
  }
  return { metrics, confidence };
}
