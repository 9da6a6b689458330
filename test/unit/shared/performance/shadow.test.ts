import { describe, expect, it } from 'vitest';
import { shadowComparison } from '../../../../shared/performance/shadow';
import type { ColumnMapping } from '../../../../shared/performance/types';
import { closeRecord, expected, shadowTable } from './shadow-fixtures';

const binaryMapping: ColumnMapping = {
  task: 'binary',
  target: 'target',
  prediction: 'prediction',
  proba: ['proba'],
  posLabel: '1',
  id: 'request_id',
};

function differences(
  result: ReturnType<typeof shadowComparison>,
  oracle: Record<string, { value: number; ciLow: number; ciHigh: number }>,
) {
  const bad: string[] = [];
  for (const [m, want] of Object.entries(oracle)) {
    const got = result.difference[m];
    for (const key of ['value', 'ciLow', 'ciHigh'] as const) {
      if (got[key] === null || Math.abs(got[key]! - want[key]) > 1e-9)
        bad.push(`${m}.${key}: ${got[key]} vs ${want[key]}`);
    }
  }
  return bad;
}

describe('shadowComparison, binary (test/fixtures/shadow/binary_current.csv)', () => {
  const table = shadowTable('binary_current.csv');
  const result = shadowComparison(table, binaryMapping, {
    prediction: 'prediction_challenger',
    proba: ['proba_challenger'],
  });
  const oracle = expected.shadowBinary;

  it('has both models metrics as scikit-learn computes them on the labelled rows', () => {
    // sklearn.metrics accuracy_score, precision/recall/f1_score(pos_label=1), roc_auc_score, scikit-learn 1.2.1
    expect(result.n).toBe(oracle.n);
    expect(result.labelled).toBe(oracle.labelled);
    expect(closeRecord(result.champion, oracle.champion)).toEqual([]);
    expect(closeRecord(result.challenger, oracle.challenger)).toEqual([]);
    expect(result.agreement).toBeCloseTo(oracle.agreement, 12);
  });

  it('has the paired bootstrap intervals of the differences (same 2,000 resamples, sklearn on each)', () => {
    // np.quantile(diffs, [0.025, 0.975]) over resamples drawn by test/fixtures/xoshiro.py, seed 20261204
    expect(result.bootstrap).toEqual({ resamples: 2000, seed: 20261204, confidence: 0.95 });
    expect(differences(result, oracle.difference)).toEqual([]);
  });

  it('has McNemar exact on who gets which row right, and a verdict on ROC AUC', () => {
    // statsmodels.stats.contingency_tables.mcnemar(table, exact=True), statsmodels 0.13.5
    expect(result.mcnemar!.b).toBe(oracle.mcnemar.b);
    expect(result.mcnemar!.c).toBe(oracle.mcnemar.c);
    expect(result.mcnemar!.statistic).toBe(oracle.mcnemar.statistic);
    expect(result.mcnemar!.pValue).toBeCloseTo(oracle.mcnemar.pValue, 12);
    expect(result.primaryMetric).toBe('rocAuc');
    const d = oracle.difference.rocAuc;
    const want =
      d.ciLow > 0 ? 'challenger_better' : d.ciHigh < 0 ? 'challenger_worse' : 'no_significant_difference';
    expect(result.verdict).toBe(want);
    expect(result.wilcoxon).toBeNull();
  });

  it('finds the region where the challenger (which uses it) disagrees most', () => {
    // The simulation gives the challenger an extra +0.8 logit in region "east" only.
    const region = result.disagreementFeatures.find((f) => f.feature === 'region')!;
    expect(region.top.label).toBe('east');
    expect(region.lift).toBeGreaterThan(1);
    const east = region.bins.find((b) => b.label === 'east')!;
    const others = region.bins.filter((b) => b.label !== 'east');
    for (const b of others) expect(east.disagreement).toBeGreaterThan(b.disagreement);
    const regionColumn = table.columns.find((c) => c.name === 'region')!;
    const prediction = table.columns.find((c) => c.name === 'prediction')!;
    const challenger = table.columns.find((c) => c.name === 'prediction_challenger')!;
    expect(region.rows.length).toBeGreaterThan(0);
    for (const row of region.rows) {
      expect(regionColumn.storage === 'string' && regionColumn.dictionary[regionColumn.codes[row]]).toBe(
        'east',
      );
      expect(prediction.storage === 'number' && challenger.storage === 'number').toBe(true);
      if (prediction.storage === 'number' && challenger.storage === 'number')
        expect(prediction.values[row]).not.toBe(challenger.values[row]);
    }
    expect(result.disagreementRows.length).toBe(20);
    expect(result.disagreementRows[0].gap).toBeGreaterThanOrEqual(result.disagreementRows[19].gap);
    expect(result.disagreementFeatures.map((f) => f.feature)).not.toContain('request_id');
  });

  it('without labels gives agreement and distribution tests but no verdict', () => {
    const noLabels = shadowComparison(
      table,
      { ...binaryMapping, target: null },
      { prediction: 'prediction_challenger', proba: ['proba_challenger'] },
    );
    expect(noLabels.labelled).toBe(0);
    expect(noLabels.verdict).toBeNull();
    expect(noLabels.mcnemar).toBeNull();
    expect(noLabels.agreement).toBeCloseTo(oracle.agreement, 12);
    expect(noLabels.predictionDistribution.test).not.toBeNull();
    expect(noLabels.confidenceDistribution?.test).not.toBeNull();
    expect(noLabels.notes.join(' ')).toMatch(/No current row has a label/);
  });

  it('the champion against itself: zero differences, no significant difference; bad columns and metrics throw', () => {
    const flipped = shadowComparison(
      table,
      binaryMapping,
      { prediction: 'prediction', proba: ['proba'] },
      { primaryMetric: 'f1' },
    );
    expect(flipped.verdict).toBe('no_significant_difference');
    expect(flipped.difference.f1.value).toBe(0);
    expect(() => shadowComparison(table, binaryMapping, { prediction: 'nope', proba: null })).toThrow(
      /no column "nope"/,
    );
    expect(() =>
      shadowComparison(
        table,
        binaryMapping,
        { prediction: 'prediction_challenger', proba: null },
        { primaryMetric: 'rocAuc' },
      ),
    ).toThrow(/primary metric/);
  });
});

