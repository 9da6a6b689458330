/**
 * Model quality of a reference and a current table: metrics of each set, their decay, target and
 * prediction drift, the drift of the model's confidence and concept drift. Pure: tables in, plain data out.
 */
import { linspaceEdges, sharesInEdges } from '../drift/bins';
import type { Column, ColumnarTable } from '../table/columnar';
import { inferColumnType } from '../table/infer-type';
import { type ClassificationRows, classificationSide } from './classification-side';
import { conceptDrift } from './concept-drift';
import { performanceDecay } from './decay';
import { columnDriftCheck, runDriftCheck } from './drift-check';
import { requireColumn, rowLabels, rowNumbers, sortClassLabels } from './labels';
import { choosePosLabel, probaClassesOf } from './mapping';
import { downsampleIndices } from './ranking';
import { regressionScores } from './regression-metrics';
import type {
  ColumnMapping,
  DriftCheck,
  PerformanceOptions,
  PerformanceResult,
  RegressionMetrics,
  SharedHistogram,
} from './types';

/** Bins of the error and confidence histograms. */
export const HISTOGRAM_BINS = 20;
/** Points of the predicted-vs-actual sample. */
export const SCATTER_POINTS = 500;

const CALLER = 'analyzePerformance';

function histogram(ref: Float64Array, cur: Float64Array, lo: number, hi: number): SharedHistogram {
  if (!(hi > lo)) hi = lo + 1;
  const edges = linspaceEdges(lo, hi, HISTOGRAM_BINS);
  const sortedRef = Float64Array.from(ref).sort();
  const sortedCur = Float64Array.from(cur).sort();
  return { edges, reference: sharesInEdges(sortedRef, edges), current: sharesInEdges(sortedCur, edges) };
}

function extent(a: Float64Array, b: Float64Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const arr of [a, b])
    for (const x of arr) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  return Number.isFinite(lo) ? [lo, hi] : [0, 1];
}

/** Rows of one table for a classification task: labels of target and prediction, probabilities. */
export function classificationRows(table: ColumnarTable, mapping: ColumnMapping): ClassificationRows {
  const target = rowLabels(requireColumn(table, mapping.target!, CALLER));
  const prediction =
    mapping.prediction === null ? null : rowLabels(requireColumn(table, mapping.prediction, CALLER));
  const proba =
    mapping.proba === null
      ? null
      : mapping.proba.map((name) => rowNumbers(requireColumn(table, name, CALLER)));
  return { target, prediction, proba };
}

function regressionSide(
  table: ColumnarTable,
  mapping: ColumnMapping,
): { metrics: RegressionMetrics; errors: Float64Array } {
  const y = rowNumbers(requireColumn(table, mapping.target!, CALLER));
  const p = rowNumbers(requireColumn(table, mapping.prediction!, CALLER));
  let missingTarget = 0;
  let missingPrediction = 0;
  let total = 0;
  const ys: number[] = [];
  const ps: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const noY = Number.isNaN(y[i]);
    const noP = Number.isNaN(p[i]);
    if (noY) missingTarget++;
    if (noP) missingPrediction++;
    if (noY || noP) total++;
    else {
      ys.push(y[i]);
      ps.push(p[i]);
    }
  }
  const actual = Float64Array.from(ys);
  const predicted = Float64Array.from(ps);
  const scores = regressionScores(actual, predicted);
  const sample = downsampleIndices(actual.length, SCATTER_POINTS).map((i) => ({
    actual: actual[i],
    predicted: predicted[i],
  }));
  const notes = [...scores.notes];
  if (total > 0) notes.push(`${total} row(s) without target or prediction were left out.`);
  return {
    metrics: {
      kind: 'regression',
      n: scores.n,
      excluded: { missingTarget, missingPrediction, total },
      mae: scores.mae,
      rmse: scores.rmse,
      mape: scores.mape,
      zeroTargets: scores.zeroTargets,
      r2: scores.r2,
      meanError: scores.meanError,
      errorStd: scores.errorStd,
      predictedVsActual: sample,
      notes,
    },
    errors: Float64Array.from(predicted, (x, i) => x - actual[i]),
  };
}

/** Concept drift needs target values in both files (labels may not have arrived yet). */
function bothHaveTargets(reference: Column, current: Column): boolean {
  return rowLabels(reference).some((l) => l !== null) && rowLabels(current).some((l) => l !== null);
}

