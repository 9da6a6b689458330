// @vitest-environment node
// The command line's readable summary shows the Shadow, Serving and CBPE sections the app and the reports
// show, with their notes: on the committed shadow fixtures (numbers from gen_shadow_fixtures.py, the
// oracle), and on a current file with bad cells and no challenger column (issue 13's bad input), where
// each problem is named with file and column and the rest of the analysis goes on.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../../helpers/run-cli';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures', 'shadow');
// test/fixtures/gen_shadow_fixtures.py (NumPy, SciPy, scikit-learn, statsmodels; versions in its meta).
const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8'));
const f4 = (x: number) => x.toFixed(4);

beforeAll(() => {
  ensureCliBuilt();
});

describe('driftscope analyze: production sections of the text summary', () => {
  let stdout = '';
  beforeAll(() => {
    const run = runCli([
      'analyze',
      '--reference',
      path.join(fixtures, 'binary_reference.csv'),
      '--current',
      path.join(fixtures, 'binary_current.csv'),
    ]);
    expect(run.code).toBe(0);
    stdout = run.stdout;
  });

  it('prints champion against challenger with the oracle agreement, McNemar test and differences', () => {
    const s = expected.shadowBinary;
    expect(stdout).toContain('Champion against challenger (challenger prediction_challenger):');
    expect(stdout).toContain(`agreement ${(100 * s.agreement).toFixed(1)}%`);
    expect(stdout).toContain(
      `McNemar exact test: p = ${f4(s.mcnemar.pValue)} (only the champion right: ${s.mcnemar.b} rows, only the challenger: ${s.mcnemar.c})`,
    );
    const auc = s.difference.rocAuc;
    expect(stdout).toMatch(
      new RegExp(
        `rocAuc \\(primary\\)\\s+\\S+\\s+\\S+\\s+${f4(auc.value)}\\s+\\[${f4(auc.ciLow)}, ${f4(auc.ciHigh)}\\]`,
      ),
    );
    expect(stdout).toContain('paired bootstrap: 2000 resamples (rows resampled jointly)');
  });

  it('prints latency percentiles, the KS test and the error rates of the oracle', () => {
    const v = expected.serving;
    expect(stdout).toContain('Serving health:');
    expect(stdout).toMatch(new RegExp(`p95\\s+${f4(v.reference.p95)}\\s+${f4(v.current.p95)}`));
    expect(stdout).toMatch(new RegExp(`p50\\s+${f4(v.reference.p50)}\\s+${f4(v.current.p50)}`));
    expect(stdout).toContain(`KS test of the shift: statistic ${f4(v.ks.statistic)}`);
    expect(stdout).toContain(
      `95% bootstrap interval [${f4(v.p95Difference.ciLow)}, ${f4(v.p95Difference.ciHigh)}]`,
    );
    expect(stdout).toContain(
      `reference ${(100 * v.errorRate.reference).toFixed(2)}% (21 of ${v.errorRate.referenceN}), current ${(100 * v.errorRate.current).toFixed(2)}% (41 of ${v.errorRate.currentN}); two-proportion z-test z = ${f4(v.errorRate.statistic)}`,
    );
    expect(stdout).toContain('note: binary_current.csv, column "latency_ms": 1 negative latency left out.');
  });

  it('prints the CBPE estimate beside the realised metrics', () => {
    const c = expected.cbpeBinary;
    expect(stdout).toContain(
      `Estimated performance (CBPE, probabilities calibrated on the reference): ${c.n} rows, ${(100 * c.labelledShare).toFixed(1)}% with a label`,
    );
    for (const m of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'])
      expect(stdout).toMatch(
        new RegExp(
          `${m}\\s+${f4(c.reference[m])}\\s+${f4(c.metrics[m])} ± ${f4(c.samplingError[m])}\\s+${f4(c.realised.metrics[m])} ± ${f4(c.realised.samplingError[m])}`,
        ),
      );
  });
});

describe('driftscope analyze: bad production columns are named and the rest goes on', () => {
  it('a current file without the challenger, with bad latencies, status codes and probabilities', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-production-'));
    copyFileSync(path.join(fixtures, 'binary_reference.csv'), path.join(dir, 'reference.csv'));
    const [header, ...rows] = readFileSync(path.join(fixtures, 'binary_current.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const names = header.split(',');
    const drop = new Set(['proba_challenger', 'prediction_challenger'].map((n) => names.indexOf(n)));
    const at = (name: string) => names.indexOf(name);
    const cells = rows.map((r) => r.split(','));
    cells[10][at('proba')] = '1.7'; // a probability outside [0, 1]
    cells[11][at('latency_ms')] = '-3'; // a second negative latency
    cells[12][at('status_code')] = '999'; // not an HTTP status code
    const keep = (r: string[]) => r.filter((_, i) => !drop.has(i)).join(',');
    writeFileSync(path.join(dir, 'current.csv'), `${keep(names)}\n${cells.map(keep).join('\n')}\n`);

    const run = runCli(['analyze', '--reference', 'reference.csv', '--current', 'current.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toContain(
      'note: current.csv has no challenger column "prediction_challenger", "proba_challenger": champion against challenger not computed.',
    );
    expect(run.stdout).not.toContain('Champion against challenger (');
    expect(run.stdout).toContain('note: current.csv, column "latency_ms": 2 negative latencies left out.');
    expect(run.stdout).toMatch(
      /note: current\.csv, column "status_code": 2 value\(s\) that are neither HTTP status codes \(100–599\) nor booleans left out/,
    );
    expect(run.stdout).toContain(
      'note: current.csv, column "proba": 1 probability outside [0, 1] left out of the estimate.',
    );
    // The rest goes on: the drift table, model quality, serving and the estimate are all there.
    expect(run.stdout).toMatch(/^x1\s+numerical/m);
    expect(run.stdout).toContain('Model quality (binary; target target, prediction prediction):');
    expect(run.stdout).toMatch(/requests\s+2000\s+1497/);
    expect(run.stdout).toMatch(/Estimated performance \(CBPE, .*\): 1499 rows/);
  });
});

describe('driftscope analyze: multiclass probabilities that do not sum to 1', () => {
  it('counts the rows beyond rounding, leaves out a probability above 1, and goes on', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-production-mc-'));
    copyFileSync(path.join(fixtures, 'multiclass_reference.csv'), path.join(dir, 'reference.csv'));
    const lines = readFileSync(path.join(fixtures, 'multiclass_current.csv'), 'utf8').trimEnd().split('\n');
    const names = lines[0].split(',');
    const cells = lines.map((l) => l.split(','));
    // The fixture's rows sum to 1 within 1.0000000001e-6 (written with 6 decimals: rounding, not a fault).
    cells[2][names.indexOf('proba_a')] = '0.9'; // this row now sums to about 1.4
    cells[3][names.indexOf('proba_b')] = '1.4'; // outside [0, 1]
    writeFileSync(path.join(dir, 'current.csv'), `${cells.map((c) => c.join(',')).join('\n')}\n`);

    const run = runCli(['analyze', '--reference', 'reference.csv', '--current', 'current.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'note: current.csv, columns "proba_a", "proba_b", "proba_c": 1 row(s) whose probabilities do not sum to 1 (kept; calibration renormalises them).',
    );
    expect(run.stdout).not.toContain('reference.csv, columns "proba_a"');
    expect(run.stdout).toContain(
      'note: current.csv, column "proba_b": 1 probability outside [0, 1] left out of the estimate.',
    );
    expect(run.stdout).toMatch(/Estimated performance \(CBPE, .*\): 1199 rows/);
    expect(run.stdout).toContain('Model quality (multiclass; target target, prediction prediction):');
  });
});
