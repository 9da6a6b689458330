/**
 * Confidence-based performance estimation (CBPE, NannyML's method:
 * https://nannyml.readthedocs.io/en/stable/how_it_works/performance_estimation.html): from calibrated
 * probabilities alone, the expected confusion matrix of the current rows, and from it accuracy, precision,
 * recall, F1 and ROC AUC, before the labels arrive.
 * - Calibration: isotonic regression fitted on the reference (one-vs-rest per class for multiclass, then
 *   each row renormalised to sum 1; a zero sum gives 1/K), only where `needsCalibration` says so.
 * - Binary, with p = calibrated P(positive) and ŷ the prediction: E[TP] = Σ_{ŷ=1} p, E[FP] = Σ_{ŷ=1} (1 − p),
 *   E[FN] = Σ_{ŷ=0} p, E[TN] = Σ_{ŷ=0} (1 − p); accuracy = (TP + TN)/n, precision = TP/(TP + FP),
 *   recall = TP/(TP + FN), F1 = TP/(TP + ½(FP + FN)) (0 for a zero denominator, as NannyML).
 * - ROC AUC: rows sorted by the model's raw score (descending), expected TP and FP counts accumulated from
 *   the calibrated p, rounded to 5 decimals, normalised and integrated by the trapezoidal rule
 *   (NannyML `estimate_roc_auc`).
 * - Multiclass: accuracy = mean calibrated probability of the predicted class; precision, recall, F1 and
 *   ROC AUC = unweighted means of the one-vs-rest binary estimates.
 * Sampling errors: cbpe-sampling-error.ts. Realised metrics: the same five on the labelled current rows.
 */

import { needsCalibration } from './calibration-need';
import { binarySamplingError, classComponents, multiclassSamplingError } from './cbpe-sampling-error';
import {
  CBPE_METRICS,
  type CbpeCalibration,
  type CbpeMetricName,
  type CbpeMetrics,
  DEGRADED_SAMPLING_ERRORS,
  type EstimatedPerformance,
} from './cbpe-types';
import { fitIsotonic, predictIsotonic } from './isotonic';
import { PROBABILITY_SUM_TOLERANCE } from './probabilistic';
import { rocAuc } from './ranking';

/** One set's rows for CBPE: class label of target (null = unlabelled) and prediction, probabilities. */
export interface CbpeRows {
  target: (string | null)[];
  /** Predicted label per row (derived from the probabilities by the caller when no column is mapped). */
  predicted: (string | null)[];
  /** Binary: [P(positive)]; multiclass: one array per class of `classes`. */
  proba: Float64Array[];
}

export interface CbpeSetup {
  task: 'binary' | 'multiclass';
  /** Binary: [positive label]; multiclass: the class of each probability array. */
  classes: string[];
  /** Names for messages: the files and the probability columns. */
  referenceFile: string;
  currentFile: string;
  probaColumns: string[];
}

/** Round half to even at 5 decimals, as `np.round(x, 5)`. */
function round5(x: number): number {
  const y = x * 1e5;
  const r = Math.round(y);
  const even = Math.abs(y % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return even / 1e5;
}

/**
 * NannyML `estimate_roc_auc(calibrated, model)`. Null when the expected positives or negatives are 0.
 *
 * @example estimateRocAuc(Float64Array.of(0.9, 0.2), Float64Array.of(0.8, 0.3)) // 0.9
 */
export function estimateRocAuc(calibrated: Float64Array, model: Float64Array): number | null {
  const n = calibrated.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => model[b] - model[a]);
  const tps = new Float64Array(n + 1);
  const fps = new Float64Array(n + 1);
  let cum = 0;
  for (let k = 0; k < n; k++) {
    cum += calibrated[order[k]];
    tps[k + 1] = round5(cum);
    fps[k + 1] = round5(1 + k - cum);
  }
  const tMax = tps[n];
  const fMax = fps[n];
  if (!(tMax > 0 && fMax > 0)) return null;
  let area = 0;
  for (let k = 1; k <= n; k++) {
    area += ((fps[k] - fps[k - 1]) / fMax) * ((tps[k] + tps[k - 1]) / tMax / 2);
  }
  return area;
}

/** Expected binary metrics from 0/1 predictions and calibrated P(positive). */
function binaryEstimate(predicted: Uint8Array, p: Float64Array, model: Float64Array): CbpeMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < p.length; i++) {
    if (predicted[i] === 1) {
      tp += p[i];
      fp += 1 - p[i];
    } else {
      fn += p[i];
      tn += 1 - p[i];
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    accuracy: p.length === 0 ? null : (tp + tn) / p.length,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(tp, tp + 0.5 * (fp + fn)),
    rocAuc: estimateRocAuc(p, model),
  };
}

