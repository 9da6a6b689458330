/**
 * The timeline (docs/timeline.md): the current data cut into chunks (or several current tables as
 * batches), each chunk compared with the whole reference by `analyzeTables`, the same two-file analysis
 * as without a timeline (same automatic test choice, settings, correction and overrides), so a chunk's
 * scores are bit for bit those of the reference against that chunk alone. Optionally the reference is cut
 * the same way and each reference chunk scored against the rest of the reference (leave-one-out), which
 * gives the reference period of the timeline and thresholds mean ± K·sd (reference-bound.ts).
 */
import { DatasetError } from '../dataset-error';
import { type AnalyzeContext, analyzeTables } from '../drift/analyze';
import type { AnalysisSettings } from '../drift/settings';
import type { AnalysisResult } from '../report/analysis-result';
import type { ColumnarTable } from '../table/columnar';
import { inferColumnType } from '../table/infer-type';
import { chunkByPeriod } from './chunk-by-period';
import { chunkByCount, chunkBySize } from './chunk-by-rows';
import type { ChunkPlan } from './chunk-plan';
import { rowRange } from './chunk-plan';
import { analysedChunk, unanalysedChunk } from './chunk-result';
import { formatInstant } from './parse-timestamp';
import { type AlertDirection, beyondBound, referenceBound } from './reference-bound';
import { sliceComplement, sliceTable, withSortedColumns } from './slice-table';
import { readTimeAxis, type TimeAxis } from './time-axis';
import type { Chunking, ReferenceThreshold, Timeline, TimelineChunk } from './types';

export const DEFAULT_REFERENCE_K = 3;

export interface TimelineOptions {
  chunking: Chunking;
  /** Cut the reference the same way and show its chunks (scored leave-one-out) before the analysis ones. */
  referenceChunks?: boolean;
  /** Derive thresholds mean ± K·sd from the reference chunks (`--threshold-from-reference [K]`). */
  thresholdFromReference?: { k?: number } | null;
  /** Called after each chunk with (done, total) for progress. */
  onProgress?: (done: number, total: number) => void;
}

type Chunk = Omit<TimelineChunk, 'index'>;

interface Cut {
  plans: ChunkPlan[];
  axis: TimeAxis | null;
}

/** Min and max instant of the rows, in the axis's offset. */
function spanOf(axis: TimeAxis, rows: Int32Array): { start: string | null; end: string | null } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const t = axis.ms[rows[i]];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (!(min <= max)) return { start: null, end: null };
  return { start: formatInstant(min, axis.offsetMinutes), end: formatInstant(max, axis.offsetMinutes) };
}

function timeNotes(file: string, axis: TimeAxis): string[] {
  const r = axis.report;
  const notes = [...axis.notes];
  const none = r.missing + r.unparsable;
  if (none > 0) {
    const first = r.firstUnparsable === null ? '' : ` (first unreadable: "${r.firstUnparsable}")`;
    notes.push(
      `${file}: ${none} row(s) have no readable timestamp in "${r.column}" (${r.missing} empty, ${r.unparsable} unreadable${first}); they are in no period chunk.`,
    );
  }
  return notes;
}

/** Cuts one table by a row or period chunking (batches are cut by the caller). */
function cutTable(table: ColumnarTable, chunking: Chunking, notes: string[]): Cut {
  const file = table.fileName;
  const axis = chunking.timeColumn === undefined ? null : readTimeAxis(table, chunking.timeColumn);
  if (axis) notes.push(...timeNotes(file, axis));
  let plans: ChunkPlan[];
  if (chunking.kind === 'period') plans = chunkByPeriod(axis!, chunking.period, file);
  else if (chunking.kind === 'size') plans = chunkBySize(table.rowCount, chunking.size, file);
  else if (chunking.kind === 'count') plans = chunkByCount(table.rowCount, chunking.count, file);
  else throw new DatasetError('Batch chunking takes several current tables.', file);
  if (axis && chunking.kind !== 'period') for (const p of plans) Object.assign(p, spanOf(axis, p.rows));
  return { plans, axis };
}

function invalidCellNotes(table: ColumnarTable): string[] {
  return table.columns
    .filter((c) => c.storage === 'number' && c.invalidCount > 0)
    .map(
      (c) =>
        `${table.fileName}: column "${c.name}" has ${(c as { invalidCount: number }).invalidCount} cell(s) that are not numbers; in chunks they count as missing.`,
    );
}

