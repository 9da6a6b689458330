// @vitest-environment node
// The timeline through the command line as a user runs it (dist/electron/cli.cjs in a child process, on
// real files; `npm run build` first): each chunk's score in the JSON equals, to the last bit, the score of
// `driftscope analyze` of the reference against that chunk written out as its own file (size, period and
// batch chunkings); the bad inputs of issue 11 each give a message naming the file and the column while the
// rest is analysed; --fail-on gates; --timeline-csv; the JSON validates against docs/schema.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/report/analysis-result';
import type { Timeline } from '../../../shared/timeline/types';

const root = path.resolve(__dirname, '..', '..', '..');
const cliPath = path.join(root, 'dist', 'electron', 'cli.cjs');
const work = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-timeline-'));

function cli(...args: string[]) {
  const child = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: work });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Runs analyze with --json - and returns the report. */
function analyzeJson(...args: string[]): { report: AnalysisResult; stderr: string; code: number | null } {
  const r = cli('analyze', ...args, '--json', '-');
  expect(r.stdout, r.stderr).not.toBe('');
  return { report: JSON.parse(r.stdout) as AnalysisResult, stderr: r.stderr, code: r.code };
}

let reference = '';
let current = '';
let header = '';
let rows: string[] = [];
const dateIndex = () => header.split(',').indexOf('application_date');

function writeCsv(name: string, lines: string[], head = header): string {
  const file = path.join(work, name);
  writeFileSync(file, `${head}\n${lines.join('\n')}\n`);
  return file;
}

/** Every tested column's score of a chunk equals the two-file analysis of REF against `file`. */
function expectChunkEqualsTwoFile(chunk: Timeline['chunks'][number], file: string) {
  const { report: alone } = analyzeJson('--reference', reference, '--current', file);
  expect(chunk.rows).toBe(alone.current.rows);
  const tested = chunk.columns.filter((c) => c.score !== null);
  expect(tested.length).toBeGreaterThan(5);
  for (const column of chunk.columns) {
    const twoFile = alone.columns.find((c) => c.name === column.name);
    expect(column.test, column.name).toBe(twoFile?.test ?? null);
    expect(column.score, column.name).toBe(twoFile?.score ?? null);
    expect(column.driftDetected, column.name).toBe(twoFile?.driftDetected ?? false);
  }
  expect(chunk.dataset?.driftDetected).toBe(alone.dataset.driftDetected);
  expect(chunk.dataset?.driftedColumns).toBe(alone.dataset.driftedColumns);
}

// `driftscope demo` analyses the demo for its report.json: seconds, more on a loaded machine.
beforeAll(() => {
  const demo = cli('demo', '--out', path.join(work, 'demo'));
  expect(demo.code, demo.stderr).toBe(0);
  reference = path.join(work, 'demo', 'reference.csv');
  current = path.join(work, 'demo', 'current.csv');
  [header, ...rows] = readFileSync(current, 'utf8').trimEnd().split('\n');
}, 120_000);

describe('driftscope analyze --chunk: chunk scores are the two-file scores of each chunk alone', () => {
  it('size:1800 (the last chunk incomplete)', () => {
    const { report, code } = analyzeJson(
      '--reference',
      reference,
      '--current',
      current,
      '--chunk',
      'size:1800',
    );
    expect(code).toBe(0);
    const timeline = report.timeline!;
    expect(timeline.chunking).toEqual({ kind: 'size', size: 1800 });
    expect(timeline.chunks.map((c) => c.rows)).toEqual([1800, 1800, 1400]);
    expect(timeline.chunks[2].incomplete).toBe(true);
    for (const chunk of timeline.chunks) {
      const lines = rows.slice(chunk.index * 1800, (chunk.index + 1) * 1800);
      expectChunkEqualsTwoFile(chunk, writeCsv(`size-${chunk.index}.csv`, lines));
    }
  }, 120_000);

  it('period:month on application_date (rows of each month, in file order)', () => {
    const { report, code } = analyzeJson(
      ...['--reference', reference, '--current', current],
      ...['--chunk', 'period:month', '--time-column', 'application_date'],
    );
    expect(code).toBe(0);
    const timeline = report.timeline!;
    expect(timeline.chunks.map((c) => c.label)).toEqual(['2024-06', '2024-07', '2024-08']);
    // The time column is the axis, not a feature: ignored in the two-file analysis beside the timeline too.
    expect(report.ignored).toContain('application_date');
    for (const chunk of timeline.chunks) {
      const lines = rows.filter((r) => r.split(',')[dateIndex()].startsWith(chunk.label));
      expectChunkEqualsTwoFile(chunk, writeCsv(`month-${chunk.label}.csv`, lines));
    }
  }, 120_000);

  it('batches: several --current files, one chunk each, ordered by file name', () => {
    const files = [0, 1, 2].map((k) => writeCsv(`batch-${k}.csv`, rows.slice(k * 1700, (k + 1) * 1700)));
    // Given out of order: the timeline orders them by name.
    const { report, code, stderr } = analyzeJson(
      ...['--reference', reference, '--current', files[2], files[0], files[1]],
    );
    expect(code, stderr).toBe(0);
    const timeline = report.timeline!;
    expect(timeline.chunking).toEqual({ kind: 'batch' });
    expect(timeline.chunks.map((c) => c.file)).toEqual(['batch-0.csv', 'batch-1.csv', 'batch-2.csv']);
    // The two-file analysis beside the timeline is the reference against all batches together.
    expect(report.current.rows).toBe(5000);
    expect(report.current.file).toBe('batch-0.csv … batch-2.csv (3 files)');
    const { report: whole } = analyzeJson('--reference', reference, '--current', current);
    expect(report.columns.map((c) => c.score)).toEqual(whole.columns.map((c) => c.score));
    for (const [k, chunk] of timeline.chunks.entries()) expectChunkEqualsTwoFile(chunk, files[k]);
  }, 120_000);

  it('a folder is its data files as batches', () => {
    const dir = path.join(work, 'folder');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'b.csv'), `${header}\n${rows.slice(0, 2500).join('\n')}\n`);
    writeFileSync(path.join(dir, 'a.csv'), `${header}\n${rows.slice(2500).join('\n')}\n`);
    writeFileSync(path.join(dir, 'notes.md'), 'not data');
    const { report, code } = analyzeJson('--reference', reference, '--current', dir);
    expect(code).toBe(0);
    expect(report.timeline!.chunks.map((c) => `${c.file}:${c.rows}`)).toEqual(['a.csv:2500', 'b.csv:2500']);
  }, 60_000);
});

