/**
 * The engine as seen from the main process, the command line and the end-to-end harness: a promise API
 * over one engine worker (electron/engine/engine-worker.ts), with sequence-numbered requests.
 */
import path from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { DatasetRole, DatasetSummary, LoadProgress } from '../../shared/api';
import type { BinChoice, ColumnDetail, RowSelector, RowsResult } from '../../shared/explore/types';
import type { AnalysisResult, AnalysisSettings } from '../../shared/report/analysis-result';
import type { Timeline } from '../../shared/timeline/types';
import type {
  BatchLoadResult,
  EngineMessage,
  EngineRequest,
  EngineResult,
  FileLoadOptions,
  TimelineProgress,
  TimelineRequestOptions,
} from './protocol';
import { deserializeError } from './serialize-error';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  context: string;
}

export interface EngineClientOptions {
  /** Folder holding the bundled engine-worker.cjs and parse-worker.cjs (default: dist/electron). */
  bundleDir?: string;
  /** Limits of the engine worker's V8 heap (the monitor bounds its young generation). */
  resourceLimits?: ResourceLimits;
}

/**
 * Where the worker bundles live: next to this file once bundled (in a packaged app, in app.asar.unpacked,
 * because worker threads cannot start from inside an asar archive), else dist/electron of the repository.
 */
function defaultBundleDir(): string {
  if (__filename.endsWith('.cjs')) return __dirname.replace(/app\.asar([\\/]|$)/, 'app.asar.unpacked$1');
  return path.resolve(__dirname, '..', '..', 'dist', 'electron');
}

