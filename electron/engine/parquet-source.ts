/**
 * What the footer of a Parquet file says before its rows are read, and the read of its rows, shared by
 * load-parquet.ts (the whole file) and stream-parquet-profile.ts (chunks of rows). The footer is checked
 * and parsed with hyparquet (a truncated file or one that is not Parquet gets a message naming the file as
 * the user gave it), then the schema decides each top-level column's mapping (shared/table/parquet-columns.ts):
 * columns of a type Driftscope does not read are skipped with a warning naming them, and only the columns
 * asked for are read. The data is read by DuckDB (duckdb-parquet.ts: 3 to 10 times faster than hyparquet's
 * row assembly, README "Decisions"); each row group read is reported as progress (compressed bytes and row
 * groups read). A read that fails is retried column by column, so that the message names the column and
 * its row group. The file is only ever opened for reading.
 */
import path from 'node:path';
import {
  asyncBufferFromFile,
  type FileMetaData,
  parquetMetadataAsync,
  parquetSchema,
  type SchemaElement,
} from 'hyparquet';
import { DatasetError } from '../../shared/dataset-error';
import { formatInteger } from '../../shared/report/report-format';
import type { Float64Storage } from '../../shared/stats/float64-storage';
import { ParquetColumnBuilder } from '../../shared/table/parquet-column-builder';
import { type ParquetColumnPlan, planParquetColumn } from '../../shared/table/parquet-columns';
import type { LoadProgressInfo } from './csv-source';
import { normaliseHeader } from './csv-source';
import { type DuckdbColumn, DuckdbReadError, loadDuckdb, readWithDuckdb } from './duckdb-parquet';
import { inputFileSize, readBytes } from './input-file';
import { estimateMemory } from './memory-budget';

/** One top-level column to read: its 0-based position in the schema, its plan (named as read). */
export interface ParquetColumnRead {
  position: number;
  /** Physical INT64 without DECIMAL: read as 64-bit integers so that values beyond ±2^53 are counted. */
  int64: boolean;
  plan: Exclude<ParquetColumnPlan, { kind: 'skip' }>;
}

/** What the footer of a Parquet file says, before its rows are read. */
export interface ParquetSource {
  filePath: string;
  /** The path as the user gave it. */
  shown: string;
  fileName: string;
  size: number;
  metadata: FileMetaData;
  rowCount: number;
  topLevel: SchemaElement[];
  /** The columns to read, in schema order. */
  reads: ParquetColumnRead[];
  /** Warnings so far (renamed and skipped columns); readParquetRows adds its own. */
  warnings: string[];
}

export interface ParquetSourceOptions {
  /** The path as the user gave it, for messages (default: `filePath`). */
  displayPath?: string;
  /** Read only these columns (default: every column of a supported type). */
  columns?: string[];
}

const MAGIC = 'PAR1';
/** Magic (4) + footer length (4) + magic (4): the smallest a Parquet file can be. */
const MIN_SIZE = 12;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the first bytes of a file that is not Parquet look like, for the message. */
function notParquet(shown: string, head: Buffer): DatasetError {
  const text = head.toString('latin1');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: printable ASCII and common whitespace.
  const looksText = /^[\x09\x0a\x0d\x20-\x7e\u00a0-\u00ff]*$/.test(text);
  const hint = looksText
    ? ' It looks like a text file: if it is CSV or TSV, give it a .csv or .tsv name.'
    : '';
  return new DatasetError(
    `${shown} is not a Parquet file: it does not start with the Parquet signature "PAR1".${hint}`,
    shown,
  );
}

/** Reads and checks the footer: the metadata of a complete Parquet file, else a DatasetError. */
async function readFooter(filePath: string, shown: string, size: number) {
  const head = readBytes(filePath, Math.min(size, 64), 0);
  if (head.subarray(0, 4).toString('latin1') !== MAGIC) throw notParquet(shown, head);
  const tail = size >= MIN_SIZE ? readBytes(filePath, 4, size - 4).toString('latin1') : '';
  if (tail !== MAGIC) {
    throw new DatasetError(
      `${shown} is an incomplete Parquet file (${formatInteger(size)} bytes): it does not end with the Parquet footer signature "PAR1". ` +
        'It was probably cut short while being copied or written; copy or export it again.',
      shown,
    );
  }
  const file = await asyncBufferFromFile(filePath);
  try {
    return await parquetMetadataAsync(file);
  } catch (error) {
    throw new DatasetError(
      `${shown}: the Parquet footer cannot be read (${message(error)}). The file is damaged; copy or export it again.`,
      shown,
    );
  }
}

