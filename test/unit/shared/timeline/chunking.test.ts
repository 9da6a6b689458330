// @vitest-environment node
/**
 * Chunkings against pandas and NumPy: test/fixtures/timeline/periods.json and rows.json, written by
 * test/fixtures/timeline/gen_timeline_fixtures.py (pandas 1.5.3, NumPy 1.24.2) from the committed CSVs
 * there. Period chunks: `df.groupby(pd.Grouper(key=ts, freq=F, closed='left', label='left'))['row'].agg(list)`
 * with F = H, D, W-MON, MS, QS-JAN, AS-JAN (row numbers per period, empty periods included); size chunks
 * `np.arange(n) // N`; count chunks `np.array_split(np.arange(n), K)`. Files go through the real loader.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { DatasetError } from '../../../../shared/dataset-error';
import type { ColumnarTable } from '../../../../shared/table/columnar';
import { chunkByPeriod, GAP_NOTE } from '../../../../shared/timeline/chunk-by-period';
import { chunkByCount, chunkBySize } from '../../../../shared/timeline/chunk-by-rows';
import { parseChunking } from '../../../../shared/timeline/parse-chunking';
import { parseIsoTimestamp } from '../../../../shared/timeline/parse-timestamp';
import { periodLabel } from '../../../../shared/timeline/period-bounds';
import { readTimeAxis } from '../../../../shared/timeline/time-axis';
import type { Period } from '../../../../shared/timeline/types';

const DIR = fileURLToPath(new URL('../../../fixtures/timeline/', import.meta.url));
const json = (name: string) => JSON.parse(readFileSync(path.join(DIR, name), 'utf8'));

interface PandasChunk {
  start: string;
  rows: number[];
  isoWeek?: string;
}
const PERIODS: Record<string, { nat: number; periods: Partial<Record<Period, PandasChunk[]>> }> =
  json('periods.json');

/** pandas' naive labels are wall-clock times; in these files that is UTC (or the offset they print). */
const instant = (iso: string) => Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : `${iso}Z`);

describe('period chunks equal pandas groupby(pd.Grouper(freq))', () => {
  for (const [key, expected] of Object.entries(PERIODS)) {
    if (key === 'oracle') continue;
    const [file, column] = key.split(':');
    for (const [period, chunks] of Object.entries(expected.periods) as [Period, PandasChunk[]][]) {
      it(`${file} ${column} by ${period}`, async () => {
        const axis = readTimeAxis(await loadCsv(path.join(DIR, file)), column);
        expect(axis.report.missing + axis.report.unparsable).toBe(expected.nat);
        const plans = chunkByPeriod(axis, period, file);
        expect(plans.map((p) => instant(p.start!))).toEqual(chunks.map((c) => instant(c.start)));
        expect(plans.map((p) => Array.from(p.rows))).toEqual(chunks.map((c) => c.rows));
        plans.forEach((p, i) => {
          expect(p.notes).toEqual(p.rows.length === 0 ? [GAP_NOTE] : []);
          if (i > 0) expect(plans[i - 1].end).toBe(p.start); // contiguous, end exclusive
          if (chunks[i].isoWeek) expect(p.label).toBe(chunks[i].isoWeek);
        });
      });
    }
  }

  it('periods.csv: 2 empty and 3 unreadable timestamps are counted; two empty weeks are gaps', async () => {
    const axis = readTimeAxis(await loadCsv(path.join(DIR, 'periods.csv')), 'ts');
    expect(axis.report).toEqual({
      column: 'ts',
      missing: 2,
      unparsable: 3,
      firstUnparsable: 'not a date',
      format: 'iso',
      zone: 'Z',
    });
    const weeks = chunkByPeriod(axis, 'week', 'periods.csv');
    // pandas: weeks starting 2021-01-18 and 2021-01-25 have no row (the fixture leaves 01-18..01-31 empty)
    expect(weeks.filter((w) => w.rows.length === 0).map((w) => w.start)).toEqual([
      '2021-01-18T00:00:00.000Z',
      '2021-01-25T00:00:00.000Z',
    ]);
  });

  it('zoned.csv: periods follow the +02:00 wall clock, bounds are written with the offset', async () => {
    const axis = readTimeAxis(await loadCsv(path.join(DIR, 'zoned.csv')), 'ts');
    expect(axis.report.zone).toBe('+02:00');
    const days = chunkByPeriod(axis, 'day', 'zoned.csv');
    expect(days[0].start).toBe('2021-03-27T00:00:00.000+02:00');
    expect(days[0].label).toBe('2021-03-27');
  });

  it('epochs: seconds below 1e11, milliseconds from 1e11, one unit per column', async () => {
    const table = await loadCsv(path.join(DIR, 'epochs.csv'));
    expect(readTimeAxis(table, 'seconds').report.format).toBe('epoch_seconds');
    expect(readTimeAxis(table, 'millis').report.format).toBe('epoch_milliseconds');
  });
});

