/**
 * Worker entry: loads one file (workerData.path; CSV, TSV or Parquet: load-table.ts) and transfers its columnar table to the parent.
 * One of these runs per file, so reference and current parse in parallel on two cores. Numeric columns
 * are sorted here too (a copy of the finite values), in parallel, for quantiles, KS and Wasserstein.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SortSpare } from '../../shared/stats/sort-order';
import type { ColumnarTable } from '../../shared/table/columnar';
import { sortedFinite } from '../../shared/table/infer-type';
import { stopDuckdbReadsWhen } from './duckdb-parquet';
import { loadTable } from './load-table';
import { isOutOfMemory, tooLargeError } from './out-of-memory';
import { type FileLoadOptions, type ParseWorkerMessage, transferablesOf } from './protocol';
import { serializeError } from './serialize-error';
import { sharedFloat64 } from './shared-storage';

async function run(): Promise<void> {
  const port = parentPort!;
  // Cancel of a Parquet load (engine-worker.ts): end once DuckDB is closed.
  const cancelFlag = workerData.cancelFlag as Int32Array | undefined;
  if (cancelFlag)
    stopDuckdbReadsWhen(
      () => Atomics.load(cancelFlag, 0) === 1,
      () => process.exit(0),
    );
  const post = (message: ParseWorkerMessage, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);
  const filePath = workerData.path as string;
  const options = (workerData.options ?? {}) as FileLoadOptions;
  const shown = options.displayPath ?? filePath;
  try {
    const table: ColumnarTable = await loadTable(filePath, {
      ...options,
      memoryAvailable: (workerData.memoryAvailable as number | undefined) ?? undefined,
      numberStorage: sharedFloat64,
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
    const spare = new SortSpare();
    for (const column of table.columns)
      if (column.storage === 'number') column.sorted = sortedFinite(column.values, spare, sharedFloat64);
    post({ type: 'table', table }, transferablesOf(table));
  } catch (error) {
    const failure = isOutOfMemory(error) ? tooLargeError(shown) : error;
    post({ type: 'error', error: serializeError(failure) });
  }
}

void run();