/** The worker's V8 heap after a request; codeSpaceUsedBytes (compiled code) is part of usedBytes. */
export interface WorkerHeap {
  usedBytes: number;
  totalBytes: number;
  codeSpaceUsedBytes: number;
}

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly progressListeners = new Set<(p: LoadProgress) => void>();
  private readonly timelineListeners = new Set<(p: TimelineProgress) => void>();
  private seq = 0;
  private closed = false;
  private timelineStop: Int32Array | null = null;
  private heap: WorkerHeap | null = null;

  constructor(options: EngineClientOptions = {}) {
    const dir = options.bundleDir ?? defaultBundleDir();
    this.worker = new Worker(path.join(dir, 'engine-worker.cjs'), {
      ...(options.resourceLimits && { resourceLimits: options.resourceLimits }),
    });
    this.worker.on('message', (message: EngineMessage) => this.receive(message));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.failAll(new Error(`The analysis engine stopped (exit code ${code}).`));
    });
  }

  onProgress(listener: (p: LoadProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Chunks done of a running timeline request. */
  onTimelineProgress(listener: (p: TimelineProgress) => void): () => void {
    this.timelineListeners.add(listener);
    return () => this.timelineListeners.delete(listener);
  }

  /**
   * The engine worker's V8 heap after its latest request (null before the first answer). The worker's
   * isolate is not in this thread's process.memoryUsage(); the process's RSS holds both.
   */
  get workerHeap(): WorkerHeap | null {
    return this.heap;
  }

  /** Loads a file; `options.displayPath` is the path as the user gave it, named in messages. */
  load(role: DatasetRole, filePath: string, options: FileLoadOptions = {}): Promise<DatasetSummary> {
    return this.request(
      { type: 'load', role, path: filePath, options },
      `Loading ${options.displayPath ?? path.basename(filePath)}`,
    );
  }

  /** Loads a labels file, joined into current by ID at analysis time (settings.performance.id). */
  loadLabels(filePath: string, options: FileLoadOptions = {}): Promise<Omit<DatasetSummary, 'role'>> {
    return this.request(
      { type: 'load', role: 'labels', path: filePath, options },
      `Loading ${options.displayPath ?? path.basename(filePath)}`,
    );
  }

  cancel(role: DatasetRole): Promise<void> {
    return this.request({ type: 'cancel', role }, 'Cancel');
  }

  analyze(settings: AnalysisSettings): Promise<AnalysisResult> {
    return this.request({ type: 'analyze', settings }, 'Analysis');
  }

  /**
   * The loaded current file cut into chunks, each compared with the reference (docs/timeline.md). A new
   * timeline request cancels the one still running; `cancelTimeline` cancels it too (CancelledError).
   */
  timeline(settings: AnalysisSettings, options: TimelineRequestOptions): Promise<Timeline> {
    this.cancelTimeline();
    const stop = new Int32Array(new SharedArrayBuffer(4));
    this.timelineStop = stop;
    const running = this.request({ type: 'timeline', settings, options, stop }, 'Timeline');
    const clear = () => {
      if (this.timelineStop === stop) this.timelineStop = null;
    };
    running.then(clear, clear);
    return running;
  }

  /**
   * Asks the running timeline to stop: the worker, busy in the synchronous analysis, reads the shared flag
   * before each chunk and answers with a CancelledError. Nothing happens when no timeline runs.
   */
  cancelTimeline(): void {
    if (this.timelineStop) Atomics.store(this.timelineStop, 0, 1);
    this.timelineStop = null;
  }

  /**
   * Points the column detail and rows requests at one analysis chunk of `options`' chunking (null: the
   * whole current file again) and resolves with that chunk's two-file analysis against the reference.
   */
  focusChunk(
    settings: AnalysisSettings,
    options: TimelineRequestOptions,
    chunk: number | null,
  ): Promise<AnalysisResult | null> {
    return this.request({ type: 'focus-chunk', settings, options, chunk }, 'Chunk detail');
  }

  /** Loads several current files as batches (current becomes their concatenation); see BatchLoadResult. */
  loadBatches(filePaths: string[], options: FileLoadOptions = {}): Promise<BatchLoadResult> {
    return this.request(
      { type: 'load-batches', paths: filePaths, options },
      `Loading ${filePaths.length} current files`,
    );
  }

  /** The loaded batches as a timeline, one chunk per file (chunking kind 'batch'). */
  timelineBatches(settings: AnalysisSettings, options: TimelineRequestOptions): Promise<Timeline> {
    return this.request({ type: 'timeline-batches', settings, options }, 'Timeline');
  }

  /** A column's detail on `bins` (histogram with PSI/JS terms, ECDFs, KS location, or category table). */
  columnDetail(column: string, bins: BinChoice): Promise<ColumnDetail> {
    return this.request({ type: 'column-detail', column, bins }, `Detail of ${column}`);
  }

  /** The first `limit` rows of the current file behind one bar of `column`. */
  rows(column: string, selector: RowSelector, limit: number): Promise<RowsResult> {
    return this.request({ type: 'rows', column, selector, limit }, `Rows of ${column}`);
  }

  /** The last result with `column` re-tested under `settings` (correction and verdict re-applied). */
  recomputeColumn(column: string, settings: AnalysisSettings): Promise<AnalysisResult> {
    return this.request({ type: 'recompute-column', column, settings }, `Re-testing ${column}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  /** Sends one request; its type fixes the type of the result (protocol.ts `EngineResults`). */
  private request<R extends EngineRequest>(request: R, context: string): Promise<EngineResult<R>> {
    if (this.closed) return Promise.reject(new Error('The analysis engine is closed.'));
    const seq = ++this.seq;
    return new Promise<EngineResult<R>>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject, context });
      this.worker.postMessage({ seq, request });
    });
  }

  private receive(message: EngineMessage): void {
    if (message.type === 'progress') {
      for (const listener of this.progressListeners) listener(message.progress);
      return;
    }
    if (message.type === 'timeline-progress') {
      for (const listener of this.timelineListeners) listener(message.progress);
      return;
    }
    if (message.type === 'memory') {
      this.heap = {
        usedBytes: message.heapUsedBytes,
        totalBytes: message.heapTotalBytes,
        codeSpaceUsedBytes: message.codeSpaceUsedBytes,
      };
      return;
    }
    const pending = this.pending.get(message.seq);
    if (!pending) return;
    this.pending.delete(message.seq);
    if ('error' in message) pending.reject(deserializeError(message.error, pending.context));
    else pending.resolve(message.result);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
