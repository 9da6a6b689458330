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
import { modelColumns } from '../performance/for-analysis';
import type { AnalysisResult } from '../report/analysis-result';
import type { ColumnarTable } from '../table/columnar';
import { inferColumnType } from '../table/infer-type';
import { chunkMultivariate } from './chunk-multivariate';
import { type ChunkPlan, rowRange } from './chunk-plan';
import { analysedChunk, unanalysedChunk } from './chunk-result';
import { cutTable, invalidCellNotes, spanOf, timeNotes } from './cut-table';
import {
  applyReferenceThresholds,
  forcedSettings,
  median,
  modalChoices,
  referenceCut,
  referenceThresholds,
} from './reference-period';
import { sliceComplement, sliceTable, withSortedColumns } from './slice-table';
import { SortedChunks } from './sorted-chunks';
import { readTimeAxis, type TimeAxis } from './time-axis';
import type { Chunking, Timeline, TimelineChunk } from './types';

export const DEFAULT_REFERENCE_K = 3;

export interface TimelineOptions {
  chunking: Chunking;
  /** Cut the reference the same way and show its chunks (scored leave-one-out) before the analysis ones. */
  referenceChunks?: boolean;
  /** Derive thresholds mean ± K·sd from the reference chunks (`--threshold-from-reference [K]`). */
  thresholdFromReference?: { k?: number } | null;
  /** Called after each chunk with (done, total) for progress. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called before each chunk is analysed; it throws to abandon the timeline (the engine worker throws its
   * CancelledError there once the client asked to cancel). The analysis itself is synchronous, so this is
   * the only point where a running timeline can stop.
   */
  checkpoint?: () => void;
}

/** The options that can be written down (a settings file's `timeline` block, a request to the worker). */
export type TimelineSpec = Omit<TimelineOptions, 'onProgress' | 'checkpoint'>;

type Chunk = Omit<TimelineChunk, 'index'>;

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
  // The multivariate detectors: the reconstruction error per chunk from one reference fit and the domain classifier
  // (chunk-multivariate.ts), not the full detectors inside every chunk's and reference chunk's analysis.
  const multivariate = settings.multivariate?.enabled ? settings.multivariate : null;
  if (multivariate) settings = { ...settings, multivariate: { ...multivariate, enabled: false } };
  const chunkRun = withInferredTypes(settings, ref);
  // 1. The analysis chunks.
  // A job's table is the batch itself, or cut when its turn comes (one chunk in memory).
  const jobs: {
    plan: ChunkPlan;
    table?: ColumnarTable;
    chunk?: () => ColumnarTable;
    file?: string;
  }[] = [];
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
    const chunks = new SortedChunks(
      current,
      cut.plans.map((p) => p.rows),
      ref,
    );
    cut.plans.forEach((plan, index) => {
      jobs.push({ plan, chunk: () => chunks.chunk(index, `${current.fileName} [${plan.label}]`) });
    });
  }
  const wantReference = options.referenceChunks === true || options.thresholdFromReference != null;
  const referenceSide = wantReference
    ? referenceCut(
        ref,
        chunking,
        jobs.map((j) => j.plan),
        notes,
        timestamps,
      )
    : null;
  const referencePlans = referenceSide?.plans ?? [];
  const total = jobs.length + referencePlans.length;
  let done = 0;
  const results: (AnalysisResult | null)[] = [];
  const analysis: Chunk[] = [];
  for (const job of jobs) {
    options.checkpoint?.();
    let result: AnalysisResult | null = null;
    let chunk: Chunk;
    const { plan } = job;
    const table = job.table ?? (plan.rows.length === 0 || !job.chunk ? null : job.chunk());
    if (table === null) chunk = unanalysedChunk(plan, 'analysis');
    else {
      try {
        result = analyzeTables(ref, table, chunkRun, context, 'chunk');
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
  if (multivariate) {
    const first = results.find((r): r is AnalysisResult => r !== null);
    const firstTable = jobs[0]?.table ?? (Array.isArray(current) ? undefined : current);
    const scored = chunkMultivariate(
      ref,
      jobs.map((job, i) => {
        const table = job.table ?? (Array.isArray(current) ? undefined : current);
        return results[i] && table ? { table, rows: job.plan.rows } : null;
      }),
      first?.columns ?? [],
      multivariate,
      firstTable ? modelColumns(ref, firstTable, settings.performance) : [],
    );
    scored.forEach((m, i) => {
      if (!m) return;
      analysis[i].multivariate = m.multivariate;
      analysis[i].notes.push(...m.notes);
    });
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
    options.checkpoint?.();
    if (plan.rows.length === 0 || plan.rows.length === ref.rowCount) {
      const why =
        plan.rows.length === 0
          ? []
          : ['This chunk is the whole reference: there is no rest to compare it with.'];
      referenceChunks.push(unanalysedChunk(plan, 'reference', why));
    } else {
      const part = sliceTable(ref, plan.rows, `${ref.fileName} [${plan.label}]`);
      const rest = sliceComplement(ref, plan.rows, part, `${ref.fileName} [without ${plan.label}]`);
      const result = analyzeTables(rest, part, looSettings, context, 'chunk');
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
      chunking: referenceSide!.chunking,
      thresholds,
    };
  }
  return timeline;
}