describe('row chunks equal NumPy', () => {
  const ROWS = json('rows.json');
  for (const { n, size, chunk } of ROWS.size as { n: number; size: number; chunk: number[] }[]) {
    it(`size:${size} of ${n} rows (np.arange(n) // N)`, () => {
      const plans = chunkBySize(n, size, 'f.csv');
      const assigned = new Array<number>(n);
      plans.forEach((p, k) => {
        for (const r of p.rows) assigned[r] = k;
      });
      expect(assigned).toEqual(chunk);
      const last = plans[plans.length - 1];
      expect(last.incomplete ?? false).toBe(n % size !== 0);
      expect(plans.slice(0, -1).every((p) => !p.incomplete)).toBe(true);
      expect(plans.map((p) => [p.firstRow, p.lastRow])[0]).toEqual([1, Math.min(size, n)]);
    });
  }
  for (const { n, count, lengths } of ROWS.count as { n: number; count: number; lengths: number[] }[]) {
    it(`count:${count} of ${n} rows (np.array_split)`, () => {
      const plans = chunkByCount(n, count, 'f.csv');
      expect(plans.map((p) => p.rows.length)).toEqual(lengths);
      expect(Array.from(plans.flatMap((p) => Array.from(p.rows)))).toEqual(
        Array.from({ length: n }, (_, i) => i),
      );
    });
  }

  it('a chunk size larger than the file gives one incomplete chunk that says so', () => {
    const [only, ...rest] = chunkBySize(240, 1000, 'f.csv');
    expect(rest).toEqual([]);
    expect(only.incomplete).toBe(true);
    expect(only.notes[0]).toBe('f.csv has 240 rows, fewer than the chunk size 1000: one incomplete chunk.');
  });

  it('more chunks than rows: one chunk per row, with a note', () => {
    const plans = chunkByCount(3, 5, 'f.csv');
    expect(plans.map((p) => p.rows.length)).toEqual([1, 1, 1]);
    expect(plans[0].notes).toEqual(['f.csv has 3 rows: 3 chunks instead of 5.']);
  });

  it('refuses sizes and counts that are not positive integers', () => {
    expect(() => chunkBySize(10, 0, 'f.csv')).toThrow(DatasetError);
    expect(() => chunkByCount(10, 2.5, 'f.csv')).toThrow('Chunk count must be a whole number ≥ 1 (got 2.5).');
  });
});

/** A one-column text table (the loader's storage for dates). */
function textTable(values: string[], fileName = 'cur.csv'): ColumnarTable {
  const dictionary = [...new Set(values)];
  return {
    fileName,
    rowCount: values.length,
    delimiter: ',',
    byteLength: 0,
    warnings: [],
    columns: [
      {
        name: 'ts',
        storage: 'string',
        dictionary,
        codes: Int32Array.from(values.map((v) => dictionary.indexOf(v))),
      },
    ],
  };
}

