/**
 * Worker entry: the engine. Holds the loaded datasets (their typed arrays never leave this thread) and
 * answers requests from the engine client: load (in a parse worker per file), cancel, analyze, timeline.
 */

import { statSync } from 'node:fs';
import path from 'node:path';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { parentPort, Worker } from 'node:worker_threads';
import type { DatasetRole, DatasetSummary } from '../../shared/api';
import { DatasetError } from '../../shared/dataset-error';
import { analyzeTables, multivariateInput, withMultivariate } from '../../shared/drift/analyze';
import type { AnalysisSettings } from '../../shared/drift/settings';
import { detectMapping } from '../../shared/performance/mapping';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import type { ColumnarTable } from '../../shared/table/columnar';
import { concatTables } from '../../shared/table/concat-tables';
import { encodingMismatch } from '../../shared/table/encoding';
import { joinLabels } from '../../shared/table/join-labels';
import { analyzeTimeline } from '../../shared/timeline/analyze-timeline';
import { chunkTable } from '../../shared/timeline/chunk-table';
import { analyzeOnTwoThreads } from './column-tests-in-worker';
import { summarize } from './dataset-summary';
import { runDetectorsInWorker } from './detectors-in-worker';
import { createExplore, prepareTables } from './explore';
import { isProfileFile, readProfileFile } from './load-profile';
import { isParquetFile } from './load-table';
import { availableMemory, estimateMemory } from './memory-budget';
import { isOutOfMemory, tooLargeError } from './out-of-memory';
import { analysisMemory, profiledInsteadNote, profileInWorker } from './profile-instead';
import { createProfilePair, profileSummary } from './profile-pair';
import type {
  BatchLoadResult,
  EngineMessage,
  EngineRequest,
  EngineRole,
  FileLoadOptions,
  ParseWorkerMessage,
} from './protocol';
import { CancelledError, deserializeError, serializeError } from './serialize-error';

declare const __DRIFTSCOPE_VERSION__: string;

const port = parentPort!;
const tables: Partial<Record<EngineRole, ColumnarTable>> = {};
/**
 * The whole-file estimate of each loaded table (memory-budget.ts), so that the budget is the pair's, as the
 * command line's --memory-budget is: a file is profiled instead when it and the other loaded file exceed it.
 */
const held: Partial<Record<EngineRole, number>> = {};
/** Loads in progress, with the memory each is estimated to need (reserved while another file loads). */
const loading = new Map<EngineRole, { cancel: () => void; need: number }>();
/** The current files of a batch timeline, in the order given ('load-batches'); empty otherwise. */
let batches: ColumnarTable[] = [];
const explore = createExplore(__DRIFTSCOPE_VERSION__);
/** Profiles opened in place of data files (docs/profiles.md). */
const profiles = createProfilePair();
/** The last plain analysis, and the chunk the explore requests answer for instead of the whole file. */
let lastAnalysis: AnalysisResult | null = null;
let focused: ColumnarTable | null = null;

function post(message: EngineMessage): void {
  port.postMessage(message);
}

/** File size for the memory reservation of a load in progress (0 when it cannot be read). */
function sizeOf(filePath: string): number {
  try {
    return statSync(filePath).size;
  } catch {
    return 0;
  }
}

/** A load's settle: runs the first function it is given (resolve or reject) and forgets the load in progress. */
function settleOnce(role: EngineRole): (fn: () => void) => void {
  let settled = false;
  return (fn) => {
    if (settled) return;
    settled = true;
    loading.delete(role);
    fn();
  };
}

/** Each role's latest load request, so that a load overtaken while it estimates its need gives way. */
const loadRequests: Partial<Record<EngineRole, number>> = {};
let loadRequestCount = 0;

