/**
 * detectMapping cases, decay verdicts, edge cases of the metrics (one class, no probabilities, missing
 * rows) and joinLabels with unmatched and duplicate IDs.
 */

import { describe, expect, it } from 'vitest';
import { analyzePerformance } from '../../../../shared/performance/analyze-performance';
import { decayEntry, performanceDecay } from '../../../../shared/performance/decay';
import { modelQuality } from '../../../../shared/performance/for-analysis';
import {
  choosePosLabel,
  detectMapping,
  inferTask,
  probaClassesOf,
} from '../../../../shared/performance/mapping';
import { binaryLogLoss, brierScore, calibrationCurve } from '../../../../shared/performance/probabilistic';
import {
  averagePrecision,
  downsampleIndices,
  rocAuc,
  rocCurve,
} from '../../../../shared/performance/ranking';
import type { ClassificationMetrics, RegressionMetrics } from '../../../../shared/performance/types';
import { joinLabels } from '../../../../shared/table/join-labels';
import { tableFromCsv } from './fixture-tables';

const csv = (rows: string[]) => `${rows.join('\n')}\n`;

describe('detectMapping', () => {
  it('finds generic names, case-insensitively, and never a domain name such as "default"', () => {
    expect(detectMapping(['id', 'x', 'Label', 'y_pred', 'score'])).toEqual({
      task: 'binary',
      target: 'Label',
      prediction: 'y_pred',
      proba: ['score'],
      probaClasses: null,
      posLabel: '1',
      id: 'id',
    });
    expect(detectMapping(['default', 'prediction', 'probability']).target).toBeNull();
    expect(detectMapping(['x', 'actual', 'predicted']).task).toBe('regression');
    expect(detectMapping(['outcome', 'pred']).target).toBe('outcome');
  });

  it('reads per-class probability columns as multiclass, or keeps P(posLabel) for two classes', () => {
    const m = detectMapping(['target', 'prediction', 'proba_a', 'proba_b', 'proba_c']);
    expect(m).toMatchObject({
      task: 'multiclass',
      proba: ['proba_a', 'proba_b', 'proba_c'],
      probaClasses: ['a', 'b', 'c'],
    });
    const table = tableFromCsv(csv(['target,prob_no,prob_yes', 'yes,0.2,0.8', 'no,0.9,0.1']), 't.csv');
    const b = detectMapping(['target', 'prob_no', 'prob_yes'], { table });
    expect(b).toMatchObject({ task: 'binary', proba: ['prob_yes'], posLabel: 'yes' });
    expect(probaClassesOf(['proba_1.0', 'score-2'])).toEqual(['1', '2']);
    expect(probaClassesOf(['proba', 'x'])).toBeNull();
  });

  it('infers the task from the target values and applies overrides', () => {
    const t = tableFromCsv(csv(['a,b,c,d', '1,0.5,x,1', '0,1.5,y,2', '1,2.5,z,3', '0,3.5,x,1']), 't.csv');
    expect(inferTask(t, 'a')).toBe('binary');
    expect(inferTask(t, 'b')).toBe('regression');
    expect(inferTask(t, 'c')).toBe('multiclass');
    expect(inferTask(t, 'd')).toBe('multiclass');
    const m = detectMapping(['a', 'b'], {
      table: t,
      override: { target: 'a', prediction: 'b', task: 'regression' },
    });
    expect(m).toMatchObject({ task: 'regression', target: 'a', prediction: 'b', posLabel: null });
    expect(
      detectMapping(['a', 'pred'], { table: t, override: { target: 'a', posLabel: '0' } }).posLabel,
    ).toBe('0');
  });

  it('chooses the positive label as 1, true, yes, else the larger label', () => {
    expect(choosePosLabel(['0', '1'])).toBe('1');
    expect(choosePosLabel(['-1', '1'])).toBe('1');
    expect(choosePosLabel(['False', 'True'])).toBe('True');
    expect(choosePosLabel(['no', 'yes'])).toBe('yes');
    expect(choosePosLabel(['bad', 'good'])).toBe('good');
    expect(choosePosLabel(['2', '10'])).toBe('10');
    expect(choosePosLabel([])).toBeNull();
  });
});

