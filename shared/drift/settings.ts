/**
 * Analysis settings shared by the app and the command line (`--config FILE`, documented in
 * docs/settings.md). Precedence for a column's test and threshold, most specific first (docs/statistics.md §3):
 * per-column > per-type > global > the automatic rule.
 */
import { DatasetError } from '../dataset-error';
import type { MultivariateSettings } from '../multivariate/analyze-multivariate';
import { parseMultivariateSettings } from '../multivariate/parse-multivariate-settings';
import type { Task } from '../performance/types';
import type { TimelineSpec } from '../timeline/analyze-timeline';
import { parseTimelineSpec } from '../timeline/parse-timeline-spec';
import type { ColumnType, TestKey } from '../types';
import { isColumnType, isTestKey, TEST_KEYS } from '../types';

export interface TestOverride {
  test?: TestKey | null;
  threshold?: number | null;
}

export interface ColumnOverride extends TestOverride {
  type?: ColumnType | null;
}

export type Correction = 'none' | 'bonferroni' | 'benjamini_hochberg';

export const CORRECTIONS: readonly Correction[] = ['none', 'bonferroni', 'benjamini_hochberg'];

export interface MissingDriftSettings {
  /** Significance level of the pooled two-proportion z-test on is-missing. */
  pValue: number;
  /** Smallest absolute change of the missing share that counts. */
  minChange: number;
}

/**
 * Model quality (docs/model-quality.md): column mapping overrides (auto-detected from names when unset),
 * the binary probability threshold, the relative drops that flag decay, and the labels join.
 */
export interface PerformanceSettings {
  /** false turns model quality off; default: on when a target or prediction column is found. */
  enabled?: boolean;
  task?: Task;
  target?: string;
  /** null: no prediction column, derive it from the probabilities at `threshold`. */
  prediction?: string | null;
  proba?: string[];
  posLabel?: string;
  /** Row ID column; with a labels file, current rows get their target from it by this ID. */
  id?: string;
  /** Binary: P(posLabel) ≥ threshold predicts posLabel when no prediction column is mapped. */
  threshold?: number;
  decayThresholds?: { classification?: number; regression?: number };
  /** Challenger (shadow) model's prediction column; null: none (default: detected, docs/shadow.md). */
  challengerPrediction?: string | null;
  /** Challenger's probability column(s), in the champion's order. */
  challengerProba?: string[];
  /** Champion against challenger: verdict level, primary metric, bootstrap resamples and seed. */
  shadow?: ShadowSettings;
  /** Serving health (docs/serving.md): latency column and unit, status or error column. */
  latency?: string;
  latencyUnit?: 'ms' | 's';
  status?: string;
  /** false turns the confidence-based estimate (CBPE, docs/estimation.md) off; default on. */
  estimation?: boolean;
}

export interface ShadowSettings {
  alpha?: number;
  primaryMetric?: string;
  resamples?: number;
  seed?: number;
}

/** Primary metrics a shadow verdict can use. */
export const SHADOW_METRICS: readonly string[] = [
  'accuracy',
  'precision',
  'recall',
  'f1',
  'rocAuc',
  'mae',
  'rmse',
  'mape',
  'r2',
];

export const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

export interface AnalysisSettings {
  /** Global test, forced on every column it applies to (the command line's --test). */
  test: TestKey | null;
  /** Global threshold (--threshold), applied to whatever test runs unless a more specific one is set. */
  threshold: number | null;
  /** Share of drifted tested columns at or above which the dataset drifts (default 0.5). */
  shareThreshold: number;
  /** Per-type test and threshold. */
  types?: Partial<Record<ColumnType, TestOverride>>;
  /** Per-column type, test and threshold, by column name. */
  columns?: Record<string, ColumnOverride>;
  /** Columns left out of the analysis (listed in the result, not tested). */
  ignore?: string[];
  /** Multiple-testing correction across the p-value tests of all columns (default none). */
  correction?: Correction;
  missingDrift?: MissingDriftSettings;
  performance?: PerformanceSettings;
  /**
   * How the timeline cuts the current data (docs/timeline.md): the app's chunking controls, saved with a
   * session; the plain two-file analysis does not read it.
   */
  timeline?: TimelineSpec;
  /** Multivariate detectors (docs/multivariate.md); off unless `multivariate.enabled` is true. */
  multivariate?: MultivariateSettings;
}

export const DEFAULT_MISSING_DRIFT: MissingDriftSettings = { pValue: 0.05, minChange: 0.05 };

export const DEFAULT_SETTINGS: AnalysisSettings = { test: null, threshold: null, shareThreshold: 0.5 };

function fail(where: string, message: string): never {
  throw new DatasetError(`${where}: ${message}`, where);
}

function optionalTest(value: unknown, where: string, path: string): TestKey | null | undefined {
  if (value === undefined || value === null) return value;
  if (!isTestKey(value))
    fail(where, `${path}: unknown test "${String(value)}" (one of ${TEST_KEYS.join(', ')})`);
  return value;
}

