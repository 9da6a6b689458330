// @vitest-environment node
// The command line as a user runs it: `node bin/driftscope.cjs ...` in a child process, on real files.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/report/analysis-result';
import { TEST_KEYS } from '../../../shared/types';
import { demoExpected } from '../../helpers/demo-expected';
import { ensureCliBuilt, runCli } from '../../helpers/run-cli';

const root = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string) => path.join(root, 'test', 'fixtures', 'csv', name);

const cli = (...args: string[]) => runCli(args);

let demoDir = '';
/** `analyze` of the demo's two files (written by beforeAll). */
const analyzeDemo = () => [
  'analyze',
  '--reference',
  path.join(demoDir, 'reference.csv'),
  '--current',
  path.join(demoDir, 'current.csv'),
];
beforeAll(() => {
  ensureCliBuilt();
  demoDir = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-demo-'));
  const demo = cli('demo', '--out', demoDir);
  expect(demo.stderr).toBe('');
  expect(demo.code).toBe(0);
});

describe('driftscope demo', () => {
  it('writes reference.csv, current.csv and report.json', () => {
    for (const f of ['reference.csv', 'current.csv', 'report.json'])
      expect(existsSync(path.join(demoDir, f))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(demoDir, 'report.json'), 'utf8')) as AnalysisResult;
    expect(report.schemaVersion).toBe(1);
    expect(report.reference.rows).toBe(5000);
    expect(report.current.rows).toBe(5000);
  });
});