describe('driftscope analyze --chunk: bad input names the file and the column, the rest goes on', () => {
  it('period without a time column is a usage error', () => {
    const r = cli('analyze', '--reference', reference, '--current', current, '--chunk', 'period:week');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--chunk: period:week needs a timestamp column (--time-column COL).');
  });

  it('a time column the file does not have: the two-file analysis is still reported, exit 2', () => {
    const { report, code, stderr } = analyzeJson(
      ...['--reference', reference, '--current', current, '--chunk', 'period:week'],
      ...['--time-column', 'when'],
    );
    expect(code).toBe(2);
    expect(stderr).toContain('current.csv has no column "when" to use as the time axis.');
    expect(report.columns.length).toBeGreaterThan(10);
    expect(report.timeline?.chunks).toEqual([]);
    expect(report.timeline?.notes[0]).toContain('current.csv has no column "when"');
  }, 30_000);

  it('a timestamp column with mixed formats', () => {
    const i = dateIndex();
    const mixed = rows.map((r, k) => {
      if (k !== 10) return r;
      const cells = r.split(',');
      cells[i] = '1718000000';
      return cells.join(',');
    });
    const file = writeCsv('mixed.csv', mixed);
    const { report, code, stderr } = analyzeJson(
      ...['--reference', reference, '--current', file, '--chunk', 'period:month'],
      ...['--time-column', 'application_date'],
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/mixed\.csv: column "application_date" mixes timestamp formats/);
    expect(report.dataset.testedColumns).toBeGreaterThan(10);
  }, 30_000);

  it('an empty week is a gap (no rows, no verdict), never drift', () => {
    const i = dateIndex();
    // Drop every row of the week of Monday 2024-07-08.
    const kept = rows.filter((r) => {
      const day = r.split(',')[i];
      return !(day >= '2024-07-08' && day <= '2024-07-14');
    });
    const file = writeCsv('gap.csv', kept);
    const { report, code, stderr } = analyzeJson(
      ...['--reference', reference, '--current', file, '--chunk', 'period:week'],
      ...['--time-column', 'application_date', '--share-threshold', '0.01', '--fail-on', 'any-chunk'],
    );
    const gap = report.timeline!.chunks.find((c) => c.label === '2024-W28')!;
    expect(gap.rows).toBe(0);
    expect(gap.dataset).toBeNull();
    expect(gap.notes).toContain('No rows in this period: a gap, not drift.');
    expect(stderr).toContain('2024-W28: No rows in this period: a gap, not drift.');
    // Other weeks drift at a 1% share: any-chunk fails because of them, not because of the gap.
    expect(code).toBe(1);
  }, 60_000);

  it('a chunk size larger than the file gives one incomplete chunk with a note', () => {
    const { report, code, stderr } = analyzeJson(
      ...['--reference', reference, '--current', current, '--chunk', 'size:9000'],
    );
    expect(code).toBe(0);
    expect(report.timeline!.chunks).toHaveLength(1);
    expect(report.timeline!.chunks[0].rows).toBe(5000);
    expect(stderr).toMatch(/9000/);
    // Without --json: the summary, then one line per chunk.
    const r = cli('analyze', '--reference', reference, '--current', current, '--chunk', 'size:9000');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Timeline (size:9000): 1 chunk\n');
    expect(r.stdout).toMatch(/\n0\s+rows 1–5000\s+analysis\s+5000\s+\d+\/\d+\s+(ok|DRIFT)/);
  }, 30_000);

  it('a column absent from one batch is reported for that batch; the rest is analysed', () => {
    const cells = header.split(',');
    const drop = cells.indexOf('income');
    const without = (line: string) =>
      line
        .split(',')
        .filter((_, k) => k !== drop)
        .join(',');
    const a = writeCsv('absent-1.csv', rows.slice(0, 2500));
    const b = writeCsv('absent-2.csv', rows.slice(2500).map(without), without(header));
    const { report, code, stderr } = analyzeJson('--reference', reference, '--current', a, b);
    expect(code, stderr).toBe(0);
    const [first, second] = report.timeline!.chunks;
    expect(first.columns.find((c) => c.name === 'income')?.score).not.toBeNull();
    const income = second.columns.find((c) => c.name === 'income')!;
    expect(income.score).toBeNull();
    expect(income.note).toContain('absent-2.csv');
    expect(stderr).toMatch(/absent-2\.csv: income: .*absent-2\.csv/);
    expect(second.columns.filter((c) => c.score !== null).length).toBeGreaterThan(5);
    // The whole current data: income's rows of the second file count as missing.
    expect(report.current.warnings).toContain(
      'absent-2.csv has no column "income": its rows count as missing there.',
    );
  }, 60_000);

  it('a batch file that cannot be read is left out with its name; the others are analysed, exit 2', () => {
    const good = writeCsv('ok-1.csv', rows.slice(0, 2500));
    const bad = path.join(work, 'ok-2.csv');
    writeFileSync(bad, '');
    const { report, code, stderr } = analyzeJson('--reference', reference, '--current', good, bad);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ok-2\.csv.*left out/);
    expect(report.timeline!.chunks.map((c) => c.file)).toEqual(['ok-1.csv']);
  }, 30_000);
});

