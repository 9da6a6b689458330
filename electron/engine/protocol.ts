/**
 * Messages between the engine client (main process or command line) and the engine worker, and between
 * the engine worker and its per-file parse workers. Errors cross as plain data and are rebuilt on arrival.
 */
import type { DatasetRole, DatasetSummary, LoadProgress, TimelineProgress } from '../../shared/api';
import type { MultivariateResult } from '../../shared/multivariate/analyze-multivariate';
import type { Profile } from '../../shared/profile/types';
import type { AnalysisResult, AnalysisSettings, ColumnResult } from '../../shared/report/analysis-result';
import type { ColumnarTable } from '../../shared/table/columnar';
import type { Encoding } from '../../shared/table/encoding';
import type { DecimalSeparator } from '../../shared/table/parse-number';
import type { TimelineSpec } from '../../shared/timeline/analyze-timeline';
import type { Timeline } from '../../shared/timeline/types';
import type { ExploreRequest, ExploreResults } from './explore';
import type { LoadProgressInfo } from './load-csv';
import { isShared } from './shared-storage';

/** The two datasets of the API, plus a labels file joined into current by ID (the feedback loop). */
export type EngineRole = DatasetRole | 'labels';

/** How to read a file: the path as the user gave it (for messages) and overrides of what is detected. */
export interface FileLoadOptions {
  displayPath?: string;
  encoding?: Encoding;
  decimal?: DecimalSeparator;
  /**
   * Bytes a reference or current file may need loaded whole (memory-budget.ts); beyond it the file is
   * profiled in one pass instead (profile-instead.ts). Absent: always loaded whole (the CLI decides for the
   * pair itself; the app passes defaultMemoryBudget()).
   */
  memoryBudget?: number;
}

export type EngineRequest =
  | { type: 'load'; role: EngineRole; path: string; options?: FileLoadOptions }
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
  /** Several current files as batches: each loaded in turn; current becomes their concatenation. */
  | { type: 'load-batches'; paths: string[]; options?: FileLoadOptions }
  /** The timeline of the loaded batches, one chunk each (chunking kind 'batch'). */
  | { type: 'timeline-batches'; settings: AnalysisSettings; options: TimelineRequestOptions }
  | ExploreRequest;

/**
 * The timeline's options as they cross the thread boundary (progress comes back as messages, and cancel
 * goes through the request's shared `stop` flag).
 */
export type TimelineRequestOptions = TimelineSpec;

export type { TimelineProgress } from '../../shared/api';

/** What the worker answers to each request type (the interactive ones in explore.ts). */
export interface EngineResults extends ExploreResults {
  load: DatasetSummary;
  cancel: undefined;
  analyze: AnalysisResult;
  timeline: Timeline;
  'load-batches': BatchLoadResult;
  'timeline-batches': Timeline;
  'focus-chunk': AnalysisResult | null;
}

/** The batch files that loaded (as one current dataset) and, for each that did not, why. */
export interface BatchLoadResult {
  current: DatasetSummary;
  loaded: string[];
  failed: { file: string; message: string }[];
}

/**
 * The result of one request, determined by its type (after Signal-Desktop's ts/sql/main.ts, where the
 * method named in a call fixes what the call resolves with). Fails to compile for a request type that has
 * no entry in `EngineResults`.
 */
export type EngineResult<R extends EngineRequest> = EngineResults[R['type']];

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
  | { type: 'timeline-progress'; progress: TimelineProgress }
  /**
   * The worker's V8 heap after each request: its isolate is not in the main thread's process.memoryUsage()
   * (nor prom-client's nodejs_heap_size_*), and the monitor exports it as driftscope_engine_heap_used_bytes.
   */
  | { type: 'memory'; heapUsedBytes: number; heapTotalBytes: number; codeSpaceUsedBytes: number };

export type ParseWorkerMessage =
  | ({ type: 'progress' } & LoadProgressInfo)
  | { type: 'table'; table: ColumnarTable }
  | { type: 'error'; error: SerializedError };

/** From a profile worker (profile-worker.ts) to its parent. */
export type ProfileWorkerMessage =
  | ({ type: 'progress' } & LoadProgressInfo)
  | { type: 'profile'; profile: Profile }
  | { type: 'error'; error: SerializedError };

/** From a detector worker (detector-worker.ts) to the engine. */
export type DetectorWorkerMessage =
  | { type: 'result'; result: MultivariateResult }
  | { type: 'error'; error: SerializedError };

/** From a column-test worker (column-test-worker.ts) to the engine. */
export type ColumnTestWorkerMessage =
  | { type: 'result'; results: ColumnResult[] }
  | { type: 'error'; error: SerializedError };

/** Typed arrays of a table not in shared memory, for a postMessage transfer list (moved, not copied). */
export function transferablesOf(table: ColumnarTable): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const add = (array: ArrayBufferView) => {
    // Shared memory is shared by posting it, and cannot be transferred.
    if (!isShared(array)) buffers.push(array.buffer as ArrayBuffer);
  };
  for (const column of table.columns) {
    if (column.storage === 'number') {
      add(column.values);
      if (column.sorted) add(column.sorted);
    } else add(column.codes);
  }
  return buffers;
}
