/**
 * The streamed profile of a CSV or TSV file in a worker of its own (profile-worker.cjs beside this bundle):
 * the same profile as streamCsvProfile in this thread, so that `analyze` beyond its memory budget reads the
 * reference and the current on two cores.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatasetError } from '../../shared/dataset-error';
import type { Profile } from '../../shared/profile/types';
import type { ProfileWorkerMessage } from './protocol';
import { deserializeError } from './serialize-error';
import type { StreamProfileOptions } from './stream-csv-profile';

/** Profiles `filePath` in a worker; `onProgress(bytesRead, bytesTotal)` as it reads. */
export function streamCsvProfileInWorker(
  filePath: string,
  options: Omit<StreamProfileOptions, 'onProgress'>,
  onProgress: (bytesRead: number, bytesTotal: number) => void,
): Promise<Profile> {
  const shown = options.displayPath ?? filePath;
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'profile-worker.cjs'), {
      workerData: { path: filePath, options },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (message: ProfileWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.bytesRead, message.bytesTotal);
      else if (message.type === 'profile') settle(() => resolve(message.profile));
      else settle(() => reject(deserializeError(message.error, `Profiling ${shown}`)));
    });
    worker.on('error', (error: Error) =>
      settle(() => reject(new DatasetError(`Profiling ${shown} failed: ${error.message}`, shown))),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(new DatasetError(`Profiling ${shown} stopped unexpectedly (exit ${code}).`, shown)),
      ),
    );
  });
}
