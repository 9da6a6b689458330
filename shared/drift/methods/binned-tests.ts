/**
 * The second group of drift tests (statistics.md §5): bin-based distances (psi, kl_div, hellinger,
 * jensenshannon_base2), exact and likelihood-ratio tests on counts (fisher_exact, g_test) and the
 * permutation tests (tvd, empirical_mmd). Declared with their own key type so they can be merged into
 * TEST_REGISTRY and the drift rules of decision.ts.
 */
import type { ColumnType } from '../../types';
import { runEmpiricalMmd } from './empirical-mmd';
import { runFisherExact } from './fisher-exact';
import { runGTest } from './g-test';
import { runHellinger } from './hellinger';
import { runJensenShannonBase2 } from './jensenshannon-base2';
import { runKlDiv } from './kl-div';
import { runPsi } from './psi';
import type { TestEntry } from './registry';
import { runTvd } from './tvd';

export type BinnedTestKey =
  | 'psi'
  | 'kl_div'
  | 'hellinger'
  | 'jensenshannon_base2'
  | 'fisher_exact'
  | 'g_test'
  | 'tvd'
  | 'empirical_mmd';

const numericalOnly = (type: ColumnType) => type === 'numerical';
const numericalOrCategorical = (type: ColumnType) => type === 'numerical' || type === 'categorical';

/**
 * Registry entries (same shape as TEST_REGISTRY). The permutation tests (tvd, empirical_mmd) run with
 * the fixed seed DEFAULT_SEED of shared/stats/seeded-rng.ts, so a verdict is the same on every run.
 *
 * @example BINNED_TESTS.psi.defaultThreshold // 0.1
 */
export const BINNED_TESTS: Readonly<Record<BinnedTestKey, TestEntry<BinnedTestKey>>> = {
  psi: {
    key: 'psi',
    kind: 'distance',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: runPsi,
  },
  kl_div: {
    key: 'kl_div',
    kind: 'distance',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: runKlDiv,
  },
  hellinger: {
    key: 'hellinger',
    kind: 'distance',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: runHellinger,
  },
  jensenshannon_base2: {
    key: 'jensenshannon_base2',
    kind: 'distance',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: runJensenShannonBase2,
  },
  fisher_exact: {
    key: 'fisher_exact',
    kind: 'p_value',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: runFisherExact,
  },
  g_test: {
    key: 'g_test',
    kind: 'p_value',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: runGTest,
  },
  tvd: {
    key: 'tvd',
    kind: 'p_value',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: (sample) => runTvd(sample),
  },
  empirical_mmd: {
    key: 'empirical_mmd',
    kind: 'p_value',
    defaultThreshold: 0.1,
    appliesTo: numericalOnly,
    run: (sample) => runEmpiricalMmd(sample),
  },
};

/** Drift rule per test (§4): distances d ≥ t; p-value tests p < t. */
export const BINNED_DRIFT_RULE: Readonly<Record<BinnedTestKey, '<' | '<=' | '>' | '>='>> = {
  psi: '>=',
  kl_div: '>=',
  hellinger: '>=',
  jensenshannon_base2: '>=',
  fisher_exact: '<',
  g_test: '<',
  tvd: '<',
  empirical_mmd: '<',
};
