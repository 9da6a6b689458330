/**
 * The streamed profile of a data file in a worker of its own (profile-worker.cjs beside this bundle): the
 * same profile as streamCsvProfile (CSV, TSV) or streamParquetProfile (Parquet) in this thread, so that
 * `analyze` beyond its memory budget reads the reference and the current on two cores.
 */
import { DatasetError } from '../../shared/dataset-error';
import type { Profile } from '../../shared/profile/types';
import type { LoadProgressInfo } from './csv-source';
import type { ProfileWorkerMessage } from './protocol';
import { deserializeError } from './serialize-error';
import type { StreamProfileOptions } from './stream-csv-profile';
import { workerTask } from './worker-task';

/**
 * Profiles `filePath` in a worker; `onProgress` as it reads (bytes, rows and Parquet row groups, as a load's). `stopFlag`: an
 * Int32Array(1) over a SharedArrayBuffer; storing 1 stops a Parquet read after its current vector, and the
 * worker ends (exit 0, settling the run with the `exited` error) once DuckDB is closed: a worker must not be
 * terminated while DuckDB runs a query (duckdb-parquet.ts stopDuckdbReadsWhen). `signal` aborted ends a CSV
 * or TSV profile at once (its worker is terminated), rejecting with the signal's reason.
 */
export function streamProfileInWorker(
  filePath: string,
  options: Omit<StreamProfileOptions, 'onProgress'>,
  onProgress: (progress: LoadProgressInfo) => void,
  stopFlag?: Int32Array,
  signal?: AbortSignal,
): Promise<Profile> {
  const shown = options.displayPath ?? filePath;
  return workerTask<ProfileWorkerMessage, Profile>(
    'profile-worker.cjs',
    { path: filePath, options, stopFlag },
    {
      message: (m) => {
        if (m.type === 'progress') {
          const { type: _, ...progress } = m;
          onProgress(progress);
          return null;
        }
        return m.type === 'profile'
          ? { value: m.profile }
          : { error: deserializeError(m.error, `Profiling ${shown}`) };
      },
      failed: (error) => new DatasetError(`Profiling ${shown} failed: ${error.message}`, shown),
      exited: (code) => new DatasetError(`Profiling ${shown} stopped unexpectedly (exit ${code}).`, shown),
    },
    undefined,
    signal,
  );
}
