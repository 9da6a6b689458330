/**
 * Model quality as one step of the analysis: maps the columns (detected from names, overridden by the
 * settings), runs analyzePerformance when the files carry a target or a prediction, and turns a
 * mapping that cannot work into a note instead of an error.
 */
import type { PerformanceSettings } from '../drift/settings';
import type { ColumnarTable } from '../table/columnar';
import { analyzePerformance } from './analyze-performance';
import { detectMapping } from './mapping';
import type { ColumnMapping, PerformanceResult } from './types';

export interface ModelQualityStep {
  performance: PerformanceResult | null;
  mapping: ColumnMapping | null;
  /** Why there is no performance block, when there is none. */
  note: string | null;
}

export function modelQuality(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: PerformanceSettings | undefined,
): ModelQualityStep {
  const s = settings ?? {};
  if (s.enabled === false)
    return { performance: null, mapping: null, note: 'Model quality is turned off in the settings.' };
  const names = reference.columns.map((c) => c.name);
  const mapping = detectMapping(names, {
    table: reference,
    override: {
      ...(s.task !== undefined && { task: s.task }),
      ...(s.target !== undefined && { target: s.target }),
      ...(s.prediction !== undefined && { prediction: s.prediction }),
      ...(s.proba !== undefined && { proba: s.proba }),
      ...(s.posLabel !== undefined && { posLabel: s.posLabel }),
      ...(s.id !== undefined && { id: s.id }),
    },
  });
  if (mapping.target === null) {
    return {
      performance: null,
      mapping,
      note: 'No target column found (named target, label, y, actual, ...; or set one): model quality not computed.',
    };
  }
  if (mapping.prediction === null && mapping.proba === null) {
    return {
      performance: null,
      mapping,
      note: `No prediction or probability column found next to target "${mapping.target}".`,
    };
  }
  const missing = [mapping.target, mapping.prediction, ...(mapping.proba ?? [])]
    .filter((name): name is string => name !== null)
    .filter((name) => !current.columns.some((c) => c.name === name));
  if (missing.length > 0) {
    return {
      performance: null,
      mapping,
      note: `${current.fileName} has no column ${missing.map((m) => `"${m}"`).join(', ')}: model quality not computed.`,
    };
  }
  try {
    const performance = analyzePerformance(reference, current, mapping, {
      threshold: s.threshold,
      decayThresholds: s.decayThresholds,
    });
    return { performance, mapping, note: null };
  } catch (error) {
    return { performance: null, mapping, note: `Model quality not computed: ${(error as Error).message}` };
  }
}
