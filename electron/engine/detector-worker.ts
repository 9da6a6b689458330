/**
 * Worker entry: the multivariate detectors (runDetectors) on an input the engine prepared
 * (workerData.input, its arrays in SharedArrayBuffers: read here, not copied), so that they run on the
 * second core while the engine runs the per-column tests. Posts the result, or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type DetectorInput,
  type MultivariateSettings,
  runDetectors,
} from '../../shared/multivariate/analyze-multivariate';
import type { DetectorWorkerMessage } from './protocol';
import { serializeError } from './serialize-error';

const port = parentPort!;
const post = (message: DetectorWorkerMessage) => port.postMessage(message);
try {
  const { input, settings } = workerData as { input: DetectorInput; settings: MultivariateSettings };
  post({ type: 'result', result: runDetectors(input, settings) });
} catch (error) {
  post({ type: 'error', error: serializeError(error) });
}
