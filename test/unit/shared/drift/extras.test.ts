import { describe, expect, it } from 'vitest';
import { chooseTest } from '../../../../shared/drift/choose-test';
import { missingShareDrift } from '../../../../shared/drift/missing-drift';
import { adjustPValues } from '../../../../shared/drift/multiple-testing';
import { DEFAULT_MISSING_DRIFT, parseSettings } from '../../../../shared/drift/settings';

// Oracles: test/fixtures/gen_drift_extras.py (statsmodels 0.13.5).
describe('adjustPValues', () => {
  const p = [0.01, 0.04, 0.03, 0.2, 0.001];
  it('Benjamini–Hochberg', () => {
    // statsmodels.stats.multitest.multipletests(p, method="fdr_bh")[1]
    const expected = [0.024999999999999998, 0.049999999999999996, 0.049999999999999996, 0.2, 0.005];
    for (const [i, x] of adjustPValues(p, 'benjamini_hochberg').entries())
      expect(x).toBeCloseTo(expected[i], 15);
  });
  it('Bonferroni', () => {
    // statsmodels.stats.multitest.multipletests(p, method="bonferroni")[1]
    const expected = [0.05, 0.2, 0.15, 1.0, 0.005];
    for (const [i, x] of adjustPValues(p, 'bonferroni').entries()) expect(x).toBeCloseTo(expected[i], 15);
  });
  it('leaves nulls out of m and in place', () => {
    expect(adjustPValues([0.01, null, 0.02], 'bonferroni')).toEqual([0.02, null, 0.04]);
    expect(adjustPValues([0.01, null], 'none')).toEqual([0.01, null]);
  });
});

describe('missingShareDrift', () => {
  it('pooled two-proportion z-test p-values', () => {
    // statsmodels.stats.proportion.proportions_ztest([0, 20], [100, 100])[1]
    expect(missingShareDrift(0, 100, 20, 100, DEFAULT_MISSING_DRIFT).pValue).toBeCloseTo(
      2.4284674729758394e-6,
      15,
    );
    // statsmodels.stats.proportion.proportions_ztest([5, 12], [100, 120])[1]
    expect(missingShareDrift(5, 100, 12, 120, DEFAULT_MISSING_DRIFT).pValue).toBeCloseTo(
      0.16668702364042276,
      12,
    );
    // statsmodels.stats.proportion.proportions_ztest([30, 45], [1000, 900])[1]
    const d = missingShareDrift(30, 1000, 45, 900, DEFAULT_MISSING_DRIFT);
    expect(d.pValue).toBeCloseTo(0.02538747491445229, 12);
    // Significant, but the share moved by 0.02 only: below minChange 0.05, so no drift.
    expect(d.driftDetected).toBe(false);
  });
  it('drift needs both significance and a large enough change', () => {
    expect(missingShareDrift(0, 100, 20, 100, DEFAULT_MISSING_DRIFT).driftDetected).toBe(true);
    expect(missingShareDrift(0, 100, 0, 100, DEFAULT_MISSING_DRIFT)).toMatchObject({
      pValue: 1,
      driftDetected: false,
    });
  });
});

describe('settings and test choice', () => {
  const settings = parseSettings({
    test: 'ks',
    threshold: 0.01,
    types: { categorical: { test: 'chisquare', threshold: 0.2 } },
    columns: { income: { test: 'wasserstein', threshold: 0.3 }, region: { threshold: 0.5 } },
  });
  it('per-column beats per-type beats global beats automatic', () => {
    expect(chooseTest(settings, 'income', 'numerical', 5000, 100)).toMatchObject({
      test: 'wasserstein',
      threshold: 0.3,
    });
    expect(chooseTest(settings, 'age', 'numerical', 5000, 100)).toMatchObject({
      test: 'ks',
      threshold: 0.01,
    });
    expect(chooseTest(settings, 'region', 'categorical', 5000, 4)).toMatchObject({
      test: 'chisquare',
      threshold: 0.5,
    });
    expect(chooseTest(parseSettings({}), 'age', 'numerical', 5000, 100)).toMatchObject({
      test: 'wasserstein',
      threshold: 0.1,
    });
  });
  it('a requested test that does not apply falls back to the automatic one, with a note', () => {
    const choice = chooseTest(parseSettings({ test: 'ks' }), 'region', 'categorical', 5000, 4);
    expect(choice).toMatchObject({ test: 'jensenshannon', threshold: 0.1 });
    expect(choice.note).toBe('ks does not apply to categorical columns; the automatic choice was used.');
  });
  it('performance: prediction null means "derive it from the probabilities"; bad values are named', () => {
    expect(parseSettings({ performance: { prediction: null, threshold: 0.3 } }).performance).toEqual({
      prediction: null,
      threshold: 0.3,
    });
    expect(() => parseSettings({ performance: { threshold: 2 } }, 'c.json')).toThrow(
      'c.json: performance.threshold must be in [0, 1]',
    );
    expect(() => parseSettings({ performance: { task: 'ranking' } }, 'c.json')).toThrow(
      'c.json: performance.task must be one of binary, multiclass, regression',
    );
  });

  it('rejects bad settings with a message naming the source and key', () => {
    expect(() => parseSettings({ tset: 'ks' }, 'drift.json')).toThrow('drift.json: unknown key "tset"');
    expect(() => parseSettings({ columns: { a: { test: 'nope' } } }, 'drift.json')).toThrow(
      'drift.json: columns["a"].test: unknown test "nope"',
    );
    expect(() => parseSettings({ shareThreshold: 0 }, 'x')).toThrow('x: shareThreshold must be in (0, 1]');
    expect(() => parseSettings([], 'x')).toThrow('x: expected a JSON object');
  });
});