describe('timestamps', () => {
  it('reads ISO 8601 forms (instants from Date.parse of the same text, ECMAScript date-time format)', () => {
    expect(parseIsoTimestamp('2024-03-10T23:30:00+02:00')?.ms).toBe(Date.parse('2024-03-10T23:30:00+02:00'));
    expect(parseIsoTimestamp('2024-03-10 23:30')?.ms).toBe(Date.parse('2024-03-10T23:30:00Z'));
    expect(parseIsoTimestamp('2024-03-10T23:30:00.123456Z')?.ms).toBe(Date.parse('2024-03-10T23:30:00.123Z'));
    expect(parseIsoTimestamp('2024-03-10T23:30:00-0530')?.offsetMinutes).toBe(-330);
    expect(parseIsoTimestamp('2024-02-29')?.ms).toBe(Date.parse('2024-02-29T00:00:00Z'));
    for (const bad of ['2023-02-29', '2024-13-01', '2024-01-01T24:00', '01/02/2024', '2024-01-01Z', 'soon']) {
      expect(parseIsoTimestamp(bad), bad).toBeNull();
    }
  });

  it('ISO weeks and quarters (labels checked with Python datetime.date(2021, 1, 4).isocalendar())', () => {
    expect(periodLabel(Date.UTC(2021, 0, 4), 'week')).toBe('2021-W01');
    expect(periodLabel(Date.UTC(2020, 11, 28), 'week')).toBe('2020-W53');
    expect(periodLabel(Date.UTC(2021, 9, 1), 'quarter')).toBe('2021-Q4');
  });

  it('mixed formats name the file, the column and both values', () => {
    const zoned = textTable(['2024-01-01T00:00:00Z', '2024-01-02T00:00:00']);
    expect(() => readTimeAxis(zoned, 'ts')).toThrow(
      'cur.csv: column "ts" mixes timestamp formats ("2024-01-02T00:00:00" and "2024-01-01T00:00:00Z"); use one format for the whole column.',
    );
    expect(() => readTimeAxis(textTable(['2024-01-01', '1704067200']), 'ts')).toThrow(
      /mixes timestamp formats/,
    );
  });

  it('a missing time column, and a column with no timestamp, are DatasetErrors naming file and column', () => {
    const error = (() => {
      try {
        readTimeAxis(textTable(['x']), 'when');
      } catch (e) {
        return e as DatasetError;
      }
    })();
    expect(error).toBeInstanceOf(DatasetError);
    expect(error?.message).toBe('cur.csv has no column "when" to use as the time axis.');
    expect(error?.column).toBe('when');
    expect(() => readTimeAxis(textTable(['soon', 'later']), 'ts')).toThrow(
      'cur.csv: no value of column "ts" reads as an ISO 8601 date or a Unix epoch.',
    );
  });

  it('several offsets: periods in UTC, with a note', () => {
    const axis = readTimeAxis(textTable(['2024-03-30T23:30:00+01:00', '2024-03-31T23:30:00+02:00']), 'ts');
    expect(axis.offsetMinutes).toBe(0);
    expect(axis.notes).toEqual([
      'cur.csv: column "ts" carries several offsets (+01:00, +02:00): periods are cut in UTC.',
    ]);
    const days = chunkByPeriod(axis, 'day', 'cur.csv');
    expect(days.map((d) => d.label)).toEqual(['2024-03-30', '2024-03-31']); // 22:30Z and 21:30Z
  });
});

describe('parseChunking', () => {
  it('reads size, count and period specs', () => {
    expect(parseChunking('size:500')).toEqual({ kind: 'size', size: 500 });
    expect(parseChunking('count:12', 'ts')).toEqual({ kind: 'count', count: 12, timeColumn: 'ts' });
    expect(parseChunking('period:quarter', 'ts')).toEqual({
      kind: 'period',
      period: 'quarter',
      timeColumn: 'ts',
    });
  });

  it('names the flag and the bad value', () => {
    expect(() => parseChunking('size:0')).toThrow(
      '--chunk: size takes a whole number ≥ 1, as size:1000 (got "size:0").',
    );
    expect(() => parseChunking('size:1.5')).toThrow(DatasetError);
    expect(() => parseChunking('period:fortnight', 'ts')).toThrow(
      '--chunk: period takes one of hour, day, week, month, quarter, year (got "period:fortnight").',
    );
    expect(() => parseChunking('period:week')).toThrow(
      '--chunk: period:week needs a timestamp column (--time-column COL).',
    );
    expect(() => parseChunking('weekly')).toThrow(
      '--chunk: expected size:N, count:N or period:P (got "weekly").',
    );
  });
});
