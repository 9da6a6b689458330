/**
 * Loads a CSV or TSV file whole into a columnar table (shared/table/columnar.ts): sniffed and read row by
 * row by csv-source.ts, after checking the memory the file will need (memory-budget.ts). For a profile of a
 * file that need not fit in memory, see stream-csv-profile.ts.
 */
import type { ColumnarTable } from '../../shared/table/columnar';
import { distinctTextShare } from '../../shared/table/sniff';
import { type CsvSource, type LoadOptions, openCsv, readCsvRows } from './csv-source';
import { readBytes } from './input-file';
import { availableMemory, checkMemory, estimateMemory } from './memory-budget';

export { type LoadOptions, type LoadProgressInfo, normaliseHeader } from './csv-source';

/**
 * Decompressed size of a gzip file: its ISIZE trailer (RFC 1952 §2.3.1, the size mod 2^32), raised by
 * multiples of 2^32 until it reaches the least the text can be. Deflate never grows data by more than its
 * stored blocks' 5 bytes per 65,535 (RFC 1951 §3.2.4) plus the header and trailer, so the text is at least
 * size × (1 − 1/10,000) − 64 KiB (header slack for a file name, comment or extra field). A tiny file, which
 * gzip makes larger, keeps its ISIZE.
 */
export function gzipTextBytes(filePath: string, size: number): number {
  if (size < 18) return size;
  let isize = readBytes(filePath, 4, size - 4).readUInt32LE(0);
  const least = size * (1 - 1e-4) - 65_536;
  while (isize < least) isize += 2 ** 32;
  return isize;
}

/** What the memory estimate of a sniffed file rests on: its text bytes and the share of distinct text. */
function textShape(source: CsvSource): { textBytes: number; distinctTextShare: number } {
  const { filePath, size, gzip, sampleText, delimiter } = source;
  return {
    textBytes: gzip ? gzipTextBytes(filePath, size) : size,
    distinctTextShare: distinctTextShare(sampleText, delimiter),
  };
}

/**
 * Estimated peak memory of loading and analysing a CSV or TSV file whole (memory-budget.ts), from its
 * sniffed start. @throws {DatasetError} as openCsv does, for a file that cannot be read as CSV.
 */
export function csvAnalysisMemory(filePath: string, options: LoadOptions = {}): number {
  const shape = textShape(openCsv(filePath, options));
  return estimateMemory(shape.textBytes, shape.distinctTextShare);
}

export async function loadCsv(filePath: string, options: LoadOptions = {}): Promise<ColumnarTable> {
  const source = openCsv(filePath, options);
  const { shown, size, gzip, delimiter } = source;
  const shape = textShape(source);
  checkMemory(
    shown,
    size,
    shape.textBytes,
    shape.distinctTextShare,
    options.memoryAvailable ?? availableMemory(),
  );
  const read = await readCsvRows(source, options);
  const lines = read.rowLines;
  return {
    fileName: source.fileName,
    rowCount: read.rows,
    columns: read.builders.map((b) => b.finish((row) => lines.lineOf(row))),
    delimiter,
    byteLength: size,
    warnings: read.warnings,
    sha256: read.sha256,
    encoding: source.encoding,
    ...(gzip ? { compression: 'gzip' as const } : {}),
  };
}
