// @vitest-environment node
/**
 * analyzeTimeline's bookkeeping on real files: gaps, unreadable timestamps, batches (order, a column absent
 * from one batch), incomplete chunks. Scores are checked against the two-file analysis in
 * exact-equality.test.ts; the chunk boundaries against pandas in chunking.test.ts (the gap weeks of
 * periods.csv, 2021-01-18 and 2021-01-25, come from that oracle).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { analyzeTimeline } from '../../../../shared/timeline/analyze-timeline';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const tmp = mkdtempSync(path.join(tmpdir(), 'driftscope-timeline-batches-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const load = (file: string) => loadCsv(path.isAbsolute(file) ? file : path.join(FIXTURES, file));

describe('analyzeTimeline', () => {
  it('period:week on periods.csv: two gap weeks, 5 rows without a timestamp reported', async () => {
    const table = await load('timeline/periods.csv');
    const t = analyzeTimeline(table, table, DEFAULT_SETTINGS, CONTEXT, {
      chunking: { kind: 'period', period: 'week', timeColumn: 'ts' },
    });
    const gaps = t.chunks.filter((c) => c.rows === 0);
    expect(gaps.map((g) => g.label)).toEqual(['2021-W03', '2021-W04']); // ISO weeks of 2021-01-18 and -25
    for (const gap of gaps) {
      expect(gap.dataset).toBeNull();
      expect(gap.columns).toEqual([]);
      expect(gap.notes).toEqual(['No rows in this period: a gap, not drift.']);
    }
    expect(t.chunks.reduce((n, c) => n + c.rows, 0)).toBe(240 - 5);
    expect(t.timestamps?.['periods.csv']).toMatchObject({
      missing: 2,
      unparsable: 3,
      format: 'iso',
      zone: 'Z',
    });
    expect(t.notes).toContain(
      'periods.csv: 5 row(s) have no readable timestamp in "ts" (2 empty, 3 unreadable (first unreadable: "not a date")); they are in no period chunk.',
    );
    expect(t.chunks.map((c) => c.index)).toEqual(t.chunks.map((_, i) => i));
  });

  it('a period chunking without the time column is a DatasetError naming file and column', async () => {
    const table = await load('realdata/flights-20k.cur.csv');
    expect(() =>
      analyzeTimeline(table, table, DEFAULT_SETTINGS, CONTEXT, {
        chunking: { kind: 'period', period: 'day', timeColumn: 'when' },
      }),
    ).toThrow('flights-20k.cur.csv has no column "when" to use as the time axis.');
  });

  it('batches: ordered by file name, each the plain analysis, a missing column reported for its batch', async () => {
    const lines = readFileSync(path.join(FIXTURES, 'realdata/flights-20k.cur.csv'), 'utf8')
      .trim()
      .split('\n');
    const header = lines[0].split(',');
    const write = (name: string, rows: string[], drop?: number) => {
      const keep = (l: string) =>
        drop === undefined
          ? l
          : l
              .split(',')
              .filter((_, i) => i !== drop)
              .join(',');
      const file = path.join(tmp, name);
      writeFileSync(file, `${[lines[0], ...rows].map(keep).join('\n')}\n`);
      return file;
    };
    const b = await load(write('b-second.csv', lines.slice(3001, 6001)));
    const a = await load(write('a-first.csv', lines.slice(1, 3001)));
    const c = await load(write('c-third.csv', lines.slice(6001), header.indexOf('origin')));
    const reference = await load('realdata/flights-20k.ref.csv');
    const t = analyzeTimeline(reference, [c, b, a], DEFAULT_SETTINGS, CONTEXT, {
      chunking: { kind: 'batch' },
    });
    expect(t.chunks.map((x) => x.file)).toEqual(['a-first.csv', 'b-second.csv', 'c-third.csv']);
    expect(t.chunks.map((x) => x.rows)).toEqual([3000, 3000, 4000]);
    const plain = analyzeTables(reference, a, DEFAULT_SETTINGS, CONTEXT);
    expect(t.chunks[0].columns.map((x) => x.score)).toEqual(plain.columns.map((x) => x.score));
    const origin = t.chunks[2].columns.find((x) => x.name === 'origin');
    expect(origin?.score).toBeNull();
    expect(origin?.note).toBe('Missing from c-third.csv: not tested.');
    expect(t.chunks[2].columns.find((x) => x.name === 'delay')?.score).not.toBeNull();
  });

  it('size larger than the file: one incomplete chunk with a note; reference chunks by the same size', async () => {
    const reference = await load('realdata/seattle-weather.ref.csv');
    const current = await load('realdata/seattle-weather.cur.csv');
    const t = analyzeTimeline(reference, current, DEFAULT_SETTINGS, CONTEXT, {
      chunking: { kind: 'size', size: 200, timeColumn: 'date' },
      referenceChunks: true,
    });
    expect(t.chunks.map((c) => [c.period, c.rows, c.incomplete ?? false])).toEqual([
      ['reference', 200, false],
      ['reference', 166, true],
      ['analysis', 200, false],
      ['analysis', 165, true],
    ]);
    expect(t.chunks[2]).toMatchObject({ start: '2015-01-01T00:00:00.000Z', end: '2015-07-19T00:00:00.000Z' });
    expect(t.chunks[2]).toMatchObject({ firstRow: 1, lastRow: 200 });
    const big = analyzeTimeline(reference, current, DEFAULT_SETTINGS, CONTEXT, {
      chunking: { kind: 'size', size: 1000 },
    });
    expect(big.chunks.map((c) => c.notes)).toEqual([
      ['seattle-weather.cur.csv has 365 rows, fewer than the chunk size 1000: one incomplete chunk.'],
    ]);
  });
});

describe('reference period fallbacks', () => {
  it('a reference whose time column does not read is cut by rows, with a note', async () => {
    const current = await load('timeline/periods.csv');
    // A reference whose "ts" holds no timestamp, and a value column like periods.csv's.
    const rows = Array.from({ length: 120 }, (_, i) => `later,${(i % 17) + 0.5}`);
    const file = path.join(tmp, 'no-time-reference.csv');
    writeFileSync(file, `ts,value\n${rows.join('\n')}\n`);
    const reference = await load(file);
    const t = analyzeTimeline(reference, current, DEFAULT_SETTINGS, CONTEXT, {
      chunking: { kind: 'period', period: 'month', timeColumn: 'ts' },
      referenceChunks: true,
      thresholdFromReference: {},
    });
    // Analysis months of periods.csv (pandas MS oracle in periods.json): 2020-11 .. 2021-04
    expect(t.chunks.filter((c) => c.period === 'analysis').map((c) => c.label)).toEqual([
      '2020-11',
      '2020-12',
      '2021-01',
      '2021-02',
      '2021-03',
      '2021-04',
    ]);
    const how = t.referenceThresholds?.chunking;
    expect(how?.kind).toBe('size');
    expect(t.notes.some((n) => n.startsWith('The reference is cut into chunks of'))).toBe(true);
    expect(t.notes).toContain(
      'no-time-reference.csv: no value of column "ts" reads as an ISO 8601 date or a Unix epoch. The reference is cut by rows instead.',
    );
    const referenceChunks = t.chunks.filter((c) => c.period === 'reference');
    expect(referenceChunks.reduce((n, c) => n + c.rows, 0)).toBe(120);
    expect(t.referenceThresholds?.k).toBe(3);
  });
});
