// @vitest-environment node
// `--fail-on dataset|column|model|any` on the built-in demo, whose dataset verdict is "no drift" while five
// columns drift and the model degrades (the demo's own JSON report, read in the same test, says so).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../shared/report/analysis-result';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/electron/cli.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'ds-fail-on-'));
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });

describe('analyze --fail-on', () => {
  it('gates on the dataset verdict by default, and on columns, the model or any of them when asked', () => {
    expect(run(['demo', '--out', '.']).status).toBe(0);
    const files = ['--reference', 'reference.csv', '--current', 'current.csv'];
    const plain = run(['analyze', ...files, '--json', 'out.json']);
    expect(plain.status, plain.stderr).toBe(0);
    const result = JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8')) as AnalysisResult;
    expect(result.dataset.driftDetected).toBe(false);
    expect(result.dataset.driftedColumns).toBeGreaterThan(0);
    expect(result.performance?.modelDegraded).toBe(true);

    expect(run(['analyze', ...files, '--fail-on-drift']).status).toBe(0);
    expect(run(['analyze', ...files, '--fail-on', 'dataset']).status).toBe(0);
    expect(run(['analyze', ...files, '--fail-on', 'column']).status).toBe(1);
    expect(run(['analyze', ...files, '--fail-on', 'model']).status).toBe(1);
    expect(run(['analyze', ...files, '--fail-on', 'any']).status).toBe(1);
    // Without model quality there is nothing to degrade.
    expect(run(['analyze', ...files, '--fail-on', 'model', '--no-performance']).status).toBe(0);
    const wrong = run(['analyze', ...files, '--fail-on', 'columns']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(
      /--fail-on must be one of dataset, column, model, any, last-chunk, any-chunk/,
    );
    expect(run(['analyze', ...files, '--fail-on', 'last-chunk']).stderr).toMatch(/needs a timeline/);
  }, 120_000);
});