/** Realised binary metrics (sklearn, zero_division = 0); ROC AUC on the raw score. */
function binaryRealised(truth: Uint8Array, predicted: Uint8Array, score: Float64Array): CbpeMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] === predicted[i]) correct++;
    if (predicted[i] === 1 && truth[i] === 1) tp++;
    else if (predicted[i] === 1) fp++;
    else if (truth[i] === 1) fn++;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    accuracy: truth.length === 0 ? null : correct / truth.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    rocAuc: rocAuc(truth, score),
  };
}

function meanMetrics(list: CbpeMetrics[]): CbpeMetrics {
  const out = {} as CbpeMetrics;
  for (const name of CBPE_METRICS) {
    const values = list.map((m) => m[name]);
    out[name] =
      values.some((v) => v === null) || values.length === 0
        ? null
        : (values as number[]).reduce((a, b) => a + b, 0) / values.length;
  }
  return out;
}

const nullMetrics = (): CbpeMetrics => ({
  accuracy: null,
  precision: null,
  recall: null,
  f1: null,
  rocAuc: null,
});

interface Usable {
  index: number[];
  notes: string[];
}

/** Rows with a prediction and finite probabilities in [0, 1]; bad values are named, not fatal. */
function usableRows(rows: CbpeRows, setup: CbpeSetup, file: string, needTarget: boolean): Usable {
  const index: number[] = [];
  const outside = new Map<string, number>();
  let badSum = 0;
  for (let i = 0; i < rows.predicted.length; i++) {
    if (rows.predicted[i] === null || (needTarget && rows.target[i] === null)) continue;
    let ok = true;
    let sum = 0;
    rows.proba.forEach((col, k) => {
      const x = col[i];
      sum += x;
      if (!(x >= 0 && x <= 1)) {
        if (Number.isFinite(x))
          outside.set(setup.probaColumns[k], (outside.get(setup.probaColumns[k]) ?? 0) + 1);
        ok = false;
      }
    });
    if (!ok) continue;
    if (setup.task === 'multiclass' && Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) badSum++;
    index.push(i);
  }
  const notes: string[] = [];
  for (const [column, count] of outside)
    notes.push(
      `${file}, column "${column}": ${count} probabilit${count === 1 ? 'y' : 'ies'} outside [0, 1] left out of the estimate.`,
    );
  if (badSum > 0)
    notes.push(
      `${file}, columns ${setup.probaColumns.map((c) => `"${c}"`).join(', ')}: ${badSum} row(s) whose probabilities do not sum to 1 (kept; calibration renormalises them).`,
    );
  return { index, notes };
}

function pick(col: Float64Array, index: number[]): Float64Array {
  return Float64Array.from(index, (i) => col[i]);
}

/**
 * CBPE of the current rows against the reference (see the file comment). `reference` needs labels;
 * `current` may have none. Null estimate metrics when too few rows are usable; the notes say why.
 *
 * @example cbpe(refRows, curRows, { task: 'binary', classes: ['1'], ... }).metrics.accuracy // ≈ realised accuracy when nothing drifted
 */