function populationStd(values: Float64Array): number | null {
  const finite = values.filter((x) => !Number.isNaN(x));
  if (finite.length === 0) return null;
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  return Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / finite.length);
}

/** Resolves posLabel and per-class probability classes the caller left open. */
export function completeMapping(
  reference: ColumnarTable,
  current: ColumnarTable,
  mapping: ColumnMapping,
  notes: string[],
): ColumnMapping {
  if (mapping.target === null) throw new RangeError(`${CALLER}: the mapping has no target column`);
  if (mapping.prediction === null && (mapping.proba === null || mapping.task === 'regression')) {
    throw new RangeError(`${CALLER}: the mapping needs a prediction column or probability columns`);
  }
  if (mapping.task === 'regression') return { ...mapping, proba: null, posLabel: null };
  // The labels of the target and prediction in both files, read only when a choice needs them (a mapping
  // completed once is completed again without a pass over the rows).
  let seen: Set<string> | null = null;
  const labelSet = (): Set<string> => {
    if (seen !== null) return seen;
    const found = new Set<string>();
    for (const t of [reference, current]) {
      for (const name of [mapping.target, mapping.prediction]) {
        const col = name === null ? undefined : t.columns.find((c) => c.name === name);
        if (col) for (const l of rowLabels(col)) if (l !== null) found.add(l);
      }
    }
    seen = found;
    return found;
  };
  if (mapping.task === 'binary') {
    if (mapping.proba !== null && mapping.proba.length !== 1) {
      throw new RangeError(
        `a binary target ("${mapping.target}") takes one probability column, P(positive class), but ` +
          `${mapping.proba.length} are mapped (${mapping.proba.join(', ')}): keep one (--proba COL) or ` +
          `choose the multiclass task (--task multiclass).`,
      );
    }
    return { ...mapping, posLabel: mapping.posLabel ?? choosePosLabel([...labelSet()]) };
  }
  let probaClasses = mapping.probaClasses ?? null;
  if (mapping.proba !== null && probaClasses === null) {
    const labels = labelSet();
    probaClasses = probaClassesOf(mapping.proba);
    if (probaClasses === null && mapping.proba.length === labels.size) probaClasses = sortClassLabels(labels);
    if (probaClasses === null && mapping.prediction !== null) {
      notes.push(
        `The probability column${mapping.proba.length === 1 ? '' : 's'} ${mapping.proba.join(', ')} ` +
          `cannot be matched to the ${labels.size} classes of "${mapping.target}" (name them proba_<class>): ` +
          `metrics use the prediction column "${mapping.prediction}" only.`,
      );
      return { ...mapping, proba: null, posLabel: null, probaClasses: null };
    }
    if (probaClasses === null) {
      throw new RangeError(
        `the target "${mapping.target}" has ${labels.size} classes but ${mapping.proba.length} probability ` +
          `column${mapping.proba.length === 1 ? '' : 's'} (${mapping.proba.join(', ')}) whose classes cannot be ` +
          `told from their names: name one column per class proba_<class> (--proba proba_a,proba_b,...), map ` +
          `a prediction column instead (--prediction COL), or choose another target (--target COL).`,
      );
    }
  }
  return { ...mapping, posLabel: null, probaClasses };
}

/**
 * Analyses model quality. Rows where the target, the prediction or (when mapped) a probability is
 * missing are left out of the metrics and counted in `excluded`. Without a prediction column the
 * prediction is posLabel when P(posLabel) ≥ threshold (binary) or the most probable class (multiclass).
 *
 * @throws {RangeError} when a mapped column is absent from either table or the mapping is incomplete.
 * @example analyzePerformance(ref, cur, detectMapping(names, { table: ref })).modelDegraded // false
 */
