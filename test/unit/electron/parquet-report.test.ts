// @vitest-environment node
// A Parquet file and the CSV it was made from give the same report through the command line
// (dist/electron/cli.cjs in a child process; `npm run build:node` first), on the fixtures of
// test/fixtures/parquet/gen_parquet_fixtures.mjs: the drift analysis, a CSV reference against a Parquet
// current, and the timeline on a timestamp column. The oracle is the CSV run: only the file fields
// (name, size, delimiter, SHA-256, encoding, format) may differ. Bad Parquet files: a message naming
// the file as given, exit code 2, no stack trace, the input unchanged.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/report/analysis-result';

const root = path.resolve(__dirname, '..', '..', '..');
const cliPath = path.join(root, 'dist', 'electron', 'cli.cjs');
const DIR = 'test/fixtures/parquet';
const REF_CSV = `${DIR}/loan.reference.csv`;
const CUR_CSV = `${DIR}/loan.current.csv`;
const REF_PARQUET = `${DIR}/loan.reference.parquet`;

function cli(...args: string[]) {
  const child = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', cwd: root });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function report(...args: string[]): AnalysisResult {
  const r = cli('analyze', ...args, '--json', '-');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as AnalysisResult;
}

/** The report without what names the files: their names, sizes, format fields and hashes. */
function withoutFileFields(result: AnalysisResult) {
  const strip = ({
    file: _f,
    bytes: _b,
    delimiter: _d,
    sha256: _s,
    encoding: _e,
    format: _x,
    ...rest
  }: AnalysisResult['reference']) => rest;
  const {
    generatedAt: _g,
    reference,
    current,
    timeline,
    ...rest
  } = result as AnalysisResult & { generatedAt?: string };
  const axis = timeline ? { ...timeline, timestamps: Object.values(timeline.timestamps ?? {}) } : undefined;
  return { ...rest, reference: strip(reference), current: strip(current), timeline: axis };
}

beforeAll(() => {
  if (!existsSync(cliPath))
    spawnSync(process.execPath, [path.join(root, 'build', 'build-node.mjs')], { stdio: 'inherit' });
});

describe('Parquet and the CSV it was made from give the same report', () => {
  const csv = () => report('--reference', REF_CSV, '--current', CUR_CSV);

  it.each(['zstd', 'snappy'])(
    'drift: reference and current as Parquet (current %s)',
    (codec) => {
      const parquet = report('--reference', REF_PARQUET, '--current', `${DIR}/loan.current.${codec}.parquet`);
      expect(parquet.current.format).toBe('parquet');
      expect(parquet.columns.length).toBeGreaterThan(10);
      expect(withoutFileFields(parquet)).toEqual(withoutFileFields(csv()));
    },
    60_000,
  );

  it('drift: a CSV reference against a Parquet current', () => {
    const mixed = report('--reference', REF_CSV, '--current', `${DIR}/loan.current.gzip.parquet`);
    expect(mixed.reference.format).toBeUndefined();
    expect(mixed.current.format).toBe('parquet');
    expect(withoutFileFields(mixed)).toEqual(withoutFileFields(csv()));
  }, 60_000);

  it.each(['applied_utc', 'applied_at', 'application_date'])(
    'timeline: --chunk period:week --time-column %s (TIMESTAMPTZ, TIMESTAMP, DATE)',
    (column) => {
      const args = ['--chunk', 'period:week', '--time-column', column];
      const parquet = report(
        '--reference',
        REF_PARQUET,
        '--current',
        `${DIR}/loan.current.zstd.parquet`,
        ...args,
      );
      const text = report('--reference', REF_CSV, '--current', CUR_CSV, ...args);
      expect(parquet.timeline!.chunks.length).toBeGreaterThan(5);
      expect(Object.values(parquet.timeline!.timestamps ?? {})[0]).toMatchObject({ column, unparsable: 0 });
      expect(withoutFileFields(parquet)).toEqual(withoutFileFields(text));
    },
    120_000,
  );
});

describe('driftscope analyze with bad Parquet files', () => {
  const sha256 = (file: string) =>
    createHash('sha256')
      .update(readFileSync(path.join(root, file)))
      .digest('hex');
  it.each([
    ['bad/truncated.parquet', /bad\/truncated\.parquet is an incomplete Parquet file/],
    ['bad/renamed-csv.parquet', /bad\/renamed-csv\.parquet is not a Parquet file/],
    ['bad/zero-rows.parquet', /bad\/zero-rows\.parquet has columns but no data rows/],
  ])(
    '%s',
    (name, message) => {
      const file = `${DIR}/${name}`;
      const before = sha256(file);
      const r = cli('analyze', '--reference', REF_PARQUET, '--current', file, '--json', '-');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(`${DIR}/${name}`);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(sha256(file)).toBe(before);
    },
    60_000,
  );

  it('an unsupported column is skipped with a warning naming the file and the column; the rest is analysed', () => {
    const result = report('--reference', `${DIR}/types.parquet`, '--current', `${DIR}/types.parquet`);
    expect(result.reference.warnings).toContain(
      'types.parquet: column "span" skipped: INTERVAL columns are not supported; the other columns are read.',
    );
    expect(result.columns.map((c) => c.name)).toContain('int32');
    expect(result.columns.map((c) => c.name)).not.toContain('span');
  }, 60_000);
});