export function cbpe(reference: CbpeRows, current: CbpeRows, setup: CbpeSetup): EstimatedPerformance {
  const notes: string[] = [];
  const ref = usableRows(reference, setup, setup.referenceFile, true);
  const cur = usableRows(current, setup, setup.currentFile, false);
  notes.push(...ref.notes, ...cur.notes);
  const labelled = cur.index.filter((i) => current.target[i] !== null);
  const totalCurrent = current.predicted.length;
  const labelledRows = current.target.filter((t) => t !== null).length;
  const result: EstimatedPerformance = {
    method: 'cbpe',
    calibrated: false,
    metrics: nullMetrics(),
    samplingError: nullMetrics(),
    n: cur.index.length,
    labelledShare: totalCurrent === 0 ? 0 : labelledRows / totalCurrent,
    realised: { n: labelled.length, metrics: nullMetrics(), samplingError: nullMetrics() },
    reference: nullMetrics(),
    degraded: [],
    calibration: [],
    notes,
  };
  if (ref.index.length < 2) {
    notes.push(`${setup.referenceFile}: fewer than two labelled rows with probabilities: CBPE not computed.`);
    return result;
  }
  const K = setup.task === 'binary' ? 1 : setup.classes.length;
  const classOf = (label: string | null, k: number) =>
    setup.task === 'binary' ? (label === setup.classes[0] ? 1 : 0) : label === setup.classes[k] ? 1 : 0;
  const calibrators: ((s: Float64Array) => Float64Array)[] = [];
  const components: ReturnType<typeof classComponents>[] = [];
  const refMetrics: CbpeMetrics[] = [];
  for (let k = 0; k < K; k++) {
    const score = pick(reference.proba[k], ref.index);
    const truth = Uint8Array.from(ref.index, (i) => classOf(reference.target[i], k));
    const predicted = Uint8Array.from(ref.index, (i) => classOf(reference.predicted[i], k));
    const decision = needsCalibration(score, Float64Array.from(truth));
    const calibration: CbpeCalibration = { label: setup.classes[k], ...decision };
    result.calibration.push(calibration);
    if (decision.calibrated) {
      const fit = fitIsotonic(score, Float64Array.from(truth));
      calibrators.push((s) => predictIsotonic(fit, s));
    } else calibrators.push((s) => s);
    components.push(classComponents(truth, predicted, score, setup.task === 'binary'));
    refMetrics.push(binaryRealised(truth, predicted, score));
  }
  result.calibrated = result.calibration.some((c) => c.calibrated);
  const refCorrect: number[] = ref.index.map((i) => (reference.target[i] === reference.predicted[i] ? 1 : 0));
  const refAccuracy = refCorrect.reduce((a, b) => a + b, 0) / refCorrect.length;
  result.reference =
    setup.task === 'binary' ? refMetrics[0] : { ...meanMetrics(refMetrics), accuracy: refAccuracy };
  const accVariance = refCorrect.reduce((a, b) => a + (b - refAccuracy) ** 2, 0) / refCorrect.length;
  const samplingError = (n: number): CbpeMetrics =>
    n === 0
      ? nullMetrics()
      : setup.task === 'binary'
        ? binarySamplingError(components[0], n)
        : multiclassSamplingError(components, { variance: accVariance }, n);

  if (cur.index.length === 0) {
    notes.push(`${setup.currentFile}: no row with a prediction and usable probabilities: CBPE not computed.`);
    return result;
  }
  const raw = Array.from({ length: K }, (_, k) => pick(current.proba[k], cur.index));
  let calibrated = raw.map((s, k) => calibrators[k](s));
  if (setup.task === 'multiclass') calibrated = renormalise(calibrated);
  const predictedOf = (k: number) => Uint8Array.from(cur.index, (i) => classOf(current.predicted[i], k));
  if (setup.task === 'binary') {
    result.metrics = binaryEstimate(predictedOf(0), calibrated[0], raw[0]);
  } else {
    const perClass = Array.from({ length: K }, (_, k) =>
      binaryEstimate(predictedOf(k), calibrated[k], raw[k]),
    );
    let accuracy = 0;
    cur.index.forEach((i, r) => {
      const k = setup.classes.indexOf(current.predicted[i]!);
      if (k >= 0) accuracy += calibrated[k][r];
    });
    result.metrics = { ...meanMetrics(perClass), accuracy: accuracy / cur.index.length };
  }
  result.samplingError = samplingError(cur.index.length);
  if (labelled.length > 0) {
    const per = Array.from({ length: K }, (_, k) =>
      binaryRealised(
        Uint8Array.from(labelled, (i) => classOf(current.target[i], k)),
        Uint8Array.from(labelled, (i) => classOf(current.predicted[i], k)),
        pick(current.proba[k], labelled),
      ),
    );
    const correct = labelled.filter((i) => current.target[i] === current.predicted[i]).length;
    result.realised = {
      n: labelled.length,
      metrics:
        setup.task === 'binary' ? per[0] : { ...meanMetrics(per), accuracy: correct / labelled.length },
      samplingError: samplingError(labelled.length),
    };
  } else notes.push(`${setup.currentFile}: no labelled row yet: realised metrics not computed.`);
  result.degraded = CBPE_METRICS.filter((name: CbpeMetricName) => {
    const e = result.metrics[name];
    const r = result.reference[name];
    const se = result.samplingError[name];
    return e !== null && r !== null && se !== null && e < r - DEGRADED_SAMPLING_ERRORS * se;
  });
  return result;
}

/** Rows renormalised to sum 1 (NannyML `_calibrate_predicted_probabilities`; a zero sum gives 1/K). */
function renormalise(columns: Float64Array[]): Float64Array[] {
  const K = columns.length;
  const n = columns[0].length;
  const out = columns.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const col of columns) sum += col[i];
    for (let k = 0; k < K; k++) out[k][i] = sum === 0 ? 1 / K : columns[k][i] / sum;
  }
  return out;
}
