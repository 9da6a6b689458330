/**
 * Streams a CSV or TSV file through papaparse into a columnar table (shared/table/columnar.ts).
 * UTF-8 with or without BOM; delimiter detected from the first 64 KiB; numbers converted by our own
 * parser (no dynamicTyping: it halves throughput). The file is only ever opened for reading.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { DatasetError } from '../../shared/dataset-error';
import { ColumnBuilder } from '../../shared/table/column-builder';
import type { ColumnarTable } from '../../shared/table/columnar';
import { delimiterName, detectDelimiter, looksBinary } from '../../shared/table/sniff';

export interface LoadProgressInfo {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgressInfo) => void;
  /** Minimum milliseconds between progress reports. */
  progressIntervalMs?: number;
}

const SNIFF_BYTES = 64 * 1024;
const READ_CHUNK = 1 << 20;

/** Reads the first bytes of a file as UTF-8 text without its BOM. */
function readSample(filePath: string, size: number): string {
  const fd = openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
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

export async function loadCsv(filePath: string, options: LoadOptions = {}): Promise<ColumnarTable> {
  const fileName = path.basename(filePath);
  let size: number;
  try {
    const stat = statSync(filePath);
    if (!stat.isFile()) throw new DatasetError(`${fileName} is not a file.`, fileName);
    size = stat.size;
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new DatasetError(`Cannot open ${fileName}: ${why}.`, fileName);
  }
  if (size === 0) throw new DatasetError(`${fileName} is empty (0 bytes).`, fileName);
  const sample = readSample(filePath, size);
  if (looksBinary(sample)) {
    throw new DatasetError(
      `${fileName} looks like a binary file, not a CSV or TSV text file (it contains control bytes).`,
      fileName,
    );
  }
  if (sample.trim().length === 0)
    throw new DatasetError(`${fileName} is empty (only blank lines).`, fileName);
  const warnings: string[] = [];
  let delimiter = detectDelimiter(sample, fileName);
  if (delimiter === null) {
    delimiter = ',';
    warnings.push(
      `${fileName}: only one column found. Driftscope reads comma, tab, semicolon or pipe separated files; check the delimiter if this is wrong.`,
    );
  }

  const interval = options.progressIntervalMs ?? 100;
  return new Promise<ColumnarTable>((resolve, reject) => {
    const stream = createReadStream(filePath, { highWaterMark: READ_CHUNK, flags: 'r' });
    // SHA-256 of the bytes as they are read (reports name the exact file); decoded to UTF-8 text after.
    const hash = createHash('sha256');
    const hashed = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    hashed.setEncoding('utf8');
    stream.pipe(hashed);
    let builders: ColumnBuilder[] | null = null;
    let width = 0;
    let rows = 0;
    let ragged = 0;
    let firstRagged: { line: number; fields: number } | null = null;
    let lastReport = 0;
    let failed = false;

    const fail = (error: Error, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      stream.destroy();
      hashed.destroy();
      reject(error);
    };

    Papa.parse<string[]>(hashed as unknown as NodeJS.ReadableStream, {
      delimiter,
      header: false,
      skipEmptyLines: true,
      chunk(results, _parser) {
        if (failed) return;
        const data = results.data;
        let start = 0;
        if (builders === null) {
          if (data.length === 0) return;
          const { names, renamed } = normaliseHeader(data[0]);
          if (renamed.length > 0)
            warnings.push(`${fileName}: repeated column names renamed: ${renamed.join(', ')}.`);
          builders = names.map((name) => new ColumnBuilder(name));
          width = names.length;
          start = 1;
        }
        const cols = builders;
        for (let r = start; r < data.length; r++) {
          const fields = data[r];
          const line = rows + 2;
          if (fields.length !== width) {
            ragged++;
            firstRagged ??= { line, fields: fields.length };
          }
          const n = Math.min(fields.length, width);
          for (let c = 0; c < n; c++) cols[c].push(fields[c], line);
          for (let c = n; c < width; c++) cols[c].push('', line);
          rows++;
        }
        const now = Date.now();
        if (options.onProgress && now - lastReport >= interval) {
          lastReport = now;
          options.onProgress({ bytesRead: Math.min(stream.bytesRead, size), bytesTotal: size, rows });
        }
      },
      complete() {
        if (failed) return;
        if (builders === null) return fail(new DatasetError(`${fileName} has no header row.`, fileName));
        if (rows === 0) {
          return fail(new DatasetError(`${fileName} has a header but no data rows.`, fileName, 2));
        }
        if (firstRagged !== null) {
          const { line, fields } = firstRagged;
          const what = `${ragged} of ${rows} rows do not have ${width} fields like the header (first: line ${line}, ${fields} fields)`;
          if (ragged > rows / 2) {
            return fail(
              new DatasetError(
                `${fileName}: ${what}. Is the delimiter (${delimiterName(delimiter!)}) right?`,
                fileName,
                line,
              ),
            );
          }
          warnings.push(`${fileName}: ${what}; missing fields were read as empty, extra fields ignored.`);
        }
        options.onProgress?.({ bytesRead: size, bytesTotal: size, rows });
        resolve({
          fileName,
          rowCount: rows,
          columns: builders.map((b) => b.finish()),
          delimiter: delimiter!,
          byteLength: size,
          warnings,
          sha256: hash.digest('hex'),
        });
      },
      error(error: Error) {
        fail(new DatasetError(`Cannot read ${fileName}: ${error.message}`, fileName));
      },
    });
    stream.on('error', (error) =>
      fail(new DatasetError(`Cannot read ${fileName}: ${error.message}`, fileName)),
    );
  });
}
