/**
 * Messages between the engine client (main process or command line) and the engine worker, and between
 * the engine worker and its per-file parse workers. Errors cross as plain data and are rebuilt on arrival.
 */
import type { DatasetRole, DatasetSummary, LoadProgress, TimelineProgress } from '../../shared/api';
import type { AnalysisResult, AnalysisSettings } from '../../shared/report/analysis-result';
import type { ColumnarTable } from '../../shared/table/columnar';
import type { TimelineSpec } from '../../shared/timeline/analyze-timeline';
import type { Timeline } from '../../shared/timeline/types';
import type { ExploreRequest } from './explore';

/** The two datasets of the API, plus a labels file joined into current by ID (the feedback loop). */
export type EngineRole = DatasetRole | 'labels';

export type EngineRequest =
  | { type: 'load'; role: EngineRole; path: string }
  | { type: 'cancel'; role: EngineRole }
  | { type: 'analyze'; settings: AnalysisSettings }
  | {
      type: 'timeline';
      settings: AnalysisSettings;
      options: TimelineRequestOptions;
      /** Int32Array(1) over a SharedArrayBuffer: the client stores 1 to cancel (read between chunks). */
      stop?: Int32Array;
    }
  | {
      type: 'focus-chunk';
      settings: AnalysisSettings;
      options: TimelineRequestOptions;
      /** Position among the analysis chunks (reference chunks not counted); null: the whole file again. */
      chunk: number | null;
    }
  | ExploreRequest;

/**
 * The timeline's options as they cross the thread boundary (progress comes back as messages, and cancel
 * goes through the request's shared `stop` flag).
 */
export type TimelineRequestOptions = TimelineSpec;

export type { TimelineProgress } from '../../shared/api';

export interface EngineResults {
  load: DatasetSummary;
  cancel: undefined;
  analyze: AnalysisResult;
  timeline: Timeline;
  'focus-chunk': AnalysisResult | null;
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
