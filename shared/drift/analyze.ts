/**
 * The whole analysis of a reference table against a current table: per column, the type (inferred on the
 * reference), the drift test (docs/statistics.md §3, or the user's override), its score and verdict (§4), both
 * sets' statistics and plotting bins; then the dataset verdict (share of drifted tested columns).
 * Columns keep the reference file's order; columns in one file only are reported, not analysed.
 */

import { DatasetError } from '../dataset-error';
import {
  type DetectorInput,
  detectorInput,
  type MultivariateResult,
  runDetectors,
} from '../multivariate/analyze-multivariate';
import { modelColumns, modelQuality } from '../performance/for-analysis';
import { servingStep } from '../performance/serving-for-analysis';
import type {
  AnalysisResult,
  AnalysisSettings,
  ColumnResult,
  ColumnSummary,
  DatasetVerdict,
  FileInfo,
} from '../report/analysis-result';
import { SCHEMA_VERSION } from '../report/analysis-result';
import { countDistinctUnion } from '../stats/sorted';
import type { Column, ColumnarTable } from '../table/columnar';
import { inferColumnType } from '../table/infer-type';
import type { ColumnType } from '../types';
import { categoryChanges } from './category-changes';
import { chooseTest } from './choose-test';
import {
  type CategoricalSide,
  categoricalPair,
  categoricalSide,
  type NumericSide,
  numericPair,
  numericSide,
} from './column-pair';
import { isDrift } from './decision';
import { categoricalDistribution, numericDistribution } from './distribution';
import { isTested } from './is-tested';
import { TEST_REGISTRY } from './methods/registry';
import { missingShareDrift } from './missing-drift';
import { adjustPValues } from './multiple-testing';
import type { PairedSample } from './sample';
import {
  DECIMAL_COMMA_HINT,
  looksLikeDecimalComma,
  NOT_TESTED_TYPE,
  noNumbersReason,
  notApplicableNote,
  noValuesReason,
  UNIQUE_ENOUGH,
} from './selection';
import { DEFAULT_MISSING_DRIFT } from './settings';
import { categoricalSummary, numericSummary } from './summary';

export interface AnalyzeContext {
  version: string;
  now: Date;
}

function fileInfo(table: ColumnarTable): FileInfo {
  return {
    file: table.fileName,
    rows: table.rowCount,
    columns: table.columns.length,
    bytes: table.byteLength,
    delimiter: table.delimiter,
    warnings: table.warnings,
    ...(table.sha256 !== undefined ? { sha256: table.sha256 } : {}),
    ...(table.encoding !== undefined ? { encoding: table.encoding } : {}),
    ...(table.format !== undefined ? { format: table.format } : {}),
  };
}

/** The summary of a column with no values: every one of `rows` missing. */
export function emptySummary(rows: number): ColumnSummary {
  return {
    count: 0,
    missing: rows,
    invalid: 0,
    mean: null,
    std: null,
    min: null,
    q25: null,
    median: null,
    q75: null,
    max: null,
    unique: 0,
    top: null,
  };
}

/** A column result without a test (every test field null, no drift), with its note and summaries. */
export function untested(
  name: string,
  type: ColumnType | null,
  note: string | null,
  ref: ColumnSummary,
  cur: ColumnSummary,
): ColumnResult {
  return {
    name,
    type,
    test: null,
    testKind: null,
    threshold: null,
    score: null,
    pValue: null,
    pValueAdjusted: null,
    statistic: null,
    driftDetected: false,
    effectSize: null,
    typeSource: 'inferred',
    missingDrift: null,
    newCategories: null,
    vanishedCategories: null,
    reference: ref,
    current: cur,
    note,
    distribution: null,
  };
}

function typeConflictNote(cur: NumericSide): string | null {
  if (cur.invalid === 0) return null;
  return `Type conflict: ${cur.invalid} current value(s) are not numbers (first: "${cur.firstInvalid}"); they are left out of the test.`;
}

function invalidNote(side: NumericSide, file: string): string | null {
  if (side.invalid === 0) return null;
  return `${file}: ${side.invalid} value(s) are not numbers (first: "${side.firstInvalid}"); they are left out of the test.`;
}

interface Prepared {
  sample: PairedSample;
  nRef: number;
  nCur: number;
  /** Distinct values of reference ∪ current, capped at UNIQUE_ENOUGH (all the test choice reads). */
  nUnique: number;
  reference: ColumnSummary;
  current: ColumnSummary;
  notes: string[];
  /** Numerical columns: both sides as read, for the note when one side has no number at all. */
  sides: { reference: NumericSide; current: NumericSide } | null;
}

