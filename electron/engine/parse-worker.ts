/**
 * Worker entry: loads one file (workerData.path) and transfers its columnar table to the parent.
 * One of these runs per file, so reference and current parse in parallel on two cores. Numeric columns
 * are sorted here too (a copy of the finite values), in parallel, for quantiles, KS and Wasserstein.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ColumnarTable } from '../../shared/table/columnar';
import { loadCsv } from './load-csv';
import { type ParseWorkerMessage, transferablesOf } from './protocol';
import { serializeError } from './serialize-error';

function sortFinite(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const sorted = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) sorted[j++] = values[i];
  return sorted.sort();
}

async function run(): Promise<void> {
  const port = parentPort!;
  const post = (message: ParseWorkerMessage, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);
  try {
    const table: ColumnarTable = await loadCsv(workerData.path as string, {
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
    for (const column of table.columns)
      if (column.storage === 'number') column.sorted = sortFinite(column.values);
    post({ type: 'table', table }, transferablesOf(table));
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  }
}

void run();
