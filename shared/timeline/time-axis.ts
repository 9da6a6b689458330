/**
 * Reads a table's timestamp column into one instant per row (docs/timeline.md, "Timestamps"):
 * - a text column: ISO 8601 dates and date-times (parse-timestamp.ts), each distinct value parsed once;
 * - a number column: Unix epoch seconds, or milliseconds when the largest absolute value is at least
 *   1e11 (1e11 s is the year 5138, 1e11 ms is 1973-03-03): one unit for the whole column, never per value.
 * Periods follow the data's offset when every zoned value carries the same one, else UTC (with a note).
 * Missing cells and values that do not read are counted, never dropped silently.
 * The axis is remembered per column array and file name, so re-chunking parses no timestamp again.
 */
import { DatasetError } from '../dataset-error';
import type { Column, ColumnarTable } from '../table/columnar';
import { isMissingToken } from '../table/columnar';
import { parseNumberCell } from '../table/parse-number';
import { formatOffset, parseIsoTimestamp } from './parse-timestamp';
import type { TimestampReport } from './types';

/** Absolute epoch values at or above this are milliseconds; below, seconds. */
export const EPOCH_MILLISECONDS_FROM = 1e11;

export interface TimeAxis {
  /** Instant of each row in ms since the epoch (UTC), NaN when missing or unparsable. */
  ms: Float64Array;
  /** Offset (minutes east of UTC) in which periods are cut. */
  offsetMinutes: number;
  report: TimestampReport;
  notes: string[];
}

function epochAxis(
  values: Float64Array,
  column: string,
  missing: number,
  invalid: number,
  first: string | null,
) {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > largest) largest = a; // NaN comparisons are false
  }
  const unit = largest >= EPOCH_MILLISECONDS_FROM ? 1 : 1000;
  const ms = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) ms[i] = values[i] * unit;
  const report: TimestampReport = {
    column,
    missing,
    unparsable: invalid,
    firstUnparsable: first,
    format: unit === 1 ? 'epoch_milliseconds' : 'epoch_seconds',
    zone: 'Z',
  };
  return { ms, offsetMinutes: 0, report, notes: [] };
}

/** Axes already read, by the column's values or codes array (a column's arrays are never written). */
const axes = new WeakMap<object, { file: string; name: string; dictionary?: string[]; axis: TimeAxis }>();

/**
 * @throws DatasetError naming the file and column when the column is absent, when it mixes ISO dates with
 * numbers or zoned with unzoned values, or when no value reads as a timestamp.
 */
export function readTimeAxis(table: ColumnarTable, columnName: string): TimeAxis {
  const file = table.fileName;
  const column = table.columns.find((c) => c.name === columnName);
  if (column === undefined) {
    throw new DatasetError(
      `${file} has no column "${columnName}" to use as the time axis.`,
      file,
      null,
      columnName,
    );
  }
  const key = column.storage === 'number' ? column.values : column.codes;
  const dictionary = column.storage === 'number' ? undefined : column.dictionary;
  const hit = axes.get(key);
  let axis: TimeAxis;
  if (hit && hit.file === file && hit.name === columnName && hit.dictionary === dictionary) axis = hit.axis;
  else {
    axis = parseTimeAxis(file, column, columnName);
    axes.set(key, { file, name: columnName, dictionary, axis });
  }
  return { ...axis, report: { ...axis.report }, notes: [...axis.notes] };
}

function parseTimeAxis(file: string, column: Column, columnName: string): TimeAxis {
  if (column.storage === 'number') {
    let nan = 0;
    for (let i = 0; i < column.values.length; i++) if (Number.isNaN(column.values[i])) nan++;
    if (nan === column.values.length) {
      throw new DatasetError(
        `${file}: column "${columnName}" has no timestamp value.`,
        file,
        null,
        columnName,
      );
    }
    const invalid = column.invalidCount;
    return epochAxis(column.values, columnName, nan - invalid, invalid, column.firstInvalid?.value ?? null);
  }
  // Text column: classify each distinct value once.
  const { dictionary, codes } = column;
  const perCode = new Float64Array(dictionary.length).fill(Number.NaN);
  const used = new Uint8Array(dictionary.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) used[codes[i]] = 1;
  const offsets = new Set<number>();
  let naive: string | null = null;
  let zoned: string | null = null;
  let numeric: string | null = null;
  let iso: string | null = null;
  const missingCode = new Uint8Array(dictionary.length);
  const numbers: number[] = [];
  for (let code = 0; code < dictionary.length; code++) {
    if (!used[code]) continue;
    const raw = dictionary[code];
    if (isMissingToken(raw)) {
      missingCode[code] = 1;
      continue;
    }
    const parsed = parseIsoTimestamp(raw);
    if (parsed !== null) {
      iso ??= raw;
      perCode[code] = parsed.ms;
      if (parsed.offsetMinutes === null) naive ??= raw;
      else {
        zoned ??= raw;
        offsets.add(parsed.offsetMinutes);
      }
      continue;
    }
    const x = parseNumberCell(raw);
    if (x !== undefined && Number.isFinite(x)) {
      numeric ??= raw;
      numbers.push(code);
    }
  }
  const mixed = (a: string, b: string) =>
    new DatasetError(
      `${file}: column "${columnName}" mixes timestamp formats ("${a}" and "${b}"); use one format for the whole column.`,
      file,
      null,
      columnName,
    );
  if (iso !== null && numeric !== null) throw mixed(iso, numeric);
  if (naive !== null && zoned !== null) throw mixed(naive, zoned);
  if (iso === null && numeric !== null) {
    // Numbers stored as text (the loader kept text storage): read them as one epoch column.
    const values = new Float64Array(codes.length).fill(Number.NaN);
    const byCode = new Float64Array(dictionary.length).fill(Number.NaN);
    for (const code of numbers) byCode[code] = parseNumberCell(dictionary[code]) as number;
    let missing = 0;
    let unparsable = 0;
    let first: string | null = null;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      if (code < 0 || missingCode[code]) missing++;
      else if (Number.isNaN(byCode[code])) {
        unparsable++;
        first ??= dictionary[code];
      } else values[i] = byCode[code];
    }
    return epochAxis(values, columnName, missing, unparsable, first);
  }
  if (iso === null) {
    throw new DatasetError(
      `${file}: no value of column "${columnName}" reads as an ISO 8601 date or a Unix epoch.`,
      file,
      null,
      columnName,
    );
  }
  const ms = new Float64Array(codes.length);
  let missing = 0;
  let unparsable = 0;
  let first: string | null = null;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    const t = code < 0 ? Number.NaN : perCode[code];
    ms[i] = t;
    if (!Number.isNaN(t)) continue;
    if (code < 0 || missingCode[code]) missing++;
    else {
      unparsable++;
      first ??= dictionary[code];
    }
  }
  const notes: string[] = [];
  let offsetMinutes = 0;
  if (offsets.size === 1) offsetMinutes = [...offsets][0];
  else if (offsets.size > 1) {
    const list = [...offsets].sort((a, b) => a - b).map(formatOffset);
    notes.push(
      `${file}: column "${columnName}" carries several offsets (${list.join(', ')}): periods are cut in UTC.`,
    );
  }
  const report: TimestampReport = {
    column: columnName,
    missing,
    unparsable,
    firstUnparsable: first,
    format: 'iso',
    zone: formatOffset(offsetMinutes),
  };
  return { ms, offsetMinutes, report, notes };
}
