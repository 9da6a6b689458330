/**
 * The distribution tests of statistics.md §5 beyond Evidently's defaults (anderson, cramer_von_mises,
 * ed, es, t_test, mannw): registry entries in the shape of `TEST_REGISTRY` and their drift rules (§4),
 * to be merged into the registry and `TestKey`.
 */
import type { ColumnType } from '../../types';
import { runAnderson } from './anderson';
import { runCramerVonMises } from './cramer-von-mises';
import { runEnergyDistance } from './energy-distance';
import { runEppsSingleton } from './epps-singleton';
import { runMannWhitney } from './mann-whitney';
import type { TestEntry } from './registry';
import { runTTest } from './t-test';

export type DistributionTestKey = 'anderson' | 'cramer_von_mises' | 'ed' | 'es' | 't_test' | 'mannw';

/** The keys in registry order. */
export const DISTRIBUTION_TEST_KEYS: readonly DistributionTestKey[] = [
  'anderson',
  'cramer_von_mises',
  'ed',
  'es',
  't_test',
  'mannw',
];

/** All six apply to numerical columns only (as in Evidently); categorical input gives a reason. */
const numericalOnly = (type: ColumnType) => type === 'numerical';

/**
 * Entries keyed by `DistributionTestKey`: kind, default threshold (§5) and runner.
 *
 * @example DISTRIBUTION_TESTS.es.defaultThreshold // 0.05
 */
export const DISTRIBUTION_TESTS: Readonly<Record<DistributionTestKey, TestEntry<DistributionTestKey>>> = {
  anderson: {
    key: 'anderson',
    kind: 'p_value',
    defaultThreshold: 0.1,
    appliesTo: numericalOnly,
    run: runAnderson,
  },
  cramer_von_mises: {
    key: 'cramer_von_mises',
    kind: 'p_value',
    defaultThreshold: 0.1,
    appliesTo: numericalOnly,
    run: runCramerVonMises,
  },
  ed: {
    key: 'ed',
    kind: 'distance',
    defaultThreshold: 0.1,
    appliesTo: numericalOnly,
    run: runEnergyDistance,
  },
  es: { key: 'es', kind: 'p_value', defaultThreshold: 0.05, appliesTo: numericalOnly, run: runEppsSingleton },
  t_test: { key: 't_test', kind: 'p_value', defaultThreshold: 0.05, appliesTo: numericalOnly, run: runTTest },
  mannw: {
    key: 'mannw',
    kind: 'p_value',
    defaultThreshold: 0.05,
    appliesTo: numericalOnly,
    run: runMannWhitney,
  },
};

/**
 * How each score is compared with its threshold (§4): p < t for anderson, es, t_test, mannw;
 * p ≤ t for cramer_von_mises (as Evidently); d > t (strictly) for ed.
 *
 * @example DISTRIBUTION_DRIFT_RULE.ed // '>'
 */
export const DISTRIBUTION_DRIFT_RULE: Readonly<Record<DistributionTestKey, '<' | '<=' | '>' | '>='>> = {
  anderson: '<',
  cramer_von_mises: '<=',
  ed: '>',
  es: '<',
  t_test: '<',
  mannw: '<',
};