function optionalThreshold(value: unknown, where: string, path: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(where, `${path} must be a number >= 0`);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const KNOWN_KEYS = new Set([
  'test',
  'threshold',
  'shareThreshold',
  'types',
  'columns',
  'ignore',
  'correction',
  'missingDrift',
  'performance',
  'timeline',
  'multivariate',
  '$schema',
  'comment',
]);

/**
 * Validates settings from an untrusted source (a config file, or the renderer over IPC) and fills in
 * defaults. `where` names the source in error messages (for example the config file's name).
 *
 * @throws DatasetError naming the source and the offending key.
 */
export function parseSettings(value: unknown, where = 'settings'): AnalysisSettings {
  if (value === undefined || value === null) return { ...DEFAULT_SETTINGS };
  if (!isRecord(value)) fail(where, 'expected a JSON object');
  for (const key of Object.keys(value)) if (!KNOWN_KEYS.has(key)) fail(where, `unknown key "${key}"`);
  const settings: AnalysisSettings = {
    test: optionalTest(value.test, where, 'test') ?? null,
    threshold: optionalThreshold(value.threshold, where, 'threshold') ?? null,
    shareThreshold: DEFAULT_SETTINGS.shareThreshold,
  };
  if (value.shareThreshold !== undefined && value.shareThreshold !== null) {
    const s = value.shareThreshold;
    if (typeof s !== 'number' || !(s > 0 && s <= 1)) fail(where, 'shareThreshold must be in (0, 1]');
    settings.shareThreshold = s;
  }
  if (value.types !== undefined) {
    if (!isRecord(value.types)) fail(where, 'types must be an object keyed by column type');
    settings.types = {};
    for (const [type, override] of Object.entries(value.types)) {
      if (!isColumnType(type)) fail(where, `types: unknown column type "${type}"`);
      if (!isRecord(override)) fail(where, `types.${type} must be an object`);
      settings.types[type] = {
        test: optionalTest(override.test, where, `types.${type}.test`),
        threshold: optionalThreshold(override.threshold, where, `types.${type}.threshold`),
      };
    }
  }
  if (value.columns !== undefined) {
    if (!isRecord(value.columns)) fail(where, 'columns must be an object keyed by column name');
    settings.columns = {};
    for (const [name, override] of Object.entries(value.columns)) {
      if (!isRecord(override)) fail(where, `columns["${name}"] must be an object`);
      const type = override.type;
      if (type !== undefined && type !== null && !isColumnType(type)) {
        fail(where, `columns["${name}"].type: unknown column type "${String(type)}"`);
      }
      settings.columns[name] = {
        type: type as ColumnType | null | undefined,
        test: optionalTest(override.test, where, `columns["${name}"].test`),
        threshold: optionalThreshold(override.threshold, where, `columns["${name}"].threshold`),
      };
    }
  }
  if (value.ignore !== undefined) {
    if (!Array.isArray(value.ignore) || !value.ignore.every((v) => typeof v === 'string')) {
      fail(where, 'ignore must be a list of column names');
    }
    settings.ignore = value.ignore as string[];
  }
  if (value.correction !== undefined) {
    if (!(CORRECTIONS as readonly unknown[]).includes(value.correction)) {
      fail(where, `correction must be one of ${CORRECTIONS.join(', ')}`);
    }
    settings.correction = value.correction as Correction;
  }
  if (value.missingDrift !== undefined) {
    const m = value.missingDrift;
    if (!isRecord(m)) fail(where, 'missingDrift must be an object');
    const pValue = optionalThreshold(m.pValue, where, 'missingDrift.pValue') ?? DEFAULT_MISSING_DRIFT.pValue;
    const minChange =
      optionalThreshold(m.minChange, where, 'missingDrift.minChange') ?? DEFAULT_MISSING_DRIFT.minChange;
    settings.missingDrift = { pValue, minChange };
  }
  if (value.performance !== undefined) settings.performance = parsePerformance(value.performance, where);
  if (value.timeline !== undefined) settings.timeline = parseTimelineSpec(value.timeline, where);
  if (value.multivariate !== undefined)
    settings.multivariate = parseMultivariateSettings(value.multivariate, where);
  return settings;
}

function optionalName(value: unknown, where: string, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0) fail(where, `${path} must be a column name`);
  return value;
}