/** Orders batch tables by their earliest timestamp when they have the time column, else by file name. */
function orderBatches(tables: ColumnarTable[], timeColumn: string | undefined, notes: string[]) {
  const byName = (a: ColumnarTable, b: ColumnarTable) =>
    a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0;
  const entries = tables.map((table) => {
    if (timeColumn === undefined) return { table, axis: null as TimeAxis | null, first: Number.NaN };
    try {
      const axis = readTimeAxis(table, timeColumn);
      notes.push(...timeNotes(table.fileName, axis));
      let first = Number.POSITIVE_INFINITY;
      for (let i = 0; i < axis.ms.length; i++) if (axis.ms[i] < first) first = axis.ms[i];
      return { table, axis, first };
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      notes.push(`${error.message} It is ordered by file name after the batches that have one.`);
      return { table, axis: null, first: Number.POSITIVE_INFINITY };
    }
  });
  return entries.sort((a, b) =>
    a.first === b.first || (Number.isNaN(a.first) && Number.isNaN(b.first))
      ? byName(a.table, b.table)
      : a.first - b.first,
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)];
};

/**
 * The settings of every chunk's analysis: the user's, with the time column ignored (it is the axis, not a
 * feature: a timestamp always "drifts" between periods, and as a text column it would be summarised again
 * for each chunk).
 */
export function chunkSettings(settings: AnalysisSettings, chunking: Chunking): AnalysisSettings {
  const time = chunking.timeColumn;
  if (time === undefined || settings.ignore?.includes(time)) return settings;
  return { ...settings, ignore: [...(settings.ignore ?? []), time] };
}

/**
 * The settings with each reference column's inferred type written as its type, where the user set none:
 * the same type the analysis infers (inferColumnType on the reference), computed once instead of once per
 * chunk. Only `typeSource` of the per-chunk results changes, and the timeline does not show it.
 */
function withInferredTypes(settings: AnalysisSettings, ref: ColumnarTable): AnalysisSettings {
  const columns = { ...(settings.columns ?? {}) };
  for (const column of ref.columns) {
    if (settings.ignore?.includes(column.name) || columns[column.name]?.type) continue;
    columns[column.name] = { ...(columns[column.name] ?? {}), type: inferColumnType(column) };
  }
  return { ...settings, columns };
}

/** Settings that force, per column, the type and test the analysis chunks used (for leave-one-out). */
function forcedSettings(settings: AnalysisSettings, modal: Map<string, ColumnChoice>): AnalysisSettings {
  const columns = { ...(settings.columns ?? {}) };
  for (const [name, choice] of modal)
    columns[name] = { ...(columns[name] ?? {}), type: choice.type, test: choice.test };
  return { ...settings, columns };
}

interface ColumnChoice {
  type: NonNullable<AnalysisResult['columns'][number]['type']>;
  test: NonNullable<AnalysisResult['columns'][number]['test']>;
  kind: 'p_value' | 'distance';
}

/** The most frequent (type, test) of each column over the analysed chunks (first seen wins ties). */
function modalChoices(results: AnalysisResult[]): Map<string, ColumnChoice> {
  const tally = new Map<string, Map<string, { choice: ColumnChoice; n: number }>>();
  for (const r of results) {
    for (const c of r.columns) {
      if (c.test === null || c.type === null || c.testKind === null) continue;
      const key = `${c.type}/${c.test}`;
      const byKey = tally.get(c.name) ?? new Map();
      const entry = byKey.get(key) ?? { choice: { type: c.type, test: c.test, kind: c.testKind }, n: 0 };
      entry.n++;
      byKey.set(key, entry);
      tally.set(c.name, byKey);
    }
  }
  const out = new Map<string, ColumnChoice>();
  for (const [name, byKey] of tally) {
    let best: { choice: ColumnChoice; n: number } | null = null;
    for (const e of byKey.values()) if (best === null || e.n > best.n) best = e;
    out.set(name, best!.choice);
  }
  return out;
}

/**
 * @param current one table (size, count, period chunking) or the batch tables (kind 'batch').
 * @throws DatasetError for a chunking that cannot apply (no time column, mixed formats, bad size); the
 * caller keeps the two-file analysis and shows the message.
 */
