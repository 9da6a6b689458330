/**
 * The drift-method registry (statistics.md §4–§5): one entry per method with its key, human label,
 * the column types it applies to, its kind, drift rule, default threshold and implementation. Every
 * consumer (test keys, labels, drift decision, settings validation, CLI, app and reports) derives from
 * this list: adding a method is one entry here plus its implementation file.
 */
import type { ColumnType } from '../../types';
import type { PairedSample, TestOutcome } from '../sample';
import { runAnderson } from './anderson';
import { runChisquare } from './chisquare';
import { runCramerVonMises } from './cramer-von-mises';
import { runEmpiricalMmd } from './empirical-mmd';
import { runEnergyDistance } from './energy-distance';
import { runEppsSingleton } from './epps-singleton';
import { runFisherExact } from './fisher-exact';
import { runGTest } from './g-test';
import { runHellinger } from './hellinger';
import { runJensenShannon } from './jensenshannon';
import { runJensenShannonBase2 } from './jensenshannon-base2';
import { runKlDiv } from './kl-div';
import { runKs } from './ks';
import { runMannWhitney } from './mann-whitney';
import { runPsi } from './psi';
import { runTTest } from './t-test';
import { runTvd } from './tvd';
import { runWasserstein } from './wasserstein';
import { runZ } from './z';

/** A p-value test (score = p) or a distance test (score = distance). */
export type TestKind = 'p_value' | 'distance';

/** How the score is compared with the threshold: drift when `score <rule> threshold` (§4). */
export type DriftRule = '<' | '<=' | '>' | '>=';

/** One registered drift method. */
export interface DriftMethod<K extends string = string> {
  key: K;
  /** Human name for the app and the reports. */
  label: string;
  /** Column types it may run on (numerical and/or categorical; never text, datetime or id). */
  columnTypes: readonly ColumnType[];
  kind: TestKind;
  rule: DriftRule;
  defaultThreshold: number;
  run: (sample: PairedSample) => TestOutcome;
  /** Whether the method may run on a column of this type (`columnTypes` includes it). */
  appliesTo: (type: ColumnType) => boolean;
}

const NUMERICAL: readonly ColumnType[] = ['numerical'];
const NUMERICAL_OR_CATEGORICAL: readonly ColumnType[] = ['numerical', 'categorical'];

function method<const K extends string>(entry: Omit<DriftMethod<K>, 'appliesTo'>): DriftMethod<K> {
  return { ...entry, appliesTo: (type) => entry.columnTypes.includes(type) };
}

/**
 * The methods in registry order: the five of Evidently's automatic choice, then the distribution tests
 * (numerical only, as in Evidently), then the binned distances, the count tests and the permutation
 * tests (tvd, empirical_mmd run with the fixed seed DEFAULT_SEED of shared/stats/seeded-rng.ts).
 * Rules: p < t, except p ≤ t for ks and cramer_von_mises (as Evidently); d ≥ t, except d > t for ed.
 * Source: https://github.com/evidentlyai/evidently/tree/main/src/evidently/calculations/stattests
 */