function prepare(type: ColumnType, ref: Column, cur: Column, refFile: string, curFile: string): Prepared {
  if (type === 'numerical') {
    const r = numericSide(ref);
    const c = numericSide(cur);
    const notes = [
      invalidNote(r, refFile),
      cur.storage === 'string' ? typeConflictNote(c) : invalidNote(c, curFile),
    ];
    return {
      sample: numericPair(r, c),
      nRef: r.sorted.length,
      nCur: c.sorted.length,
      nUnique: countDistinctUnion(r.sorted, c.sorted, UNIQUE_ENOUGH),
      reference: numericSummary(r),
      current: numericSummary(c),
      notes: notes.filter((n): n is string => n !== null),
      sides: { reference: r, current: c },
    };
  }
  const r: CategoricalSide = categoricalSide(ref);
  const c: CategoricalSide = categoricalSide(cur);
  const pair = categoricalPair(r, c);
  return {
    sample: pair,
    nRef: pair.reference.reduce((a, b) => a + b, 0),
    nCur: pair.current.reduce((a, b) => a + b, 0),
    nUnique: pair.labels.length,
    reference: categoricalSummary(r),
    current: categoricalSummary(c),
    notes: [],
    sides: null,
  };
}

/** Jensen–Shannon distance on the §6 bins: the effect size shown next to every p-value. */
function effectSize(sample: PairedSample): ColumnResult['effectSize'] {
  const value = TEST_REGISTRY.jensenshannon.run(sample).score;
  return value === null ? null : { measure: 'jensenshannon', value };
}

function analyzeColumn(
  ref: Column,
  cur: Column,
  settings: AnalysisSettings,
  refTable: ColumnarTable,
  curTable: ColumnarTable,
): ColumnResult {
  const override = settings.columns?.[ref.name]?.type ?? null;
  const type = override ?? inferColumnType(ref);
  const typeSource = override ? 'override' : 'inferred';
  const result = testColumn(type, ref, cur, settings, refTable, curTable);
  const missing = missingShareDrift(
    result.reference.missing,
    refTable.rowCount,
    result.current.missing,
    curTable.rowCount,
    settings.missingDrift ?? DEFAULT_MISSING_DRIFT,
  );
  return { ...result, typeSource, missingDrift: missing };
}

function testColumn(
  type: ColumnType,
  ref: Column,
  cur: Column,
  settings: AnalysisSettings,
  refTable: ColumnarTable,
  curTable: ColumnarTable,
): ColumnResult {
  if (type === 'text' || type === 'datetime' || type === 'id') {
    const r = categoricalSummary(categoricalSide(ref));
    const c = categoricalSummary(categoricalSide(cur));
    const specific = settings.columns?.[ref.name]?.test ?? settings.types?.[type]?.test ?? null;
    const typeNote = specific
      ? `${NOT_TESTED_TYPE[type]} ${notApplicableNote(specific, type, false)}`
      : NOT_TESTED_TYPE[type];
    const decimalComma = ref.storage === 'string' && looksLikeDecimalComma(ref.dictionary);
    const note = decimalComma ? `${typeNote} ${DECIMAL_COMMA_HINT}` : typeNote;
    return untested(ref.name, type, note, r, c);
  }
  const p = prepare(type, ref, cur, refTable.fileName, curTable.fileName);
  const changes = p.sample.kind === 'categorical' ? categoryChanges(p.sample) : null;
  const base = {
    ...untested(ref.name, type, '', p.reference, p.current),
    newCategories: changes?.newCategories ?? null,
    vanishedCategories: changes?.vanishedCategories ?? null,
  };
  if (p.nRef === 0 || p.nCur === 0) {
    const empty = p.nRef === 0 ? refTable.fileName : curTable.fileName;
    const side = p.sides && (p.nRef === 0 ? p.sides.reference : p.sides.current);
    const note =
      side && side.invalid > 0
        ? noNumbersReason(empty, side.invalid, side.firstInvalid)
        : noValuesReason(empty);
    return { ...base, note };
  }
  const choice = chooseTest(settings, ref.name, type, p.nRef, p.nUnique);
  const distribution =
    p.sample.kind === 'numeric' ? numericDistribution(p.sample) : categoricalDistribution(p.sample);
  if (choice.test === null) return { ...base, note: choice.note, distribution };
  const entry = TEST_REGISTRY[choice.test];
  const outcome = entry.run(p.sample);
  const notes = [...p.notes];
  if (choice.note) notes.push(choice.note);
  if (outcome.reason) notes.push(outcome.reason);
  return {
    ...base,
    test: choice.test,
    testKind: entry.kind,
    threshold: choice.threshold,
    score: outcome.score,
    pValue: outcome.pValue,
    statistic: outcome.statistic,
    driftDetected: isDrift(choice.test, outcome.score, choice.threshold),
    effectSize: effectSize(p.sample),
    note: notes.length > 0 ? notes.join(' ') : null,
    distribution,
  };
}