export function analyzeTimeline(
  reference: ColumnarTable,
  current: ColumnarTable | ColumnarTable[],
  settings: AnalysisSettings,
  context: AnalyzeContext,
  options: TimelineOptions,
): Timeline {
  const { chunking } = options;
  const notes: string[] = [];
  const timestamps: NonNullable<Timeline['timestamps']> = {};
  const ref = withSortedColumns(reference);
  settings = chunkSettings(settings, chunking);
  const chunkRun = withInferredTypes(settings, ref);
  // 1. The analysis chunks.
  const jobs: { plan: ChunkPlan; table: ColumnarTable | null; file?: string }[] = [];
  if (chunking.kind === 'batch') {
    const tables = Array.isArray(current) ? current : [current];
    for (const { table, axis } of orderBatches(tables, chunking.timeColumn, notes)) {
      if (axis) timestamps[table.fileName] = axis.report;
      const plan: ChunkPlan = {
        label: table.fileName,
        rows: rowRange(0, table.rowCount),
        start: null,
        end: null,
        notes: [],
      };
      if (axis) Object.assign(plan, spanOf(axis, plan.rows));
      jobs.push({ plan, table, file: table.fileName });
    }
  } else {
    if (Array.isArray(current)) {
      throw new DatasetError(
        `A ${chunking.kind} chunking takes one current file (several files are batches).`,
        reference.fileName,
      );
    }
    const cut = cutTable(current, chunking, notes);
    if (cut.axis) timestamps[current.fileName] = cut.axis.report;
    notes.push(...invalidCellNotes(current));
    for (const plan of cut.plans) {
      const table =
        plan.rows.length === 0 ? null : sliceTable(current, plan.rows, `${current.fileName} [${plan.label}]`);
      jobs.push({ plan, table });
    }
  }
  const wantReference = options.referenceChunks === true || options.thresholdFromReference != null;
  const referencePlans = wantReference
    ? referenceCut(
        ref,
        chunking,
        jobs.map((j) => j.plan),
        notes,
        timestamps,
      )
    : [];
  const total = jobs.length + referencePlans.length;
  let done = 0;
  const results: (AnalysisResult | null)[] = [];
  const analysis: Chunk[] = [];
  for (const job of jobs) {
    let result: AnalysisResult | null = null;
    let chunk: Chunk;
    if (job.table === null) chunk = unanalysedChunk(job.plan, 'analysis');
    else {
      try {
        result = analyzeTables(ref, job.table, chunkRun, context);
        chunk = analysedChunk(job.plan, result, 'analysis');
      } catch (error) {
        if (!(error instanceof DatasetError)) throw error;
        chunk = unanalysedChunk(job.plan, 'analysis', [error.message]);
      }
    }
    if (job.file !== undefined) chunk.file = job.file;
    results.push(result);
    analysis.push(chunk);
    options.onProgress?.(++done, total);
  }
  // Model quality absent in some chunks while others have it: say why there.
  if (results.some((r) => r?.performance)) {
    results.forEach((r, i) => {
      if (r && r.performance === null && r.performanceNote) analysis[i].notes.push(r.performanceNote);
    });
  }
  // 2. The reference chunks, each against the rest of the reference, with the analysis chunks' tests.
  const analysed = results.filter((r): r is AnalysisResult => r !== null);
  const modal = modalChoices(analysed);
  const looSettings = forcedSettings(settings, modal);
  const referenceChunks: Chunk[] = [];
  const referenceResults: AnalysisResult[] = [];
  for (const plan of referencePlans) {
    if (plan.rows.length === 0 || plan.rows.length === ref.rowCount) {
      const why =
        plan.rows.length === 0
          ? []
          : ['This chunk is the whole reference: there is no rest to compare it with.'];
      referenceChunks.push(unanalysedChunk(plan, 'reference', why));
    } else {
      const part = sliceTable(ref, plan.rows, `${ref.fileName} [${plan.label}]`);
      const rest = sliceComplement(ref, plan.rows, part, `${ref.fileName} [without ${plan.label}]`);
      const result = analyzeTables(rest, part, looSettings, context);
      referenceResults.push(result);
      referenceChunks.push(analysedChunk(plan, result, 'reference'));
    }
    options.onProgress?.(++done, total);
  }
  const timeline: Timeline = {
    chunking,
    chunks: [...(options.referenceChunks ? referenceChunks : []), ...analysis].map((c, index) => ({
      index,
      ...c,
    })),
    notes,
  };
  if (Object.keys(timestamps).length > 0) timeline.timestamps = timestamps;
  if (options.thresholdFromReference != null) {
    const k = options.thresholdFromReference.k ?? DEFAULT_REFERENCE_K;
    if (!(Number.isFinite(k) && k >= 0))
      throw new DatasetError(
        `The reference threshold multiplier must be a number ≥ 0 (got ${k}).`,
        ref.fileName,
      );
    const thresholds = referenceThresholds(referenceResults, modal, k);
    applyReferenceThresholds(timeline.chunks, thresholds);
    timeline.referenceThresholds = {
      k,
      chunkSize: referencePlans.length > 0 ? median(referencePlans.map((p) => p.rows.length)) : null,
      chunking: referenceChunking(
        chunking,
        ref,
        jobs.map((j) => j.plan),
      ),
      thresholds,
    };
  }
  return timeline;
}

