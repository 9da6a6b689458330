/**
 * The profile of a Parquet file read in chunks of rows, so that memory does not grow with the file
 * (docs/profiles.md, "Streaming"): the footer is checked and the columns planned as loadParquet does
 * (parquet-source.ts: the same messages, warnings and progress), then DuckDB's rows are written into
 * builders of `chunkRows` rows; each time they are full, and at the end, each column's rows are handed to
 * its profile accumulator and dropped. A Parquet column's kind is its schema's (number storage or text),
 * so one pass is enough, and the accumulators are fed in row order: the result equals (deep-equal JSON)
 * `profileTable` of the whole file loaded by load-parquet.ts, sums included.
 */
import path from 'node:path';
import { profileOfColumns } from '../../shared/profile/build-profile';
import { CategoricalAccumulator, NumericAccumulator } from '../../shared/profile/column-accumulator';
import { DEFAULT_RELATIVE_ACCURACY } from '../../shared/profile/ddsketch';
import type { Profile } from '../../shared/profile/types';
import type { NumberColumn, StringColumn } from '../../shared/table/columnar';
import type { ParquetLoadOptions } from './load-parquet';
import { openParquet, parquetColumns, readParquetRows } from './parquet-source';
import { DEFAULT_CHUNK_ROWS } from './stream-csv-profile';

export interface StreamParquetProfileOptions
  extends Omit<ParquetLoadOptions, 'memoryAvailable' | 'numberStorage'> {
  /** Rows held at a time (--chunk-rows; default DEFAULT_CHUNK_ROWS, as for CSV). */
  chunkRows?: number;
  relativeAccuracy?: number;
  /** Given the warnings loadParquet gives the table (renamed and skipped columns, rounded integers). */
  onWarnings?: (warnings: string[]) => void;
}

/** Profiles a Parquet file in chunks. @throws {DatasetError} as loadParquet does (not its memory check). */
export async function streamParquetProfile(
  filePath: string,
  options: StreamParquetProfileOptions = {},
): Promise<Profile> {
  const alpha = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  if (!(Number.isInteger(chunkRows) && chunkRows >= 1))
    throw new RangeError(`chunkRows must be a whole number ≥ 1, got ${chunkRows}`);
  const source = await openParquet(filePath, options);
  const columns = parquetColumns(source, chunkRows);
  const accumulators = columns.map(({ builder }) =>
    builder.values !== null
      ? new NumericAccumulator(builder.name, alpha)
      : new CategoricalAccumulator(builder.name),
  );
  const warnings = await readParquetRows(source, columns, {
    onProgress: options.onProgress,
    onHeld: (held) => {
      columns.forEach(({ builder }, c) => {
        const chunk = builder.held(held);
        const accumulator = accumulators[c];
        if (accumulator instanceof NumericAccumulator) accumulator.add(chunk as NumberColumn);
        else accumulator.add(chunk as StringColumn);
        builder.dropHeld();
      });
    },
  });
  options.onWarnings?.(warnings);
  return profileOfColumns(
    path.basename(source.shown),
    source.rowCount,
    accumulators.map((a) => a.result()),
    alpha,
  );
}