export function analyzePerformance(
  reference: ColumnarTable,
  current: ColumnarTable,
  mapping: ColumnMapping,
  options: PerformanceOptions = {},
): PerformanceResult {
  const threshold = options.threshold ?? 0.5;
  if (!(threshold >= 0 && threshold <= 1))
    throw new RangeError(`${CALLER}: threshold must be in [0, 1], got ${threshold}`);
  const notes: string[] = [];
  const m = completeMapping(reference, current, mapping, notes);
  const target = m.target!;
  const targetRef = requireColumn(reference, target, CALLER);
  const targetCur = requireColumn(current, target, CALLER);
  if (!bothHaveTargets(targetRef, targetCur))
    notes.push('Concept drift needs target values in both files: not computed.');

  if (m.task === 'regression') {
    const ref = regressionSide(reference, m);
    const cur = regressionSide(current, m);
    const [lo, hi] = extent(ref.errors, cur.errors);
    const predRef = requireColumn(reference, m.prediction!, CALLER);
    const predCur = requireColumn(current, m.prediction!, CALLER);
    const decay = performanceDecay(ref.metrics, cur.metrics, options.decayThresholds);
    return {
      task: m.task,
      target,
      prediction: m.prediction,
      proba: null,
      posLabel: null,
      reference: ref.metrics,
      current: cur.metrics,
      confidence: null,
      errorHistogram: histogram(ref.errors, cur.errors, lo, hi),
      decay,
      modelDegraded: decay.some((d) => d.degraded),
      targetDrift: columnDriftCheck(targetRef, targetCur, 'numerical'),
      predictionDrift: columnDriftCheck(predRef, predCur, 'numerical'),
      conceptDrift: !bothHaveTargets(targetRef, targetCur)
        ? null
        : conceptDrift(reference, current, {
            mapping: m,
            referenceTarget: { kind: 'numbers', values: rowNumbers(targetRef) },
            currentTarget: { kind: 'numbers', values: rowNumbers(targetCur) },
            classes: [],
            targetStd: populationStd(rowNumbers(targetRef)),
            alpha: options.conceptAlpha ?? 0.05,
            bins: options.conceptBins ?? 10,
            notInputs: options.notInputs,
          }),
      notes,
    };
  }

  const refRows = classificationRows(reference, m);
  const curRows = classificationRows(current, m);
  const ref = classificationSide(refRows, m, threshold);
  const cur = classificationSide(curRows, m, threshold);
  const decay = performanceDecay(ref.metrics, cur.metrics, options.decayThresholds);
  const confidence =
    ref.confidence !== null && cur.confidence !== null
      ? {
          histogram: histogram(
            ref.confidence,
            cur.confidence,
            m.task === 'binary' ? 0.5 : 1 / m.proba!.length,
            1,
          ),
          drift: runDriftCheck('confidence', {
            kind: 'numeric',
            reference: Float64Array.from(ref.confidence).sort(),
            current: Float64Array.from(cur.confidence).sort(),
          }),
        }
      : null;
  let predictionDrift: DriftCheck | null = null;
  if (m.prediction !== null) {
    predictionDrift = columnDriftCheck(
      requireColumn(reference, m.prediction, CALLER),
      requireColumn(current, m.prediction, CALLER),
      'categorical',
    );
  } else if (m.task === 'binary' && m.proba !== null) {
    predictionDrift = columnDriftCheck(
      requireColumn(reference, m.proba[0], CALLER),
      requireColumn(current, m.proba[0], CALLER),
      'numerical',
    );
    notes.push('No prediction column: prediction drift is tested on the probability column.');
  }
  const classes = sortClassLabels(
    [...refRows.target, ...curRows.target].filter((l): l is string => l !== null),
  );
  const targetType = inferColumnType(targetRef) === 'numerical' ? 'numerical' : 'categorical';
  return {
    task: m.task,
    target,
    prediction: m.prediction,
    proba: m.proba,
    posLabel: m.posLabel,
    reference: ref.metrics,
    current: cur.metrics,
    confidence,
    errorHistogram: null,
    decay,
    modelDegraded: decay.some((d) => d.degraded),
    targetDrift: columnDriftCheck(targetRef, targetCur, targetType),
    predictionDrift,
    conceptDrift: !bothHaveTargets(targetRef, targetCur)
      ? null
      : conceptDrift(reference, current, {
          mapping: m,
          referenceTarget: { kind: 'classes', labels: refRows.target },
          currentTarget: { kind: 'classes', labels: curRows.target },
          classes,
          targetStd: null,
          alpha: options.conceptAlpha ?? 0.05,
          bins: options.conceptBins ?? 10,
          notInputs: options.notInputs,
        }),
    notes,
  };
}
