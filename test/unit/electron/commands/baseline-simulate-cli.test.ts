// @vitest-environment node
// `driftscope baseline` and `driftscope simulate` run as a user runs them (the built CLI on real files): the
// baseline validates against docs/schema/baseline-v1.schema.json and carries the reference's real SHA-256 and
// metrics; simulate is deterministic, writes only into --out, and refuses bad specs with exit 2 and a message;
// monitor refuses a reference that changed since the baseline.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { demoExpected } from '../../../helpers/demo-expected';

const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'dist', 'electron', 'cli.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'ds-baseline-'));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

if (!existsSync(cli))
  spawnSync(process.execPath, [path.join(root, 'build', 'build-node.mjs')], { stdio: 'inherit' });
expect(run(['demo', '--out', 'demo']).status).toBe(0);
const reference = path.join(work, 'demo', 'reference.csv');

describe('driftscope baseline', () => {
  it('writes a baseline that matches its schema, with the reference pinned by hash', () => {
    const before = sha(reference);
    const r = run(['baseline', '--reference', 'demo/reference.csv', '--model', 'loans', '--out', 'b.json']);
    expect(r.status).toBe(0);
    // The demo's 19 columns (test/fixtures/demo/expected.json, read by pandas).
    expect(r.stderr).toContain(
      `Wrote b.json: model "loans", ${demoExpected.columns.length} columns, 5000 reference rows, binary model metrics`,
    );
    const baseline = JSON.parse(readFileSync(path.join(work, 'b.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(
      JSON.parse(readFileSync(path.join(root, 'docs/schema/report-v1.schema.json'), 'utf8')),
      'report-v1.schema.json',
    );
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(root, 'docs/schema/baseline-v1.schema.json'), 'utf8')),
    );
    expect(validate(baseline), JSON.stringify(validate.errors)).toBe(true);
    // sha256 of the file's bytes (node:crypto, the same digest as `sha256sum`).
    expect(baseline.reference.sha256).toBe(before);
    expect(sha(reference)).toBe(before);
    // The demo reference's accuracy, as the JSON report of `driftscope demo` gives it for the reference side.
    const report = JSON.parse(readFileSync(path.join(work, 'demo', 'report.json'), 'utf8'));
    expect(baseline.performance.metrics.accuracy).toBe(report.performance.reference.accuracy);
    expect(baseline.columns.find((c: { name: string }) => c.name === 'income').test).toBe('wasserstein');
  });

  it('--multivariate turns the detectors on in the saved settings; with --no-multivariate it is refused', () => {
    const r = run(['baseline', '--reference', 'demo/reference.csv', '--multivariate', '--out', 'mv.json']);
    expect(r.status, r.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(work, 'mv.json'), 'utf8'));
    expect(baseline.settings.multivariate.enabled).toBe(true);
    // The rest of the block: the engine's defaults (docs/settings.md: 0.55 AUC threshold, 65 % of the variance).
    expect(baseline.settings.multivariate.domainClassifier.threshold).toBe(0.55);
    expect(baseline.settings.multivariate.reconstruction.varianceShare).toBe(0.65);
    const both = run([
      'baseline',
      '--reference',
      'demo/reference.csv',
      '--multivariate',
      '--no-multivariate',
      '--out',
      'x.json',
    ]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--multivariate and --no-multivariate contradict each other');
    expect(both.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(work, 'x.json'))).toBe(false);
  });

  it('refuses --out equal to the reference', () => {
    const r = run(['baseline', '--reference', 'demo/reference.csv', '--out', './demo/../demo/reference.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is the reference file/);
  });
});

describe('driftscope simulate', () => {
  const args = (out: string) => [
    'simulate',
    '--reference',
    'demo/reference.csv',
    '--out',
    out,
    '--batches',
    '3',
    '--rows',
    '200',
    '--seed',
    '5',
    '--drift',
    'shift:income:1sd@2',
    '--drift',
    'missing:age:0.5@3',
  ];

  it('is deterministic and writes the batches into --out only', () => {
    expect(run(args('s1')).status).toBe(0);
    expect(run(args('s2')).status).toBe(0);
    const names = readdirSync(path.join(work, 's1'));
    expect(names).toEqual(['batch-001.csv', 'batch-002.csv', 'batch-003.csv']);
    for (const n of names) expect(sha(path.join(work, 's1', n))).toBe(sha(path.join(work, 's2', n)));
    const third = readFileSync(path.join(work, 's1', 'batch-003.csv'), 'utf8')
      .trim()
      .split('\n');
    const age = third[0].split(',').indexOf('age');
    expect(third.slice(1).filter((l) => l.split(',')[age] === '').length).toBe(100);
  });

  it.each([
    [['--drift', 'lift:income:1'], /unknown change "lift"/],
    [['--drift', 'shift:salary:1'], /no column "salary"/],
    [['--batches', '0'], /--batches must be a whole number/],
  ])('refuses %j with exit 2', (extra, message) => {
    const r = run(['simulate', '--reference', 'demo/reference.csv', '--out', 'bad', ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('driftscope monitor', () => {
  it('refuses a reference that changed since the baseline, naming it', () => {
    expect(run(['demo', '--out', 'demo2']).status).toBe(0);
    expect(run(['baseline', '--reference', 'demo2/reference.csv', '--out', 'b2.json']).status).toBe(0);
    // The test's own copy of the reference gains one row after the baseline was made.
    const file = path.join(work, 'demo2', 'reference.csv');
    appendFileSync(file, `${readFileSync(file, 'utf8').split('\n')[1]}\n`);
    const r = spawnSync(
      process.execPath,
      [cli, 'monitor', '--baseline', 'b2.json', '--watch', 'demo2', '--listen', 'off'],
      {
        cwd: work,
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /The reference .*demo2\/reference\.csv changed since the baseline b2\.json was made/,
    );
  });
});
