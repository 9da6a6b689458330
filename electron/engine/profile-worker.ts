/**
 * Worker entry: the streamed profile of one CSV or TSV file (stream-csv-profile.ts; workerData.path and
 * workerData.options), posted to the parent with progress on the way, so that two files are profiled on
 * two cores (analyze beyond its memory budget).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProfileWorkerMessage } from './protocol';
import { serializeError } from './serialize-error';
import { type StreamProfileOptions, streamCsvProfile } from './stream-csv-profile';

const port = parentPort!;
const post = (message: ProfileWorkerMessage) => port.postMessage(message);
const options = workerData.options as Omit<StreamProfileOptions, 'onProgress'>;
streamCsvProfile(workerData.path as string, {
  ...options,
  onProgress: (p) => post({ type: 'progress', bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }),
}).then(
  (profile) => post({ type: 'profile', profile }),
  (error: unknown) => post({ type: 'error', error: serializeError(error) }),
);
