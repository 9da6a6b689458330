// @vitest-environment node
// `driftscope profile` and `driftscope analyze` on profiles, run as a user runs them (the built CLI on the
// demo files): the profile validates against docs/schema/profile-v1.schema.json, a merge of the profiles
// of two files equals the profile of both files, the analysis of two profiles validates against the report
// schema and agrees with the exact analysis (categorical columns exactly, numeric ones within their
// bound), a bad profile gets a message naming the file and the JSON path, with exit 2, a CSV or Parquet
// file streamed in chunks (--chunk-rows) gives the whole file's profile, and beyond --memory-budget a CSV,
// Parquet or mixed pair is analysed from its streamed profiles.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { loadParquet } from '../../../../electron/engine/load-parquet';
import { profileTable } from '../../../../shared/profile/build-profile';

const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'dist', 'electron', 'cli.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'ds-profile-'));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
const readJson = (name: string) => JSON.parse(readFileSync(path.join(work, name), 'utf8'));
const pq = (name: string) => path.join(root, 'test/fixtures/parquet', name);

if (!existsSync(cli))
  spawnSync(process.execPath, [path.join(root, 'build', 'build-node.mjs')], { stdio: 'inherit' });
expect(run(['demo', '--out', 'demo']).status).toBe(0);

function schema(name: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(path.join(root, 'docs/schema', name), 'utf8')));
}

