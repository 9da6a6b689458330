/**
 * Model quality as one step of the analysis: maps the columns (detected from names, overridden by the
 * settings), runs analyzePerformance when the files carry a target or a prediction, adds the
 * champion/challenger comparison and the confidence-based estimate when the columns allow, and turns a
 * mapping that cannot work into a note instead of an error. A current file without the target column
 * (labels not arrived) is analysed with every current row unlabelled.
 */
import type { PerformanceSettings } from '../drift/settings';
import type { ColumnarTable } from '../table/columnar';
import { analyzePerformance, classificationRows, completeMapping } from './analyze-performance';
import { type CbpeRows, cbpe } from './cbpe';
import type { EstimatedPerformance } from './cbpe-types';
import { detectMapping } from './mapping';
import { shadowComparison } from './shadow';
import { detectChallenger, detectServing } from './shadow-serving-mapping';
import type { ShadowResult } from './shadow-types';
import type { ColumnMapping, PerformanceResult } from './types';

export interface ModelQualityStep {
  performance: PerformanceResult | null;
  mapping: ColumnMapping | null;
  /** Why there is no performance block, when there is none. */
  note: string | null;
}

/** The current table with an all-missing target column added (no copy of the other columns). */
function withEmptyTarget(current: ColumnarTable, target: string): ColumnarTable {
  const values = new Float64Array(current.rowCount).fill(Number.NaN);
  return {
    ...current,
    columns: [
      ...current.columns,
      { name: target, storage: 'number', values, invalidCount: 0, firstInvalid: null },
    ],
  };
}

/** The mapping the settings fix (the rest is detected from the names). */
function mappingOverride(s: PerformanceSettings) {
  return {
    ...(s.task !== undefined && { task: s.task }),
    ...(s.target !== undefined && { target: s.target }),
    ...(s.prediction !== undefined && { prediction: s.prediction }),
    ...(s.proba !== undefined && { proba: s.proba }),
    ...(s.posLabel !== undefined && { posLabel: s.posLabel }),
    ...(s.id !== undefined && { id: s.id }),
  };
}

/**
 * @param options.withShadow false leaves out the champion/challenger comparison (a timeline chunk does not
 * report it; its bootstrap is the costly part): `shadow` is then null.
 */
export function modelQuality(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: PerformanceSettings | undefined,
  options: { withShadow?: boolean } = {},
): ModelQualityStep {
  const s = settings ?? {};
  if (s.enabled === false)
    return { performance: null, mapping: null, note: 'Model quality is turned off in the settings.' };
  const names = reference.columns.map((c) => c.name);
  const mapping = detectMapping(names, { table: reference, override: mappingOverride(s) });
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
  const missing = [mapping.prediction, ...(mapping.proba ?? [])]
    .filter((name): name is string => name !== null)
    .filter((name) => !current.columns.some((c) => c.name === name));
  if (missing.length > 0) {
    return {
      performance: null,
      mapping,
      note: `${current.fileName} has no column ${missing.map((m) => `"${m}"`).join(', ')}: model quality not computed.`,
    };
  }
  const targetAbsent = !current.columns.some((c) => c.name === mapping.target);
  const cur = targetAbsent ? withEmptyTarget(current, mapping.target) : current;
  try {
    // Completed once (posLabel, probability classes); analyzePerformance takes it as it is.
    const mappingNotes: string[] = [];
    const complete = completeMapping(reference, cur, mapping, mappingNotes);
    const notInputs = notInputColumns(reference, cur, complete, s);
    const performance = analyzePerformance(reference, cur, complete, {
      threshold: s.threshold,
      decayThresholds: s.decayThresholds,
      notInputs,
    });
    performance.notes.unshift(...mappingNotes);
    if (targetAbsent)
      performance.notes.push(
        `${current.fileName} has no target column "${mapping.target}": every current row is unlabelled (realised metrics wait for the labels).`,
      );
    performance.shadow =
      options.withShadow === false
        ? null
        : shadowStep(reference, cur, complete, s, performance.notes, notInputs);
    performance.estimated =
      s.estimation === false ? null : estimationStep(reference, cur, complete, s.threshold ?? 0.5);
    const changed = performance.conceptDrift?.changed ?? [];
    if (performance.estimated && changed.length > 0)
      performance.estimated.notes.push(
        `The relation between inputs and target changed (concept drift: ${changed.join(', ')}). CBPE assumes it held, so its estimate cannot see this change; the realised metrics on the labelled rows can.`,
      );
    return { performance, mapping, note: null };
  } catch (error) {
    return { performance: null, mapping, note: `Model quality not computed: ${(error as Error).message}` };
  }
}

