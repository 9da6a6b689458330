/**
 * Worker entry: the per-column tests of a share of the columns (columnResultsOf), on tables the engine
 * posted holding only those columns, their arrays in shared memory (read here, not copied), so that the
 * tests use both cores (column-tests-in-worker.ts). Posts the results, or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { columnResultsOf } from '../../shared/drift/analyze';
import type { AnalysisSettings } from '../../shared/report/analysis-result';
import type { ColumnarTable } from '../../shared/table/columnar';
import type { ColumnTestWorkerMessage } from './protocol';
import { serializeError } from './serialize-error';

const port = parentPort!;
const post = (message: ColumnTestWorkerMessage) => port.postMessage(message);
try {
  const { reference, current, settings, names } = workerData as {
    reference: ColumnarTable;
    current: ColumnarTable;
    settings: AnalysisSettings;
    names: string[];
  };
  post({ type: 'result', results: columnResultsOf(reference, current, settings, names) });
} catch (error) {
  post({ type: 'error', error: serializeError(error) });
}
