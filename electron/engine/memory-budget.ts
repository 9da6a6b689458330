/**
 * Refuses a file that will not fit in memory before loading it. Need = RSS_PER_BYTE × the file's text
 * bytes (decompressed size for .gz), RSS_PER_BYTE measured by test/bench/measure-load-memory.mjs;
 * available = the OS's available memory (MemAvailable on Linux), capped by a cgroup limit if any.
 */
import os from 'node:os';
import { DatasetError } from '../../shared/dataset-error';
import { formatBytes } from '../../shared/report/report-format';

/**
 * Peak resident bytes of an analysis per byte of CSV text (reference + current each counted), measured
 * on generated files of 50-400 MB with mixed numeric and categorical columns (see the bench script's
 * header for the numbers); rounded up so that the estimate errs towards refusing late rather than crashing.
 */
export const RSS_PER_BYTE = 3;

/** Bytes this process may still allocate: available memory, or what a cgroup limit leaves, if smaller. */
export function availableMemory(): number {
  let available = os.freemem();
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  if (constrained !== undefined && constrained > 0 && constrained < os.totalmem()) {
    available = Math.min(available, constrained - process.memoryUsage.rss());
  }
  return Math.max(0, available);
}

/** Estimated peak memory for loading and analysing a file of `textBytes` bytes of text. */
export function estimateMemory(textBytes: number): number {
  return RSS_PER_BYTE * textBytes;
}

/**
 * Throws a DatasetError naming the file, its size, the estimated need and what is available when
 * `textBytes` of text will not fit in `available` bytes.
 */
export function checkMemory(
  shownPath: string,
  fileBytes: number,
  textBytes: number,
  available: number,
): void {
  const need = estimateMemory(textBytes);
  if (need <= available) return;
  const size =
    textBytes === fileBytes
      ? formatBytes(fileBytes)
      : `${formatBytes(fileBytes)}, about ${formatBytes(textBytes)} decompressed`;
  throw new DatasetError(
    `${shownPath} (${size}) needs about ${formatBytes(need)} of memory to analyse, but only ${formatBytes(available)} is available. ` +
      'Close other programs, use a machine with more memory, or analyse a sample of its rows ' +
      '(for example the header and first million rows: head -n 1000001 FILE > sample.csv).',
    shownPath,
  );
}
