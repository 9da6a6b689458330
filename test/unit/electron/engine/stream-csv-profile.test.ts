// @vitest-environment node
// The streamed profile (stream-csv-profile.ts) equals, deep-equal, the profile of the whole file loaded by
// loadCsv and profiled by profileTable: that whole-file path is the oracle of every expected value here,
// at chunks of 100 and of 7 rows (boundaries inside the fixtures' quoted fields and missing runs), on the
// real-data fixtures, quoted fields with newlines, gzip, and a generated file with columns whose kind
// changes over the file; a bad file gets the whole-file loader's message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type LoadOptions, loadCsv } from '../../../../electron/engine/load-csv';
import { streamCsvProfile } from '../../../../electron/engine/stream-csv-profile';
import { DatasetError } from '../../../../shared/dataset-error';
import { profileTable } from '../../../../shared/profile/build-profile';
import type { Profile } from '../../../../shared/profile/types';
import { mulberry32 } from '../../../helpers/mulberry32.mjs';

const fixtures = path.join(__dirname, '..', '..', '..', 'fixtures');
const fixture = (...parts: string[]) => path.join(fixtures, ...parts);
const work = mkdtempSync(path.join(os.tmpdir(), 'ds-stream-profile-'));

/** The oracle: the whole file loaded, then profiled. */
async function wholeFile(file: string, options: LoadOptions = {}): Promise<Profile> {
  const table = await loadCsv(file, options);
  return profileTable({ ...table, fileName: path.basename(options.displayPath ?? file) });
}

/** Full passes over the file: the loader reports its end once per pass (other reports are off). */
async function streamed(file: string, chunkRows: number, options: LoadOptions = {}) {
  let passes = 0;
  const profile = await streamCsvProfile(file, {
    ...options,
    chunkRows,
    progressIntervalMs: Number.POSITIVE_INFINITY,
    onProgress: () => {
      passes++;
    },
  });
  return { profile, passes };
}

async function expectSameProfile(file: string, options: LoadOptions = {}): Promise<void> {
  const expected = JSON.parse(JSON.stringify(await wholeFile(file, options)));
  for (const chunkRows of [100, 7]) {
    const { profile } = await streamed(file, chunkRows, options);
    expect(JSON.parse(JSON.stringify(profile)), `${path.basename(file)} at ${chunkRows} rows`).toEqual(
      expected,
    );
  }
}

/**
 * 600 rows whose columns change kind over the file: `late_text` is numbers for 400 rows then words (text
 * at the end, after leaning to numbers: the second pass), `early_text` words for 30 rows then numbers
 * (numeric at the end, read in string storage), `flip` alternating runs, plus continuous values (> 1,000
 * distinct), small integers, "1.0"-style labels, booleans, dates, missing tokens and quoted newlines.
 */
