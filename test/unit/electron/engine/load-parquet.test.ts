// @vitest-environment node
// The Parquet loader on the fixtures of test/fixtures/parquet/gen_parquet_fixtures.mjs (DuckDB 1.5 wrote
// them; the SQL in that script is the oracle of every expected value below): each type's mapping, the four
// codecs, row groups with progress, the column choice, and the bad corpus (each message names the file as
// given and, where there is one, the column).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWithDuckdb, stopDuckdbReadsWhen } from '../../../../electron/engine/duckdb-parquet';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { loadParquet } from '../../../../electron/engine/load-parquet';
import { isParquetFile, loadTable } from '../../../../electron/engine/load-table';
import { DatasetError } from '../../../../shared/dataset-error';
import type { Column, ColumnarTable } from '../../../../shared/table/columnar';
import { ParquetColumnBuilder } from '../../../../shared/table/parquet-column-builder';

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'parquet');
const fixture = (name: string) => path.join(DIR, name);

/** A column's values as numbers (NaN = missing) or strings (null = missing). */
function cells(table: ColumnarTable, name: string): (number | string | null)[] {
  const column = table.columns.find((c) => c.name === name) as Column;
  expect(column, name).toBeDefined();
  if (column.storage === 'number') return Array.from(column.values);
  return Array.from(column.codes, (code) => (code < 0 ? null : column.dictionary[code]));
}