/**
 * Checks a Parquet file's footer and plans its columns.
 * @throws {DatasetError} naming the file as given: not Parquet, incomplete, a damaged footer, no row, no
 * column Driftscope reads.
 */
export async function openParquet(
  filePath: string,
  options: ParquetSourceOptions = {},
): Promise<ParquetSource> {
  const fileName = path.basename(filePath);
  const shown = options.displayPath ?? filePath;
  const size = inputFileSize(filePath, shown);
  const metadata = await readFooter(filePath, shown, size);
  const warnings: string[] = [];
  const rowCount = Number(metadata.num_rows);
  const topLevel = parquetSchema(metadata).children.map((child) => child.element);
  const { names, renamed } = normaliseHeader(topLevel.map((e) => e.name));
  if (renamed.length > 0) warnings.push(`${fileName}: repeated column names renamed: ${renamed.join(', ')}.`);
  const wanted = options.columns ? new Set(options.columns) : null;
  const reads: ParquetColumnRead[] = [];
  topLevel.forEach((element, i) => {
    const plan = planParquetColumn(element);
    if (plan.kind === 'skip') {
      warnings.push(
        `${fileName}: column "${element.name}" skipped: ${plan.reason}; the other columns are read.`,
      );
      return;
    }
    if (wanted !== null && !wanted.has(names[i])) return;
    const int64 = element.type === 'INT64' && plan.kind === 'number' && plan.scale === 0;
    reads.push({ position: i, int64, plan: { ...plan, name: names[i] } });
  });
  if (rowCount === 0) throw new DatasetError(`${shown} has columns but no data rows (0 rows).`, shown, null);
  if (reads.length === 0) {
    const why = warnings.length > 0 ? ` ${warnings.join(' ')}` : '';
    throw new DatasetError(`${shown} has no column that Driftscope can read.${why}`, shown);
  }
  return { filePath, shown, fileName, size, metadata, rowCount, topLevel, reads, warnings };
}

/**
 * The memory check's text-size stand-in: the file's size, or the uncompressed bytes of the chosen columns
 * over all row groups when larger.
 */
export function parquetTextBytes(source: ParquetSource): number {
  const names = new Set(source.reads.map((r) => source.topLevel[r.position].name));
  let total = 0;
  for (const group of source.metadata.row_groups)
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (meta && names.has(meta.path_in_schema[0])) total += Number(meta.total_uncompressed_size);
    }
  return Math.max(source.size, total);
}

/**
 * Estimated peak memory of loading and analysing a Parquet file whole (memory-budget.ts, as loadParquet
 * checks it). @throws {DatasetError} as openParquet does.
 */
export async function parquetAnalysisMemory(
  filePath: string,
  options: ParquetSourceOptions = {},
): Promise<number> {
  return estimateMemory(parquetTextBytes(await openParquet(filePath, options)));
}

/**
 * The builders of the columns to read, each holding `capacity` rows (default and at most: the file's
 * rows), their number storage allocated by `storage`.
 */
export function parquetColumns(
  source: ParquetSource,
  capacity = source.rowCount,
  storage?: Float64Storage,
): DuckdbColumn[] {
  const rows = Math.min(capacity, source.rowCount);
  return source.reads.map(({ position, int64, plan }) => ({
    position,
    int64,
    builder: new ParquetColumnBuilder(plan, rows, storage),
  }));
}

/** The row group (0-based) that holds row `row` (0-based), given each group's end row. */
const groupOf = (groupEnds: number[], row: number) =>
  Math.max(
    0,
    Math.min(
      groupEnds.findIndex((end) => row < end),
      groupEnds.length - 1,
    ),
  );