describe('driftscope analyze', () => {
  it('prints a readable summary and exits 0', () => {
    const r = cli('analyze', '--reference', fixture('ref-small.csv'), '--current', fixture('cur-small.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Reference: ref-small.csv (3 rows, 3 columns)');
    expect(r.stdout).toMatch(/column\s+type\s+test\s+score\s+threshold\s+drift/);
    expect(r.stdout).toContain('extra: Missing from ref-small.csv: not tested.');
    // A column empty in one file is reported, not tested, and does not stop the analysis.
    expect(r.stdout).toContain(
      'empty_here: No values in cur-small.csv after removing missing cells: not tested.',
    );
  });

  it('writes the JSON with the documented fields, columns in reference order', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ds-cli-')), 'r.json');
    const r = cli(...analyzeDemo(), '--json', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
    expect(Object.keys(report.dataset).sort()).toEqual(
      [
        'correction',
        'driftDetected',
        'driftShare',
        'driftedColumns',
        'missingDriftColumns',
        'shareThreshold',
        'testedColumns',
      ].sort(),
    );
    const header = readFileSync(path.join(demoDir, 'reference.csv'), 'utf8').split('\n')[0].split(',');
    expect(report.columns.map((c) => c.name)).toEqual(header);
    for (const c of report.columns) {
      for (const key of [
        'name',
        'type',
        'test',
        'threshold',
        'score',
        'pValue',
        'statistic',
        'driftDetected',
        'note',
      ]) {
        expect(c, `${c.name}.${key}`).toHaveProperty(key);
      }
      if (c.test === null) expect(c.note, c.name).toBeTruthy();
      if (c.testKind === 'distance') expect(c.pValue).toBeNull();
      if (c.testKind === 'p_value') expect(c.score).toBe(c.pValue);
    }
    expect(report.dataset.testedColumns).toBeGreaterThan(5);
  });

  it('exits 1 with --fail-on-drift when the dataset drifts, 0 without the flag', () => {
    const args = analyzeDemo();
    const report = JSON.parse(readFileSync(path.join(demoDir, 'report.json'), 'utf8')) as AnalysisResult;
    const r = cli(...args, '--fail-on-drift', '--share-threshold', '0.1');
    expect(report.dataset.driftShare).toBeGreaterThanOrEqual(0.1);
    expect(r.code).toBe(1);
    expect(cli(...args, '--share-threshold', '0.1').code).toBe(0);
  });

  it('--test forces a test on every column it applies to; --threshold overrides the threshold', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ds-cli-')), 'r.json');
    const r = cli(...analyzeDemo(), '--test', 'ks', '--threshold', '0.01', '--json', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
    const numerical = report.columns.filter((c) => c.type === 'numerical' && c.test !== null);
    expect(numerical.length).toBeGreaterThan(0);
    for (const c of numerical) {
      expect(c.test).toBe('ks');
      expect(c.threshold).toBe(0.01);
    }
  });

  it('exits 2 with one line on stderr naming the file by the path as given, for bad input', () => {
    // Relative to the cwd (the repository), as a user types it; the message repeats it.
    const given = (name: string) => `test/fixtures/csv/${name}`;
    for (const [file, message] of [
      [given('empty.csv'), `driftscope: ${given('empty.csv')} is empty (0 bytes).`],
      [given('header-only.csv'), `driftscope: ${given('header-only.csv')} has a header but no data rows.`],
      [given('no-such.csv'), `driftscope: Cannot open ${given('no-such.csv')}: it does not exist.`],
    ]) {
      const r = cli('analyze', '--reference', fixture('ref-small.csv'), '--current', file);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toBe(`${message}\n`);
    }
  });

  it('exits 2 when the files have no column in common (a wrong delimiter)', () => {
    const r = cli(
      'analyze',
      '--reference',
      fixture('ref-small.csv'),
      '--current',
      fixture('colon-delimited.csv'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^driftscope: ref-small\.csv and colon-delimited\.csv have no column in common/);
  });

  it('--config applies per-column settings, ignore and a correction; flags override its globals', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-config-'));
    const config = path.join(dir, 'drift.json');
    writeFileSync(
      config,
      JSON.stringify({
        threshold: 0.5,
        columns: { income: { test: 'ks', threshold: 0.001 } },
        ignore: ['customer_id'],
        correction: 'benjamini_hochberg',
      }),
    );
    const out = path.join(dir, 'r.json');
    const ref = path.join(demoDir, 'reference.csv');
    const cur = path.join(demoDir, 'current.csv');
    expect(
      cli(
        'analyze',
        '--reference',
        ref,
        '--current',
        cur,
        '--config',
        config,
        '--threshold',
        '0.2',
        '--json',
        out,
      ).code,
    ).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
    expect(report.ignored).toEqual(['customer_id']);
    expect(report.columns.find((c) => c.name === 'income')).toMatchObject({ test: 'ks', threshold: 0.001 });
    expect(report.columns.find((c) => c.name === 'age')).toMatchObject({ threshold: 0.2 });
    expect(report.dataset.correction).toBe('benjamini_hochberg');
  });

  it('a bad config file exits 2 naming the file and the key', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-config-'));
    const config = path.join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ columns: { income: { test: 'kss' } } }));
    const r = cli(
      'analyze',
      '--reference',
      fixture('ref-small.csv'),
      '--current',
      fixture('cur-small.csv'),
      '--config',
      config,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `driftscope: bad.json: columns["income"].test: unknown test "kss" (one of ${TEST_KEYS.join(', ')})\n`,
    );
    writeFileSync(config, '{ not json');
    const r2 = cli(
      'analyze',
      '--reference',
      fixture('ref-small.csv'),
      '--current',
      fixture('cur-small.csv'),
      '--config',
      config,
    );
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/^driftscope: bad\.json is not valid JSON/);
  });

  it('reports model quality on the demo: the model degraded, with the performance block in the JSON', () => {
    const report = JSON.parse(readFileSync(path.join(demoDir, 'report.json'), 'utf8')) as AnalysisResult;
    const p = report.performance!;
    expect(p).toMatchObject({
      task: 'binary',
      target: 'default',
      prediction: 'prediction',
      proba: ['probability'],
    });
    expect(p.modelDegraded).toBe(true);
    expect(p.reference.kind).toBe('classification');
    // sklearn accuracy_score on each CSV's labelled rows (test/fixtures/gen_demo_expected.py): 0.8388 →
    // 0.7613 on the current rows whose label has arrived (weeks 1-9; the drift starts in week 6).
    const q = demoExpected.quality;
    if (p.reference.kind === 'classification' && p.current.kind === 'classification') {
      expect(p.reference.accuracy).toBeCloseTo(q.reference.accuracy, 12);
      expect(p.current.accuracy).toBeCloseTo(q.current.accuracy, 12);
      expect(p.reference.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(5000);
      expect(p.current.confusionMatrix).toEqual(q.current.confusion);
    }
    expect(p.conceptDrift?.changed).toContain('debt_to_income');
    const text = cli(...analyzeDemo());
    expect(text.stdout).toContain('MODEL DEGRADED');
  });

  it('joins labels that arrive later by ID (--labels --id), and --no-performance turns it off', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-labels-'));
    const lines = readFileSync(path.join(demoDir, 'current.csv'), 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    const target = header.indexOf('default');
    const id = header.indexOf('customer_id');
    const rows = lines.map((line) => line.split(','));
    // Production rows without their outcome, and the outcomes that have arrived (the demo's non-empty
    // default cells: 3,318 of 5,000, pandas in gen_demo_expected.py) in a separate file.
    writeFileSync(
      path.join(dir, 'current.csv'),
      `${rows.map((r) => r.filter((_, i) => i !== target).join(',')).join('\n')}\n`,
    );
    const arrived = rows.slice(1).filter((r) => r[target] !== '');
    expect(arrived).toHaveLength(demoExpected.currentLabelled);
    const labelRows = [['customer_id', 'default'], ...arrived.map((r) => [r[id], r[target]])];
    writeFileSync(path.join(dir, 'labels.csv'), `${labelRows.map((r) => r.join(',')).join('\n')}\n`);
    const out = path.join(dir, 'r.json');
    const args = [
      'analyze',
      '--reference',
      path.join(demoDir, 'reference.csv'),
      '--current',
      path.join(dir, 'current.csv'),
    ];
    const r = cli(
      ...args,
      '--labels',
      path.join(dir, 'labels.csv'),
      '--id',
      'customer_id',
      '--target',
      'default',
      '--json',
      out,
    );
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
    const labelled = demoExpected.currentLabelled;
    expect(report.current.warnings.join(' ')).toContain(
      `${labelled} current rows matched, ${5000 - labelled} without a label`,
    );
    expect(report.performance?.current.n).toBe(labelled);
    expect(cli(...args, '--labels', path.join(dir, 'labels.csv')).code).toBe(2);
    const off = path.join(dir, 'off.json');
    cli(...analyzeDemo(), '--no-performance', '--json', off);
    expect(JSON.parse(readFileSync(off, 'utf8')).performance).toBeNull();
  });

  it('validates each flag by the rule of its settings-file key, naming the flag and the value', () => {
    const bad = (flag: string, value: string) =>
      cli('analyze', '--reference', 'a.csv', '--current', 'b.csv', flag, value);
    const cases: [string, string, string][] = [
      ['--threshold', 'x', 'driftscope: --threshold: threshold must be a number >= 0, got "x"'],
      ['--threshold', '', 'driftscope: --threshold: threshold must be a number >= 0, got ""'],
      ['--share-threshold', '2', 'driftscope: --share-threshold: shareThreshold must be in (0, 1], got "2"'],
      [
        '--correction',
        'holm',
        'driftscope: --correction: correction must be one of none, bonferroni, benjamini_hochberg, got "holm"',
      ],
      [
        '--task',
        'ranking',
        'driftscope: --task: performance.task must be one of binary, multiclass, regression, got "ranking"',
      ],
      [
        '--challenger-proba',
        ',',
        'driftscope: --challenger-proba: performance.challengerProba must be a list of column names, got ","',
      ],
    ];
    for (const [flag, value, message] of cases) {
      const r = bad(flag, value);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(message);
    }
  });

  it('exits 2 on usage errors', () => {
    expect(cli('analyze', '--reference', 'a.csv').code).toBe(2);
    const r = cli('analyze', '--reference', 'a', '--current', 'b', '--test', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown test "nope"');
  });
});
