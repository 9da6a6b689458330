import { DatasetError } from '../../shared/dataset-error';

/**
 * Whether an error means the file did not fit in memory: the worker's heap limit
 * (ERR_WORKER_OUT_OF_MEMORY) or a typed array that could not grow ("Array buffer allocation failed").
 */
export function isOutOfMemory(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return true;
  return (
    error instanceof RangeError && /allocation failed|Invalid (typed )?array length/i.test(error.message)
  );
}

/** The message a user reads when a file is too large for this machine's memory. */
export function tooLargeError(fileName: string, bytes?: number): DatasetError {
  const size = bytes === undefined ? '' : ` (${(bytes / 1e9).toFixed(1)} GB)`;
  return new DatasetError(
    `${fileName}${size} is too large to load into memory on this machine. Try a sample of its rows.`,
    fileName,
  );
}
