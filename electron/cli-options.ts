/**
 * Options shared by the command line's commands (analyze, baseline, monitor): the --config file, the
 * model-quality mapping flags, number flags, --encoding and --decimal, and the usage error they raise.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatasetError } from '../shared/dataset-error';
import {
  type AnalysisSettings,
  DEFAULT_SETTINGS,
  type PerformanceSettings,
  parseSettings,
} from '../shared/drift/settings';
import { ENCODINGS, parseEncodingName } from '../shared/table/encoding';
import { DECIMAL_SEPARATORS, type DecimalSeparator } from '../shared/table/parse-number';
import type { TimelineSpec } from '../shared/timeline/analyze-timeline';
import { byteSize } from './engine/memory-budget';
import type { FileLoadOptions } from './engine/protocol';

/** A wrong command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export function parseNumberOption(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0)
    throw new UsageError(`--${name} must be a number >= 0, got "${value}"`);
  return x;
}

/** A whole-number option ≥ 1 (`fallback` when absent). */
export function parsePositiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1))
    throw new UsageError(`--${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/** A size option in bytes: a number with an optional K, M, G or T suffix (binary: 1G = 1024³ bytes). */
export function parseByteSize(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  const bytes = byteSize(value) ?? Number.NaN;
  if (!(bytes > 0))
    throw new UsageError(`--${name} must be a size such as 4G, 512M or 2000000000 (bytes), got "${value}"`);
  return bytes;
}

export interface PerformanceFlags {
  target?: string;
  prediction?: string;
  proba?: string;
  'pos-label'?: string;
  task?: string;
  id?: string;
  'no-performance'?: boolean;
  'challenger-prediction'?: string;
  'challenger-proba'?: string;
  latency?: string;
  status?: string;
}

/**
 * parseArgs options of the champion/challenger and serving flags (docs/shadow.md, docs/serving.md), for a
 * command to spread into its own options next to the mapping flags.
 */
export const SHADOW_SERVING_OPTIONS = {
  'challenger-prediction': { type: 'string' },
  'challenger-proba': { type: 'string' },
  latency: { type: 'string' },
  status: { type: 'string' },
} as const;

const columnList = (value: string) =>
  value
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/** `--latency COL[:ms|s]`: a trailing ":ms" or ":s" is the unit (default ms); anything else is the column name. */
export function parseLatencyFlag(value: string): { column: string; unit: 'ms' | 's' } {
  const m = /^(.*):(ms|s)$/.exec(value);
  const column = (m ? m[1] : value).trim();
  if (column === '') throw new UsageError(`--latency needs a column name, got "${value}"`);
  return { column, unit: m ? (m[2] as 'ms' | 's') : 'ms' };
}

/** The drift-settings flags of `analyze` (docs/settings.md keys in parentheses). */
export interface DriftFlags {
  test?: string;
  threshold?: string;
  'share-threshold'?: string;
  correction?: string;
  /** multivariate.enabled: true / false (the rest of the config file's `multivariate` block stays). */
  multivariate?: boolean;
  'no-multivariate'?: boolean;
}

/** A number flag as the settings file would hold it; an empty or non-numeric value stays invalid (NaN). */
const numberFlag = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/**
 * Each flag as the settings-file fragment it stands for (docs/settings.md): a flag accepts exactly what
 * its key accepts, because both go through parseSettings.
 */
const FLAG_FRAGMENTS: Record<
  keyof DriftFlags | keyof PerformanceFlags,
  (value: string | boolean) => Record<string, unknown>
> = {
  test: (v) => ({ test: v }),
  threshold: (v) => ({ threshold: numberFlag(String(v)) }),
  'share-threshold': (v) => ({ shareThreshold: numberFlag(String(v)) }),
  correction: (v) => ({ correction: v }),
  multivariate: (v) => (v === true ? { multivariate: { enabled: true } } : {}),
  'no-multivariate': (v) => (v === true ? { multivariate: { enabled: false } } : {}),
  'no-performance': (v) => (v === true ? { performance: { enabled: false } } : {}),
  task: (v) => ({ performance: { task: v } }),
  target: (v) => ({ performance: { target: v } }),
  prediction: (v) => ({ performance: { prediction: v } }),
  proba: (v) => ({ performance: { proba: columnList(String(v)) } }),
  'pos-label': (v) => ({ performance: { posLabel: v } }),
  id: (v) => ({ performance: { id: v } }),
  'challenger-prediction': (v) => ({ performance: { challengerPrediction: v } }),
  'challenger-proba': (v) => ({ performance: { challengerProba: columnList(String(v)) } }),
  latency: (v) => {
    const { column, unit } = parseLatencyFlag(String(v));
    return { performance: { latency: column, latencyUnit: unit } };
  },
  status: (v) => ({ performance: { status: String(v).trim() } }),
};

/**
 * The settings with the drift and model-quality flags applied over `base` (the config file's, or the
 * defaults): flags win. Each flag is validated by parseSettings as its settings-file fragment, so the
 * command line has no rules of its own; a bad flag is a UsageError naming it.
 * @example applySettingsFlags(DEFAULT_SETTINGS, { threshold: 'x' }) // throws '--threshold: threshold must be a number >= 0'
 */
export function applySettingsFlags(
  base: AnalysisSettings,
  values: DriftFlags & PerformanceFlags,
): AnalysisSettings & { performance: PerformanceSettings } {
  if (values.multivariate && values['no-multivariate'])
    throw new UsageError('--multivariate and --no-multivariate contradict each other: give one');
  const out = { ...base, performance: { ...base.performance } };
  for (const [flag, fragmentOf] of Object.entries(FLAG_FRAGMENTS)) {
    const value = values[flag as keyof typeof FLAG_FRAGMENTS];
    if (value === undefined || value === false) continue;
    const fragment = fragmentOf(value);
    let parsed: AnalysisSettings;
    try {
      parsed = parseSettings(fragment, `--${flag}`);
    } catch (error) {
      if (error instanceof DatasetError)
        throw new UsageError(
          typeof value === 'string' && !error.message.includes(`"${value}"`)
            ? `${error.message}, got "${value}"`
            : error.message,
        );
      throw error;
    }
    for (const key of Object.keys(fragment) as (keyof AnalysisSettings)[]) {
      if (key === 'performance') Object.assign(out.performance, definedOnly(parsed.performance ?? {}));
      else if (key === 'multivariate' && parsed.multivariate)
        out.multivariate = {
          ...(out.multivariate ?? parsed.multivariate),
          enabled: parsed.multivariate.enabled,
        };
      else (out as unknown as Record<string, unknown>)[key] = parsed[key];
    }
  }
  return out;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Model-quality flags on top of the config file's `performance` block (flags win). */
export function performanceFlags(
  values: PerformanceFlags,
  base: PerformanceSettings | undefined,
): PerformanceSettings {
  return applySettingsFlags({ ...DEFAULT_SETTINGS, performance: base ?? {} }, values).performance;
}

/** The config file's `timeline` block (docs/settings.md): what the timeline flags set. */
export interface ConfigTimeline {
  chunk?: string;
  timeColumn?: string;
  referenceChunks?: boolean;
  /** true: K = 3; a number: K. */
  thresholdFromReference?: boolean | number;
}

/**
 * The settings' `timeline` block (the app's chunking, docs/settings.md; parsed by parseSettings) in the
 * command line's terms, so that one config shape serves the app and the CLI; the flags win field by field.
 */
function configTimelineOf(spec: TimelineSpec): ConfigTimeline {
  const c = spec.chunking;
  const chunk =
    c.kind === 'size'
      ? `size:${c.size}`
      : c.kind === 'count'
        ? `count:${c.count}`
        : c.kind === 'period'
          ? `period:${c.period}`
          : undefined;
  const out: ConfigTimeline = {};
  if (chunk !== undefined) out.chunk = chunk;
  if (c.timeColumn !== undefined) out.timeColumn = c.timeColumn;
  if (spec.referenceChunks !== undefined) out.referenceChunks = spec.referenceChunks;
  if (spec.thresholdFromReference) out.thresholdFromReference = spec.thresholdFromReference.k ?? true;
  return out;
}

/**
 * Reads and validates a --config file: the analysis settings and, when present, its `timeline` block;
 * errors name the file.
 */
export function readConfigFile(file: string): { settings: AnalysisSettings; timeline?: ConfigTimeline } {
  const name = path.basename(file);
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch {
    throw new DatasetError(`Cannot read the config file ${name}.`, name);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${name} is not valid JSON: ${(error as Error).message}`, name);
  }
  const { timeline, ...settings } = parseSettings(json, name);
  return timeline === undefined ? { settings } : { settings, timeline: configTimelineOf(timeline) };
}

/** Reads and validates a --config file's analysis settings (its `timeline` block is left aside). */
export function readConfig(file: string): AnalysisSettings {
  return readConfigFile(file).settings;
}

/** --encoding and --decimal, checked. */
export function fileLoadFlags(values: { encoding?: string; decimal?: string }): FileLoadOptions {
  const options: FileLoadOptions = {};
  if (values.encoding !== undefined) {
    const encoding = parseEncodingName(values.encoding);
    if (encoding === null)
      throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, got "${values.encoding}"`);
    options.encoding = encoding;
  }
  if (values.decimal !== undefined) {
    if (!(DECIMAL_SEPARATORS as readonly string[]).includes(values.decimal))
      throw new UsageError(`--decimal must be . or , (got "${values.decimal}")`);
    options.decimal = values.decimal as DecimalSeparator;
  }
  return options;
}