function kindChangingCsv(): string {
  const r = mulberry32(7);
  const lines = ['late_text,early_text,flip,x,small,labels,flag,day,sparse,note'];
  for (let i = 0; i < 600; i++) {
    const late = i < 400 ? (r() * 100).toFixed(2) : ['alpha', 'beta', ' gamma '][i % 3];
    const early = i < 30 ? `w${i % 4}` : String(Math.floor(r() * 50));
    const flip = Math.floor(i / 50) % 2 === 0 ? String(i % 13) : `t${i % 5}`;
    const x = (r() * 1e4 - 5e3).toFixed(3);
    const small = String(Math.floor(r() * 6));
    const labels = ['1.0', '1', '2.50', 'NA', ''][i % 5];
    const flag = r() < 0.5 ? 'true' : 'FALSE';
    const day = `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    const sparse = r() < 0.3 ? '' : r() < 0.1 ? 'nan' : String(Math.floor(r() * 3000));
    const note = i % 37 === 0 ? '"two\nlines, quoted"' : `n${i % 9}`;
    lines.push([late, early, flip, x, small, labels, flag, day, sparse, note].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('streamCsvProfile equals the whole-file profile (oracle: loadCsv + profileTable)', () => {
  const realdata = [
    'airquality.ref.csv',
    'penguins.ref.csv',
    'seattle-weather.ref.csv',
    'flights-20k.ref.csv',
    'iris.cur.csv',
  ];
  for (const name of realdata) {
    it(`on ${name}`, async () => {
      await expectSameProfile(fixture('realdata', name));
    });
  }

  it('on quoted fields with newlines, ragged rows, blank lines and invalid numbers', async () => {
    for (const name of [
      'quoted-newlines-ragged.csv',
      'crlf-quoted-ragged.csv',
      'blank-lines-ragged.csv',
      'invalid-number-after-newlines.csv',
    ])
      await expectSameProfile(fixture('bad-input', 'files', 'lines', name));
    await expectSameProfile(fixture('csv', 'quoted.csv'));
    await expectSameProfile(fixture('csv', 'bad-number.csv'));
    await expectSameProfile(fixture('csv', 'tabs.tsv'));
  });

  it('on gzip CSV and TSV, and a decimal-comma file', async () => {
    await expectSameProfile(fixture('bad-input', 'files', 'format', 'data.csv.gz'));
    await expectSameProfile(fixture('bad-input', 'files', 'format', 'data.tsv.gz'));
    await expectSameProfile(fixture('bad-input', 'files', 'numbers', 'decimal-comma-current.csv'), {
      decimal: ',',
    });
  });

  it('on columns whose kind changes over the file, plain and gzip; a column that turns text is re-read', async () => {
    const csv = path.join(work, 'kinds.csv');
    writeFileSync(csv, kindChangingCsv());
    const gz = path.join(work, 'kinds.csv.gz');
    writeFileSync(gz, gzipSync(kindChangingCsv()));
    await expectSameProfile(csv);
    await expectSameProfile(gz);
    const oracle = await wholeFile(csv);
    const kinds = Object.fromEntries(oracle.columns.map((c) => [c.name, c.kind]));
    // The cases the file is meant to exercise, as the whole file decides them.
    expect(kinds).toMatchObject({ late_text: 'categorical', early_text: 'numeric', x: 'numeric' });
    expect((await streamed(csv, 100)).passes).toBe(2);
    // One chunk of the whole file: its kinds are known when it is taken, so one pass.
    expect((await streamed(csv, 1000)).passes).toBe(1);
  });

  it('reads one pass when no column turns text after leaning to numbers', async () => {
    expect((await streamed(fixture('realdata', 'flights-20k.ref.csv'), 7)).passes).toBe(1);
  });
});

describe('streamCsvProfile: bad input', () => {
  async function failure(run: () => Promise<unknown>): Promise<DatasetError> {
    try {
      await run();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      return error as DatasetError;
    }
    throw new Error('expected a DatasetError');
  }

  it('a mostly ragged file gets the whole-file message (the file as given, the physical line)', async () => {
    const file = fixture('bad-input', 'files', 'lines', 'mostly-ragged.csv');
    const displayPath = 'lines/mostly-ragged.csv';
    const expected = await failure(() => loadCsv(file, { displayPath }));
    const actual = await failure(() => streamCsvProfile(file, { displayPath, chunkRows: 1 }));
    expect(actual.message).toBe(expected.message);
    expect(actual.message).toMatch(/^lines\/mostly-ragged\.csv: .*first: line 2,/);
  });

  it('a header-only file and a truncated gzip file get the whole-file messages', async () => {
    for (const file of [
      fixture('csv', 'header-only.csv'),
      fixture('bad-input', 'files', 'format', 'truncated.csv.gz'),
    ]) {
      const expected = await failure(() => loadCsv(file));
      const actual = await failure(() => streamCsvProfile(file, { chunkRows: 7 }));
      expect(actual.message).toBe(expected.message);
    }
  });
});
