/**
 * Refuses a file that will not fit in memory before loading it. Need = text bytes (decompressed size for
 * .gz) × a peak-RSS-per-byte factor, interpolated between numbers/categories and distinct text by the
 * share of the sample's bytes in distinct-text columns (sniff.ts distinctTextShare); the factors are
 * measured by test/bench/measure-load-memory.mjs. Available = the OS's available memory (os.freemem:
 * MemAvailable on Linux), capped by what a cgroup limit leaves.
 */
import os from 'node:os';
import { DatasetError } from '../../shared/dataset-error';
import { formatBytes } from '../../shared/report/report-format';

/**
 * Peak resident bytes of an analysis per byte of CSV (reference + current), above the process' baseline,
 * measured with 1,000,000-row files (the larger of the measured sizes; the factor falls with size as fixed
 * costs spread): 3.07 for numbers and repeated categories (274 MB input, 918 MB peak; issue 10 saw 2.97 at
 * 4.1 GB), 6.67 for distinct text (171 MB, 1214 MB). Rounded up.
 */
export const RSS_PER_BYTE = { numeric: 3.1, distinctText: 6.7 } as const;

/** Bytes this process may still allocate: available memory, or what a cgroup limit leaves, if smaller. */
export function availableMemory(): number {
  let available = os.freemem();
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  if (constrained !== undefined && constrained > 0 && constrained < os.totalmem()) {
    available = Math.min(available, constrained - process.memoryUsage.rss());
  }
  return Math.max(0, available);
}

/**
 * Estimated peak memory for loading and analysing `textBytes` bytes of CSV of which a share
 * `distinctTextShare` (0..1) is distinct text: textBytes × (3.1 × (1 − share) + 6.7 × share).
 */
export function estimateMemory(textBytes: number, distinctTextShare = 0): number {
  const factor =
    RSS_PER_BYTE.numeric * (1 - distinctTextShare) + RSS_PER_BYTE.distinctText * distinctTextShare;
  return factor * textBytes;
}

/**
 * Throws a DatasetError naming the file, its size, the estimated need and what is available when
 * `textBytes` of CSV (a share `distinctTextShare` of it distinct text) will not fit in `available` bytes.
 */
export function checkMemory(
  shownPath: string,
  fileBytes: number,
  textBytes: number,
  distinctTextShare: number,
  available: number,
): void {
  const need = estimateMemory(textBytes, distinctTextShare);
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

/** Share of the available memory that `analyze` may plan for before it analyses streamed profiles instead. */
export const DEFAULT_BUDGET_SHARE = 0.75;
/** Share of the machine's memory that caps the default budget (3 GB on a 24 GB machine). */
export const DEFAULT_BUDGET_TOTAL_SHARE = 1 / 8;

/**
 * The memory budget of `analyze` (--memory-budget): beyond it, CSV/TSV pairs are analysed from streamed
 * profiles (docs/profiles.md) instead of being loaded whole. Default: DEFAULT_BUDGET_SHARE of what is
 * available now (room for the estimate's error and other programs), at most DEFAULT_BUDGET_TOTAL_SHARE of
 * the machine's memory, so that a pair of files far larger than the exact analysis needs (10,000,000 rows
 * × 20 columns: 7.9 GB estimated) is profiled in a few hundred MB rather than loaded whole.
 */
export function defaultMemoryBudget(): number {
  return Math.min(DEFAULT_BUDGET_SHARE * availableMemory(), DEFAULT_BUDGET_TOTAL_SHARE * os.totalmem());
}

const BYTE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * Bytes of a size written as a number with an optional K, M, G or T suffix (binary: 1G = 1024³ bytes), or
 * null when it is not one (or not above 0). @example byteSize('1.5G') // 1610612736
 */
export function byteSize(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(value);
  const bytes = match ? Number(match[1]) * BYTE_UNITS[match[2].toLowerCase()] : Number.NaN;
  return bytes > 0 ? bytes : null;
}

/** The environment variable that sets the app's memory budget (a size as for --memory-budget: 4G, 512M). */
export const MEMORY_BUDGET_VARIABLE = 'DRIFTSCOPE_MEMORY_BUDGET';

/**
 * The app's memory budget (beyond it a file is profiled in one pass instead of loaded): `value` (the
 * DRIFTSCOPE_MEMORY_BUDGET variable) when it is a size, else defaultMemoryBudget() at the time of the call.
 * `warn` is told of a value that is not a size.
 */
export function appMemoryBudget(
  value: string | undefined = process.env[MEMORY_BUDGET_VARIABLE],
  warn: (message: string) => void = console.warn,
): number {
  if (value !== undefined && value.trim() !== '') {
    const bytes = byteSize(value);
    if (bytes !== null) return bytes;
    warn(
      `${MEMORY_BUDGET_VARIABLE}="${value}" is not a size such as 4G or 512M; the default budget is used.`,
    );
  }
  return defaultMemoryBudget();
}
