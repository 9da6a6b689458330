/**
 * Body of the CSV reader benchmark (bundled and run by bench-csv-readers.mjs, one child process per run so
 * that each peak RSS is its own).
 *
 * Modes:
 * - `csv FILE`: our CSV loader (electron/engine/load-csv.ts: the record scanner into ColumnBuilder), the
 *   product's path; prints one JSON line: rows, columns, milliseconds, CPU milliseconds (user + system, all
 *   threads) and peak RSS (resourceUsage().maxRSS).
 * - `duckdb FILE THREADS`: DuckDB's CSV reader into the same typed columns through the Parquet loader's
 *   vector path (electron/engine/duckdb-parquet.ts readWithDuckdb, given a `read_csv(...)` instead of
 *   `read_parquet(...)`, into ParquetColumnBuilders), as a product loader would do it: our sniff
 *   (openCsv: delimiter, encoding) and our type inference on the sniffed 64 KiB give read_csv its dialect
 *   and explicit column types (DOUBLE for a column our ColumnBuilder keeps numeric, else VARCHAR), the
 *   columns are allocated for the row guess of our loader (csv-source.ts expectedRows; a run that reaches
 *   it fails), and the file's SHA-256 is hashed beside the read (electron/io/hash-file.ts, as the Parquet loader). Same JSON line.
 * - `compare FILE`: both tables in one process, compared column by column (storage, numbers bit for bit
 *   with NaN = NaN, dictionaries and codes, else the label of each row); also the types DuckDB's own
 *   sniffer gives. Prints the findings and one JSON line.
 * - `differences DIR`: small files written into DIR, each read by our loader and by DuckDB's read_csv, for
 *   what DuckDB's reader would lose (line numbers in messages, decimal commas, missing tokens, odd quoting,
 *   encodings, ragged rows). Prints what each gives.
 *
 * Usage: node BUNDLE.cjs csv FILE | duckdb FILE THREADS | compare FILE | differences DIR
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type CsvSource, expectedRows, normaliseHeader, openCsv } from '../../electron/engine/csv-source';
import { readWithDuckdb } from '../../electron/engine/duckdb-parquet';
import { type LoadOptions, loadCsv } from '../../electron/engine/load-csv';
import { hashFile } from '../../electron/io/hash-file';
import { ColumnBuilder } from '../../shared/table/column-builder';
import type { Column, ColumnarTable } from '../../shared/table/columnar';
import { CsvScanner } from '../../shared/table/csv-scanner';
import { ParquetColumnBuilder } from '../../shared/table/parquet-column-builder';

interface SniffedColumn {
  name: string;
  numeric: boolean;
}

/** Our type inference (ColumnBuilder's storage decision) on the records of the sniffed sample. */
function sniffTypes(source: CsvSource): SniffedColumn[] {
  let builders: ColumnBuilder[] | null = null;
  const scanner = new CsvScanner(source.delimiter, (record) => {
    if (record.fieldCount === 1 && record.field(0) === '') return;
    const fields = Array.from({ length: record.fieldCount }, (_, i) => record.field(i));
    if (builders === null) {
      builders = normaliseHeader(fields).names.map((name) => new ColumnBuilder(name));
      return;
    }
    for (let c = 0; c < builders.length; c++) builders[c].push(fields[c] ?? '', 0);
  });
  scanner.push(source.sampleText);
  if (source.size <= 64 * 1024) scanner.end(); // else the last, cut record is left out
  return (builders ?? ([] as ColumnBuilder[])).map((b) => ({ name: b.name, numeric: b.numericAtEnd() }));
}

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The read_csv call: our dialect, header, explicit types (no DuckDB sniffing). */
function readCsvSql(source: CsvSource, types: SniffedColumn[]): string {
  const encoding = { 'utf-8': 'utf-8', 'utf-16le': 'utf-16', 'utf-16be': null, 'windows-1252': 'latin-1' }[
    source.encoding
  ];
  if (encoding === null) throw new Error(`DuckDB's read_csv does not read ${source.encoding}`);
  const columns = types.map((t) => `${literal(t.name)}: '${t.numeric ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
  return (
    `read_csv($1, header = true, auto_detect = false, delim = ${literal(source.delimiter)}, quote = '"', ` +
    `escape = '"', encoding = '${encoding}', columns = {${columns}})`
  );
}

/** DuckDB's read_csv through readWithDuckdb into our typed columns (see the header). */
async function loadWithDuckdbCsv(file: string, threads: number): Promise<ColumnarTable & { sql: string }> {
  const source = openCsv(file);
  const sha256 = hashFile(file);
  const types = sniffTypes(source);
  const capacity = expectedRows(source);
  const builders = types.map(
    ({ name, numeric }) =>
      new ParquetColumnBuilder(
        numeric ? { name, kind: 'number', scale: 0 } : { name, kind: 'text' },
        capacity,
      ),
  );
  const sql = readCsvSql(source, types);
  let rows = 0;
  await readWithDuckdb(
    file,
    builders.map((builder, position) => ({ position, int64: false, builder })),
    (read) => {
      rows = read;
    },
    { from: sql, threads },
  );
  if (rows >= capacity) throw new Error(`the row guess (${capacity}) was reached: rows were left unread`);
  const columns = builders.map((b): Column => {
    const c = b.finish();
    return c.storage === 'number'
      ? { ...c, values: c.values.subarray(0, rows) }
      : { ...c, codes: c.codes.subarray(0, rows) };
  });
  return {
    fileName: source.fileName,
    rowCount: rows,
    columns,
    delimiter: source.delimiter,
    byteLength: source.size,
    warnings: [],
    sha256: await sha256,
    sql,
  };
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Differences between the two tables, as lines of text (none: they agree). */
function compareTables(ours: ColumnarTable, theirs: ColumnarTable): string[] {
  const out: string[] = [];
  if (ours.rowCount !== theirs.rowCount) out.push(`rows: ours ${ours.rowCount}, DuckDB ${theirs.rowCount}`);
  if (ours.sha256 !== theirs.sha256) out.push('SHA-256 differs');
  if (ours.columns.length !== theirs.columns.length)
    out.push(`columns: ours ${ours.columns.length}, DuckDB ${theirs.columns.length}`);
  const rows = Math.min(ours.rowCount, theirs.rowCount);
  ours.columns.forEach((a, c) => {
    const b = theirs.columns[c];
    if (b === undefined) return;
    if (a.name !== b.name) out.push(`column ${c + 1}: name ${a.name} vs ${b.name}`);
    if (a.storage !== b.storage) {
      out.push(`${a.name}: storage ours ${a.storage}, DuckDB ${b.storage}`);
      return;
    }
    let differ = 0;
    let first = -1;
    let shown = '';
    if (a.storage === 'number' && b.storage === 'number') {
      if (a.invalidCount > 0) out.push(`${a.name}: ${a.invalidCount} invalid cells in ours`);
      for (let i = 0; i < rows; i++) {
        const x = a.values[i];
        const y = b.values[i];
        if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) {
          differ++;
          if (first < 0) [first, shown] = [i, `${x} vs ${y}`];
        }
      }
    } else if (a.storage === 'string' && b.storage === 'string') {
      const sameDictionary = JSON.stringify(a.dictionary) === JSON.stringify(b.dictionary);
      if (!sameDictionary)
        out.push(`${a.name}: dictionaries differ (${a.dictionary.length} vs ${b.dictionary.length})`);
      for (let i = 0; i < rows; i++) {
        const x = a.codes[i] < 0 ? null : a.dictionary[a.codes[i]];
        const y = b.codes[i] < 0 ? null : b.dictionary[b.codes[i]];
        if (x !== y || (sameDictionary && a.codes[i] !== b.codes[i])) {
          differ++;
          if (first < 0) [first, shown] = [i, `${x} vs ${y}`];
        }
      }
    }
    if (differ > 0) out.push(`${a.name}: ${differ} rows differ (first: data row ${first + 1}, ${shown})`);
  });
  return out;
}

async function compare(file: string): Promise<void> {
  const ours = await loadCsv(file);
  const theirs = await loadWithDuckdbCsv(file, 1);
  console.log(`read_csv call: ${theirs.sql.replace(/columns = \{.*\}/, 'columns = {...}')}`);
  const types = (t: ColumnarTable) => t.columns.map((c) => `${c.name}:${c.storage}`).join(' ');
  console.log(`ours:   ${types(ours)}`);
  console.log(`DuckDB: ${types(theirs)}`);
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  const described = await sql.runAndReadAll('DESCRIBE SELECT * FROM read_csv($1)', [file]);
  console.log(
    `DuckDB's own sniffer: ${described
      .getRows()
      .map((r) => `${r[0]}:${r[1]}`)
      .join(' ')}`,
  );
  sql.closeSync();
  const differences = compareTables(ours, theirs);
  for (const d of differences) console.log(`DIFFERENCE ${d}`);
  const numeric = ours.columns.filter((c) => c.storage === 'number').length;
  console.log(
    JSON.stringify({
      rows: ours.rowCount,
      columns: ours.columns.length,
      numeric,
      differences: differences.length,
    }),
  );
}

/** A long list as its first 12 and last 3 items. */
const list = (items: unknown[]) =>
  items.length <= 16
    ? items.join(', ')
    : `${items.slice(0, 12).join(', ')}, ... (${items.length} rows) ..., ${items.slice(-3).join(', ')}`;

/** One experiment: a small file read by our loader and by DuckDB's read_csv with each call given. */
async function experiment(
  dir: string,
  title: string,
  name: string,
  content: string | Buffer,
  duckdbCalls: string[],
  options: LoadOptions = {},
): Promise<void> {
  const file = join(dir, name);
  writeFileSync(file, content);
  console.log(`\n## ${title} (${name})`);
  try {
    const t = await loadCsv(file, options);
    const cells = t.columns.map((c) =>
      c.storage === 'number'
        ? `${c.name}:number [${list([...c.values].map((x) => (Number.isNaN(x) ? 'NaN' : x)))}]${c.invalidCount > 0 ? ` ${c.invalidCount} invalid, first ${JSON.stringify(c.firstInvalid)}` : ''}`
        : `${c.name}:string [${list([...c.codes].map((k) => (k < 0 ? 'missing' : JSON.stringify(c.dictionary[k]))))}]`,
    );
    console.log(
      `ours (${t.encoding}): ${cells.join('; ')}${t.warnings.length ? ` | warnings: ${t.warnings.join(' ')}` : ''}`,
    );
  } catch (error) {
    console.log(`ours: ERROR ${(error as Error).message}`);
  }
  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  for (const call of duckdbCalls) {
    try {
      const result = await sql.runAndReadAll(`SELECT * FROM ${call}`, [file]);
      const rows = result.getRows().map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
      console.log(`DuckDB ${call}: [${list(rows.map((r) => JSON.stringify(r)))}]`);
    } catch (error) {
      console.log(`DuckDB ${call}: ERROR ${(error as Error).message.replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  }
  sql.closeSync();
}

/** The options of the benchmark's read_csv call (no DuckDB sniffing), for a comma file of these columns. */
const ours = (columns: string, more = '') =>
  `read_csv($1, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"'${more}, columns = {${columns}})`;
const XL = "'x': 'DOUBLE', 'label': 'VARCHAR'";

async function differences(dir: string): Promise<void> {
  const numbers = Array.from({ length: 20 }, (_, i) => `${i + 1}`);
  // 1. Line numbers: a quoted field spans two lines in data row 2; an invalid number in data row 15.
  const rows = numbers.map((x, i) => (i === 1 ? `${x},"two\nlines"` : i === 14 ? `abc,t${i}` : `${x},t${i}`));
  await experiment(dir, 'line numbers of an invalid number', 'lines.csv', `x,label\n${rows.join('\n')}\n`, [
    ours(XL),
    'read_csv($1, header = true)',
  ]);
  // 2. Decimal commas.
  await experiment(
    dir,
    'decimal commas',
    'comma.csv',
    'x;label\n1,5;a\n-2,25;b\n3;c\n',
    [
      `read_csv($1, header = true, auto_detect = false, delim = ';', quote = '"', escape = '"', decimal_separator = ',', columns = {${XL}})`,
      "read_csv($1, header = true, delim = ';', decimal_separator = ',')",
    ],
    { decimal: ',' },
  );
  // 3. Missing tokens in a numeric column (docs/statistics.md §1).
  const tokens = [
    'NA',
    'na',
    ' NA ',
    'n/a',
    'None',
    'null',
    'NULL',
    '<NA>',
    'NaN',
    'nan',
    'inf',
    '-Infinity',
    '',
  ];
  const tokenRows = [...tokens, ...numbers].map((x) => `${x},t`).join('\n');
  await experiment(dir, 'missing tokens in a numeric column', 'missing.csv', `x,label\n${tokenRows}\n`, [
    ours(XL),
    ours(XL, ", nullstr = ['NA', 'n/a', 'None', 'null', '<NA>', '']"),
    ours(XL, ", nullstr = ['NA', 'na', ' NA ', 'n/a', 'None', 'null', 'NULL', '<NA>', '']"),
    'read_csv($1, header = true)',
  ]);
  // 4. Papaparse's reading of odd quoting: a stray quote, text after a closing quote, a quote left open.
  await experiment(dir, 'odd quoting', 'quotes.csv', 'x,label\n1,a"b\n2,"p"q\n3,"open\n4,z\n', [
    ours(XL),
    ours(XL, ', strict_mode = false'),
    'read_csv($1, header = true)',
  ]);
  // 5. Encodings: Windows-1252 (0x80 is €, 0xE9 é), UTF-16 LE with a BOM, a bad UTF-8 byte.
  const cp1252 = Buffer.from([
    ...Buffer.from('x,label\n1,'),
    0x80,
    ...Buffer.from('5\n2,caf'),
    0xe9,
    ...Buffer.from('\n'),
  ]);
  await experiment(dir, 'Windows-1252', 'cp1252.csv', cp1252, [
    'read_csv($1, header = true)',
    ours(XL, ", encoding = 'latin-1'"),
  ]);
  const latin1 = Buffer.from([...Buffer.from('x,label\n1,caf'), 0xe9, ...Buffer.from('\n2,b\n')]);
  await experiment(dir, 'Windows-1252 without bytes 0x80-0x9F', 'latin1.csv', latin1, [
    ours(XL, ", encoding = 'latin-1'"),
  ]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x,label\n1,é\n2,b\n', 'utf16le')]);
  await experiment(dir, 'UTF-16 LE with a BOM', 'utf16.csv', utf16, [
    'read_csv($1, header = true)',
    ours(XL, ", encoding = 'utf-16'"),
  ]);
  const utf16be = Buffer.from(utf16.swap16().subarray(0)); // the same text, each 16-bit unit byte-swapped
  await experiment(dir, 'UTF-16 BE with a BOM', 'utf16be.csv', utf16be, [ours(XL, ", encoding = 'utf-16'")]);
  const big = Array.from({ length: 9000 }, (_, i) => `${i},ok`).join('\n');
  const badUtf8 = Buffer.concat([
    Buffer.from(`x,label\n${big}\n1,`),
    Buffer.from([0xff]),
    Buffer.from('x\n'),
  ]);
  await experiment(dir, 'a bad UTF-8 byte after the sniffed 64 KiB', 'bad-utf8.csv', badUtf8, [
    ours(XL),
    ours(XL, ', ignore_errors = true'),
  ]);
  // 6. Ragged rows.
  const XYL = "'x': 'DOUBLE', 'y': 'VARCHAR', 'label': 'VARCHAR'";
  await experiment(dir, 'ragged rows', 'ragged.csv', 'x,y,label\n1,2,a\n3,b\n5,6,c,extra\n7,8,d\n', [
    ours(XYL),
    ours(XYL, ', null_padding = true, strict_mode = false'),
    ours(XYL, ', null_padding = true, strict_mode = false, ignore_errors = true'),
  ]);
  // 7. Leading and trailing spaces in a text cell (ours trims labels).
  await experiment(dir, 'spaces around a label', 'spaces.csv', 'x,label\n1, a \n2,a\n', [ours(XL)]);
}

async function main() {
  const [mode, file, threads] = process.argv.slice(2);
  if (mode === 'compare') return compare(file);
  if (mode === 'differences') return differences(file);
  const t0 = performance.now();
  const table = mode === 'csv' ? await loadCsv(file) : await loadWithDuckdbCsv(file, Number(threads ?? 1));
  const ms = performance.now() - t0;
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  const cpuMs = (userCPUTime + systemCPUTime) / 1000;
  console.log(
    JSON.stringify({
      mode,
      rows: table.rowCount,
      columns: table.columns.length,
      ms,
      cpuMs,
      peakRssMb: peakRssMb(),
    }),
  );
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