/**
 * The columns that describe the model rather than its inputs: the target, the prediction, the class
 * probabilities, the row ID (detected from names or set in the settings, as model quality maps them), and
 * notInputColumns. The multivariate detectors leave them out by default (docs/multivariate.md).
 */
export function modelColumns(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: PerformanceSettings | undefined,
): string[] {
  const s = settings ?? {};
  const mapping = detectMapping(
    reference.columns.map((c) => c.name),
    { table: reference, override: mappingOverride(s) },
  );
  const own = [mapping.target, mapping.prediction, ...(mapping.proba ?? []), mapping.id];
  return [
    ...new Set([
      ...own.filter((c): c is string => c !== null),
      ...notInputColumns(reference, current, mapping, s),
    ]),
  ];
}

/**
 * The columns that are logged beside the model rather than fed to it: the challenger's outputs and the
 * serving latency and status (detected or set as for the shadow and serving sections).
 */
function notInputColumns(
  reference: ColumnarTable,
  current: ColumnarTable,
  mapping: ColumnMapping,
  s: PerformanceSettings,
): string[] {
  const names = [...new Set([...reference.columns, ...current.columns].map((c) => c.name))];
  const challenger = detectChallenger(names, mapping, {
    ...(s.challengerPrediction !== undefined && { prediction: s.challengerPrediction }),
    ...(s.challengerProba !== undefined && { proba: s.challengerProba }),
  });
  const serving = detectServing(names, {
    ...(s.latency !== undefined && { latency: s.latency }),
    ...(s.status !== undefined && { status: s.status }),
  });
  return [
    challenger?.prediction ?? null,
    ...(challenger?.proba ?? []),
    serving.latency?.column ?? null,
    serving.status,
  ].filter((c): c is string => c !== null);
}

/** Champion against challenger on the current rows, when challenger columns are mapped or detected. */
function shadowStep(
  reference: ColumnarTable,
  current: ColumnarTable,
  mapping: ColumnMapping,
  s: PerformanceSettings,
  notes: string[],
  notInputs: readonly string[],
): ShadowResult | null {
  const names = [...new Set([...reference.columns, ...current.columns].map((c) => c.name))];
  const challenger = detectChallenger(names, mapping, {
    ...(s.challengerPrediction !== undefined && { prediction: s.challengerPrediction }),
    ...(s.challengerProba !== undefined && { proba: s.challengerProba }),
  });
  if (challenger === null) return null;
  const columns = [challenger.prediction, ...(challenger.proba ?? [])].filter((c): c is string => c !== null);
  for (const table of [reference, current]) {
    const absent = columns.filter((c) => !table.columns.some((x) => x.name === c));
    if (absent.length > 0)
      notes.push(
        `${table.fileName} has no challenger column ${absent.map((c) => `"${c}"`).join(', ')}${table === current ? ': champion against challenger not computed.' : '.'}`,
      );
  }
  if (columns.some((c) => !current.columns.some((x) => x.name === c))) return null;
  try {
    return shadowComparison(current, mapping, challenger, {
      alpha: s.shadow?.alpha,
      primaryMetric: s.shadow?.primaryMetric,
      resamples: s.shadow?.resamples,
      seed: s.shadow?.seed,
      threshold: s.threshold,
      notInputs,
    });
  } catch (error) {
    notes.push(`Champion against challenger not computed: ${(error as Error).message}`);
    return null;
  }
}

/** CBPE rows of one table: the prediction column, or the label derived from the probabilities. */
function cbpeRows(table: ColumnarTable, mapping: ColumnMapping, threshold: number): CbpeRows {
  const rows = classificationRows(table, mapping);
  const proba = rows.proba!;
  const predicted =
    rows.prediction ??
    Array.from({ length: table.rowCount }, (_, i) => {
      const p = proba.map((a) => a[i]);
      if (!p.every(Number.isFinite)) return null;
      if (mapping.task === 'binary') return p[0] >= threshold ? mapping.posLabel : `not ${mapping.posLabel}`;
      let best = 0;
      for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
      return mapping.probaClasses![best];
    });
  return { target: rows.target, predicted, proba };
}

/** CBPE for binary and multiclass models with probabilities; null otherwise. */
function estimationStep(
  reference: ColumnarTable,
  current: ColumnarTable,
  mapping: ColumnMapping,
  threshold: number,
): EstimatedPerformance | null {
  if (mapping.task === 'regression' || mapping.proba === null) return null;
  return cbpe(cbpeRows(reference, mapping, threshold), cbpeRows(current, mapping, threshold), {
    task: mapping.task,
    classes: mapping.task === 'binary' ? [mapping.posLabel!] : mapping.probaClasses!,
    referenceFile: reference.fileName,
    currentFile: current.fileName,
    probaColumns: mapping.proba,
  });
}
