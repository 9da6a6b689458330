// @vitest-environment node
// --multivariate / --no-multivariate (docs/multivariate.md): `node bin/driftscope.cjs analyze` in a child
// process on generated CSV files (a correlation flip, test/unit/shared/multivariate/generated-pairs.ts).
// Oracle for the numbers: analyzeMultivariate run in this process on the same tables; that function is
// itself checked against scikit-learn in test/unit/shared/multivariate (logistic-auc, reconstruction).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeMultivariate, DEFAULT_MULTIVARIATE } from '../../../shared/multivariate/analyze-multivariate';
import type { AnalysisResult } from '../../../shared/report/analysis-result';
import type { ColumnarTable } from '../../../shared/table/columnar';
import { ensureCliBuilt, runCli } from '../../helpers/run-cli';
import { GENERATED_COLUMNS, generatedTable } from '../shared/multivariate/generated-pairs';

let dir = '';
let reference: ColumnarTable;
let current: ColumnarTable;

/** The table as CSV: numbers by String(x) (shortest round-trip form), a missing cell empty. */
function csvOf(table: ColumnarTable): string {
  const lines = [table.columns.map((c) => c.name).join(',')];
  for (let i = 0; i < table.rowCount; i++)
    lines.push(
      table.columns
        .map((c) =>
          c.storage === 'number'
            ? Number.isNaN(c.values[i])
              ? ''
              : String(c.values[i])
            : c.dictionary[c.codes[i]],
        )
        .join(','),
    );
  return `${lines.join('\n')}\n`;
}

const cli = (...args: string[]) => runCli(args, { cwd: dir });

const files = () => ['analyze', '--reference', 'ref.csv', '--current', 'cur.csv'];
const json = (name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as AnalysisResult;

beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'ds-cli-mv-'));
  reference = generatedTable('ref.csv', { n: 2000, rho: 0.8 }, 11);
  current = generatedTable('cur.csv', { n: 2000, rho: -0.8 }, 12);
  writeFileSync(path.join(dir, 'ref.csv'), csvOf(reference));
  writeFileSync(path.join(dir, 'cur.csv'), csvOf(current));
});

describe('driftscope analyze --multivariate', () => {
  it('runs both detectors; the JSON equals analyzeMultivariate on the same data', () => {
    const r = cli(...files(), '--multivariate', '--json', 'on.json');
    expect(r.stderr).not.toMatch(/Error|at /);
    const expected = analyzeMultivariate(reference, current, GENERATED_COLUMNS, {
      ...DEFAULT_MULTIVARIATE,
      enabled: true,
    });
    const mv = json('on.json').multivariate!;
    expect(mv.domainClassifier).toEqual(expected.domainClassifier);
    expect(mv.reconstruction).toEqual(expected.reconstruction);
    expect(mv.domainClassifier!.driftDetected).toBe(true);
  });

  it('prints the multivariate summary line', () => {
    const r = cli(...files(), '--multivariate');
    const mv = analyzeMultivariate(reference, current, GENERATED_COLUMNS, {
      ...DEFAULT_MULTIVARIATE,
      enabled: true,
    }).domainClassifier!;
    // Two significant digits of the in-process AUC and its interval (formatNumber(x, 2)).
    const two = (x: number) => String(Number(x.toPrecision(2)));
    expect(r.stdout).toContain(
      `\nMultivariate: drift, AUC ${two(mv.auc)} [${two(mv.aucLow)}, ${two(mv.aucHigh)}] — separated by x`,
    );
    expect(r.stdout).toMatch(/; reconstruction error [\d.]+ \(outside [\d.]+–[\d.]+\)\n/);
  });

  it("prints the detectors' notes under the summary line", () => {
    // x5 renamed `prediction`: model quality maps it by name, so the detectors leave it out and say so
    // (the note's wording: detectorColumns in shared/multivariate/analyze-multivariate.ts).
    const rename = (t: ColumnarTable): ColumnarTable => ({
      ...t,
      columns: t.columns.map((c) => (c.name === 'x5' ? { ...c, name: 'prediction' } : c)),
    });
    writeFileSync(path.join(dir, 'ref-p.csv'), csvOf(rename(reference)));
    writeFileSync(path.join(dir, 'cur-p.csv'), csvOf(rename(current)));
    const r = cli('analyze', '--reference', 'ref-p.csv', '--current', 'cur-p.csv', '--multivariate');
    expect(r.stdout).toMatch(
      /\nMultivariate: drift[^\n]*\n {2}Note: Model columns left out of the detectors: prediction \(list them in multivariate.columns to include them\)\.\n/,
    );
  });

  it('is off without the flag, and --no-multivariate wins over the config file, keeping its other keys', () => {
    cli(...files(), '--json', 'off.json');
    expect(json('off.json').multivariate).toBeUndefined();
    expect(cli(...files()).stdout).not.toContain('Multivariate:');
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        multivariate: { enabled: true, columns: ['x1', 'x2'], reconstruction: { enabled: false } },
      }),
    );
    cli(...files(), '--config', 'config.json', '--no-multivariate', '--json', 'no.json');
    expect(json('no.json').multivariate).toBeUndefined();
    writeFileSync(
      path.join(dir, 'config-off.json'),
      JSON.stringify({
        multivariate: { enabled: false, columns: ['x1', 'x2'], reconstruction: { enabled: false } },
      }),
    );
    cli(...files(), '--config', 'config-off.json', '--multivariate', '--json', 'yes.json');
    const mv = json('yes.json').multivariate!;
    expect(mv.columns).toEqual(['x1', 'x2']);
    expect(mv.reconstruction).toBeNull();
  });

  it('refuses both flags at once (exit 2, naming them)', () => {
    const r = cli(...files(), '--multivariate', '--no-multivariate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--multivariate and --no-multivariate contradict each other');
  });
});