async function load(
  role: EngineRole,
  filePath: string,
  options: FileLoadOptions = {},
): Promise<DatasetSummary> {
  loading.get(role)?.cancel();
  delete tables[role];
  delete held[role];
  explore.forget();
  lastAnalysis = null;
  focused = null;
  const fileName = options.displayPath ?? filePath;
  if (role !== 'labels') profiles.close(role);
  if (isProfileFile(filePath)) return openProfile(role, filePath, fileName);
  const request = ++loadRequestCount;
  loadRequests[role] = request;
  // Beyond the memory budget a reference or current file is profiled in one pass instead (docs/profiles.md).
  const budget = options.memoryBudget;
  const whole = role === 'labels' || budget === undefined ? null : await analysisMemory(filePath, options);
  if (loadRequests[role] !== request) throw new CancelledError(`Loading ${fileName} was cancelled.`);
  // Files load in parallel: what the others in progress will need is not available to this one.
  let reserved = 0;
  for (const other of loading.values()) reserved += other.need;
  let loaded = 0;
  for (const other of ['reference', 'current'] as const) if (other !== role) loaded += held[other] ?? 0;
  if (role !== 'labels' && budget !== undefined && whole !== null && whole + reserved + loaded > budget)
    return profileInstead(role, filePath, fileName, options, {
      need: whole,
      beside: reserved + loaded,
      budget,
    });
  const need = estimateMemory(sizeOf(filePath));
  return new Promise((resolve, reject) => {
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(path.join(__dirname, 'parse-worker.cjs'), {
      workerData: {
        path: filePath,
        options,
        memoryAvailable: Math.max(0, availableMemory() - reserved),
        cancelFlag,
      },
      // A small young generation: a parse makes short-lived strings only, and each of the two workers' RSS
      // then stays ~20 MB lower (1M bench pair: peak 710 → 670 MB).
      resourceLimits: { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 4 },
    });
    const settle = settleOnce(role);
    loading.set(role, {
      need,
      cancel: () => {
        settle(() => reject(new CancelledError(`Loading ${fileName} was cancelled.`)));
        // A Parquet read is stopped by the worker itself, after DuckDB is closed (parse-worker.ts).
        if (isParquetFile(filePath)) Atomics.store(cancelFlag, 0, 1);
        else void worker.terminate();
      },
    });
    worker.on('message', (message: ParseWorkerMessage) => {
      if (message.type === 'progress') {
        if (role === 'labels') return;
        const { type: _, ...progress } = message;
        post({ type: 'progress', progress: { role, ...progress } });
      } else if (message.type === 'table') {
        settle(() => {
          tables[role] = message.table;
          if (whole !== null) held[role] = whole;
          resolve(summarize(role, message.table));
        });
        void worker.terminate();
      } else settle(() => reject(deserializeError(message.error, `Loading ${fileName}`)));
    });
    worker.on('error', (error: Error) => {
      const failure = isOutOfMemory(error)
        ? tooLargeError(fileName)
        : new DatasetError(`Loading ${fileName} failed: ${error.message}`, fileName);
      settle(() => reject(failure));
    });
    worker.on('exit', (code) => {
      settle(() =>
        reject(new DatasetError(`Loading ${fileName} stopped unexpectedly (exit ${code}).`, fileName)),
      );
    });
  });
}

/**
 * The streamed profile of a file beyond the memory budget, opened as a profile is (profile-pair.ts), with a
 * warning that says why; progress and cancel as a load's.
 */
