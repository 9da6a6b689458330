// @vitest-environment node
// The streamed Parquet profile (stream-parquet-profile.ts) equals, deep-equal JSON, sums included, the
// profile of the whole file loaded by loadParquet and profiled by profileTable: that whole-file path is the
// oracle of every expected profile here, at chunks of 7, 1,000, 2,048 and 65,536 rows (7 and 1,000 split
// DuckDB's 2,048-row vectors and the files' row groups), on the fixtures of
// test/fixtures/parquet/gen_parquet_fixtures.mjs and on a file written here by DuckDB (5 row groups, nulls
// in every type, dictionary and long strings, missing tokens, booleans, integers, decimals, timestamps,
// dates, an all-null column). The warnings and progress are loadParquet's; a bad file gets loadParquet's
// message (the file as given).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { LoadProgressInfo } from '../../../../electron/engine/csv-source';
import { loadParquet, type ParquetLoadOptions } from '../../../../electron/engine/load-parquet';
import { streamParquetProfile } from '../../../../electron/engine/stream-parquet-profile';
import { DatasetError } from '../../../../shared/dataset-error';
import { profileTable } from '../../../../shared/profile/build-profile';
import type { Profile } from '../../../../shared/profile/types';

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'parquet');
const fixture = (name: string) => path.join(DIR, name);
const work = mkdtempSync(path.join(os.tmpdir(), 'ds-stream-parquet-'));

