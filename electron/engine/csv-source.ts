/**
 * Reading a CSV or TSV file row by row, shared by the whole-table loader (load-csv.ts) and the chunked one
 * (stream-csv-profile.ts). `openCsv` sniffs the first 64 KiB: a format we do not read (xlsx, Parquet, ...: named,
 * refused), gzip (decompressed while streaming, progress in compressed bytes), the text encoding (UTF-8,
 * UTF-16, else Windows-1252; shared/table/encoding.ts), binary content and the delimiter. `readCsvRows`
 * streams the file's decoded text through our record scanner (shared/table/csv-scanner.ts, which reads
 * records as papaparse does) into one ColumnBuilder per header column, hashing the stored bytes (SHA-256),
 * normalising the header, counting physical lines, ragged rows and bad byte sequences. A numeric cell is
 * parsed where it lies in the text (ColumnBuilder.pushRange), never made a string. Messages name the path as the
 * user gave it and physical line numbers. The file is only ever opened for reading.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { DatasetError } from '../../shared/dataset-error';
import type { Float64Storage } from '../../shared/stats/float64-storage';
import { ColumnBuilder } from '../../shared/table/column-builder';
import { CsvScanner } from '../../shared/table/csv-scanner';
import { detectEncoding, type Encoding, encodingLabel } from '../../shared/table/encoding';
import { foreignFormat, isGzip } from '../../shared/table/file-format';
import type { DecimalSeparator } from '../../shared/table/parse-number';
import { RowLines } from '../../shared/table/row-lines';
import { delimiterName, detectDelimiter, looksBinary } from '../../shared/table/sniff';
import { createChunkDecoder } from './chunk-decoder';
import { inputFileSize, readBytes } from './input-file';

export interface LoadProgressInfo {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  /** Parquet files: row groups read so far, of `rowGroupsTotal`. */
  rowGroupsRead?: number;
  rowGroupsTotal?: number;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgressInfo) => void;
  /** Minimum milliseconds between progress reports. */
  progressIntervalMs?: number;
  /** The path as the user gave it, for messages (default: `filePath`). */
  displayPath?: string;
  /** The file's encoding, overriding detection (--encoding). */
  encoding?: Encoding;
  /** The decimal separator of the file's numbers (--decimal; default '.'). */
  decimal?: DecimalSeparator;
  /** Bytes of memory the load may use (default: what the machine has available now). */
  memoryAvailable?: number;
  /** Where number columns are allocated (default ordinary memory; a parse worker's: shared-storage.ts). */
  numberStorage?: Float64Storage;
}

/** What the sniffed start of a file says, before its rows are read. */
export interface CsvSource {
  filePath: string;
  /** The path as the user gave it. */
  shown: string;
  fileName: string;
  /** Bytes as stored (compressed for .gz). */
  size: number;
  gzip: boolean;
  encoding: Encoding;
  delimiter: string;
  /** The decoded sample (the first 64 KiB of text). */
  sampleText: string;
  /** Warnings so far (one column found); readCsvRows adds its own. */
  warnings: string[];
}

/** The rows of a file, as the builders hold them after `readCsvRows`. */
export interface CsvRows {
  builders: ColumnBuilder[];
  rowLines: RowLines;
  rows: number;
  sha256: string;
  warnings: string[];
}

const SNIFF_BYTES = 64 * 1024;
/** Compressed bytes read to sniff a .gz file (enough for 64 KiB of text at any usual ratio). */
const GZIP_SNIFF_BYTES = 1 << 20;
const READ_CHUNK = 1 << 20;

