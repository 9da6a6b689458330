/**
 * The multivariate detectors in a worker of their own (detector-worker.cjs beside this bundle), so that a
 * whole analysis uses both cores: the engine runs the per-column tests while the worker runs the domain
 * classifier and the reconstruction error (docs/multivariate.md, "Cost"). The result is the one
 * runDetectors gives in process: same input, same seeded samples.
 */
import { DatasetError } from '../../shared/dataset-error';
import {
  type DetectorInput,
  joinDetectorParts,
  type MultivariateResult,
  type MultivariateSettings,
  onlyDetector,
} from '../../shared/multivariate/analyze-multivariate';
import type { FeatureColumn } from '../../shared/multivariate/feature-columns';
import { isOutOfMemory, tooLargeError } from './out-of-memory';
import type { DetectorWorkerMessage } from './protocol';
import { deserializeError } from './serialize-error';
import { isShared } from './shared-storage';
import { workerTask } from './worker-task';

/** `values` in a SharedArrayBuffer (itself when it is already there, else a copy): posted without a copy. */
function shared<T extends Float64Array | Int32Array>(values: T): T {
  if (isShared(values)) return values;
  const Kind = values.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const out = new Kind(new SharedArrayBuffer(values.length * Kind.BYTES_PER_ELEMENT));
  out.set(values);
  return out;
}

/**
 * The input with every array in shared memory. The numerical arrays are often the tables' own, which the
 * per-column tests read meanwhile: shared already when a parse worker loaded them, else copied (not moved).
 */
function sharedInput(input: DetectorInput): DetectorInput {
  const features = input.features.map(
    (f): FeatureColumn =>
      ({ ...f, reference: shared(f.reference), current: shared(f.current) }) as FeatureColumn,
  );
  return { ...input, features };
}

/** One worker running runDetectors(input, settings); settles with its result or its error. */
function detectorWorker(
  input: DetectorInput,
  settings: MultivariateSettings,
  fileName: string,
): Promise<MultivariateResult> {
  return workerTask<DetectorWorkerMessage, MultivariateResult>(
    'detector-worker.cjs',
    { input, settings },
    {
      message: (m) =>
        m.type === 'result'
          ? { value: m.result }
          : { error: deserializeError(m.error, 'The multivariate detectors') },
      failed: (error) =>
        isOutOfMemory(error)
          ? tooLargeError(fileName)
          : new DatasetError(`The multivariate detectors failed: ${error.message}`, fileName),
      exited: (code) => new Error(`The multivariate detectors' worker stopped (exit code ${code}).`),
    },
    { maxOldGenerationSizeMb: 4096 },
  );
}

/**
 * Starts the detectors on `input`: when both are enabled, the domain classifier and the reconstruction
 * error each in a worker of its own, reading the same shared arrays (the classifier costs about three
 * times the reconstruction, which shares its core with the per-column tests), joined as runDetectors
 * joins them. The promise settles with the result, or the first error (`fileName` names the current file
 * in a message for an out-of-memory end).
 */
export async function runDetectorsInWorker(
  input: DetectorInput,
  settings: MultivariateSettings,
  fileName: string,
): Promise<MultivariateResult> {
  const posted = sharedInput(input);
  if (!settings.domainClassifier.enabled || !settings.reconstruction.enabled)
    return detectorWorker(posted, settings, fileName);
  const [classifier, reconstruction] = await Promise.all([
    detectorWorker(posted, onlyDetector(settings, 'domainClassifier'), fileName),
    detectorWorker(posted, onlyDetector(settings, 'reconstruction'), fileName),
  ]);
  return joinDetectorParts(input, classifier, reconstruction);
}