/**
 * Applies the multiple-testing correction to the p-value tests: the adjusted p-value replaces the raw
 * one in the verdict (the raw one stays in `pValue`).
 */
export function applyCorrection(columns: ColumnResult[], settings: AnalysisSettings): ColumnResult[] {
  const method = settings.correction ?? 'none';
  if (method === 'none') return columns;
  const pValues = columns.map((c) => (c.testKind === 'p_value' ? c.pValue : null));
  const adjusted = adjustPValues(pValues, method);
  return columns.map((c, i) => {
    const p = adjusted[i];
    if (p === null || c.test === null || c.threshold === null) return c;
    return { ...c, pValueAdjusted: p, driftDetected: isDrift(c.test, p, c.threshold) };
  });
}

export function datasetVerdict(columns: ColumnResult[], settings: AnalysisSettings): DatasetVerdict {
  const { shareThreshold } = settings;
  const tested = columns.filter(isTested);
  const drifted = tested.filter((c) => c.driftDetected).length;
  const driftShare = tested.length > 0 ? drifted / tested.length : 0;
  return {
    driftDetected: tested.length > 0 && driftShare >= shareThreshold,
    driftShare,
    driftedColumns: drifted,
    testedColumns: tested.length,
    shareThreshold,
    missingDriftColumns: columns.filter((c) => c.missingDrift?.driftDetected).length,
    correction: settings.correction ?? 'none',
  };
}

/**
 * The two-file analysis. `scope: 'chunk'` is a timeline chunk's: only what a chunk reports
 * (shared/timeline/chunk-result.ts), so no champion/challenger comparison and serving without the KS
 * test, the p95 interval and the histogram (their bootstraps, discarded per chunk, cost the most).
 * `detectors: 'deferred'` leaves the multivariate detectors out even when the settings enable them: the
 * caller runs them elsewhere (another thread, on multivariateInput) and adds them with withMultivariate.
 * `precomputed`: results of columnResultsOf for some columns (by name), used instead of testing them again
 * (the caller computed them on two threads).
 */
export function analyzeTables(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: AnalysisSettings,
  context: AnalyzeContext,
  scope: 'full' | 'chunk' = 'full',
  detectors: 'inline' | 'deferred' = 'inline',
  precomputed?: ReadonlyMap<string, ColumnResult>,
): AnalysisResult {
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const referenceNames = new Set(reference.columns.map((c) => c.name));
  const onlyInReference = reference.columns.filter((c) => !currentByName.has(c.name)).map((c) => c.name);
  const onlyInCurrent = current.columns.filter((c) => !referenceNames.has(c.name)).map((c) => c.name);
  const ignore = new Set(settings.ignore ?? []);
  const ignored = [...reference.columns, ...current.columns].map((c) => c.name).filter((n) => ignore.has(n));
  let columns: ColumnResult[] = [];
  for (const ref of reference.columns) {
    if (ignore.has(ref.name)) continue;
    const cur = currentByName.get(ref.name);
    if (cur === undefined) {
      const summary = emptySummary(current.rowCount);
      const note = `Missing from ${current.fileName}: not tested.`;
      columns.push(
        untested(ref.name, inferColumnType(ref), note, categoricalSummary(categoricalSide(ref)), summary),
      );
    } else columns.push(precomputed?.get(ref.name) ?? analyzeColumn(ref, cur, settings, reference, current));
  }
  for (const name of onlyInCurrent) {
    if (ignore.has(name)) continue;
    const cur = currentByName.get(name)!;
    const note = `Missing from ${reference.fileName}: not tested.`;
    columns.push(
      untested(name, null, note, emptySummary(reference.rowCount), categoricalSummary(categoricalSide(cur))),
    );
  }
  if (columns.length > 0 && onlyInReference.length === reference.columns.length) {
    // Nothing in common is almost always a delimiter or header problem; say so rather than report nothing.
    throw new DatasetError(
      `${reference.fileName} and ${current.fileName} have no column in common. Check that both use the same header and delimiter.`,
      current.fileName,
    );
  }
  columns = applyCorrection(columns, settings);
  const quality = modelQuality(reference, current, settings.performance, { withShadow: scope === 'full' });
  const multivariate =
    settings.multivariate?.enabled && detectors === 'inline'
      ? runDetectors(multivariateInput(reference, current, settings), settings.multivariate)
      : undefined;
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: context.now.toISOString(),
    driftscopeVersion: context.version,
    reference: fileInfo(reference),
    current: fileInfo(current),
    dataset: datasetVerdict(columns, settings),
    columns,
    onlyInReference,
    onlyInCurrent,
    ignored: [...new Set(ignored)],
    performance: quality.performance,
    performanceNote: quality.note,
    ...(multivariate && { multivariate }),
    serving: servingStep(reference, current, settings.performance, { summaryOnly: scope === 'chunk' }),
    settings,
  };
}

