/**
 * The drift-test registry: one entry per `TestKey` (statistics.md §5), with its kind, default threshold,
 * the column types it applies to, and the function that runs it.
 */
import type { ColumnType, TestKey } from '../../types';
import type { PairedSample, TestOutcome } from '../sample';
import { BINNED_TESTS } from './binned-tests';
import { runChisquare } from './chisquare';
import { DISTRIBUTION_TESTS } from './distribution-tests';
import { runJensenShannon } from './jensenshannon';
import { runKs } from './ks';
import { runWasserstein } from './wasserstein';
import { runZ } from './z';

/** A p-value test (score = p) or a distance test (score = distance). */
export type TestKind = 'p_value' | 'distance';

/** One registered test; `K` lets a group of tests be declared before its keys join `TestKey`. */
export interface TestEntry<K extends string = TestKey> {
  key: K;
  kind: TestKind;
  defaultThreshold: number;
  /** Whether the test may run on a column of this type (numerical/categorical only; never text, datetime, id). */
  appliesTo: (type: ColumnType) => boolean;
  run: (sample: PairedSample) => TestOutcome;
}

const numericalOnly = (type: ColumnType) => type === 'numerical';
const numericalOrCategorical = (type: ColumnType) => type === 'numerical' || type === 'categorical';

/**
 * Registry keyed by `TestKey`. Drift rule per entry is in `decision.ts` (§4).
 *
 * @example TEST_REGISTRY.ks.defaultThreshold // 0.05
 */
const CORE_TESTS = {
  ks: { key: 'ks', kind: 'p_value', defaultThreshold: 0.05, appliesTo: numericalOnly, run: runKs },
  chisquare: {
    key: 'chisquare',
    kind: 'p_value',
    defaultThreshold: 0.05,
    appliesTo: numericalOrCategorical,
    run: runChisquare,
  },
  z: { key: 'z', kind: 'p_value', defaultThreshold: 0.05, appliesTo: numericalOrCategorical, run: runZ },
  wasserstein: {
    key: 'wasserstein',
    kind: 'distance',
    defaultThreshold: 0.1,
    appliesTo: numericalOnly,
    run: runWasserstein,
  },
  jensenshannon: {
    key: 'jensenshannon',
    kind: 'distance',
    defaultThreshold: 0.1,
    appliesTo: numericalOrCategorical,
    run: runJensenShannon,
  },
} satisfies Record<string, TestEntry>;

/** Every test, keyed by `TestKey`: the five of Evidently's automatic choice, then the distribution and binned groups. */
export const TEST_REGISTRY: Readonly<Record<TestKey, TestEntry>> = {
  ...CORE_TESTS,
  ...DISTRIBUTION_TESTS,
  ...BINNED_TESTS,
};