/** 10,000 rows in row groups of 2,048 (5 groups): every column type with nulls (the SQL is the data). */
const GENERATED = path.join(work, 'generated.parquet');
const GENERATED_ROWS = 10_000;
{
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const sql = await db.connect();
  await sql.run(`COPY (SELECT
      i,
      CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 7919 % 10007) / 7.0 END AS x,
      CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 50)::INTEGER END AS small,
      ((i * 2654435761) % 4294967296)::BIGINT * 1000 AS big,
      CASE WHEN i % 11 = 0 THEN NULL ELSE ['north', 'south', 'east', 'west'][1 + i % 4] END AS region,
      CASE WHEN i % 19 = 0 THEN NULL ELSE 'customer-number-' || ((i * 31) % 5000)::VARCHAR END AS long_text,
      CASE WHEN i % 23 = 0 THEN 'NA' WHEN i % 29 = 0 THEN '' ELSE 'c' || (i % 7)::VARCHAR END AS tokens,
      CASE WHEN i % 7 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
      ((i % 1000) / 100.0)::DECIMAL(8, 2) AS dec,
      CASE WHEN i % 31 = 0 THEN NULL ELSE TIMESTAMP '2024-01-01' + to_seconds(i * 37) END AS ts,
      DATE '2024-01-01' + (i % 400)::INTEGER AS day,
      NULL::DOUBLE AS empty
    FROM range(${GENERATED_ROWS}) t(i)) TO '${GENERATED}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
  sql.closeSync();
  db.closeSync();
}

/** The oracle: the whole file loaded, then profiled (named as `profile` names it: the path as given). */
async function wholeFile(file: string, options: ParquetLoadOptions = {}): Promise<Profile> {
  const table = await loadParquet(file, options);
  return profileTable({ ...table, fileName: path.basename(options.displayPath ?? file) });
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

async function expectSameProfile(file: string, options: ParquetLoadOptions = {}): Promise<void> {
  const expected = json(await wholeFile(file, options));
  for (const chunkRows of [7, 1000, 2048, 65_536]) {
    const profile = await streamParquetProfile(file, { ...options, chunkRows });
    expect(json(profile), `${path.basename(file)} at ${chunkRows} rows`).toEqual(expected);
  }
}

describe('streamParquetProfile equals the whole-file profile (oracle: loadParquet + profileTable)', () => {
  it('on the loan fixtures (3 row groups; dictionary strings, booleans, INT32/INT64/INT8, DECIMAL, DATE, TIMESTAMP, TIMESTAMPTZ), four codecs', async () => {
    await expectSameProfile(fixture('loan.reference.parquet'));
    for (const codec of ['uncompressed', 'snappy', 'gzip', 'zstd'])
      await expectSameProfile(fixture(`loan.current.${codec}.parquet`));
  });

  it('on types.parquet (every mapped type, nulls, non-finite doubles, INT64 beyond 2^53)', async () => {
    await expectSameProfile(fixture('types.parquet'));
  });

  it('on a generated file of 5 row groups with nulls in every type and > 1,000 distinct values', async () => {
    await expectSameProfile(GENERATED);
    const oracle = await wholeFile(GENERATED);
    // What the file is meant to exercise, as the whole-file profile says it.
    expect(oracle.rows).toBe(GENERATED_ROWS);
    const byName = Object.fromEntries(oracle.columns.map((c) => [c.name, c]));
    expect(byName.x).toMatchObject({ kind: 'numeric', values: null }); // > 1,000 distinct: sketch only
    expect(byName.empty).toMatchObject({ kind: 'numeric', count: 0, missing: GENERATED_ROWS });
    // 'NA' and '' are missing tokens (the SQL's CASE: i % 23 = 0, 435 rows; else i % 29 = 0, 330 rows).
    expect(byName.tokens).toMatchObject({ kind: 'categorical', missing: 435 + 330 });
    // flag is null when i % 7 = 0: 1,429 of the 10,000 rows (0, 7, ..., 9,996).
    expect(byName.flag).toMatchObject({ kind: 'categorical', missing: 1429 });
  });

  it('with a column choice and a display path', async () => {
    await expectSameProfile(fixture('loan.current.snappy.parquet'), {
      columns: ['age', 'region', 'applied_utc'],
      displayPath: 'some/dir/shown.parquet',
    });
    const profile = await streamParquetProfile(fixture('loan.current.snappy.parquet'), {
      displayPath: 'some/dir/shown.parquet',
    });
    expect(profile.sources).toEqual(['shown.parquet']);
  });

  it('the equality is sensitive: one value changed by 1e-6 in the whole table changes the profile', async () => {
    // Guards the comparisons above against comparing what cannot differ: the oracle, with one input of one
    // accumulator perturbed (x at row 5,000, not null: 5000 % 17 = 2), no longer equals the streamed
    // profile, in that column only, and in its sum.
    const table = await loadParquet(GENERATED);
    const x = table.columns.find((c) => c.name === 'x')!;
    if (x.storage !== 'number') throw new Error('x is numbers');
    x.values[5000] += 1e-6;
    const perturbed: Profile = json(profileTable({ ...table, fileName: 'generated.parquet' }));
    const streamed: Profile = json(await streamParquetProfile(GENERATED, { chunkRows: 1000 }));
    const differing = streamed.columns
      .filter((c, i) => !isDeepStrictEqual(c, perturbed.columns[i]))
      .map((c) => c.name);
    expect(differing).toEqual(['x']);
    const sum = (p: Profile) => (p.columns.find((c) => c.name === 'x') as { sum: number }).sum;
    expect(sum(streamed)).not.toBe(sum(perturbed));
  });
});

describe('streamParquetProfile: warnings and progress are loadParquet’s', () => {
  it('gives the warnings of the loaded table (skipped columns, integers rounded beyond 2^53)', async () => {
    const table = await loadParquet(fixture('types.parquet'));
    let warnings: string[] = [];
    await streamParquetProfile(fixture('types.parquet'), {
      chunkRows: 2,
      onWarnings: (w) => {
        warnings = w;
      },
    });
    expect(warnings).toEqual(table.warnings);
    // The rounded integers are counted over all chunks (3 of them, in rows 3 to 5: types.parquet's SQL).
    expect(warnings).toContain(
      'types.parquet: column "int64": 3 integers beyond ±2^53 were rounded to the nearest double (first: 9007199254740993 read as 9007199254740992).',
    );
  });

  it('reports the same progress, row group by row group', async () => {
    for (const file of [fixture('loan.current.snappy.parquet'), GENERATED]) {
      const whole: LoadProgressInfo[] = [];
      await loadParquet(file, { onProgress: (p) => whole.push(p) });
      const streamed: LoadProgressInfo[] = [];
      await streamParquetProfile(file, { chunkRows: 1000, onProgress: (p) => streamed.push(p) });
      expect(streamed).toEqual(whole);
      expect(streamed.length).toBeGreaterThan(1);
    }
  });
});

describe('streamParquetProfile: bad input gets loadParquet’s message', () => {
  async function failure(run: () => Promise<unknown>): Promise<DatasetError> {
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }

  async function expectSameFailure(file: string, displayPath: string): Promise<DatasetError> {
    const expected = await failure(() => loadParquet(file, { displayPath }));
    const actual = await failure(() => streamParquetProfile(file, { displayPath, chunkRows: 1000 }));
    expect(actual.message).toBe(expected.message);
    expect(actual.file).toBe(expected.file);
    expect(actual.column).toBe(expected.column);
    expect(actual.message).toContain(displayPath);
    return actual;
  }

  it('truncated, not Parquet, no row, no readable column, missing', async () => {
    await expectSameFailure(fixture('bad/truncated.parquet'), 'bad/truncated.parquet');
    await expectSameFailure(fixture('bad/renamed-csv.parquet'), 'renamed-csv.parquet');
    await expectSameFailure(fixture('bad/zero-rows.parquet'), 'zero-rows.parquet');
    await expectSameFailure(fixture('bad/only-unsupported.parquet'), 'x/only-unsupported.parquet');
    await expectSameFailure(fixture('nowhere.parquet'), 'nowhere.parquet');
  });

  it('damaged column data: the column and the row group, as the loader names them', async () => {
    // loan.current.snappy.parquet with 200 bytes at 30 % of the file overwritten (0xff), as in
    // load-parquet.test.ts: inside the first row group's applied_utc pages.
    const bytes = readFileSync(fixture('loan.current.snappy.parquet'));
    const at = Math.floor(bytes.length * 0.3);
    bytes.fill(0xff, at, at + 200);
    const file = path.join(work, 'damaged.parquet');
    writeFileSync(file, bytes);
    const error = await expectSameFailure(file, 'damaged.parquet');
    expect(error.column).toBe('applied_utc');
  });
});