describe('decay', () => {
  it('flags a relative drop of more than 20 % of a higher-is-better metric', () => {
    // (0.7 − 0.9) / 0.9 = −0.2222…
    const drop = decayEntry('accuracy', 0.9, 0.7, true, 0.2);
    expect(drop.relativeChange).toBeCloseTo(-0.2222222222222222, 14);
    expect(drop.degraded).toBe(true);
    expect(decayEntry('accuracy', 0.9, 0.75, true, 0.2).degraded).toBe(false);
    // exactly 20 % is not beyond the threshold: (0.8 − 1) / 1 = −0.2
    expect(decayEntry('accuracy', 1, 0.8, true, 0.2).degraded).toBe(false);
  });

  it('flags errors that grow by more than 10 % and never flags missing values', () => {
    expect(decayEntry('mae', 10, 11.5, false, 0.1)).toMatchObject({ relativeChange: 0.15, degraded: true });
    expect(decayEntry('mae', 10, 10.5, false, 0.1).degraded).toBe(false);
    expect(decayEntry('mae', 10, 5, false, 0.1).degraded).toBe(false);
    expect(decayEntry('rocAuc', null, 0.5, true, 0.2)).toMatchObject({
      relativeChange: null,
      degraded: false,
    });
    expect(decayEntry('mae', 0, 1, false, 0.1)).toMatchObject({ relativeChange: null, degraded: false });
  });

  it('uses the task thresholds and validates them', () => {
    const reg = (mae: number): RegressionMetrics => ({
      kind: 'regression',
      n: 1,
      excluded: { missingTarget: 0, missingPrediction: 0, total: 0 },
      mae,
      rmse: mae,
      mape: 0.1,
      zeroTargets: 0,
      r2: 0.5,
      meanError: 0,
      errorStd: 1,
      predictedVsActual: [],
      notes: [],
    });
    const d = performanceDecay(reg(1), reg(1.12));
    expect(d.map((e) => e.metric)).toEqual(['mae', 'rmse', 'mape', 'r2']);
    expect(d.find((e) => e.metric === 'mae')).toMatchObject({ threshold: 0.1, degraded: true });
    expect(performanceDecay(reg(1), reg(1.12), { regression: 0.2 }).some((e) => e.degraded)).toBe(false);
    expect(() => performanceDecay(reg(1), reg(1), { regression: -1 })).toThrow(/performanceDecay/);
  });
});

