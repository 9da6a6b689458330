/**
 * The streamed profile of a CSV or TSV file in a worker of its own (profile-worker.cjs beside this bundle):
 * the same profile as streamCsvProfile in this thread, so that `analyze` beyond its memory budget reads the
 * reference and the current on two cores.
 */
import { DatasetError } from '../../shared/dataset-error';
import type { Profile } from '../../shared/profile/types';
import type { ProfileWorkerMessage } from './protocol';
import { deserializeError } from './serialize-error';
import type { StreamProfileOptions } from './stream-csv-profile';
import { workerTask } from './worker-task';

/** Profiles `filePath` in a worker; `onProgress(bytesRead, bytesTotal)` as it reads. */
export function streamCsvProfileInWorker(
  filePath: string,
  options: Omit<StreamProfileOptions, 'onProgress'>,
  onProgress: (bytesRead: number, bytesTotal: number) => void,
): Promise<Profile> {
  const shown = options.displayPath ?? filePath;
  return workerTask<ProfileWorkerMessage, Profile>(
    'profile-worker.cjs',
    { path: filePath, options },
    {
      message: (m) => {
        if (m.type === 'progress') {
          onProgress(m.bytesRead, m.bytesTotal);
          return null;
        }
        return m.type === 'profile'
          ? { value: m.profile }
          : { error: deserializeError(m.error, `Profiling ${shown}`) };
      },
      failed: (error) => new DatasetError(`Profiling ${shown} failed: ${error.message}`, shown),
      exited: (code) => new DatasetError(`Profiling ${shown} stopped unexpectedly (exit ${code}).`, shown),
    },
  );
}
