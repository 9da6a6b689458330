/**
 * Loads a data file with the loader for its format: Parquet when it starts with the Parquet signature or
 * is named .parquet (so that a file named .parquet that is not one gets a Parquet message), CSV or TSV
 * text otherwise (gzip-compressed or not).
 */

import type { ColumnarTable } from '../../shared/table/columnar';
import { isParquet } from '../../shared/table/file-format';
import { readBytes } from './input-file';
import { type LoadOptions, loadCsv } from './load-csv';
import { loadParquet } from './load-parquet';

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
  const { encoding: _encoding, decimal: _decimal, ...parquetOptions } = options;
  return loadParquet(filePath, parquetOptions);
}