function parsePerformance(value: unknown, where: string): PerformanceSettings {
  if (!isRecord(value)) fail(where, 'performance must be an object');
  const known = new Set([
    'enabled',
    'task',
    'target',
    'prediction',
    'proba',
    'posLabel',
    'id',
    'threshold',
    'decayThresholds',
    'challengerPrediction',
    'challengerProba',
    'shadow',
    'latency',
    'latencyUnit',
    'status',
    'estimation',
  ]);
  for (const key of Object.keys(value)) if (!known.has(key)) fail(where, `performance: unknown key "${key}"`);
  const out: PerformanceSettings = {};
  if (value.enabled !== undefined) {
    if (typeof value.enabled !== 'boolean') fail(where, 'performance.enabled must be true or false');
    out.enabled = value.enabled;
  }
  if (value.task !== undefined) {
    if (!(TASKS as readonly unknown[]).includes(value.task))
      fail(where, `performance.task must be one of ${TASKS.join(', ')}`);
    out.task = value.task as Task;
  }
  out.target = optionalName(value.target, where, 'performance.target');
  out.prediction =
    value.prediction === null ? null : optionalName(value.prediction, where, 'performance.prediction');
  out.id = optionalName(value.id, where, 'performance.id');
  if (value.posLabel !== undefined && value.posLabel !== null) out.posLabel = String(value.posLabel);
  if (value.proba !== undefined && value.proba !== null) {
    if (
      !Array.isArray(value.proba) ||
      value.proba.length === 0 ||
      !value.proba.every((v) => typeof v === 'string' && v)
    ) {
      fail(where, 'performance.proba must be a list of column names');
    }
    out.proba = value.proba as string[];
  }
  if (value.threshold !== undefined) {
    const t = value.threshold;
    if (typeof t !== 'number' || !(t >= 0 && t <= 1)) fail(where, 'performance.threshold must be in [0, 1]');
    out.threshold = t;
  }
  if (value.decayThresholds !== undefined) {
    const d = value.decayThresholds;
    if (!isRecord(d)) fail(where, 'performance.decayThresholds must be an object');
    out.decayThresholds = {
      classification:
        optionalThreshold(d.classification, where, 'performance.decayThresholds.classification') ?? undefined,
      regression:
        optionalThreshold(d.regression, where, 'performance.decayThresholds.regression') ?? undefined,
    };
  }
  parseShadowServing(value, where, out);
  for (const key of Object.keys(out) as (keyof PerformanceSettings)[])
    if (out[key] === undefined) delete out[key];
  return out;
}

function optionalNames(value: unknown, where: string, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v))
    fail(where, `${path} must be a list of column names`);
  return value as string[];
}

/** The challenger, serving and estimation keys of the performance block (docs/settings.md). */
function parseShadowServing(value: Record<string, unknown>, where: string, out: PerformanceSettings): void {
  if (value.challengerPrediction === null) out.challengerPrediction = null;
  else
    out.challengerPrediction = optionalName(
      value.challengerPrediction,
      where,
      'performance.challengerPrediction',
    );
  out.challengerProba = optionalNames(value.challengerProba, where, 'performance.challengerProba');
  out.latency = optionalName(value.latency, where, 'performance.latency');
  out.status = optionalName(value.status, where, 'performance.status');
  if (value.latencyUnit !== undefined) {
    if (value.latencyUnit !== 'ms' && value.latencyUnit !== 's')
      fail(where, 'performance.latencyUnit must be "ms" or "s"');
    out.latencyUnit = value.latencyUnit;
  }
  if (value.estimation !== undefined) {
    if (typeof value.estimation !== 'boolean') fail(where, 'performance.estimation must be true or false');
    out.estimation = value.estimation;
  }
  if (value.shadow !== undefined) {
    const sh = value.shadow;
    if (!isRecord(sh)) fail(where, 'performance.shadow must be an object');
    for (const key of Object.keys(sh))
      if (!['alpha', 'primaryMetric', 'resamples', 'seed'].includes(key))
        fail(where, `performance.shadow: unknown key "${key}"`);
    const shadow: ShadowSettings = {};
    if (sh.alpha !== undefined) {
      if (typeof sh.alpha !== 'number' || !(sh.alpha > 0 && sh.alpha < 1))
        fail(where, 'performance.shadow.alpha must be in (0, 1)');
      shadow.alpha = sh.alpha;
    }
    if (sh.primaryMetric !== undefined) {
      if (typeof sh.primaryMetric !== 'string' || !SHADOW_METRICS.includes(sh.primaryMetric))
        fail(where, `performance.shadow.primaryMetric must be one of ${SHADOW_METRICS.join(', ')}`);
      shadow.primaryMetric = sh.primaryMetric;
    }
    if (sh.resamples !== undefined) {
      if (
        !Number.isInteger(sh.resamples) ||
        (sh.resamples as number) < 100 ||
        (sh.resamples as number) > 100_000
      )
        fail(where, 'performance.shadow.resamples must be an integer in [100, 100000]');
      shadow.resamples = sh.resamples as number;
    }
    if (sh.seed !== undefined) {
      if (!Number.isInteger(sh.seed)) fail(where, 'performance.shadow.seed must be an integer');
      shadow.seed = sh.seed as number;
    }
    out.shadow = shadow;
  }
}

/** The test and threshold the user asked for on one column, most specific first; nulls where unset. */
export function requestedTest(settings: AnalysisSettings, column: string, type: ColumnType): TestOverride {
  const perColumn = settings.columns?.[column];
  const perType = settings.types?.[type];
  return {
    test: perColumn?.test ?? perType?.test ?? settings.test ?? null,
    threshold: perColumn?.threshold ?? perType?.threshold ?? settings.threshold ?? null,
  };
}
