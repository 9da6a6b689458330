// @vitest-environment node
// The per-column tests on two threads (electron/engine/column-tests-in-worker.ts): the share given to the
// worker, and the whole analysis through the real CLI (dist/electron, its column-test worker included) equal,
// column for column and to the last bit, to analyzeTables on one thread in this process. Oracle: the
// one-thread analysis, which the rest of the suite checks against SciPy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shareColumns } from '../../../../electron/engine/column-tests-in-worker';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { sharedFloat64 } from '../../../../electron/engine/shared-storage';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import type { ColumnarTable } from '../../../../shared/table/columnar';
import { sortedFinite } from '../../../../shared/table/infer-type';

const root = path.resolve(__dirname, '../../../..');
const work = mkdtempSync(path.join(tmpdir(), 'ds-two-threads-'));
const ROWS = 240_000;

/** A seeded CSV: 8 numerical columns (the odd ones shifted in current), a categorical one, missing cells. */
function writePair(): { reference: string; current: string } {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const write = (file: string, shift: number) => {
    const lines = [`${Array.from({ length: 8 }, (_, k) => `x${k}`).join(',')},segment`];
    for (let i = 0; i < ROWS; i++) {
      const cells = Array.from({ length: 8 }, (_, k) =>
        i % 997 === k ? '' : (random() * 10 + (k % 2) * shift).toFixed(k + 1),
      );
      cells.push(['a', 'b', 'c'][Math.floor(random() * (shift > 0 ? 3 : 2))]);
      lines.push(cells.join(','));
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
  };
  const reference = path.join(work, 'reference.csv');
  const current = path.join(work, 'current.csv');
  write(reference, 0);
  write(current, 0.3);
  return { reference, current };
}

/** The table as a parse worker hands it over: numbers and sorted numbers in shared memory. */
async function loadShared(file: string): Promise<ColumnarTable> {
  const table = await loadCsv(file, { numberStorage: sharedFloat64 });
  for (const c of table.columns)
    if (c.storage === 'number') c.sorted = sortedFinite(c.values, undefined, sharedFloat64);
  return table;
}

const pair = writePair();

describe('per-column tests on two threads', () => {
  it('gives the worker a share of the shared numerical columns, and none of ordinary memory', async () => {
    const reference = await loadShared(pair.reference);
    const current = await loadShared(pair.current);
    const share = shareColumns(reference, current, DEFAULT_SETTINGS);
    expect(share.worker.length).toBeGreaterThan(0);
    expect(share.here).toContain('segment');
    expect([...share.worker, ...share.here].sort()).toEqual([...reference.columns.map((c) => c.name)].sort());
    const plain = shareColumns(await loadCsv(pair.reference), await loadCsv(pair.current), DEFAULT_SETTINGS);
    expect(plain.worker).toEqual([]);
    const small = shareColumns(
      { ...reference, columns: reference.columns.slice(0, 1) },
      { ...current, columns: current.columns.slice(0, 1) },
      DEFAULT_SETTINGS,
    );
    expect(small.worker).toEqual([]);
  });

  it('reports, through the CLI, the one-thread analysis to the last bit', async () => {
    const out = path.join(work, 'report.json');
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, 'dist/electron/cli.cjs'),
        'analyze',
        '--reference',
        pair.reference,
        '--current',
        pair.current,
        '--json',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const twoThreads = JSON.parse(readFileSync(out, 'utf8')) as AnalysisResult;
    const reference = await loadCsv(pair.reference);
    const current = await loadCsv(pair.current);
    const oneThread = analyzeTables(reference, current, DEFAULT_SETTINGS, {
      version: 'test',
      now: new Date(),
    });
    expect(JSON.parse(JSON.stringify(oneThread.columns))).toEqual(twoThreads.columns);
    expect(twoThreads.dataset).toEqual(oneThread.dataset);
    expect(twoThreads.dataset.driftedColumns).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
