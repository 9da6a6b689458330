/**
 * The `multivariate` key of the analysis settings (docs/settings.md, docs/multivariate.md), validated from an
 * untrusted source and filled in with the defaults.
 */
import { DatasetError } from '../dataset-error';
import { DEFAULT_MULTIVARIATE, type MultivariateSettings } from './analyze-multivariate';

type Check = (x: number) => boolean;

const integerAtLeast =
  (min: number): Check =>
  (x) =>
    Number.isInteger(x) && x >= min;
const between =
  (lo: number, hi: number): Check =>
  (x) =>
    x > lo && x < hi;

const CLASSIFIER_KEYS: Record<string, [Check, string]> = {
  maxRows: [integerAtLeast(10), 'an integer >= 10'],
  folds: [(x) => Number.isInteger(x) && x >= 2 && x <= 20, 'an integer in 2..20'],
  threshold: [between(0, 1), 'in (0, 1)'],
  topCategories: [integerAtLeast(1), 'an integer >= 1'],
  interactions: [integerAtLeast(0), 'an integer >= 0'],
  c: [(x) => x > 0 && Number.isFinite(x), 'a number > 0'],
  trainRows: [integerAtLeast(10), 'an integer >= 10'],
  importanceRows: [integerAtLeast(10), 'an integer >= 10'],
  chunkRows: [integerAtLeast(10), 'an integer >= 10'],
  seed: [Number.isInteger, 'an integer'],
};

const RECONSTRUCTION_KEYS: Record<string, [Check, string]> = {
  varianceShare: [between(0, 1), 'in (0, 1)'],
  referenceChunks: [integerAtLeast(2), 'an integer >= 2'],
  k: [(x) => x > 0 && Number.isFinite(x), 'a number > 0'],
  fitRows: [integerAtLeast(10), 'an integer >= 10'],
  errorRows: [integerAtLeast(10), 'an integer >= 10'],
  seed: [Number.isInteger, 'an integer'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, message: string): never {
  throw new DatasetError(`${where}: ${message}`, where);
}

function section<T extends object>(
  value: unknown,
  defaults: T,
  keys: Record<string, [Check, string]>,
  where: string,
  path: string,
): T {
  if (value === undefined) return { ...defaults };
  if (!isRecord(value)) fail(where, `${path} must be an object`);
  const out = { ...defaults } as Record<string, unknown>;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'enabled') {
      if (typeof v !== 'boolean') fail(where, `${path}.enabled must be true or false`);
      out.enabled = v;
      continue;
    }
    const rule = keys[key];
    if (!rule) fail(where, `${path}: unknown key "${key}"`);
    if (typeof v !== 'number' || !rule[0](v)) fail(where, `${path}.${key} must be ${rule[1]}`);
    out[key] = v;
  }
  return out as T;
}

/**
 * `settings.multivariate` with defaults filled in.
 *
 * @throws DatasetError naming `where` and the offending key.
 * @example parseMultivariateSettings({ enabled: true }, 'drift.json').domainClassifier.threshold // 0.55
 */
export function parseMultivariateSettings(value: unknown, where: string): MultivariateSettings {
  if (!isRecord(value)) fail(where, 'multivariate must be an object');
  const known = new Set(['enabled', 'columns', 'domainClassifier', 'reconstruction']);
  for (const key of Object.keys(value))
    if (!known.has(key)) fail(where, `multivariate: unknown key "${key}"`);
  if (value.enabled !== undefined && typeof value.enabled !== 'boolean')
    fail(where, 'multivariate.enabled must be true or false');
  const out: MultivariateSettings = {
    enabled: (value.enabled as boolean | undefined) ?? DEFAULT_MULTIVARIATE.enabled,
    domainClassifier: section(
      value.domainClassifier,
      DEFAULT_MULTIVARIATE.domainClassifier,
      CLASSIFIER_KEYS,
      where,
      'multivariate.domainClassifier',
    ),
    reconstruction: section(
      value.reconstruction,
      DEFAULT_MULTIVARIATE.reconstruction,
      RECONSTRUCTION_KEYS,
      where,
      'multivariate.reconstruction',
    ),
  };
  if (value.columns !== undefined) {
    if (!Array.isArray(value.columns) || !value.columns.every((c) => typeof c === 'string'))
      fail(where, 'multivariate.columns must be a list of column names');
    out.columns = value.columns as string[];
  }
  return out;
}