/**
 * The message of a failed read: each column is read again alone (into a throwaway builder of the same
 * capacity, in turns when that is less than the file) to find the one that fails, and the row group it
 * failed in.
 */
async function readFailure(
  source: ParquetSource,
  columns: DuckdbColumn[],
  groupEnds: number[],
  error: unknown,
): Promise<DatasetError> {
  const { filePath, shown, rowCount } = source;
  const count = groupEnds.length;
  for (const column of columns) {
    const builder = new ParquetColumnBuilder(column.builder.plan, column.builder.rowCount);
    try {
      await readWithDuckdb(filePath, [{ ...column, builder }], () => {}, {
        rows: rowCount,
        onHeld: () => builder.dropHeld(),
      });
    } catch (columnError) {
      const rowsRead = columnError instanceof DuckdbReadError ? columnError.rowsRead : 0;
      const g = groupOf(groupEnds, rowsRead);
      const first = g === 0 ? 0 : groupEnds[g - 1];
      return new DatasetError(
        `${shown}: column "${builder.name}" cannot be read in row group ${g + 1} of ${count} (rows ${formatInteger(first + 1)} to ${formatInteger(groupEnds[g])}): ${message(columnError)}. The file is damaged or uses an encoding Driftscope does not read.`,
        shown,
        null,
        builder.name,
      );
    }
  }
  const rowsRead = error instanceof DuckdbReadError ? error.rowsRead : 0;
  return new DatasetError(
    `${shown}: row group ${groupOf(groupEnds, rowsRead) + 1} cannot be read: ${message(error)}.`,
    shown,
  );
}

export interface ParquetReadOptions {
  onProgress?: (progress: LoadProgressInfo) => void;
  /**
   * Chunked reading: called each time the builders are full, and at the end, with the rows they hold
   * (readWithDuckdb's onHeld). Default: the builders hold the whole file.
   */
  onHeld?: (held: number) => void;
}

/**
 * Reads the file's rows into `columns` (parquetColumns), reporting progress after each row group.
 * Returns the source's warnings and one per column with integers beyond ±2^53.
 * @throws {DatasetError} naming the column and row group that cannot be read.
 */
export async function readParquetRows(
  source: ParquetSource,
  columns: DuckdbColumn[],
  options: ParquetReadOptions = {},
): Promise<string[]> {
  const { filePath, size, fileName } = source;
  const groups = source.metadata.row_groups;
  const bytesAtStart = size - Number(groups.reduce((sum, g) => sum + (g.total_compressed_size ?? 0n), 0n));
  let bytesRead = Math.max(0, bytesAtStart);
  const groupEnds: number[] = [];
  for (const group of groups) groupEnds.push((groupEnds.at(-1) ?? 0) + Number(group.num_rows));
  let groupsRead = 0;
  const onRows = (rows: number) => {
    while (groupsRead < groups.length && rows >= groupEnds[groupsRead]) {
      bytesRead += Number(groups[groupsRead].total_compressed_size ?? 0n);
      groupsRead++;
      options.onProgress?.({
        bytesRead: Math.min(bytesRead, size),
        bytesTotal: size,
        rows: groupEnds[groupsRead - 1],
        rowGroupsRead: groupsRead,
        rowGroupsTotal: groups.length,
      });
    }
  };
  await loadDuckdb(); // outside the try: a reader that cannot load is no damaged file
  try {
    await readWithDuckdb(filePath, columns, onRows, { rows: source.rowCount, onHeld: options.onHeld });
  } catch (error) {
    throw await readFailure(source, columns, groupEnds, error);
  }
  const warnings = [...source.warnings];
  for (const { builder } of columns) {
    if (builder.unsafeIntegers === 0) continue;
    const first = builder.firstUnsafe!;
    warnings.push(
      `${fileName}: column "${builder.name}": ${formatInteger(builder.unsafeIntegers)} integers beyond ±2^53 were rounded to the nearest double (first: ${first} read as ${Number(first)}).`,
    );
  }
  return warnings;
}