describe('driftscope analyze: --fail-on, --timeline-csv, JSON schema', () => {
  it('--fail-on last-chunk and any-chunk gate on the timeline; dataset on the whole current data', () => {
    // The demo's drift starts in week 6 (docs/timeline.md): its last 2,500 rows are the drifted weeks.
    const drifted = writeCsv('gate-1.csv', rows.slice(-2500));
    const same = path.join(work, 'gate-2.csv');
    const refLines = readFileSync(reference, 'utf8').trimEnd().split('\n');
    writeFileSync(same, `${refLines[0]}\n${refLines.slice(1, 2501).join('\n')}\n`);
    const base = ['analyze', '--reference', reference, '--current', drifted, same];
    const share = ['--share-threshold', '0.3'];
    // gate-1 (current rows) drifts at a 30% share; gate-2 (reference rows) does not.
    expect(cli(...base, ...share, '--fail-on', 'any-chunk').code).toBe(1);
    expect(cli(...base, ...share, '--fail-on', 'last-chunk').code).toBe(0);
    expect(cli(...base, ...share, '--fail-on-drift').code).toBe(
      analyzeJson(...base.slice(1), ...share).report.dataset.driftDetected ? 1 : 0,
    );
    const r = cli('analyze', '--reference', reference, '--current', current, '--fail-on', 'last-chunk');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on last-chunk needs a timeline');
  }, 60_000);

  it('--timeline-csv writes one row per chunk and column; the JSON validates against the schema', () => {
    const out = path.join(work, 'timeline.csv');
    const json = path.join(work, 'timeline.json');
    const r = cli(
      ...['analyze', '--reference', reference, '--current', current, '--chunk', 'count:3'],
      ...['--reference-chunks', '--threshold-from-reference', '2.5', '--timeline-csv', out, '--json', json],
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as AnalysisResult;
    const timeline = report.timeline!;
    expect(timeline.referenceThresholds?.k).toBe(2.5);
    expect(timeline.chunks.some((c) => c.period === 'reference')).toBe(true);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'chunk,label,period,start,end,rows,column,test,score,threshold,drift_detected,reference_lower,reference_upper,reference_drift_detected,missing_share,note',
    );
    const cells = timeline.chunks.reduce((n, c) => n + Math.max(1, c.columns.length), 0);
    expect(lines).toHaveLength(1 + cells);
    const last = timeline.chunks.at(-1)!;
    const age = last.columns.find((c) => c.name === 'age')!;
    const row = lines.find((l) => l.startsWith(`${last.index},`) && l.includes(',age,'))!;
    expect(row.split(',')[8]).toBe(String(age.score));
    const schema = JSON.parse(
      readFileSync(path.join(root, 'docs', 'schema', 'report-v1.schema.json'), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    // The schema checks the timeline: an unknown field in a chunk is refused.
    const broken = JSON.parse(JSON.stringify(report));
    broken.timeline.chunks[0].surprise = 1;
    expect(validate(broken)).toBe(false);
  }, 60_000);
});