/**
 * The results of the named columns, each in both tables, as analyzeTables computes them (before the
 * multiple-testing correction, which analyzeTables applies over all columns). A column's result depends
 * only on its two columns, the settings and the tables' file names and row counts, so a share of the
 * columns can be computed on another thread from tables holding only those columns.
 */
export function columnResultsOf(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: AnalysisSettings,
  names: readonly string[],
): ColumnResult[] {
  const inReference = new Map(reference.columns.map((c) => [c.name, c]));
  const inCurrent = new Map(current.columns.map((c) => [c.name, c]));
  return names.map((name) => {
    const ref = inReference.get(name);
    const cur = inCurrent.get(name);
    if (!ref || !cur) throw new RangeError(`columnResultsOf: "${name}" is not in both tables`);
    return analyzeColumn(ref, cur, settings, reference, current);
  });
}

/**
 * The multivariate detectors' input for the analysis of these tables: every numerical and categorical
 * column in both, typed as analyzeColumn types it (the override, else the type inferred on the reference),
 * the model's columns left out (modelColumns). Computed before the per-column tests, so that the
 * detectors can run beside them.
 */
export function multivariateInput(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: AnalysisSettings,
): DetectorInput {
  const ignore = new Set(settings.ignore ?? []);
  const inCurrent = new Set(current.columns.map((c) => c.name));
  const typed: { name: string; type: ColumnType }[] = [];
  for (const ref of reference.columns)
    if (!ignore.has(ref.name) && inCurrent.has(ref.name))
      typed.push({ name: ref.name, type: settings.columns?.[ref.name]?.type ?? inferColumnType(ref) });
  return detectorInput(
    reference,
    current,
    typedForDetectors(typed),
    settings.multivariate ?? {},
    modelColumns(reference, current, settings.performance),
  );
}

/** The analysis result with the detectors' result added where analyzeTables puts it. */
export function withMultivariate(result: AnalysisResult, multivariate: MultivariateResult): AnalysisResult {
  const { serving, settings, ...head } = result;
  return { ...head, multivariate, serving, settings };
}

/** The numerical and categorical columns of the analysis, for the multivariate detectors. */
export function multivariateColumns(
  columns: readonly ColumnResult[],
): { name: string; type: 'numerical' | 'categorical' }[] {
  return typedForDetectors(columns);
}

function typedForDetectors(
  columns: readonly { name: string; type: ColumnType | null }[],
): { name: string; type: 'numerical' | 'categorical' }[] {
  const out: { name: string; type: 'numerical' | 'categorical' }[] = [];
  for (const c of columns)
    if (c.type === 'numerical' || c.type === 'categorical') out.push({ name: c.name, type: c.type });
  return out;
}

/**
 * `previous` with one column re-tested under `settings` (the app's column settings): the other columns
 * keep their tests and scores, the multiple-testing correction and the dataset verdict are applied again
 * to all of them, so the result equals a full analysis with the same settings.
 *
 * @throws DatasetError when the column is not in both tables.
 */
export function recomputeColumn(
  previous: AnalysisResult,
  reference: ColumnarTable,
  current: ColumnarTable,
  name: string,
  settings: AnalysisSettings,
): AnalysisResult {
  const index = previous.columns.findIndex((c) => c.name === name);
  const ref = reference.columns.find((c) => c.name === name);
  const cur = current.columns.find((c) => c.name === name);
  if (index < 0 || !ref || !cur) {
    throw new DatasetError(
      `Column "${name}" is not in both files: it cannot be re-tested.`,
      current.fileName,
    );
  }
  const raw = previous.columns.map((c, i) => {
    if (i === index) return analyzeColumn(ref, cur, settings, reference, current);
    if (c.test === null || c.threshold === null) return c;
    return { ...c, pValueAdjusted: null, driftDetected: isDrift(c.test, c.score, c.threshold) };
  });
  const columns = applyCorrection(raw, settings);
  return { ...previous, columns, dataset: datasetVerdict(columns, settings), settings };
}
