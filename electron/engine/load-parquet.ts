/**
 * Reads a Parquet file whole into a columnar table (shared/table/columnar.ts): its footer checked and its
 * columns planned by parquet-source.ts, the memory it will need checked (memory-budget.ts), then its rows
 * read by DuckDB into builders of the file's row count. For a profile of a file that need not fit in
 * memory, see stream-parquet-profile.ts. The file is only ever opened for reading.
 */
import type { ColumnarTable } from '../../shared/table/columnar';
import { hashFile } from '../io/hash-file';
import type { LoadOptions } from './load-csv';
import { availableMemory, checkMemory } from './memory-budget';
import { openParquet, parquetColumns, parquetTextBytes, readParquetRows } from './parquet-source';

/** Options of loadParquet: those of the CSV loader (encoding and decimal do not apply) and a column choice. */
export interface ParquetLoadOptions extends Omit<LoadOptions, 'encoding' | 'decimal'> {
  /** Read only these columns (default: every column of a supported type). */
  columns?: string[];
}

export async function loadParquet(
  filePath: string,
  options: ParquetLoadOptions = {},
): Promise<ColumnarTable> {
  const source = await openParquet(filePath, options);
  const sha256 = hashFile(filePath);
  const { shown, size } = source;
  checkMemory(shown, size, parquetTextBytes(source), 0, options.memoryAvailable ?? availableMemory());
  const columns = parquetColumns(source, source.rowCount, options.numberStorage);
  const warnings = await readParquetRows(source, columns, { onProgress: options.onProgress });
  return {
    fileName: source.fileName,
    rowCount: source.rowCount,
    columns: columns.map((c) => c.builder.finish()),
    delimiter: '',
    byteLength: size,
    warnings,
    sha256: await sha256,
    format: 'parquet',
  };
}
