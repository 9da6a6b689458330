/**
 * The per-column tests of a two-file analysis on both cores: a share of the numerical columns is tested in
 * a worker of its own (column-test-worker.cjs beside this bundle) while the engine tests the rest, then
 * analyzeTables assembles the result from both shares. The worker reads the columns where the parse workers
 * put them, in shared memory (shared-storage.ts), so nothing is copied. The result is the one analyzeTables
 * gives on one thread: each column's result depends only on its own two columns (columnResultsOf).
 *
 * Measured by `node --cpu-prof` of `driftscope analyze` on the 1,000,000-row × 20-column bench pair
 * (test/bench/generate-bench-data.mjs): the tests after both parses took 0.93 s on one thread, 0.60 s on two,
 * with the same report.
 */
import { type AnalyzeContext, analyzeTables, columnResultsOf } from '../../shared/drift/analyze';
import type { AnalysisResult, AnalysisSettings, ColumnResult } from '../../shared/report/analysis-result';
import type { Column, ColumnarTable } from '../../shared/table/columnar';
import { isOutOfMemory, tooLargeError } from './out-of-memory';
import type { ColumnTestWorkerMessage } from './protocol';
import { deserializeError } from './serialize-error';
import { isShared } from './shared-storage';
import { workerTask } from './worker-task';

/**
 * Starting the worker costs about as much as testing this many values (reference plus current) here: its
 * first busy sample came 32 ms after the parses ended, and the tests cost about 30 ns a value (--cpu-prof
 * of the 1,000,000-row bench pair). A share smaller than that is tested here.
 */
const WORKER_START_VALUES = 1_000_000;

/** A string column's tests (category counts over its codes) cost about this share of a numerical one's per row. */
const CATEGORICAL_COST = 0.25;

interface Share {
  /** Columns tested in the worker, and the rest (in both tables, not ignored), tested here. */
  worker: string[];
  here: string[];
}

/** The numerical column a worker can read without a copy: its values and sorted values in shared memory. */
function sharedNumbers(column: Column): number | null {
  if (column.storage !== 'number' || !column.sorted) return null;
  return isShared(column.values) && isShared(column.sorted) ? column.sorted.length : null;
}

/**
 * Splits the columns in both tables between the worker and this thread, so that both end about together:
 * greedily, the costliest first, each to the side with less work, the worker starting behind by its start;
 * none to the worker when its share would cost less than its start.
 * Cost: values tested (numerical), or rows × CATEGORICAL_COST. Only columns in shared memory can go.
 */
export function shareColumns(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: AnalysisSettings,
): Share {
  const ignore = new Set(settings.ignore ?? []);
  const inCurrent = new Map(current.columns.map((c) => [c.name, c]));
  const movable: { name: string; cost: number }[] = [];
  const here: string[] = [];
  let hereCost = 0;
  for (const ref of reference.columns) {
    const cur = inCurrent.get(ref.name);
    if (cur === undefined || ignore.has(ref.name)) continue;
    const r = sharedNumbers(ref);
    const c = sharedNumbers(cur);
    if (r !== null && c !== null) movable.push({ name: ref.name, cost: r + c });
    else {
      here.push(ref.name);
      hereCost += (reference.rowCount + current.rowCount) * CATEGORICAL_COST;
    }
  }
  movable.sort((a, b) => b.cost - a.cost);
  const worker: string[] = [];
  let workerCost = WORKER_START_VALUES;
  for (const { name, cost } of movable) {
    if (workerCost < hereCost) {
      worker.push(name);
      workerCost += cost;
    } else {
      here.push(name);
      hereCost += cost;
    }
  }
  // A share smaller than the worker's start is not worth starting it for.
  if (workerCost < 2 * WORKER_START_VALUES) return { worker: [], here: [...here, ...worker] };
  return { worker, here };
}

/** The table with only the named columns (the rest of its fields as they are), to post to the worker. */
function withColumns(table: ColumnarTable, names: ReadonlySet<string>): ColumnarTable {
  return { ...table, columns: table.columns.filter((c) => names.has(c.name)) };
}

/** The worker's results for `names`; its error (a test's, as it would be raised here) when it fails. */
function testInWorker(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: AnalysisSettings,
  names: string[],
): Promise<ColumnResult[]> {
  const only = new Set(names);
  return workerTask<ColumnTestWorkerMessage, ColumnResult[]>(
    'column-test-worker.cjs',
    { reference: withColumns(reference, only), current: withColumns(current, only), settings, names },
    {
      message: (m) =>
        m.type === 'result' ? { value: m.results } : { error: deserializeError(m.error, 'The tests') },
      failed: (error) => (isOutOfMemory(error) ? tooLargeError(current.fileName) : error),
      exited: (code) => new Error(`The column tests' worker stopped (exit code ${code}).`),
    },
  );
}

/**
 * analyzeTables(reference, current, settings, context, 'full', detectors), its per-column tests shared
 * with a worker when that pays (shareColumns).
 */
export async function analyzeOnTwoThreads(
  reference: ColumnarTable,
  current: ColumnarTable,
  settings: AnalysisSettings,
  context: AnalyzeContext,
  detectors: 'inline' | 'deferred',
): Promise<AnalysisResult> {
  const share = shareColumns(reference, current, settings);
  if (share.worker.length === 0)
    return analyzeTables(reference, current, settings, context, 'full', detectors);
  const there = testInWorker(reference, current, settings, share.worker);
  // Observed now: when the tests here throw, the worker's end is not awaited.
  there.catch(() => undefined);
  const here = columnResultsOf(reference, current, settings, share.here);
  const done = await there;
  const precomputed = new Map([...here, ...done].map((c) => [c.name, c]));
  return analyzeTables(reference, current, settings, context, 'full', detectors, precomputed);
}