describe('metric edge cases', () => {
  it('ROC AUC and PR AUC are null without both classes; ties share one threshold', () => {
    expect(rocAuc(Uint8Array.of(1, 1), Float64Array.of(0.2, 0.9))).toBeNull();
    expect(averagePrecision(Uint8Array.of(0, 0), Float64Array.of(0.2, 0.9))).toBeNull();
    // sklearn.metrics.roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]) = 0.5
    expect(rocAuc(Uint8Array.of(0, 1, 0, 1), Float64Array.of(0.5, 0.5, 0.5, 0.5))).toBe(0.5);
    // sklearn.metrics.roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]): fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1]
    expect(rocCurve(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8))).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
    });
    // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333333333333333
    expect(averagePrecision(Uint8Array.of(0, 0, 1, 1), Float64Array.of(0.1, 0.4, 0.35, 0.8))).toBeCloseTo(
      0.8333333333333333,
      15,
    );
  });

  it('clips probabilities 0 and 1 in log loss like scikit-learn 1.2.1', () => {
    // sklearn.metrics.log_loss([1, 0], [0.0, 1.0]) = 36.04365338911715
    expect(binaryLogLoss(Uint8Array.of(1, 0), Float64Array.of(0, 1))).toBeCloseTo(36.04365338911715, 10);
    // sklearn.metrics.brier_score_loss([1, 0], [0.8, 0.1]) = 0.025
    expect(brierScore(Uint8Array.of(1, 0), Float64Array.of(0.8, 0.1))).toBeCloseTo(0.025, 15);
    // sklearn.calibration.calibration_curve([0, 1, 1], [0.1, 0.1000001, 1.0], n_bins=10): 0.1 falls in the first bin
    const cal = calibrationCurve(Uint8Array.of(0, 1, 1), Float64Array.of(0.1, 0.1000001, 1), 10)!;
    expect(cal.map((b) => b.count)).toEqual([1, 1, 1]);
    expect(calibrationCurve(Uint8Array.of(1), Float64Array.of(1.5), 10)).toBeNull();
  });

  it('keeps at most 200 curve points, ends included', () => {
    const idx = downsampleIndices(1000, 200);
    expect(idx.length).toBe(200);
    expect(idx[0]).toBe(0);
    expect(idx[199]).toBe(999);
    expect(new Set(idx).size).toBe(200);
    expect(() => downsampleIndices(10, 1)).toThrow(RangeError);
  });

  it('returns null with a note when the current set has one class, and counts excluded rows', () => {
    const ref = tableFromCsv(
      csv(['target,prediction,proba', '1,1,0.9', '0,0,0.2', '1,0,0.4', '0,1,0.7']),
      'ref.csv',
    );
    const cur = tableFromCsv(
      csv(['target,prediction,proba', '1,1,0.9', '1,1,0.8', ',1,0.7', '1,,0.6', '1,1,']),
      'cur.csv',
    );
    const mapping = detectMapping(['target', 'prediction', 'proba'], { table: ref });
    const result = analyzePerformance(ref, cur, mapping);
    const c = result.current as ClassificationMetrics;
    expect(c.n).toBe(2);
    expect(c.excluded).toEqual({ missingTarget: 1, missingPrediction: 2, total: 3 });
    expect(c.rocAuc).toBeNull();
    expect(c.notes.join(' ')).toMatch(/both classes/);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    const r = result.reference as ClassificationMetrics;
    // sklearn.metrics.confusion_matrix([1, 0, 1, 0], [1, 0, 0, 1]) = [[1, 1], [1, 1]]
    expect(r.confusionMatrix).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(r.accuracy).toBe(0.5);
  });

  it('has no concept drift without targets in the current file', () => {
    const ref = tableFromCsv(csv(['x,target,prediction', '1,1.5,1.4', '2,2.5,2.6', '3,3.5,3.1']), 'ref.csv');
    const cur = tableFromCsv(csv(['x,target,prediction', '1,,1.4', '2,,2.6']), 'cur.csv');
    const result = analyzePerformance(ref, cur, detectMapping(['x', 'target', 'prediction'], { table: ref }));
    expect(result.conceptDrift).toBeNull();
    expect(result.current.n).toBe(0);
    expect((result.current as RegressionMetrics).mae).toBeNull();
    expect(result.notes.join(' ')).toMatch(/Concept drift/);
  });

  it('a multiclass target with one unmatched probability column: prediction only, or a message naming the flags', () => {
    const rows = ['x,region,prediction,probability'];
    for (let i = 0; i < 12; i++) rows.push(`${i},${'abc'[i % 3]},${'abc'[(i + 1) % 3]},0.${i % 9}`);
    const t = tableFromCsv(csv(rows), 't.csv');
    const mapping = detectMapping(['x', 'region', 'prediction', 'probability'], {
      table: t,
      override: { target: 'region', proba: ['probability'] },
    });
    const result = analyzePerformance(t, t, mapping);
    expect(result.proba).toBeNull();
    // Every prediction is the next class after the target's: accuracy 0 by construction.
    expect(result.current.n).toBe(12);
    expect((result.current as ClassificationMetrics).accuracy).toBe(0);
    expect(result.notes.join(' ')).toMatch(
      /cannot be matched to the 3 classes of "region".*prediction column "prediction" only/,
    );
    const noPrediction = { ...mapping, prediction: null };
    expect(() => analyzePerformance(t, t, noPrediction)).toThrow(
      /--proba proba_a,proba_b.*--prediction COL.*--target COL/,
    );
    expect(() => analyzePerformance(t, t, noPrediction)).not.toThrow(/probaClasses|analyzePerformance/);
  });

  it('the analysis step completes the mapping once: the unmatched-probability note appears once', () => {
    const rows = ['x,region,prediction,probability'];
    for (let i = 0; i < 12; i++) rows.push(`${i},${'abc'[i % 3]},${'abc'[(i + 1) % 3]},0.${i % 9}`);
    const t = tableFromCsv(csv(rows), 't.csv');
    const step = modelQuality(t, t, { target: 'region', proba: ['probability'] });
    const performance = step.performance;
    if (performance === null) throw new Error(`no model quality: ${step.note}`);
    expect(performance.notes.filter((n) => /cannot be matched to the 3 classes/.test(n))).toHaveLength(1);
    expect(performance.proba).toBeNull();
    // Same metrics as analyzePerformance on the detected mapping (accuracy 0 by construction).
    expect((performance.current as ClassificationMetrics).accuracy).toBe(0);
  });

  it('rejects an incomplete mapping with the function name', () => {
    const t = tableFromCsv(csv(['x,target', '1,1']), 't.csv');
    const m = detectMapping(['x', 'target'], { table: t });
    expect(() => analyzePerformance(t, t, m)).toThrow(/analyzePerformance/);
    expect(() => analyzePerformance(t, t, { ...m, prediction: 'nope' })).toThrow(/no column "nope"/);
  });
});

