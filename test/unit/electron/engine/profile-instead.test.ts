// @vitest-environment node
// A file beyond the memory budget opened through the real engine worker (dist/electron/engine-worker.cjs), as
// the app opens one: profiled in one pass instead of loaded, its summary a profile's with a warning that
// says why, and its analysis the one `driftscope analyze --memory-budget 1` gives from streamed profiles.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../../../electron/engine/engine-client';
import { csvAnalysisMemory } from '../../../../electron/engine/load-csv';
import { CancelledError } from '../../../../electron/engine/serialize-error';
import type { LoadProgress } from '../../../../shared/api';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';

const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'dist/electron/cli.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'ds-profile-instead-'));
const demo = spawnSync(process.execPath, [cli, 'demo', '--out', work], { encoding: 'utf8' });
const reference = path.join(work, 'reference.csv');
const current = path.join(work, 'current.csv');
const engine = new EngineClient({ bundleDir: path.join(root, 'dist/electron') });
afterAll(() => engine.close());

const verdicts = (result: AnalysisResult) =>
  result.columns.map((c) => ({ name: c.name, test: c.test, score: c.score, drifted: c.driftDetected }));

describe('engine worker: a file beyond the memory budget', () => {
  it('is profiled instead of loaded, and analysed as analyze --memory-budget 1 does', async () => {
    expect(demo.status, demo.stderr).toBe(0);
    const progress: LoadProgress[] = [];
    const off = engine.onProgress((p) => progress.push(p));
    const ref = await engine.load('reference', reference, { memoryBudget: 1 });
    const cur = await engine.load('current', current, { memoryBudget: 1, displayPath: 'prod/current.csv' });
    off();
    // Progress as a load's: bytes and the rows read (the last event: the whole file).
    const size = statSync(current).size;
    expect(progress.filter((p) => p.role === 'current').at(-1)).toEqual({
      role: 'current',
      bytesRead: size,
      bytesTotal: size,
      rows: cur.rows,
    });
    expect(ref.format).toBe('profile');
    expect(cur.format).toBe('profile');
    expect(cur.warnings).toHaveLength(1);
    expect(cur.warnings[0]).toMatch(
      /^current\.csv was profiled in one pass instead of being loaded: loading it whole would need about .+ of memory, more than the memory budget of 1 B\./,
    );
    const result = await engine.analyze(DEFAULT_SETTINGS);

    // Oracle: the CLI's own streamed-profile analysis of the same pair (profile-command.ts).
    const out = path.join(work, 'cli.json');
    const run = spawnSync(
      process.execPath,
      [cli, 'analyze', '--reference', reference, '--current', current, '--memory-budget', '1', '--json', out],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toMatch(/Analysed from streamed profiles/);
    const expected = JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
    expect(verdicts(result)).toEqual(verdicts(expected));
    expect(result.columns.some((c) => c.approximation)).toBe(true);
    await expect(engine.rows(result.columns[0].name, { kind: 'rows', rows: [0] }, 10)).rejects.toThrow(
      /needs the rows/,
    );
  });

  it('is loaded whole within the budget, and always without one', async () => {
    const within = await engine.load('reference', reference, { memoryBudget: 1e12 });
    expect(within.format).toBeUndefined();
    expect(within.warnings).toEqual([]);
    expect((await engine.load('current', current)).format).toBeUndefined();
  });

  it("counts the other loaded file: the budget is the pair's, as --memory-budget is", async () => {
    // The engine's own estimate of each file loaded whole (the oracle of the budget's arithmetic).
    const needRef = csvAnalysisMemory(reference);
    const needCur = csvAnalysisMemory(current);
    const budget = Math.max(needRef, needCur) * 1.5;
    expect(needRef + needCur).toBeGreaterThan(budget);
    expect((await engine.load('reference', reference, { memoryBudget: budget })).format).toBeUndefined();
    const cur = await engine.load('current', current, { memoryBudget: budget });
    expect(cur.format).toBe('profile');
    expect(cur.warnings[0]).toMatch(
      /^current\.csv was profiled in one pass instead of being loaded: loading it whole beside the other file would need about /,
    );
    // Once the reference is replaced by a profile of itself, the current fits alone.
    expect((await engine.load('reference', reference, { memoryBudget: 1 })).format).toBe('profile');
    expect((await engine.load('current', current, { memoryBudget: budget })).format).toBeUndefined();
  });

  it('profiles a Parquet file the same way', async () => {
    const parquet = path.join(root, 'test/fixtures/parquet/loan.reference.parquet');
    const summary = await engine.load('reference', parquet, { memoryBudget: 1 });
    expect(summary.format).toBe('profile');
    expect(summary.warnings[0]).toMatch(/loan\.reference\.parquet was profiled in one pass/);
  });

  it('is cancelled like a load', async () => {
    const big = path.join(work, 'big.csv');
    const lines = ['a,b,c'];
    for (let i = 0; i < 300_000; i++) lines.push(`${i % 977},${(i * 7919) % 10007},x${i % 13}`);
    writeFileSync(big, `${lines.join('\n')}\n`);
    const loading = engine.load('current', big, { memoryBudget: 1 });
    await engine.cancel('current');
    await expect(loading).rejects.toBeInstanceOf(CancelledError);
    expect((await engine.load('current', current, { memoryBudget: 1 })).format).toBe('profile');
  });
});