function profileInstead(
  role: DatasetRole,
  filePath: string,
  shown: string,
  options: FileLoadOptions,
  memory: { need: number; beside: number; budget: number },
): Promise<DatasetSummary> {
  const { memoryBudget: _, ...loadOptions } = options;
  const run = profileInWorker(filePath, { ...loadOptions, displayPath: shown }, (progress) =>
    post({ type: 'progress', progress: { role, ...progress } }),
  );
  return new Promise((resolve, reject) => {
    const settle = settleOnce(role);
    loading.set(role, {
      need: 0,
      cancel: () => {
        run.cancel();
        settle(() => reject(new CancelledError(`Loading ${shown} was cancelled.`)));
      },
    });
    run.profile.then(
      (profile) =>
        settle(() => {
          profiles.open(role, profile, path.basename(shown));
          const summary = profileSummary(role, profile, shown, sizeOf(filePath));
          const note = profiledInsteadNote(path.basename(shown), memory.need, memory.beside, memory.budget);
          resolve({ ...summary, warnings: [note] });
        }),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

/** A profile opened in place of a data file (profile-pair.ts); a labels file must be data. */
async function openProfile(role: EngineRole, filePath: string, shown: string): Promise<DatasetSummary> {
  if (role === 'labels')
    throw new DatasetError(
      `${shown} is a profile: a labels file must be a data file (CSV, TSV or Parquet).`,
      shown,
    );
  const profile = readProfileFile(filePath, shown);
  profiles.open(role, profile, path.basename(shown));
  return profileSummary(role, profile, shown, sizeOf(filePath));
}

/**
 * Loads the batch files one after the other (one parse worker at a time). A file that cannot be read is
 * reported and left out; the others go on. Current becomes their concatenation (shared/table/concat-tables.ts),
 * the whole current data of the two-file analysis beside the timeline.
 */
async function loadBatches(paths: string[], options: FileLoadOptions = {}): Promise<BatchLoadResult> {
  const loaded: ColumnarTable[] = [];
  const failed: BatchLoadResult['failed'] = [];
  batches = [];
  for (const filePath of paths) {
    try {
      if (isProfileFile(filePath))
        throw new DatasetError(
          `${path.basename(filePath)} is a profile: batches must be data files.`,
          filePath,
        );
      await load('current', filePath, options);
      loaded.push(tables.current!);
    } catch (error) {
      if (!(error instanceof DatasetError)) throw error;
      failed.push({ file: path.basename(filePath), message: error.message });
    }
  }
  delete tables.current;
  if (loaded.length === 0) {
    const why = failed.map((f) => f.message).join(' ');
    throw new DatasetError(`None of the ${paths.length} current files could be read. ${why}`, '');
  }
  batches = loaded;
  const byName = (a: ColumnarTable, b: ColumnarTable) =>
    a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0;
  tables.current = concatTables([...loaded].sort(byName));
  return {
    current: summarize('current', tables.current),
    loaded: loaded.map((t) => t.fileName),
    failed,
  };
}

/**
 * Joins the labels file (if one was loaded) into current by the ID column of the settings, so that the
 * current rows get the target values that arrived later. Unmatched rows keep a missing target.
 */
function withLabels(current: ColumnarTable, settings: AnalysisSettings): ColumnarTable {
  const labels = tables.labels;
  if (!labels) return current;
  const id = settings.performance?.id;
  if (!id)
    throw new DatasetError(
      'A labels file needs the ID column that joins it to the current file (--id).',
      labels.fileName,
    );
  // With the table, like the main files: a domain outcome name (default, churn, ...) is a target too.
  const target =
    settings.performance?.target ??
    detectMapping(
      labels.columns.map((c) => c.name),
      { table: labels },
    ).target;
  if (!target) {
    throw new DatasetError(
      `${labels.fileName}: no target column found; name it with --target.`,
      labels.fileName,
    );
  }
  for (const [table, column] of [
    [labels, id],
    [labels, target],
    [current, id],
  ] as const) {
    if (!table.columns.some((c) => c.name === column)) {
      throw new DatasetError(`${table.fileName} has no column "${column}".`, table.fileName, null, column);
    }
  }
  const joined = joinLabels(current, labels, id, target);
  const note = `${labels.fileName}: labels joined by "${id}": ${joined.matched} current rows matched, ${joined.unmatched} without a label, ${joined.duplicates} duplicate IDs ignored.`;
  return { ...joined.table, warnings: [...joined.table.warnings, note] };
}

/** The reference and current tables, prepared for analysis; a clear message when one is not open. */
function loadedPair(): { reference: ColumnarTable; current: ColumnarTable } {
  const { reference, current } = tables;
  if (!reference || !current) {
    const missing = !reference ? 'reference' : 'current';
    throw new DatasetError(`Open a ${missing} file first.`, '');
  }
  prepareTables(reference, current);
  return { reference, current };
}

async function handle(request: EngineRequest): Promise<unknown> {
  switch (request.type) {
    case 'load':
      if (request.role === 'current') batches = [];
      return load(request.role, request.path, request.options);
    case 'load-batches':
      return loadBatches(request.paths, request.options);
    case 'timeline-batches': {
      if (profiles.active()) throw profiles.needsRows('The timeline');
      const { reference } = loadedPair();
      if (batches.length === 0) throw new DatasetError('Open the batch files first.', '');
      prepareTables(...batches);
      const context = { version: __DRIFTSCOPE_VERSION__, now: new Date() };
      const labelled = batches.map((b) => withLabels(b, request.settings));
      return analyzeTimeline(reference, labelled, request.settings, context, {
        ...request.options,
        onProgress: (done, total) => post({ type: 'timeline-progress', progress: { done, total } }),
      });
    }
    case 'cancel':
      loadRequests[request.role] = ++loadRequestCount; // a load still estimating its need gives way
      loading.get(request.role)?.cancel();
      return undefined;
    case 'analyze': {
      if (profiles.active()) return profiles.analyze(tables, request.settings);
      const { reference, current } = loadedPair();
      const mismatch = encodingMismatch(reference, current);
      const joined = withLabels(current, request.settings);
      const checked = mismatch === null ? joined : { ...joined, warnings: [...joined.warnings, mismatch] };
      const context = { version: __DRIFTSCOPE_VERSION__, now: new Date() };
      const mv = request.settings.multivariate;
      if (!mv?.enabled) return analyzeOnTwoThreads(reference, checked, request.settings, context, 'inline');
      // The detectors on the second core while this thread runs the per-column tests.
      const detectors = runDetectorsInWorker(
        multivariateInput(reference, checked, request.settings),
        mv,
        checked.fileName,
      );
      // Observed now: when the tests throw, the detectors' end (result or error) is not awaited.
      detectors.catch(() => undefined);
      const plain = await analyzeOnTwoThreads(reference, checked, request.settings, context, 'deferred');
      return withMultivariate(plain, await detectors);
    }
    case 'timeline': {
      if (profiles.active()) throw profiles.needsRows('The timeline');
      const { reference, current } = loadedPair();
      const context = { version: __DRIFTSCOPE_VERSION__, now: new Date() };
      const { stop } = request;
      return analyzeTimeline(reference, withLabels(current, request.settings), request.settings, context, {
        ...request.options,
        onProgress: (done, total) => post({ type: 'timeline-progress', progress: { done, total } }),
        checkpoint: () => {
          if (stop && Atomics.load(stop, 0) === 1) throw new CancelledError('The timeline was cancelled.');
        },
      });
    }
    case 'focus-chunk': {
      if (profiles.active()) throw profiles.needsRows('The timeline');
      const { reference, current } = loadedPair();
      if (request.chunk === null) {
        focused = null;
        if (lastAnalysis) explore.remember(lastAnalysis);
        return null;
      }
      const chunk = chunkTable(
        withLabels(current, request.settings),
        request.options.chunking,
        request.chunk,
        request.settings,
      );
      prepareTables(chunk.table);
      const result = analyzeTables(reference, chunk.table, chunk.settings, {
        version: __DRIFTSCOPE_VERSION__,
        now: new Date(),
      });
      focused = chunk.table;
      explore.remember(result);
      return result;
    }
    default:
      if (profiles.active()) return profileExplore(request);
      // Re-testing a column works on the whole file's result: a chunk's detail in view is left.
      if (request.type === 'recompute-column' && focused) {
        focused = null;
        if (lastAnalysis) explore.remember(lastAnalysis);
      }
      return explore.handle(
        request,
        { reference: tables.reference, current: focused ?? tables.current },
        (settings) => withLabels(tables.current!, settings),
      );
  }
}

/** The explore requests when a profile is open: the detail from the profiles, no rows. */
function profileExplore(request: EngineRequest): unknown {
  switch (request.type) {
    case 'column-detail':
      return profiles.detail(request.column, request.bins);
    case 'rows':
      throw profiles.needsRows('Showing the rows behind a bar');
    case 'recompute-column':
      return profiles.analyze(tables, request.settings);
    default:
      throw new Error(`Unknown request ${(request as { type: string }).type}`);
  }
}

/**
 * Reports this thread's V8 heap after a request. Under --expose-gc (the monitor benchmark,
 * test/bench/bench-monitor.mjs) a full collection runs first, so the figure is what the engine keeps, not
 * garbage a later collection would have freed; without the flag nothing is collected here.
 */
function postMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
  const heap = getHeapStatistics();
  // The code space (compiled code) is part of the heap used; it grows as V8 optimises more functions, bounded
  // by the program, so a leak check can leave it out.
  const code = getHeapSpaceStatistics()
    .filter((s) => s.space_name.startsWith('code_')) // code_space, code_large_object_space
    .reduce((sum, s) => sum + s.space_used_size, 0);
  post({
    type: 'memory',
    heapUsedBytes: heap.used_heap_size,
    heapTotalBytes: heap.total_heap_size,
    codeSpaceUsedBytes: code,
  });
}

port.on('message', (message: { seq: number; request: EngineRequest }) => {
  handle(message.request).then(
    (result) => {
      // The whole-file result the explore requests return to after a chunk's detail (a re-tested column
      // replaces it, as it does in the explore's own memory).
      if (message.request.type === 'analyze') {
        lastAnalysis = result as AnalysisResult;
        focused = null;
        explore.remember(lastAnalysis);
      } else if (message.request.type === 'recompute-column') lastAnalysis = result as AnalysisResult;
      post({ type: 'response', seq: message.seq, result });
      postMemory();
    },
    (error: unknown) => {
      post({ type: 'response', seq: message.seq, error: serializeError(error) });
      postMemory();
    },
  );
});
