/**
 * A data file by the reader for its format: Parquet when it starts with the Parquet signature or is named
 * .parquet (so that a file named .parquet that is not one gets a Parquet message), CSV or TSV text
 * otherwise (gzip-compressed or not). Loaded whole, profiled in chunks, or its memory need estimated.
 */

import type { Profile } from '../../shared/profile/types';
import type { ColumnarTable } from '../../shared/table/columnar';
import { isParquet } from '../../shared/table/file-format';
import { readBytes } from './input-file';
import { csvAnalysisMemory, type LoadOptions, loadCsv } from './load-csv';
import { loadParquet } from './load-parquet';
import { parquetAnalysisMemory } from './parquet-source';
import { type StreamProfileOptions, streamCsvProfile } from './stream-csv-profile';
import { streamParquetProfile } from './stream-parquet-profile';

/** Whether `filePath` is read as Parquet (a file that cannot be read goes to the CSV loader's messages). */
export function isParquetFile(filePath: string): boolean {
  if (/\.parquet$/i.test(filePath)) return true;
  try {
    return isParquet(readBytes(filePath, 4, 0));
  } catch {
    return false;
  }
}

export function loadTable(filePath: string, options: LoadOptions = {}): Promise<ColumnarTable> {
  if (!isParquetFile(filePath)) return loadCsv(filePath, options);
  return loadParquet(filePath, parquetOptionsOf(options));
}

/** The options of the Parquet reader: the text ones (encoding, decimal separator) do not apply. */
function parquetOptionsOf<T extends LoadOptions>(options: T): Omit<T, 'encoding' | 'decimal'> {
  const { encoding: _encoding, decimal: _decimal, ...parquetOptions } = options;
  return parquetOptions;
}

/** The file's profile read in chunks (stream-csv-profile.ts, stream-parquet-profile.ts). */
export function streamProfile(filePath: string, options: StreamProfileOptions = {}): Promise<Profile> {
  if (!isParquetFile(filePath)) return streamCsvProfile(filePath, options);
  return streamParquetProfile(filePath, parquetOptionsOf(options));
}

/**
 * Estimated peak memory of loading and analysing the file whole (memory-budget.ts, by its loader's own
 * estimate). @throws {DatasetError} as the loader does, for a file it cannot read.
 */
export async function tableMemory(filePath: string, options: LoadOptions = {}): Promise<number> {
  if (!isParquetFile(filePath)) return csvAnalysisMemory(filePath, options);
  return parquetAnalysisMemory(filePath, { displayPath: options.displayPath });
}