describe('driftscope profile', () => {
  it('writes a profile that matches its schema', () => {
    const r = run(['profile', '--input', 'demo/reference.csv', '--out', 'ref.json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote ref.json: profile of 5000 rows, 19 columns from 1 file');
    const validate = schema('profile-v1.schema.json');
    expect(validate(readJson('ref.json')), JSON.stringify(validate.errors)).toBe(true);
  });

  it("a merge of two files' profiles equals the profile of both files (oracle: Driftscope's own profile of the same rows)", () => {
    expect(run(['profile', '--input', 'demo/reference.csv', '--out', 'a.json']).status).toBe(0);
    expect(run(['profile', '--input', 'demo/current.csv', '--out', 'b.json']).status).toBe(0);
    const m = run(['profile', '--merge', 'a.json', 'b.json', '--out', 'merged.json']);
    expect(m.status, m.stderr).toBe(0);
    expect(
      run(['profile', '--input', 'demo/reference.csv', 'demo/current.csv', '--out', 'both.json']).status,
    ).toBe(0);
    // Float sums depend on the order of addition: compared to 1e-9 relative, everything else exactly.
    const strip = (p: { columns: Record<string, unknown>[] }) => ({
      ...p,
      columns: p.columns.map(({ sum: _s, sumSquares: _q, ...rest }) => rest),
    });
    const merged = readJson('merged.json');
    const both = readJson('both.json');
    expect(strip(merged)).toEqual(strip(both));
    merged.columns.forEach((c: { sum?: number }, i: number) => {
      if (c.sum !== undefined) expect(c.sum).toBeCloseTo(both.columns[i].sum, 6);
    });
  });

  it("profiles a Parquet file as the CSV it was made from (oracle: Driftscope's own profile of the CSV)", () => {
    const fixtures = path.join(root, 'test/fixtures/parquet');
    const pq = run([
      'profile',
      '--input',
      path.join(fixtures, 'loan.current.snappy.parquet'),
      '--out',
      'pq.json',
    ]);
    expect(pq.status, pq.stderr).toBe(0);
    expect(
      run(['profile', '--input', path.join(fixtures, 'loan.current.csv'), '--out', 'pq-csv.json']).status,
    ).toBe(0);
    const noSums = (p: { columns: Record<string, unknown>[] }) =>
      p.columns.map(({ sum: _s, sumSquares: _q, ...rest }) => rest);
    expect(noSums(readJson('pq.json'))).toEqual(noSums(readJson('pq-csv.json')));
  });

  it('refuses to merge profiles of different columns, naming the files', () => {
    writeFileSync(path.join(work, 'small.csv'), 'x,y\n1,2\n3,4\n');
    expect(run(['profile', '--input', 'small.csv', '--out', 'small.json']).status).toBe(0);
    const r = run(['profile', '--merge', 'a.json', 'small.json', '--out', 'bad-merge.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^driftscope: Cannot merge small\.json into a\.json: the profiles have different columns/,
    );
    expect(existsSync(path.join(work, 'bad-merge.json'))).toBe(false);
  });

  it("streams a CSV in chunks of --chunk-rows rows to the whole file's profile (oracle: loadCsv + profileTable)", async () => {
    const file = path.join(work, 'demo/reference.csv');
    const table = await loadCsv(file);
    const expected = JSON.parse(JSON.stringify(profileTable(table)));
    for (const rows of ['7', '1000']) {
      const r = run([
        'profile',
        '--input',
        'demo/reference.csv',
        '--chunk-rows',
        rows,
        '--out',
        `c${rows}.json`,
      ]);
      expect(r.status, r.stderr).toBe(0);
      expect(readJson(`c${rows}.json`)).toEqual(expected);
    }
  });

  it("streams a Parquet file in chunks of --chunk-rows rows to the whole file's profile (oracle: loadParquet + profileTable)", async () => {
    const file = pq('loan.current.snappy.parquet');
    const table = await loadParquet(file);
    const expected = JSON.parse(JSON.stringify(profileTable(table)));
    // 7 and 1,000 rows split the file's 2,048-row row groups; no flag: the default chunk (one chunk here).
    for (const rows of ['7', '1000', null]) {
      const chunk = rows === null ? [] : ['--chunk-rows', rows];
      const out = `pqc${rows ?? 'default'}.json`;
      const r = run(['profile', '--input', file, ...chunk, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`Wrote ${out}: profile of 5000 rows, 17 columns from 1 file`);
      expect(readJson(out)).toEqual(expected);
    }
    const bad = run(['profile', '--input', pq('bad/truncated.parquet'), '--out', 'pq-bad.json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`driftscope: ${pq('bad/truncated.parquet')} is an incomplete Parquet file`);
  });

  it('refuses a --chunk-rows that is not a whole number ≥ 1, and --chunk-rows with --merge', () => {
    const r = run(['profile', '--input', 'demo/reference.csv', '--chunk-rows', '0', '--out', 'z.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--chunk-rows must be a whole number ≥ 1, got "0"');
    const m = run(['profile', '--merge', 'a.json', '--chunk-rows', '10', '--out', 'z.json']);
    expect(m.status).toBe(2);
    expect(m.stderr).toContain('--chunk-rows applies to --input only');
    expect(existsSync(path.join(work, 'z.json'))).toBe(false);
  });
});

describe('driftscope analyze beyond --memory-budget', () => {
  const args = ['analyze', '--reference', 'demo/reference.csv', '--current', 'demo/current.csv'];

  it("analyses the files' streamed profiles, saying so (oracle: analyze of the files' profiles)", () => {
    const r = run([...args, '--memory-budget', '1M', '--json', 'budget.json']);
    expect(r.status, r.stderr).toBe(0);
    const note =
      /^Analysed from streamed profiles of demo\/reference\.csv and demo\/current\.csv, not from their rows: loading both whole would need about [\d.]+ MB of memory, more than the memory budget of 1\.0 MB \(--memory-budget\)\.$/;
    expect(r.stderr.split('\n')[0].replace(/^driftscope: /, '')).toMatch(note);
    const result = readJson('budget.json');
    expect(result.reference.warnings[0]).toMatch(note);
    expect(run(['profile', '--input', 'demo/reference.csv', '--out', 'b-ref.json']).status).toBe(0);
    expect(run(['profile', '--input', 'demo/current.csv', '--out', 'b-cur.json']).status).toBe(0);
    const ofProfiles = ['analyze', '--reference', 'b-ref.json', '--current', 'b-cur.json'];
    const oracle = run([...ofProfiles, '--json', 'b.json']);
    expect(oracle.status, oracle.stderr).toBe(0);
    const expected = readJson('b.json');
    expect(result.columns).toEqual(expected.columns);
    expect(result.dataset).toEqual(expected.dataset);
    expect(result.reference.warnings.slice(1)).toEqual(expected.reference.warnings);
  });

  it('a bad file profiled in its worker gets the message the profile command gives (file as given)', () => {
    // Oracle: `driftscope profile` on the same file, which profiles in the command's own thread.
    const bad = path.join(root, 'test/fixtures/bad-input/files/format/truncated.csv.gz');
    const viaBudget = run([
      'analyze',
      '--reference',
      'demo/reference.csv',
      '--current',
      bad,
      '--memory-budget',
      '1',
    ]);
    const viaProfile = run(['profile', '--input', bad, '--out', 'bad.json']);
    expect(viaProfile.status).not.toBe(0);
    const message = viaProfile.stderr.split('\n').find((l) => l.startsWith('driftscope: '))!;
    expect(message).toContain('truncated.csv.gz');
    expect(viaBudget.stderr.split('\n')).toContain(message);
    expect(viaBudget.status).toBe(viaProfile.status);
    expect(viaBudget.stderr).not.toMatch(/\n\s+at /);
  });

  it("analyses a Parquet pair and a Parquet/CSV mix from their streamed profiles (oracle: analyze of the files' profiles)", () => {
    const pairs = [
      ['loan.reference.parquet', 'loan.current.snappy.parquet'],
      ['loan.reference.parquet', 'loan.current.csv'],
    ];
    for (const [a, b] of pairs) {
      const [ref, cur] = [pq(a), pq(b)];
      const tag = `${a}-${b}`;
      const r = run([
        'analyze',
        '--reference',
        ref,
        '--current',
        cur,
        '--memory-budget',
        '1',
        '--json',
        `${tag}.json`,
      ]);
      expect(r.status, r.stderr).toBe(0);
      const note = `Analysed from streamed profiles of ${ref} and ${cur}, not from their rows: loading both whole would need about`;
      expect(r.stderr.split('\n')[0]).toContain(`driftscope: ${note}`);
      const result = readJson(`${tag}.json`);
      expect(result.reference.warnings[0]).toContain(note);
      expect(run(['profile', '--input', ref, '--out', `${tag}-ref.json`]).status).toBe(0);
      expect(run(['profile', '--input', cur, '--out', `${tag}-cur.json`]).status).toBe(0);
      const oracle = run([
        'analyze',
        '--reference',
        `${tag}-ref.json`,
        '--current',
        `${tag}-cur.json`,
        '--json',
        `${tag}-p.json`,
      ]);
      expect(oracle.status, oracle.stderr).toBe(0);
      const expected = readJson(`${tag}-p.json`);
      expect(result.columns).toEqual(expected.columns);
      expect(result.dataset).toEqual(expected.dataset);
    }
  });

  it("a bad Parquet file beyond the budget gets the loader's message (file as given), exit 2", () => {
    // Oracle: `driftscope profile` on the same file.
    const bad = pq('bad/truncated.parquet');
    const viaBudget = run([
      'analyze',
      '--reference',
      pq('loan.reference.parquet'),
      '--current',
      bad,
      '--memory-budget',
      '1',
    ]);
    const viaProfile = run(['profile', '--input', bad, '--out', 'bad-pq.json']);
    expect(viaProfile.status).toBe(2);
    const message = viaProfile.stderr.split('\n').find((l) => l.startsWith('driftscope: '))!;
    expect(message).toContain('truncated.parquet is an incomplete Parquet file');
    expect(viaBudget.stderr.split('\n')).toContain(message);
    expect(viaBudget.status).toBe(2);
    // A CSV that fails in its worker beside a Parquet read in the other: the Parquet worker is stopped by its
    // flag (or has ended), not torn down mid-query; the command ends with exit 2, not a signal.
    const csvBad = path.join(root, 'test/fixtures/bad-input/files/format/truncated.csv.gz');
    const mixed = run([
      'analyze',
      '--reference',
      pq('loan.reference.parquet'),
      '--current',
      csvBad,
      '--memory-budget',
      '1',
    ]);
    expect(mixed.signal).toBeNull();
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('truncated.csv.gz');
  });

  it('loads the files whole within the budget (CSV and Parquet) and when a timeline needs the rows; refuses a bad size', () => {
    const within = run([...args, '--memory-budget', '1G', '--json', 'within.json']);
    expect(within.status, within.stderr).toBe(0);
    expect(readJson('within.json').reference.warnings).toEqual([]);
    const chunked = run([...args, '--memory-budget', '1M', '--chunk', 'count:2', '--json', 'chunked.json']);
    expect(chunked.status, chunked.stderr).toBe(0);
    expect(chunked.stderr).not.toContain('streamed profiles');
    expect(readJson('chunked.json').timeline).not.toBeNull();
    const parquet = run([
      'analyze',
      '--reference',
      pq('loan.reference.parquet'),
      '--current',
      pq('loan.current.snappy.parquet'),
      '--memory-budget',
      '1G',
      '--json',
      'pq-budget.json',
    ]);
    expect(parquet.status, parquet.stderr).toBe(0);
    expect(parquet.stderr).not.toContain('streamed profiles');
    expect(readJson('pq-budget.json').reference.warnings).toEqual([]);
    const bad = run([...args, '--memory-budget', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--memory-budget must be a size such as 4G, 512M or 2000000000 (bytes), got "lots"',
    );
  });
});

describe('driftscope analyze on profiles', () => {
  it('gives the report of the exact analysis: categorical columns exactly, numeric ones within their bound', () => {
    expect(run(['profile', '--input', 'demo/current.csv', '--out', 'cur.json']).status).toBe(0);
    const p = run(['analyze', '--reference', 'ref.json', '--current', 'cur.json', '--json', 'p-report.json']);
    expect(p.status, p.stderr).toBe(0);
    const e = run([
      'analyze',
      '--reference',
      'demo/reference.csv',
      '--current',
      'demo/current.csv',
      '--json',
      'e-report.json',
    ]);
    expect(e.status, e.stderr).toBe(0);
    const fromProfiles = readJson('p-report.json');
    const exact = readJson('e-report.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(root, 'docs/schema/report-v1.schema.json'), 'utf8')),
    );
    expect(validate(fromProfiles), JSON.stringify(validate.errors)).toBe(true);
    for (const x of exact.columns) {
      const a = fromProfiles.columns.find((c: { name: string }) => c.name === x.name);
      expect(a.type, x.name).toBe(x.type);
      expect(a.test, x.name).toBe(x.test);
      expect(a.driftDetected, x.name).toBe(x.driftDetected);
      expect(a.missingDrift, x.name).toEqual(x.missingDrift);
      if (x.score === null) continue;
      if (a.approximation === undefined) expect(a.score, x.name).toBeCloseTo(x.score, 12);
      else expect(Math.abs(a.score - x.score), x.name).toBeLessThanOrEqual(a.approximation.scoreBound);
    }
    expect(fromProfiles.dataset).toEqual(exact.dataset);
  });

  it('profiles a data file compared with a profile first', () => {
    const r = run([
      'analyze',
      '--reference',
      'ref.json',
      '--current',
      'demo/current.csv',
      '--json',
      'mixed.json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(readJson('mixed.json').columns).toEqual(readJson('p-report.json').columns);
  });

  it('refuses a bad profile with the file and the JSON path, and no stack trace', () => {
    const bad = readJson('ref.json');
    bad.columns[1].sketch.positive[0][1] = 'many';
    writeFileSync(path.join(work, 'bad.json'), JSON.stringify(bad));
    const r = run(['analyze', '--reference', 'bad.json', '--current', 'cur.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'driftscope: bad.json is not a valid Driftscope profile: $.columns[1].sketch.positive[0][1]: must be a count (an integer ≥ 0), got "many"\n',
    );
    writeFileSync(path.join(work, 'v2.json'), JSON.stringify({ ...bad, version: 2 }));
    const v = run(['profile', '--merge', 'v2.json', 'ref.json', '--out', 'x.json']);
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(
      /^driftscope: v2\.json is not a valid Driftscope profile: \$\.version: must be 1/,
    );
  });
});
