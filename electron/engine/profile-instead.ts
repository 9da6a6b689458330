/**
 * A data file too large for the memory budget, opened in the app: instead of being loaded whole, it is
 * profiled in one pass in a worker of its own (profile-in-worker.ts: the same streamed profile as
 * `driftscope profile` writes), and the analysis runs on its counts and sketches (docs/profiles.md), as
 * `driftscope analyze` does beyond --memory-budget. The need is the loaders' own estimate (memory-budget.ts).
 */
import type { Profile } from '../../shared/profile/types';
import { formatBytes } from '../../shared/report/report-format';
import type { LoadProgressInfo } from './csv-source';
import { isParquetFile, tableMemory } from './load-table';
import { streamProfileInWorker } from './profile-in-worker';
import type { FileLoadOptions } from './protocol';
import { CancelledError } from './serialize-error';

/**
 * Estimated peak memory of loading and analysing `filePath` whole, or null when it cannot be sniffed (the
 * load then reports why, in its own words).
 */
export async function analysisMemory(filePath: string, options: FileLoadOptions): Promise<number | null> {
  try {
    return await tableMemory(filePath, options);
  } catch {
    return null;
  }
}

/**
 * The warning shown with a file profiled instead of loaded: `need` its own whole-file estimate, `beside` that
 * of the other file, loaded or loading (0: none).
 */
export function profiledInsteadNote(shown: string, need: number, beside: number, budget: number): string {
  const what =
    beside > 0
      ? `loading it whole beside the other file would need about ${formatBytes(need + beside)} of memory (${formatBytes(need)} for this one)`
      : `loading it whole would need about ${formatBytes(need)} of memory`;
  return (
    `${shown} was profiled in one pass instead of being loaded: ${what}, ` +
    `more than the memory budget of ${formatBytes(budget)}. Its categories, counts and missing values are exact; ` +
    'numeric tests on its sketches are approximate (each result says by how much), and what needs the rows ' +
    '(the rows behind a bar, the timeline, model quality, the multivariate detectors) is not available for it.'
  );
}

/**
 * The streamed profile of `filePath` in a worker, and a cancel: a Parquet read stops after its current
 * vector (the worker ends itself once DuckDB is closed), a CSV or TSV one at once (its worker terminated).
 * Either way the profile rejects with a CancelledError.
 */
export function profileInWorker(
  filePath: string,
  options: FileLoadOptions,
  onProgress: (progress: LoadProgressInfo) => void,
): { profile: Promise<Profile>; cancel: () => void } {
  const shown = options.displayPath ?? filePath;
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const abort = new AbortController();
  const parquet = isParquetFile(filePath);
  const profile = streamProfileInWorker(
    filePath,
    { ...options, progressIntervalMs: 100 },
    onProgress,
    stopFlag,
    parquet ? undefined : abort.signal,
  );
  return {
    profile,
    cancel: () => {
      if (parquet) Atomics.store(stopFlag, 0, 1);
      else abort.abort(new CancelledError(`Loading ${shown} was cancelled.`));
    },
  };
}