/** How the reference is cut: the same period when it has the time column, else chunks of the analysis size. */
function referenceChunking(chunking: Chunking, ref: ColumnarTable, plans: ChunkPlan[]): Chunking {
  const hasTime =
    chunking.timeColumn !== undefined && ref.columns.some((c) => c.name === chunking.timeColumn);
  if (chunking.kind === 'period' && hasTime) return chunking;
  if (chunking.kind === 'size') return chunking;
  const sizes = plans.map((p) => p.rows.length).filter((n) => n > 0);
  const size =
    chunking.kind === 'count'
      ? Math.max(1, Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(sizes.length, 1)))
      : Math.max(1, median(sizes));
  return { kind: 'size', size, ...(hasTime && { timeColumn: chunking.timeColumn }) };
}

function referenceCut(
  ref: ColumnarTable,
  chunking: Chunking,
  plans: ChunkPlan[],
  notes: string[],
  timestamps: NonNullable<Timeline['timestamps']>,
): ChunkPlan[] {
  const how = referenceChunking(chunking, ref, plans);
  if (how.kind === 'size' && chunking.kind !== 'size') {
    notes.push(
      `The reference is cut into chunks of ${how.size} rows (the analysis chunks' ${chunking.kind === 'count' ? 'mean' : 'median'} size).`,
    );
  }
  const refNotes: string[] = [];
  const cut = cutTable(ref, how, refNotes);
  notes.push(...refNotes);
  if (cut.axis) timestamps[ref.fileName] = cut.axis.report;
  return cut.plans;
}

function referenceThresholds(
  results: AnalysisResult[],
  modal: Map<string, ColumnChoice>,
  k: number,
): ReferenceThreshold[] {
  const out: ReferenceThreshold[] = [];
  for (const [name, choice] of modal) {
    const scores = results.map((r) => {
      const c = r.columns.find((x) => x.name === name);
      return c && c.test === choice.test ? c.score : null;
    });
    const direction: AlertDirection = choice.kind === 'p_value' ? 'fall' : 'rise';
    out.push({ name, kind: 'column', test: choice.test, ...referenceBound(scores, k, direction) });
  }
  const metrics = new Map<string, AlertDirection>();
  for (const r of results)
    for (const d of r.performance?.decay ?? [])
      metrics.set(d.metric, d.direction === 'higher_is_better' ? 'fall' : 'rise');
  for (const [metric, direction] of metrics) {
    const values = results.map((r) => r.performance?.decay.find((d) => d.metric === metric)?.current ?? null);
    out.push({ name: metric, kind: 'metric', test: null, ...referenceBound(values, k, direction) });
  }
  return out;
}

function applyReferenceThresholds(chunks: TimelineChunk[], thresholds: ReferenceThreshold[]): void {
  const columns = new Map(thresholds.filter((t) => t.kind === 'column').map((t) => [t.name, t]));
  const metrics = thresholds.filter((t) => t.kind === 'metric');
  for (const chunk of chunks) {
    for (const c of chunk.columns) {
      const t = columns.get(c.name);
      c.referenceDriftDetected = t && t.test === c.test ? beyondBound(c.score, t) : null;
    }
    if (chunk.performance) {
      chunk.performance.referenceAlerts = Object.fromEntries(
        metrics.map((t) => [t.name, beyondBound(chunk.performance!.metrics[t.name] ?? null, t)]),
      );
    }
  }
}