async function loadError(file: string, shown = file): Promise<DatasetError> {
  const error = await loadTable(file, { displayPath: shown }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

const types = await loadParquet(fixture('types.parquet'));

describe('loadParquet: types (types.parquet, 6 rows, the last all null)', () => {
  const table = types;
  const number = (name: string, expected: number[]) =>
    it(`${name} → number`, () => expect(cells(table, name)).toEqual([...expected, Number.NaN]));
  const text = (name: string, expected: (string | null)[]) =>
    it(`${name} → text`, () => expect(cells(table, name)).toEqual([...expected, null]));

  it('has 6 rows', () => expect(table.rowCount).toBe(6));
  number('int8', [1, -2, 3, 127, 0]);
  number('int16', [1000, -2000, 3, 32767, 0]);
  number('int32', [100000, -2, 3, 2147483647, 0]);
  // 2^53 + 1 has no double: Number(9007199254740993n) is 2^53 (round half to even).
  number('int64', [1, -2, 2 ** 53, -(2 ** 53), 2 ** 53]);
  number('uint32', [1, 2, 3, 4294967295, 0]);
  number('float64', [0.5, -1.25, 3, 1e300, 0.1]);
  number('float32', [0.5, -1.25, 3, 1.5, 0.25]);
  // NaN and ±Infinity are missing, as in a CSV (docs/statistics.md §1).
  number('nonfinite', [Number.NaN, Number.NaN, Number.NaN, 2, 1]);
  // Each DECIMAL is the double nearest to its decimal text (what parsing "0.3" gives), whatever the width.
  number('dec32', [12.3, -4.5, 0.1, 999.9, 0.3]);
  number('dec64', [1234567.891, -0.001, 0.3, 12.345, 7]);
  number('dec128', [0.1, 0.2, 0.3, 123456.7, -0.5]);
  text('flag', ['true', 'false', 'true', 'true', 'false']);
  // "NA" and "" are missing tokens, as in a CSV.
  text('label', ['a', 'b', 'a', null, null]);
  text('day', ['2024-06-03', '1969-12-31', '2000-02-29', '2024-06-03', '1970-01-01']);
  text('ts_ms', [
    '2024-06-03 08:15:00',
    '2024-06-03 08:15:00.123',
    '1969-12-31 23:59:59.500',
    '2024-06-03 00:00:00',
    '2000-01-01 12:00:00',
  ]);
  text('ts_us', [
    '2024-06-03 08:15:00.123456',
    '2024-06-03 08:15:00.500',
    '1969-12-31 23:59:59.999999',
    '2024-06-03 00:00:00',
    '2000-01-01 12:00:00',
  ]);
  text('ts_ns', [
    '2024-06-03 08:15:00.123456789',
    '2024-06-03 08:15:00',
    '1970-01-01 00:00:00.000000001',
    '2024-06-03 00:00:00',
    '2000-01-01 12:00:00',
  ]);
  // TIMESTAMPTZ is stored as the UTC instant (isAdjustedToUTC): 10:15+02 is 08:15 UTC.
  text('ts_utc', [
    '2024-06-03 08:15:00+00:00',
    '2024-06-03 08:15:00+00:00',
    '2024-01-01 00:00:00+00:00',
    '2024-06-03 00:00:00+00:00',
    '2000-01-01 12:00:00+00:00',
  ]);
  text('clock', ['08:15:00', '23:59:59.250', '00:00:00', '12:00:00', '00:00:01']);

  it('skips INTERVAL, LIST and STRUCT columns with a warning naming the file and the column', () => {
    expect(table.columns.map((c) => c.name)).not.toContain('span');
    expect(table.warnings).toContain(
      'types.parquet: column "span" skipped: INTERVAL columns are not supported; the other columns are read.',
    );
    expect(table.warnings).toContain(
      'types.parquet: column "pair" skipped: nested LIST columns are not supported; the other columns are read.',
    );
    expect(table.warnings).toContain(
      'types.parquet: column "point" skipped: nested STRUCT columns are not supported; the other columns are read.',
    );
  });

  it('warns about INT64 values rounded beyond 2^53', () => {
    expect(table.warnings).toContain(
      'types.parquet: column "int64": 3 integers beyond ±2^53 were rounded to the nearest double (first: 9007199254740993 read as 9007199254740992).',
    );
  });

  it('records the format and no delimiter', () => {
    expect(table.format).toBe('parquet');
    expect(table.delimiter).toBe('');
    expect(table.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('loadParquet: codecs, row groups, progress and the column choice', () => {
  it('the four codecs give the same table as the CSV the files were made from', async () => {
    const csv = await loadCsv(fixture('loan.current.csv'));
    for (const codec of ['uncompressed', 'snappy', 'gzip', 'zstd']) {
      const table = await loadParquet(fixture(`loan.current.${codec}.parquet`));
      expect(table.rowCount, codec).toBe(5000);
      expect(table.columns.map((c) => c.name)).toEqual(csv.columns.map((c) => c.name));
      for (const column of csv.columns) {
        const got = table.columns.find((c) => c.name === column.name)!;
        expect(got.storage, `${codec} ${column.name}`).toBe(column.storage);
        expect(cells(table, column.name), `${codec} ${column.name}`).toEqual(cells(csv, column.name));
        // Codes in order of first appearance, as the CSV loader gives them (booleans too).
        if (column.storage === 'string' && got.storage === 'string')
          expect(got.dictionary, `${codec} ${column.name}`).toEqual(column.dictionary);
      }
    }
  });

  it('reports progress after each of the 3 row groups (2,048 rows each, DuckDB ROW_GROUP_SIZE)', async () => {
    const seen: { rows: number; read?: number; total?: number; bytes: number }[] = [];
    const file = fixture('loan.current.snappy.parquet');
    const table = await loadParquet(file, {
      onProgress: (p) =>
        seen.push({ rows: p.rows, read: p.rowGroupsRead, total: p.rowGroupsTotal, bytes: p.bytesRead }),
    });
    expect(seen.map((p) => [p.rows, p.read, p.total])).toEqual([
      [2048, 1, 3],
      [4096, 2, 3],
      [5000, 3, 3],
    ]);
    expect(seen[0].bytes).toBeLessThan(seen[1].bytes);
    expect(seen[2].bytes).toBe(table.byteLength);
  });

  it('reads only the columns asked for', async () => {
    const table = await loadParquet(fixture('loan.current.snappy.parquet'), { columns: ['age', 'region'] });
    expect(table.columns.map((c) => c.name)).toEqual(['age', 'region']);
  });

  it('loadTable picks the loader by signature, and by a .parquet name', () => {
    expect(isParquetFile(fixture('loan.current.snappy.parquet'))).toBe(true);
    expect(isParquetFile(fixture('loan.current.csv'))).toBe(false);
    expect(isParquetFile(fixture('bad/renamed-csv.parquet'))).toBe(true);
  });
});

describe('loadParquet: the bad corpus', () => {
  it('a truncated file', async () => {
    const error = await loadError(fixture('bad/truncated.parquet'), 'bad/truncated.parquet');
    expect(error.message).toMatch(
      /^bad\/truncated\.parquet is an incomplete Parquet file \([\d,]+ bytes\): it does not end with the Parquet footer signature "PAR1"\./,
    );
    expect(error.file).toBe('bad/truncated.parquet');
  });

  it('a CSV under a .parquet name', async () => {
    const error = await loadError(fixture('bad/renamed-csv.parquet'), 'renamed-csv.parquet');
    expect(error.message).toBe(
      'renamed-csv.parquet is not a Parquet file: it does not start with the Parquet signature "PAR1". It looks like a text file: if it is CSV or TSV, give it a .csv or .tsv name.',
    );
  });

  it('a file with no row', async () => {
    const error = await loadError(fixture('bad/zero-rows.parquet'), 'zero-rows.parquet');
    expect(error.message).toBe('zero-rows.parquet has columns but no data rows (0 rows).');
  });

  it('a file whose columns are all of unsupported types', async () => {
    const error = await loadError(fixture('bad/only-unsupported.parquet'), 'x/only-unsupported.parquet');
    expect(error.message).toBe(
      'x/only-unsupported.parquet has no column that Driftscope can read. only-unsupported.parquet: column "pair" skipped: nested LIST columns are not supported; the other columns are read. only-unsupported.parquet: column "span" skipped: INTERVAL columns are not supported; the other columns are read.',
    );
  });

  it('damaged column data: the message names the column and the row group', async () => {
    // A copy of loan.current.snappy.parquet with 200 bytes at 30 % of the file overwritten (0xff): inside
    // the first row group's applied_utc pages (the footer and the other columns stay intact).
    const bytes = readFileSync(fixture('loan.current.snappy.parquet'));
    const at = Math.floor(bytes.length * 0.3);
    bytes.fill(0xff, at, at + 200);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ds-parquet-')), 'damaged.parquet');
    writeFileSync(file, bytes);
    const error = await loadError(file, 'damaged.parquet');
    expect(error.message).toMatch(
      /^damaged\.parquet: column "applied_utc" cannot be read in row group 1 of 3 \(rows 1 to 2,048\): .+\. The file is damaged/,
    );
    expect(error.column).toBe('applied_utc');
  });

  it('a file that does not exist', async () => {
    const error = await loadError(fixture('nowhere.parquet'), 'nowhere.parquet');
    expect(error.message).toBe('Cannot open nowhere.parquet: it does not exist.');
  });
});

describe('readWithDuckdb: a cancelled read', () => {
  it('stops after the vector being read, closes DuckDB, then calls onStop', async () => {
    // loan.current.snappy.parquet: 5,000 rows, read in DuckDB vectors of 2,048 rows (gen_parquet_fixtures.mjs).
    const plan = { name: 'age', kind: 'number', scale: 0 } as const;
    const builder = new ParquetColumnBuilder(plan, 5000);
    let stopped = 0;
    let cancel = false;
    stopDuckdbReadsWhen(
      () => cancel,
      () => stopped++,
    );
    const seen: number[] = [];
    try {
      await readWithDuckdb(
        fixture('loan.current.snappy.parquet'),
        [{ position: 1, int64: false, builder }],
        (rows) => {
          seen.push(rows);
          cancel = true;
        },
      );
    } finally {
      stopDuckdbReadsWhen(
        () => false,
        () => {},
      );
    }
    expect(seen).toEqual([2048]);
    expect(stopped).toBe(1);
    // The rows never read are missing.
    expect(Number.isNaN(builder.values![2048])).toBe(true);
    expect(Number.isNaN(builder.values![0])).toBe(false);
  });
});
