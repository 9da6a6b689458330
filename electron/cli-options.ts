/**
 * Options shared by the command line's commands (analyze, baseline, monitor): the --config file, the
 * model-quality mapping flags and number flags, and the usage error they raise.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatasetError } from '../shared/dataset-error';
import {
  type AnalysisSettings,
  type PerformanceSettings,
  parseSettings,
  TASKS,
} from '../shared/drift/settings';

/** A wrong command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

export function parseNumberOption(value: string | undefined, name: string): number | null {
  if (value === undefined) return null;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0)
    throw new UsageError(`--${name} must be a number >= 0, got "${value}"`);
  return x;
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

/** Model-quality flags on top of the config file's `performance` block (flags win). */
export function performanceFlags(
  values: PerformanceFlags,
  base: PerformanceSettings | undefined,
): PerformanceSettings {
  const out: PerformanceSettings = { ...base };
  if (values['no-performance']) out.enabled = false;
  if (values.task !== undefined) {
    if (!(TASKS as readonly string[]).includes(values.task)) {
      throw new UsageError(`--task must be one of ${TASKS.join(', ')}, got "${values.task}"`);
    }
    out.task = values.task as PerformanceSettings['task'];
  }
  if (values.target !== undefined) out.target = values.target;
  if (values.prediction !== undefined) out.prediction = values.prediction;
  if (values.proba !== undefined) out.proba = columnList(values.proba);
  if (values['pos-label'] !== undefined) out.posLabel = values['pos-label'];
  if (values.id !== undefined) out.id = values.id;
  if (values['challenger-prediction'] !== undefined)
    out.challengerPrediction = values['challenger-prediction'];
  if (values['challenger-proba'] !== undefined) {
    const columns = columnList(values['challenger-proba']);
    if (columns.length === 0) throw new UsageError('--challenger-proba needs column names');
    out.challengerProba = columns;
  }
  if (values.latency !== undefined) {
    const latency = parseLatencyFlag(values.latency);
    out.latency = latency.column;
    out.latencyUnit = latency.unit;
  }
  if (values.status !== undefined) {
    if (values.status.trim() === '') throw new UsageError('--status needs a column name');
    out.status = values.status;
  }
  return out;
}

/** Reads and validates a --config file; errors name the file. */
export function readConfig(file: string): AnalysisSettings {
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
  return parseSettings(json, name);
}
