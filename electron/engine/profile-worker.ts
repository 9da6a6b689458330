/**
 * Worker entry: the streamed profile of one data file (workerData.path and workerData.options): a CSV or
 * TSV file by stream-csv-profile.ts, a Parquet file by stream-parquet-profile.ts, posted to the parent with
 * progress on the way, so that two files are profiled on two cores (analyze beyond its memory budget).
 * A Parquet read is cancelled through workerData.stopFlag (stopDuckdbReadsWhen: the worker ends itself once
 * DuckDB is closed, since terminating it during a query aborts the process).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadProgressInfo } from './csv-source';
import { stopDuckdbReadsWhen } from './duckdb-parquet';
import { streamProfile } from './load-table';
import type { ProfileWorkerMessage } from './protocol';
import { serializeError } from './serialize-error';
import type { StreamProfileOptions } from './stream-csv-profile';

const port = parentPort!;
const post = (message: ProfileWorkerMessage) => port.postMessage(message);
const filePath = workerData.path as string;
const options = workerData.options as Omit<StreamProfileOptions, 'onProgress'>;
const stopFlag = workerData.stopFlag as Int32Array | undefined;
if (stopFlag)
  stopDuckdbReadsWhen(
    () => Atomics.load(stopFlag, 0) === 1,
    () => process.exit(0),
  );
const onProgress = (progress: LoadProgressInfo) => post({ type: 'progress', ...progress });
streamProfile(filePath, { ...options, onProgress }).then(
  (profile) => post({ type: 'profile', profile }),
  (error: unknown) => post({ type: 'error', error: serializeError(error) }),
);