describe('joinLabels', () => {
  const current = tableFromCsv(csv(['id,x', 'a1,1', 'a2,2', 'a3,3', ',4', 'a5,5']), 'current.csv');
  const labels = tableFromCsv(csv(['id,target', 'a2,0', 'a1,1', 'a2,1', 'a9,1', 'a3,']), 'labels.csv');

  it('adds the target by ID: first label wins, duplicates and unmatched counted', () => {
    const { table, matched, unmatched, duplicates } = joinLabels(current, labels, 'id', 'target');
    expect({ matched, unmatched, duplicates }).toEqual({ matched: 3, unmatched: 2, duplicates: 1 });
    const target = table.columns.find((c) => c.name === 'target')!;
    expect(target.storage).toBe('number');
    if (target.storage === 'number')
      expect(Array.from(target.values)).toEqual([1, 0, Number.NaN, Number.NaN, Number.NaN]);
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'x', 'target']);
    expect(current.columns.length).toBe(2);
    expect(table.warnings.join(' ')).toMatch(/duplicate/);
  });

  it('replaces an existing target column and matches numeric IDs written differently', () => {
    const cur = tableFromCsv(csv(['id,target', '7,old', '8,old']), 'c.csv');
    const lab = tableFromCsv(csv(['id,target', '7.0,yes', '08,no']), 'l.csv');
    const { table, matched } = joinLabels(cur, lab, 'id', 'target');
    expect(matched).toBe(2);
    const target = table.columns.find((c) => c.name === 'target')!;
    expect(table.columns.length).toBe(2);
    if (target.storage === 'string')
      expect(Array.from(target.codes, (k) => target.dictionary[k])).toEqual(['yes', 'no']);
    else throw new Error('expected string storage');
  });

  it('throws a RangeError naming joinLabels for a missing column', () => {
    expect(() => joinLabels(current, labels, 'nope', 'target')).toThrow(/joinLabels/);
    expect(() => joinLabels(current, labels, 'id', 'nope')).toThrow(RangeError);
  });
});
