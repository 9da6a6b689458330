/**
 * Every metric against scikit-learn 1.2.1 on the fixtures written by
 * test/fixtures/gen_performance_fixtures.py (oracle of each value: the fixture's "oracle" map, repeated
 * above each comparison below).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzePerformance } from '../../../../shared/performance/analyze-performance';
import { detectMapping } from '../../../../shared/performance/mapping';
import { downsampleIndices } from '../../../../shared/performance/ranking';
import { regressionScores } from '../../../../shared/performance/regression-metrics';
import type { ClassificationMetrics, RegressionMetrics } from '../../../../shared/performance/types';
import { expectClose, loadFixture, loadTable, maxError } from './fixture-tables';

interface ClsExpected {
  n: number;
  excluded: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  prAuc: number;
  logLoss: number;
  brier: number | null;
  classes: string[];
  confusionMatrix: number[][];
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
  roc?: { fpr: number[]; tpr: number[] };
  pr?: { precision: number[]; recall: number[] };
  calibration?: { observed: number[]; predicted: number[] };
  thresholdAccuracy?: number;
}
interface ClsFixture {
  task: 'binary' | 'multiclass';
  posLabel: string | null;
  proba: string[];
  reference: ClsExpected;
  current: ClsExpected;
}
interface RegExpected {
  n: number;
  excluded: number;
  mae: number;
  rmse: number;
  mape: number;
  r2: number;
  meanError: number;
  errorStd: number;
  zeroTargets: number;
}

function checkClassification(actual: ClassificationMetrics, e: ClsExpected, side: string): void {
  expect(actual.n).toBe(e.n);
  expect(actual.excluded.total).toBe(e.excluded);
  expect(actual.classes).toEqual(e.classes);
  // sklearn.metrics.confusion_matrix(y, pred, labels=classes)
  expect(actual.confusionMatrix).toEqual(e.confusionMatrix);
  // sklearn.metrics.accuracy_score(y, pred)
  expectClose(actual.accuracy, e.accuracy, `${side} accuracy`);
  // sklearn.metrics.precision_recall_fscore_support(y, pred, average='binary' (pos_label) | 'macro')
  expectClose(actual.precision, e.precision, `${side} precision`);
  expectClose(actual.recall, e.recall, `${side} recall`);
  expectClose(actual.f1, e.f1, `${side} f1`);
  // sklearn.metrics.precision_recall_fscore_support(y, pred, labels=classes, average=None)
  e.perClass.forEach((c, k) => {
    expect(actual.perClass[k].label).toBe(c.label);
    expect(actual.perClass[k].support).toBe(c.support);
    expectClose(actual.perClass[k].precision, c.precision, `${side} ${c.label} precision`);
    expectClose(actual.perClass[k].recall, c.recall, `${side} ${c.label} recall`);
    expectClose(actual.perClass[k].f1, c.f1, `${side} ${c.label} f1`);
  });
  // sklearn.metrics.roc_auc_score(y == pos, p) | roc_auc_score(y, P, multi_class='ovr', average='macro')
  expectClose(actual.rocAuc, e.rocAuc, `${side} rocAuc`);
  // sklearn.metrics.average_precision_score(y == pos, p) | (label_binarize(y, classes), P, average='macro')
  expectClose(actual.prAuc, e.prAuc, `${side} prAuc`);
  // sklearn.metrics.log_loss(y, P, labels=classes), eps='auto'
  expectClose(actual.logLoss, e.logLoss, `${side} logLoss`);
  // sklearn.metrics.brier_score_loss(y == pos, p) (binary only; null for multiclass)
  expectClose(actual.brier, e.brier, `${side} brier`);
  if (e.roc) {
    // sklearn.metrics.roc_curve(y == pos, p), the same evenly spaced indices kept
    const idx = downsampleIndices(e.roc.fpr.length, 200);
    expect(actual.roc!.length).toBe(idx.length);
    idx.forEach((i, j) => {
      expectClose(actual.roc![j].fpr, e.roc!.fpr[i], `${side} roc fpr ${i}`);
      expectClose(actual.roc![j].tpr, e.roc!.tpr[i], `${side} roc tpr ${i}`);
    });
  }
  if (e.pr) {
    // sklearn.metrics.precision_recall_curve(y == pos, p)
    const idx = downsampleIndices(e.pr.recall.length, 200);
    expect(actual.pr!.length).toBe(idx.length);
    idx.forEach((i, j) => {
      expectClose(actual.pr![j].recall, e.pr!.recall[i], `${side} pr recall ${i}`);
      expectClose(actual.pr![j].precision, e.pr!.precision[i], `${side} pr precision ${i}`);
    });
  }
  if (e.calibration) {
    // sklearn.calibration.calibration_curve(y == pos, p, n_bins=10, strategy='uniform')
    expect(actual.calibration!.length).toBe(e.calibration.observed.length);
    actual.calibration!.forEach((bin, k) => {
      expectClose(bin.observed, e.calibration!.observed[k], `${side} calibration observed ${k}`);
      expectClose(bin.predicted, e.calibration!.predicted[k], `${side} calibration predicted ${k}`);
    });
  }
}

describe.each(['binary', 'iris', 'wine'])('classification fixture %s (scikit-learn 1.2.1)', (name) => {
  const fx = loadFixture<ClsFixture>(`${name}.json`);
  const reference = loadTable(`${name}_reference.csv`);
  const current = loadTable(`${name}_current.csv`);
  const mapping = detectMapping(
    reference.columns.map((c) => c.name),
    { table: reference },
  );

  it('detects the mapping from names and values', () => {
    expect(mapping.task).toBe(fx.task);
    expect(mapping.target).toBe('target');
    expect(mapping.prediction).toBe('prediction');
    expect(mapping.proba).toEqual(fx.proba);
    expect(mapping.posLabel).toBe(fx.posLabel);
  });

  it('matches every metric of both sets', () => {
    const result = analyzePerformance(reference, current, mapping);
    checkClassification(result.reference as ClassificationMetrics, fx.reference, 'reference');
    checkClassification(result.current as ClassificationMetrics, fx.current, 'current');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  if (name === 'binary') {
    it('derives the prediction from the probability at the threshold when no prediction is mapped', () => {
      const result = analyzePerformance(reference, current, { ...mapping, prediction: null });
      // sklearn.metrics.accuracy_score(y == 1, p >= 0.5) on rows with target and probability
      expectClose(
        result.reference.kind === 'classification' ? result.reference.accuracy : null,
        fx.reference.thresholdAccuracy!,
        'reference threshold accuracy',
      );
      expect(result.notes.join(' ')).toContain('probability column');
    });
  }
});

describe('regression fixture (scikit-learn 1.2.1)', () => {
  const fx = loadFixture<{ reference: RegExpected; current: RegExpected }>('regression.json');
  const reference = loadTable('regression_reference.csv');
  const current = loadTable('regression_current.csv');
  const mapping = detectMapping(
    reference.columns.map((c) => c.name),
    { table: reference },
  );

  it('detects a regression task', () => {
    expect(mapping).toMatchObject({
      task: 'regression',
      target: 'target',
      prediction: 'prediction',
      proba: null,
      posLabel: null,
    });
  });

  it('matches every metric of both sets and excludes rows without target or prediction', () => {
    const result = analyzePerformance(reference, current, mapping);
    for (const side of ['reference', 'current'] as const) {
      const a = result[side] as RegressionMetrics;
      const e = fx[side];
      expect(a.n).toBe(e.n);
      expect(a.excluded.total).toBe(e.excluded);
      expect(a.zeroTargets).toBe(e.zeroTargets);
      // sklearn.metrics.mean_absolute_error(y, pred)
      expectClose(a.mae, e.mae, `${side} mae`);
      // sklearn.metrics.mean_squared_error(y, pred, squared=False)
      expectClose(a.rmse, e.rmse, `${side} rmse`);
      // sklearn.metrics.mean_absolute_percentage_error(y, pred)
      expectClose(a.mape, e.mape, `${side} mape`);
      // sklearn.metrics.r2_score(y, pred)
      expectClose(a.r2, e.r2, `${side} r2`);
      // numpy.mean(pred - y)
      expectClose(a.meanError, e.meanError, `${side} meanError`);
      // numpy.std(pred - y) (ddof 0)
      expectClose(a.errorStd, e.errorStd, `${side} errorStd`);
      expect(a.predictedVsActual.length).toBe(Math.min(500, e.n));
    }
    expect(result.current.excluded).toEqual({ missingTarget: 2, missingPrediction: 1, total: 3 });
    const h = result.errorHistogram!;
    expect(h.edges.length).toBe(21);
    expect(h.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(h.current.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('follows scikit-learn on zero targets (eps denominator) and counts them', () => {
    const z = loadFixture<RegExpected & { target: number[]; prediction: number[] }>('regression_zero.json');
    const s = regressionScores(Float64Array.from(z.target), Float64Array.from(z.prediction));
    expect(s.zeroTargets).toBe(2);
    // sklearn.metrics.mean_absolute_percentage_error(y, pred) = 375299968947541.3
    expectClose(s.mape, z.mape, 'mape with zero targets');
    // sklearn.metrics.r2_score(y, pred)
    expectClose(s.r2, z.r2, 'r2');
    // sklearn.metrics.mean_squared_error(y, pred, squared=False)
    expectClose(s.rmse, z.rmse, 'rmse');
    expect(s.notes.join(' ')).toContain('target 0');
  });
});

afterAll(() => {
  console.info(`max relative error vs scikit-learn: ${maxError.value.toExponential(2)}`);
});
