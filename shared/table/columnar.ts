/**
 * The columnar table a loader produces: one entry per header column, values stored by storage kind.
 * - number storage: Float64Array, NaN = missing (docs/statistics.md §1: empty, NA, NaN, null, None, ±Infinity).
 * - string storage: Int32Array codes into a dictionary of distinct strings, -1 = missing.
 * A column whose cells were mostly numbers but had a few unparseable ones keeps number storage; the bad
 * cells become NaN and are counted in `invalidCount` with the first one recorded in `firstInvalid`.
 */
import type { Encoding } from './encoding';

export interface InvalidCell {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  value: string;
}

export interface NumberColumn {
  name: string;
  storage: 'number';
  values: Float64Array;
  /** Cells that were neither missing nor a number; stored as NaN. */
  invalidCount: number;
  firstInvalid: InvalidCell | null;
  /** The finite values sorted ascending, when the loader computed them (reused by quantiles and tests). */
  sorted?: Float64Array;
}

export interface StringColumn {
  name: string;
  storage: 'string';
  codes: Int32Array;
  dictionary: string[];
}

export type Column = NumberColumn | StringColumn;

export interface ColumnarTable {
  /** File name shown to the user (never a full path in reports). */
  fileName: string;
  rowCount: number;
  columns: Column[];
  /** Delimiter that was detected (',' or '\t' or ';' or '|'). */
  delimiter: string;
  byteLength: number;
  /** Things the user should know that did not stop the load (ragged rows, renamed headers, ...). */
  warnings: string[];
  /** SHA-256 of the file's bytes (lowercase hex), computed while reading; absent for in-memory tables. */
  sha256?: string;
  /** Text encoding the file was decoded with (absent for in-memory tables). */
  encoding?: Encoding;
  /** Set when the file was gzip-compressed (decompressed while reading). */
  compression?: 'gzip';
  /** Set for a Parquet file (absent: CSV or TSV text; `delimiter` is then ''). */
  format?: 'parquet';
}

/** Missing-value tokens of docs/statistics.md §1, compared case-insensitively after trimming. */
const MISSING_TOKENS = new Set(['', 'na', 'nan', 'null', 'none', 'n/a', '<na>']);

export function isMissingToken(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  const first = raw.charCodeAt(0);
  if (notTrimmed(first) && notTrimmed(raw.charCodeAt(n - 1))) {
    // Nothing to trim. Every other token starts with n, N or < and has at most 5 characters.
    if (n > 5 || (first !== 110 && first !== 78 && first !== 60)) return false;
    return MISSING_TOKENS.has(raw.toLowerCase());
  }
  const t = raw.trim();
  if (t.length === 0) return true;
  if (t.length > 5) return false;
  return MISSING_TOKENS.has(t.toLowerCase());
}

/** A char code that trim() never removes (whitespace is at most 32, or 0xA0 and above). */
function notTrimmed(c: number): boolean {
  return c > 32 && c < 0xa0;
}

/** Number of missing cells of a column. */
export function missingCount(column: Column): number {
  let missing = 0;
  if (column.storage === 'number') {
    for (let i = 0; i < column.values.length; i++) if (Number.isNaN(column.values[i])) missing++;
    return missing - column.invalidCount;
  }
  for (let i = 0; i < column.codes.length; i++) if (column.codes[i] < 0) missing++;
  return missing;
}
