/**
 * The profile of a CSV or TSV file (plain or gzip) read in chunks of rows, so that memory does not grow
 * with the file (docs/profiles.md, "Streaming"): every `chunkRows` rows, each column's rows are handed
 * from its ColumnBuilder to its profile accumulators and dropped. The result equals (deep-equal JSON) the
 * profile of the whole file loaded by load-csv.ts.
 *
 * A column's kind (numeric or categorical) is decided by the whole file (ColumnBuilder.numericAtEnd), so
 * while reading, every column is accumulated as numbers (memory: its sketch), and also as text while it
 * leans to text at the end of each chunk (memory: its labels, which its profile holds anyway if it ends
 * text). A column that leaned to numbers at some chunk end and is text at the end of the file has lost its
 * labels: it is re-read in a second pass over the file (only those columns are accumulated there).
 */
import path from 'node:path';
import { profileOfColumns } from '../../shared/profile/build-profile';
import { CategoricalAccumulator, NumericAccumulator } from '../../shared/profile/column-accumulator';
import { DEFAULT_RELATIVE_ACCURACY } from '../../shared/profile/ddsketch';
import type { Profile, ProfileColumn } from '../../shared/profile/types';
import type { ColumnBuilder } from '../../shared/table/column-builder';
import type { NumberColumn, StringColumn } from '../../shared/table/columnar';
import type { RowLines } from '../../shared/table/row-lines';
import { type CsvSource, type LoadOptions, openCsv, readCsvRows } from './csv-source';

/** Rows read before a chunk is handed to the accumulators (--chunk-rows). */
export const DEFAULT_CHUNK_ROWS = 65_536;

export interface StreamProfileOptions extends LoadOptions {
  chunkRows?: number;
  relativeAccuracy?: number;
}

/**
 * Reads `source` once, calling `take(builders, lineOf)` for every `chunkRows` rows and for the rest at the
 * end (`lineOf(row)`: the physical line of the chunk's row-th row); `take` must drop the rows held.
 */
async function readInChunks(
  source: CsvSource,
  options: StreamProfileOptions,
  take: (builders: ColumnBuilder[], lineOf: (row: number) => number) => void,
): Promise<{ builders: ColumnBuilder[]; rows: number }> {
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  let taken = 0;
  const takeAt = (builders: ColumnBuilder[], rowLines: RowLines, rows: number) => {
    const first = taken;
    take(builders, (row) => rowLines.lineOf(first + row));
    taken = rows;
  };
  const read = await readCsvRows(source, options, (rows, builders, rowLines) => {
    if (rows - taken >= chunkRows) takeAt(builders, rowLines, rows);
  });
  takeAt(read.builders, read.rowLines, read.rows);
  return read;
}

/** Profiles a CSV or TSV file in chunks. @throws {DatasetError} as loadCsv does (not its memory check). */
export async function streamCsvProfile(
  filePath: string,
  options: StreamProfileOptions = {},
): Promise<Profile> {
  const alpha = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
  const source = openCsv(filePath, options);
  let numeric: NumericAccumulator[] = [];
  let categorical: (CategoricalAccumulator | null)[] = [];
  const read = await readInChunks(source, options, (builders, lineOf) => {
    if (numeric.length === 0) {
      numeric = builders.map((b) => new NumericAccumulator(b.name, alpha));
      categorical = builders.map((b) => new CategoricalAccumulator(b.name));
    }
    builders.forEach((b, c) => {
      numeric[c].add(b.heldAs('number', lineOf) as NumberColumn);
      const text = categorical[c];
      if (text !== null) {
        if (b.numericAtEnd()) categorical[c] = null;
        else text.add(b.heldAs('string', lineOf) as StringColumn);
      }
      b.dropHeld();
    });
  });
  const isNumeric = read.builders.map((b) => b.numericAtEnd());
  const reread = isNumeric.flatMap((yes, c) => (!yes && categorical[c] === null ? [c] : []));
  if (reread.length > 0) {
    const again = reread.map((c) => new CategoricalAccumulator(read.builders[c].name));
    await readInChunks(source, options, (builders, lineOf) => {
      reread.forEach((c, i) => {
        again[i].add(builders[c].heldAs('string', lineOf) as StringColumn);
      });
      for (const b of builders) b.dropHeld();
    });
    reread.forEach((c, i) => {
      categorical[c] = again[i];
    });
  }
  const columns: ProfileColumn[] = isNumeric.map((yes, c) =>
    yes ? numeric[c].result() : categorical[c]!.result(),
  );
  return profileOfColumns(path.basename(source.shown), read.rows, columns, alpha);
}