/** The first text bytes of a file (decompressed for gzip), and whether they are the whole file. */
function readSample(
  filePath: string,
  size: number,
  gzip: boolean,
  shown: string,
): { bytes: Buffer; complete: boolean } {
  if (!gzip)
    return { bytes: readBytes(filePath, Math.min(SNIFF_BYTES, size), 0), complete: size <= SNIFF_BYTES };
  const compressed = readBytes(filePath, Math.min(GZIP_SNIFF_BYTES, size), 0);
  let text: Buffer;
  try {
    // Sync flush: decompress what a truncated stream holds instead of failing at its cut end.
    text = gunzipSync(compressed, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (error) {
    throw new DatasetError(`${shown} is not a valid gzip file: ${(error as Error).message}.`, shown);
  }
  return {
    bytes: text.subarray(0, SNIFF_BYTES),
    complete: size <= GZIP_SNIFF_BYTES && text.length <= SNIFF_BYTES,
  };
}

/**
 * The rows a whole load will hold, guessed from the sample's line length (2 % over, so that the columns'
 * storage is allocated once; pages never written are never resident). Gzip files: no guess (0).
 */
export function expectedRows(source: CsvSource): number {
  if (source.gzip) return 0;
  const { sampleText, size } = source;
  let lines = 0;
  for (let at = sampleText.indexOf('\n'); at >= 0; at = sampleText.indexOf('\n', at + 1)) lines++;
  if (lines === 0 || sampleText.length === 0) return 0;
  return Math.ceil((1.02 * size * lines) / sampleText.length);
}

/** Header names as pandas would give them: blanks become "Unnamed: i", repeats get ".1", ".2", ... */
export function normaliseHeader(fields: string[]): { names: string[]; renamed: string[] } {
  const seen = new Map<string, number>();
  const renamed: string[] = [];
  const names = fields.map((raw, i) => {
    let name = raw.trim();
    if (name.length === 0) name = `Unnamed: ${i}`;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    if (count > 0) {
      renamed.push(`${name} → ${name}.${count}`);
      name = `${name}.${count}`;
    }
    return name;
  });
  return { names, renamed };
}

/** Sniffs a file (format, gzip, encoding, binary, delimiter). @throws {DatasetError} for what we cannot read. */
export function openCsv(filePath: string, options: LoadOptions = {}): CsvSource {
  const fileName = path.basename(filePath);
  const shown = options.displayPath ?? filePath;
  const size = inputFileSize(filePath, shown);
  const gzip = isGzip(readBytes(filePath, 2, 0));
  const sample = readSample(filePath, size, gzip, shown);
  const foreign = foreignFormat(sample.bytes);
  if (foreign !== null) {
    throw new DatasetError(
      `${shown} is ${foreign.name}, not a CSV or TSV text file. ${foreign.advice}.`,
      shown,
    );
  }
  const detected = detectEncoding(sample.bytes, sample.complete);
  const encoding = options.encoding ?? detected.encoding;
  // Always as a stream: Node 20.20's one-call decode of windows-1252 maps 0x80-0x9F as Latin-1 (0x80 → U+0080).
  const sampleDecoder = new TextDecoder(encoding);
  const text =
    sampleDecoder.decode(sample.bytes, { stream: true }) + (sample.complete ? sampleDecoder.decode() : '');
  if (looksBinary(text)) {
    throw new DatasetError(
      `${shown} looks like a binary file, not a CSV or TSV text file (it contains control bytes).`,
      shown,
    );
  }
  if (text.trim().length === 0) throw new DatasetError(`${shown} is empty (only blank lines).`, shown);
  const warnings: string[] = [];
  let delimiter = detectDelimiter(text, fileName.replace(/\.gz$/i, ''));
  if (delimiter === null) {
    delimiter = ',';
    warnings.push(
      `${shown}: only one column found. Driftscope reads comma, tab, semicolon or pipe separated files; check the delimiter if this is wrong.`,
    );
  }
  return { filePath, shown, fileName, size, gzip, encoding, delimiter, sampleText: text, warnings };
}

/**
 * Streams the rows of `source` into one ColumnBuilder per column. `afterRow(rows)`, if given, runs after
 * each data row (rows read so far) and may take chunks from the builders; an error it throws ends the read.
 * @throws {DatasetError} (the promise rejects) for no header, no data rows, mostly ragged rows, bad gzip.
 */
export function readCsvRows(
  source: CsvSource,
  options: LoadOptions,
  afterRow?: (rows: number, builders: ColumnBuilder[], rowLines: RowLines) => void,
): Promise<CsvRows> {
  const { filePath, shown, fileName, size, gzip, encoding, delimiter } = source;
  const warnings = [...source.warnings];
  const sampleReplaced = source.sampleText.includes('\uFFFD');
  const decimal = options.decimal ?? '.';
  const interval = options.progressIntervalMs ?? 100;
  return new Promise<CsvRows>((resolve, reject) => {
    const stream = createReadStream(filePath, { highWaterMark: READ_CHUNK, flags: 'r' });
    // SHA-256 of the file's bytes as stored (compressed for .gz), hashed as they are read.
    const hash = createHash('sha256');
    const hashed = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const gunzip = gzip ? createGunzip() : null;
    // Decodes to text and counts U+FFFD replacement characters (bytes invalid in the encoding).
    const decoder = createChunkDecoder(encoding);
    let replaced = 0;
    const countText = (chunk: string) => {
      if (decoder.lastDecoded)
        for (let at = chunk.indexOf('\uFFFD'); at >= 0; at = chunk.indexOf('\uFFFD', at + 1)) replaced++;
      return chunk.length > 0 ? chunk : undefined;
    };
    const decoded = new Transform({
      readableObjectMode: true,
      transform(chunk: Buffer, _encoding, callback) {
        callback(null, countText(decoder.decode(chunk)));
      },
      flush(callback) {
        callback(null, countText(decoder.end()));
      },
    });
    stream.pipe(hashed);
    if (gunzip) hashed.pipe(gunzip).pipe(decoded);
    else hashed.pipe(decoded);
    let builders: ColumnBuilder[] | null = null;
    let width = 0;
    let rows = 0;
    let nextLine = 1;
    let rowLines: RowLines | null = null;
    let ragged = 0;
    let firstRagged: { line: number; fields: number } | null = null;
    let lastReport = 0;
    let failed = false;

    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stream.destroy();
      hashed.destroy();
      gunzip?.destroy();
      decoded.destroy();
      reject(error);
    };

    const onRecord = (record: CsvScanner) => {
      const line = nextLine;
      nextLine += record.lines;
      const count = record.fieldCount;
      // A blank line (one empty field) is counted, not read.
      if (count === 1 && record.field(0) === '') return;
      if (builders === null) {
        const fields = Array.from({ length: count }, (_, i) => record.field(i));
        const { names, renamed } = normaliseHeader(fields);
        if (renamed.length > 0)
          warnings.push(`${shown}: repeated column names renamed: ${renamed.join(', ')}.`);
        const expected = afterRow ? 0 : expectedRows(source);
        builders = names.map((name) => new ColumnBuilder(name, decimal, expected, options.numberStorage));
        width = names.length;
        rowLines = new RowLines(nextLine);
        return;
      }
      rowLines!.note(rows, line);
      if (count !== width) {
        ragged++;
        firstRagged ??= { line, fields: count };
      }
      const cols = builders;
      const text = record.text;
      const n = Math.min(count, width);
      for (let c = 0; c < n; c++) {
        const quoted = record.quotedValue(c);
        if (quoted === undefined) cols[c].pushRange(text, record.startOf(c), record.endOf(c), line);
        else cols[c].push(quoted, line);
      }
      for (let c = n; c < width; c++) cols[c].push('', line);
      rows++;
      afterRow?.(rows, cols, rowLines!);
    };
    const scanner = new CsvScanner(delimiter, onRecord);

    const complete = () => {
      if (builders === null) return fail(new DatasetError(`${shown} has no header row.`, shown));
      if (rows === 0) {
        return fail(new DatasetError(`${shown} has a header but no data rows.`, shown, 2));
      }
      if (firstRagged !== null) {
        const { line, fields } = firstRagged;
        const what = `${ragged} of ${rows} rows do not have ${width} fields like the header (first: line ${line}, ${fields} fields)`;
        if (ragged > rows / 2) {
          return fail(
            new DatasetError(
              `${shown}: ${what}. Is the delimiter (${delimiterName(delimiter)}) right?`,
              shown,
              line,
            ),
          );
        }
        warnings.push(`${fileName}: ${what}; missing fields were read as empty, extra fields ignored.`);
      }
      if (scanner.unterminatedLine !== null) {
        warnings.push(
          `${fileName}: the quoted field of the record on line ${scanner.unterminatedLine} has no closing quote; the rest of the file was read as that one field.`,
        );
      }
      if (replaced > 0 && !sampleReplaced && options.encoding === undefined) {
        warnings.push(
          `${fileName}: ${replaced} byte sequence(s) after the first 64 KiB are not valid ${encodingLabel(encoding)} and were read as "\uFFFD"; if the file uses another encoding, give it with --encoding (for example --encoding windows-1252).`,
        );
      }
      options.onProgress?.({ bytesRead: size, bytesTotal: size, rows });
      resolve({ builders, rowLines: rowLines!, rows, sha256: hash.digest('hex'), warnings });
    };

    decoded.on('data', (chunk: string) => {
      if (failed) return;
      try {
        scanner.push(chunk);
      } catch (error) {
        return fail(error as Error);
      }
      const now = Date.now();
      if (options.onProgress && now - lastReport >= interval) {
        lastReport = now;
        options.onProgress({ bytesRead: Math.min(stream.bytesRead, size), bytesTotal: size, rows });
      }
    });
    decoded.on('end', () => {
      if (failed) return;
      try {
        scanner.end();
      } catch (error) {
        return fail(error as Error);
      }
      complete();
    });
    decoded.on('error', (error: Error) =>
      fail(new DatasetError(`Cannot read ${shown}: ${error.message}`, shown)),
    );
    const streamError = (error: Error) =>
      fail(new DatasetError(`Cannot read ${shown}: ${error.message}`, shown));
    stream.on('error', streamError);
    gunzip?.on('error', (error) =>
      fail(new DatasetError(`Cannot read ${shown}: the gzip data is damaged (${error.message}).`, shown)),
    );
  });
}
