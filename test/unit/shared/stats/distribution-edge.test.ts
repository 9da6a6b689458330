/**
 * Distribution tests: check vector B, edge cases (n = 1, constant, identical, categorical input, IQR 0)
 * and seeded fast-check properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAnderson } from '../../../../shared/drift/methods/anderson';
import { runCramerVonMises } from '../../../../shared/drift/methods/cramer-von-mises';
import { energyDistance, runEnergyDistance } from '../../../../shared/drift/methods/energy-distance';
import { runEppsSingleton } from '../../../../shared/drift/methods/epps-singleton';
import {
  MANNW_TWO_SIDED_NOTE,
  mannWhitneyU,
  runMannWhitney,
} from '../../../../shared/drift/methods/mann-whitney';
import { TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import { runTTest } from '../../../../shared/drift/methods/t-test';
import type { PairedSample } from '../../../../shared/drift/sample';
import { sorted } from './fixture-data';

/** The six distribution methods of statistics.md §5, read from the one registry. */
const DISTRIBUTION_KEYS = ['anderson', 'cramer_von_mises', 'ed', 'es', 't_test', 'mannw'] as const;
type DistributionTestKey = (typeof DISTRIBUTION_KEYS)[number];
const DISTRIBUTION_TESTS = TEST_REGISTRY;
const DISTRIBUTION_DRIFT_RULE = Object.fromEntries(
  DISTRIBUTION_KEYS.map((k) => [k, TEST_REGISTRY[k].rule]),
) as Record<DistributionTestKey, (typeof TEST_REGISTRY)[DistributionTestKey]['rule']>;

const numeric = (a: ArrayLike<number>, b: ArrayLike<number>): PairedSample => ({
  kind: 'numeric',
  reference: sorted(a),
  current: sorted(b),
});
const KEYS = [...DISTRIBUTION_KEYS];

function drifts(key: DistributionTestKey, score: number | null, t: number): boolean {
  if (score === null || Number.isNaN(score)) return false;
  switch (DISTRIBUTION_DRIFT_RULE[key]) {
    case '<':
      return score < t;
    case '<=':
      return score <= t;
    case '>':
      return score > t;
    case '>=':
      return score >= t;
  }
}

describe('registry entries and rules (statistics.md §4, §5)', () => {
  it('thresholds, kinds and comparisons', () => {
    const expected: Record<DistributionTestKey, [string, number, string]> = {
      anderson: ['p_value', 0.1, '<'],
      cramer_von_mises: ['p_value', 0.1, '<='],
      ed: ['distance', 0.1, '>'],
      es: ['p_value', 0.05, '<'],
      t_test: ['p_value', 0.05, '<'],
      mannw: ['p_value', 0.05, '<'],
    };
    for (const key of KEYS) {
      const e = DISTRIBUTION_TESTS[key];
      expect([e.kind, e.defaultThreshold, DISTRIBUTION_DRIFT_RULE[key]]).toEqual(expected[key]);
      expect(e.key).toBe(key);
      expect(e.appliesTo('numerical')).toBe(true);
      expect(e.appliesTo('categorical')).toBe(false);
      expect(e.appliesTo('text')).toBe(false);
    }
    // ed is strict: d = t is no drift; cramer_von_mises is not: p = t is drift
    expect(drifts('ed', 0.1, 0.1)).toBe(false);
    expect(drifts('cramer_von_mises', 0.1, 0.1)).toBe(true);
  });
});

describe('check vector B (statistics.md §7)', () => {
  const ref = Array.from({ length: 100 }, (_, i) => i / 10);
  const cur = ref.map((x) => x + 1);
  it('t_test p = 0.015679, ed = 0.439773', () => {
    // statistics.md §7 B: scipy.stats.ttest_ind(ref, cur).pvalue = 0.015679
    expect(runTTest(numeric(ref, cur)).pValue).toBeCloseTo(0.015679, 6);
    // statistics.md §7 B: scipy.stats.energy_distance(ref, cur) = 0.439773
    expect(runEnergyDistance(numeric(ref, cur)).score).toBeCloseTo(0.439773, 6);
  });
});