describe('shadowComparison, multiclass (test/fixtures/shadow/multiclass_current.csv)', () => {
  const table = shadowTable('multiclass_current.csv');
  const mapping: ColumnMapping = {
    task: 'multiclass',
    target: 'target',
    prediction: 'prediction',
    proba: ['proba_a', 'proba_b', 'proba_c'],
    probaClasses: ['a', 'b', 'c'],
    posLabel: null,
    id: null,
  };
  const result = shadowComparison(table, mapping, {
    prediction: 'prediction_challenger',
    proba: ['proba_a_challenger', 'proba_b_challenger', 'proba_c_challenger'],
  });
  const oracle = expected.shadowMulticlass;

  it('has macro metrics, intervals and McNemar as the oracle, macro F1 as the primary metric', () => {
    // sklearn precision/recall/f1_score(average="macro", labels=classes); mean of one-vs-rest roc_auc_score
    expect(closeRecord(result.champion, oracle.champion)).toEqual([]);
    expect(closeRecord(result.challenger, oracle.challenger)).toEqual([]);
    expect(differences(result, oracle.difference)).toEqual([]);
    expect(result.mcnemar).toEqual({
      statistic: oracle.mcnemar.statistic,
      pValue: expect.closeTo(oracle.mcnemar.pValue, 12),
      b: oracle.mcnemar.b,
      c: oracle.mcnemar.c,
    });
    expect(result.primaryMetric).toBe('f1');
    // The challenger is the less noisy model: better, and the interval says so.
    expect(oracle.difference.f1.ciLow).toBeGreaterThan(0);
    expect(result.verdict).toBe('challenger_better');
  });

  it('swapping the two models swaps the verdict and the sign of the differences', () => {
    const swapped = shadowComparison(
      table,
      {
        ...mapping,
        prediction: 'prediction_challenger',
        proba: ['proba_a_challenger', 'proba_b_challenger', 'proba_c_challenger'],
      },
      { prediction: 'prediction', proba: ['proba_a', 'proba_b', 'proba_c'] },
    );
    expect(swapped.verdict).toBe('challenger_worse');
    expect(swapped.difference.f1.value).toBeCloseTo(-oracle.difference.f1.value, 12);
    expect(swapped.mcnemar!.b).toBe(oracle.mcnemar.c);
  });
});

describe('shadowComparison, regression (test/fixtures/shadow/regression_current.csv)', () => {
  const table = shadowTable('regression_current.csv');
  const mapping: ColumnMapping = {
    task: 'regression',
    target: 'target',
    prediction: 'prediction',
    proba: null,
    posLabel: null,
    id: null,
  };
  const result = shadowComparison(table, mapping, { prediction: 'prediction_challenger', proba: null });
  const oracle = expected.shadowRegression;

  it('has MAE, RMSE, MAPE, R², intervals and the Wilcoxon test on |error| as SciPy', () => {
    // sklearn mean_absolute_error, mean_squared_error(squared=False), mean_absolute_percentage_error, r2_score
    expect(closeRecord(result.champion, oracle.champion)).toEqual([]);
    expect(closeRecord(result.challenger, oracle.challenger)).toEqual([]);
    expect(differences(result, oracle.difference)).toEqual([]);
    // scipy.stats.wilcoxon(|e_champion|, |e_challenger|) (n > 50: normal approximation), SciPy 1.10.1
    expect(result.wilcoxon!.statistic).toBe(oracle.wilcoxon.statistic);
    expect(result.wilcoxon!.pValue).toBeCloseTo(oracle.wilcoxon.pValue, 10);
    expect(result.wilcoxon!.method).toBe('approx');
    expect(result.mcnemar).toBeNull();
    expect(result.primaryMetric).toBe('rmse');
    expect(result.agreement).toBeNull();
    // The challenger is biased above u = 8: that bin holds the most disagreement.
    const u = result.disagreementFeatures.find((f) => f.feature === 'u')!;
    expect(u.top.label.startsWith('≥')).toBe(true);
  });
});