const METHODS = [
  method({
    key: 'ks',
    label: 'K–S',
    columnTypes: NUMERICAL,
    kind: 'p_value',
    rule: '<=',
    defaultThreshold: 0.05,
    run: runKs,
  }),
  method({
    key: 'chisquare',
    label: 'Chi-square',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.05,
    run: runChisquare,
  }),
  method({
    key: 'z',
    label: 'Z-test',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.05,
    run: runZ,
  }),
  method({
    key: 'wasserstein',
    label: 'Wasserstein',
    columnTypes: NUMERICAL,
    kind: 'distance',
    rule: '>=',
    defaultThreshold: 0.1,
    run: runWasserstein,
  }),
  method({
    key: 'jensenshannon',
    label: 'Jensen–Shannon',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'distance',
    rule: '>=',
    defaultThreshold: 0.1,
    run: runJensenShannon,
  }),
  method({
    key: 'psi',
    label: 'PSI',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'distance',
    rule: '>=',
    defaultThreshold: 0.1,
    run: runPsi,
  }),
  method({
    key: 'kl_div',
    label: 'K–L divergence',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'distance',
    rule: '>=',
    defaultThreshold: 0.1,
    run: runKlDiv,
  }),
  method({
    key: 'hellinger',
    label: 'Hellinger',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'distance',
    rule: '>=',
    defaultThreshold: 0.1,
    run: runHellinger,
  }),
  method({
    key: 'jensenshannon_base2',
    label: 'Jensen–Shannon (base 2)',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'distance',
    rule: '>=',
    defaultThreshold: 0.1,
    run: runJensenShannonBase2,
  }),
  method({
    key: 'anderson',
    label: 'Anderson–Darling',
    columnTypes: NUMERICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.1,
    run: runAnderson,
  }),
  method({
    key: 'cramer_von_mises',
    label: 'Cramér–von Mises',
    columnTypes: NUMERICAL,
    kind: 'p_value',
    rule: '<=',
    defaultThreshold: 0.1,
    run: runCramerVonMises,
  }),
  method({
    key: 'ed',
    label: 'Energy distance',
    columnTypes: NUMERICAL,
    kind: 'distance',
    rule: '>',
    defaultThreshold: 0.1,
    run: runEnergyDistance,
  }),
  method({
    key: 'es',
    label: 'Epps–Singleton',
    columnTypes: NUMERICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.05,
    run: runEppsSingleton,
  }),
  method({
    key: 't_test',
    label: 't-test',
    columnTypes: NUMERICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.05,
    run: runTTest,
  }),
  method({
    key: 'mannw',
    label: 'Mann–Whitney U',
    columnTypes: NUMERICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.05,
    run: runMannWhitney,
  }),
  method({
    key: 'fisher_exact',
    label: 'Fisher exact',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.1,
    run: runFisherExact,
  }),
  method({
    key: 'g_test',
    label: 'G-test',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.1,
    run: runGTest,
  }),
  method({
    key: 'tvd',
    label: 'Total variation',
    columnTypes: NUMERICAL_OR_CATEGORICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.1,
    run: (sample) => runTvd(sample),
  }),
  method({
    key: 'empirical_mmd',
    label: 'MMD',
    columnTypes: NUMERICAL,
    kind: 'p_value',
    rule: '<',
    defaultThreshold: 0.1,
    run: (sample) => runEmpiricalMmd(sample),
  }),
] as const;

/** Registry key of a drift method (statistics.md §5, and jensenshannon_base2 of §8). */
export type TestKey = (typeof METHODS)[number]['key'];

/** Every key, in registry order. */
export const TEST_KEYS: readonly TestKey[] = METHODS.map((m) => m.key);

/**
 * Every method, keyed by `TestKey`.
 * @example TEST_REGISTRY.ks.defaultThreshold // 0.05
 */
export const TEST_REGISTRY: Readonly<Record<TestKey, DriftMethod<TestKey>>> = Object.fromEntries(
  METHODS.map((m) => [m.key, m]),
) as Record<TestKey, DriftMethod<TestKey>>;

export function isTestKey(value: unknown): value is TestKey {
  return typeof value === 'string' && Object.hasOwn(TEST_REGISTRY, value);
}

/**
 * The method's human name; '—' when no test ran; an unknown key (a newer report) as itself.
 * @example testLabel('wasserstein') // 'Wasserstein'
 */
export function testLabel(test: TestKey | string | null): string {
  if (test === null) return '—';
  return isTestKey(test) ? TEST_REGISTRY[test].label : test;
}

/** The keys of the methods that apply to a column type, in registry order. */
export function methodsFor(type: ColumnType): TestKey[] {
  return TEST_KEYS.filter((key) => TEST_REGISTRY[key].appliesTo(type));
}