describe('edge cases', () => {
  it('categorical input: no score, a reason', () => {
    for (const key of KEYS) {
      const out = DISTRIBUTION_TESTS[key].run({
        kind: 'categorical',
        labels: ['a'],
        reference: [3],
        current: [4],
      });
      expect(out.score).toBeNull();
      expect(out.reason).toMatch(/numerical/);
    }
  });

  it('empty and n = 1 never throw and never give NaN', () => {
    for (const key of KEYS) {
      for (const [a, b] of [
        [[], [1, 2]],
        [[1], []],
        [[1], [2]],
        [[1.5], [0.1, 0.7, 1.2, 2.2, 3.0, 4.1]],
      ] as const) {
        const out = DISTRIBUTION_TESTS[key].run(numeric(a, b));
        if (out.score === null) expect(out.reason).toMatch(/./);
        else expect(Number.isNaN(out.score)).toBe(false);
      }
    }
    // scipy.stats.energy_distance([0], [2]) = 2.0000000000000004 (SciPy docstring)
    expect(energyDistance(Float64Array.of(0), Float64Array.of(2))).toBe(2.0000000000000004);
    // scipy.stats.mannwhitneyu([1.0], [2.0]) = (0.0, 1.0) (exact: 2·P(U ≥ 1) = 2·1/2 = 1)
    expect(runMannWhitney(numeric([1], [2]))).toMatchObject({ statistic: 0, pValue: 1 });
    expect(runTTest(numeric([1], [2, 3])).reason).toMatch(/at least 2/);
    expect(runCramerVonMises(numeric([1], [2, 3])).reason).toMatch(/at least 2/);
    expect(runEppsSingleton(numeric([1, 2, 3, 4], [2, 3, 4, 5, 6])).reason).toMatch(/at least 5/);
    // scipy.stats.anderson_ksamp([[1.0, 2.0], [3.0]]) = (nan, ..., nan)
    expect(runAnderson(numeric([1, 2], [3])).reason).toMatch(/3 values/);
  });

  it('constant columns', () => {
    const c2 = Array<number>(30).fill(2);
    const c2b = Array<number>(40).fill(2);
    // scipy.stats.anderson_ksamp([[2.]*30, [2.]*40]) raises (one distinct value)
    expect(runAnderson(numeric(c2, c2b)).reason).toMatch(/distinct/);
    // scipy.stats.ttest_ind([2.]*30, [2.]*40) = (nan, nan)
    expect(runTTest(numeric(c2, c2b)).reason).toMatch(/constant/);
    // scipy.stats.ttest_ind([2.]*30, [3.]*40) = (-inf, 0.0)
    expect(runTTest(numeric(c2, Array<number>(40).fill(3)))).toMatchObject({
      statistic: -Infinity,
      pValue: 0,
    });
    // scipy.stats.energy_distance([2.]*30, [2.]*40) = 0.0
    expect(runEnergyDistance(numeric(c2, c2b)).score).toBe(0);
    // scipy.stats.mannwhitneyu([2.]*30, [2.]*40) = (600.0, 1.0)
    expect(runMannWhitney(numeric(c2, c2b))).toMatchObject({ statistic: 600, pValue: 1 });
  });

  it('es with IQR 0 gives a reason, never NaN', () => {
    const ref = [...Array<number>(30).fill(1), 2, 3];
    const cur = [...Array<number>(25).fill(1), 5];
    const out = runEppsSingleton(numeric(ref, cur));
    // scipy.stats.epps_singleton_2samp(ref, cur) raises LinAlgError (IQR of the pooled values is 0)
    expect(out).toMatchObject({ score: null, pValue: null });
    expect(out.reason).toMatch(/interquartile range/);
  });

  it('mannw documents its two-sided convention; exact path when min(n) ≤ 8 without ties', () => {
    const out = runMannWhitney(numeric([1, 2, 3, 4], [3.5, 5, 6, 7]));
    expect(out.reason).toBe(MANNW_TWO_SIDED_NOTE);
    // scipy.stats.mannwhitneyu([1, 2, 3, 4], [3.5, 5, 6, 7]) = (1.0, 0.05714285714285714), method exact
    expect(out.pValue).toBeCloseTo(0.05714285714285714, 15);
    expect(mannWhitneyU(Float64Array.of(1, 2, 3, 4), Float64Array.of(3.5, 5, 6, 7)).method).toBe('exact');
    expect(mannWhitneyU(Float64Array.of(1, 2, 3, 4), Float64Array.of(4, 5, 6, 7)).method).toBe('asymptotic');
  });
});

const values = fc.array(
  fc.integer({ min: -40, max: 40 }).map((v) => v / 4),
  { minLength: 1, maxLength: 50 },
);

describe('properties (fast-check, seeded)', () => {
  it('identical samples never drift at the default thresholds', () => {
    fc.assert(
      fc.property(values, (a) => {
        for (const key of KEYS) {
          const out = DISTRIBUTION_TESTS[key].run(numeric(a, a));
          expect(drifts(key, out.score, DISTRIBUTION_TESTS[key].defaultThreshold)).toBe(false);
          if (out.score !== null) expect(Number.isNaN(out.score)).toBe(false);
        }
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('scores are in range and symmetric tests are symmetric in their arguments', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        for (const key of KEYS) {
          const ab = DISTRIBUTION_TESTS[key].run(numeric(a, b));
          const ba = DISTRIBUTION_TESTS[key].run(numeric(b, a));
          expect(ab.score === null).toBe(ba.score === null);
          if (ab.score === null) continue;
          expect(ab.score).toBeGreaterThanOrEqual(0);
          if (DISTRIBUTION_TESTS[key].kind === 'p_value') expect(ab.score).toBeLessThanOrEqual(1);
          // every test here is symmetric in (reference, current)
          expect(ba.score).toBeCloseTo(ab.score, 10);
        }
      }),
      { seed: 12, numRuns: 150 },
    );
  });
});
