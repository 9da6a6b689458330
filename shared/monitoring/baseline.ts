/**
 * A saved baseline (`driftscope baseline`, docs/monitoring.md, docs/schema/baseline-v1.schema.json): what
 * later batches are judged against. It pins the reference file (path, size, SHA-256: the monitor refuses a
 * reference that changed), the settings (mapping included), each column's type and chosen test with the
 * reference's summary statistics and bins, and the model-quality metrics on the reference ("baseline metrics").
 */
import { DatasetError } from '../dataset-error';
import { type AnalysisSettings, parseSettings } from '../drift/settings';
import type { SideMetrics } from '../performance/types';
import type { AnalysisResult, ColumnSummary, Distribution } from '../report/analysis-result';

export const BASELINE_SCHEMA_VERSION = 1;

export interface BaselineColumn {
  name: string;
  type: string | null;
  test: string | null;
  threshold: number | null;
  summary: ColumnSummary;
  /** The reference's shares on the display bins (null for untested columns). */
  bins: Distribution | null;
}

export interface Baseline {
  kind: 'driftscope-baseline';
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  createdAt: string;
  driftscopeVersion: string;
  /** The `model` label of the monitor's metrics. */
  model: string;
  reference: { path: string; bytes: number; rows: number; sha256: string };
  settings: AnalysisSettings;
  columns: BaselineColumn[];
  /** Model quality on the reference, when it carries a target and predictions. */
  performance: { task: string; target: string; prediction: string | null; metrics: SideMetrics } | null;
}

/**
 * The baseline of a reference from the analysis of the reference against itself.
 * @throws {Error} when the result carries no SHA-256 of the reference file.
 */
export function baselineFromResult(result: AnalysisResult, referencePath: string, model: string): Baseline {
  const sha256 = result.reference.sha256;
  if (!sha256) throw new Error('baselineFromResult: the reference has no SHA-256');
  const p = result.performance;
  return {
    kind: 'driftscope-baseline',
    schemaVersion: BASELINE_SCHEMA_VERSION,
    createdAt: result.generatedAt,
    driftscopeVersion: result.driftscopeVersion,
    model,
    reference: { path: referencePath, bytes: result.reference.bytes, rows: result.reference.rows, sha256 },
    settings: result.settings,
    columns: result.columns.map((c) => ({
      name: c.name,
      type: c.type,
      test: c.test,
      threshold: c.threshold,
      summary: c.reference,
      bins:
        c.distribution === null
          ? null
          : c.distribution.kind === 'histogram'
            ? { ...c.distribution, current: c.distribution.reference }
            : { ...c.distribution, current: c.distribution.reference },
    })),
    performance: p
      ? { task: p.task, target: p.target, prediction: p.prediction, metrics: p.reference }
      : null,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a baseline file's JSON; `where` is the file as the user gave it.
 * @throws {DatasetError} naming the file and what is wrong.
 */
export function parseBaseline(json: unknown, where: string): Baseline {
  const bad = (what: string): never => {
    throw new DatasetError(`${where} is not a Driftscope baseline: ${what}.`, where);
  };
  if (!isRecord(json) || json.kind !== 'driftscope-baseline') bad('"kind" is not "driftscope-baseline"');
  const b = json as Record<string, unknown>;
  if (b.schemaVersion !== BASELINE_SCHEMA_VERSION)
    bad(`schemaVersion ${String(b.schemaVersion)} is not ${BASELINE_SCHEMA_VERSION}`);
  const ref = b.reference;
  if (
    !isRecord(ref) ||
    typeof ref.path !== 'string' ||
    typeof ref.sha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(ref.sha256) ||
    typeof ref.bytes !== 'number'
  )
    bad('"reference" needs path, bytes and a SHA-256');
  if (typeof b.model !== 'string' || b.model === '') bad('"model" must be a non-empty string');
  if (!Array.isArray(b.columns)) bad('"columns" must be a list');
  const settings = parseSettings(b.settings, `${where} (settings)`);
  return { ...(b as unknown as Baseline), settings };
}
