/**
 * Messages between the engine client (main process or command line) and the engine worker, and between
 * the engine worker and its per-file parse workers. Errors cross as plain data and are rebuilt on arrival.
 */
import type { DatasetRole, DatasetSummary, LoadProgress } from '../../shared/api';
import type { AnalysisResult, AnalysisSettings } from '../../shared/report/analysis-result';
import type { ColumnarTable } from '../../shared/table/columnar';
import type { TimelineOptions } from '../../shared/timeline/analyze-timeline';
import type { Timeline } from '../../shared/timeline/types';
import type { ExploreRequest } from './explore';

/** The two datasets of the API, plus a labels file joined into current by ID (the feedback loop). */
export type EngineRole = DatasetRole | 'labels';

export type EngineRequest =
  | { type: 'load'; role: EngineRole; path: string }
  | { type: 'cancel'; role: EngineRole }
  | { type: 'analyze'; settings: AnalysisSettings }
  | { type: 'timeline'; settings: AnalysisSettings; options: TimelineRequestOptions }
  /** Several current files as batches: each loaded in turn; current becomes their concatenation. */
  | { type: 'load-batches'; paths: string[] }
  /** The timeline of the loaded batches, one chunk each (chunking kind 'batch'). */
  | { type: 'timeline-batches'; settings: AnalysisSettings; options: TimelineRequestOptions }
  | ExploreRequest;

/** The timeline's options as they cross the thread boundary (progress comes back as messages). */
export type TimelineRequestOptions = Omit<TimelineOptions, 'onProgress'>;

/** Chunks analysed so far of a running timeline request. */
export interface TimelineProgress {
  done: number;
  total: number;
}

export interface EngineResults {
  load: DatasetSummary;
  cancel: undefined;
  analyze: AnalysisResult;
  timeline: Timeline;
  'load-batches': BatchLoadResult;
  'timeline-batches': Timeline;
}

/** The batch files that loaded (as one current dataset) and, for each that did not, why. */
export interface BatchLoadResult {
  current: DatasetSummary;
  loaded: string[];
  failed: { file: string; message: string }[];
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  kind: 'dataset' | 'cancelled' | 'internal';
  file?: string | null;
  line?: number | null;
  column?: string | null;
}

export type EngineMessage =
  | { type: 'response'; seq: number; result: unknown }
  | { type: 'response'; seq: number; error: SerializedError }
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'timeline-progress'; progress: TimelineProgress };

export type ParseWorkerMessage =
  | { type: 'progress'; bytesRead: number; bytesTotal: number; rows: number }
  | { type: 'table'; table: ColumnarTable }
  | { type: 'error'; error: SerializedError };

/** Typed arrays of a table, for a postMessage transfer list (moved, not copied). */
export function transferablesOf(table: ColumnarTable): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of table.columns) {
    if (column.storage === 'number') {
      buffers.push(column.values.buffer as ArrayBuffer);
      if (column.sorted) buffers.push(column.sorted.buffer as ArrayBuffer);
    } else buffers.push(column.codes.buffer as ArrayBuffer);
  }
  return buffers;
}
