/**
 * Real analyses for the renderer's unit tests: the end-to-end shop files (test/e2e/fixtures, 400 reference
 * and 300 current rows) parsed by the engine's CSV loader and analysed by shared/drift, and a fake
 * `window.driftscope` that answers from them as the app's main process would.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from '../../../electron/engine/dataset-summary';
import { loadCsv } from '../../../electron/engine/load-csv';
import type { DatasetRole, DriftscopeApi, LoadOutcome } from '../../../shared/api';
import { analyzeTables } from '../../../shared/drift/analyze';
import { type AnalysisSettings, parseSettings } from '../../../shared/drift/settings';
import type { AnalysisResult } from '../../../shared/report/analysis-result';
import type { ColumnarTable } from '../../../shared/table/columnar';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../e2e/fixtures');
export const SHOP = {
  reference: path.join(fixtures, 'shop-reference.csv'),
  current: path.join(fixtures, 'shop-current.csv'),
};
const ctx = { version: '0.1.0-test', now: new Date('2026-01-02T03:04:05Z') };

const tables = new Map<DatasetRole, Promise<ColumnarTable>>();
export function shopTable(role: DatasetRole): Promise<ColumnarTable> {
  let table = tables.get(role);
  if (!table) {
    table = loadCsv(SHOP[role]);
    tables.set(role, table);
  }
  return table;
}

/** The shop files analysed with `settings` (a --config object; {} for the defaults). */
export async function shopResult(settings: unknown = {}): Promise<AnalysisResult> {
  return analyzeTables(
    await shopTable('reference'),
    await shopTable('current'),
    parseSettings(settings),
    ctx,
  );
}

/** The part of `window.driftscope` the tests call, answering from the shop files. */
export type FakeDriftscope = Pick<DriftscopeApi, 'pickDataset' | 'loadDemo' | 'runAnalysis'>;

export function fakeDriftscope(): FakeDriftscope {
  const outcome = async (role: DatasetRole): Promise<LoadOutcome> => ({
    ok: true,
    dataset: summarize(role, await shopTable(role)),
  });
  return {
    pickDataset: (role) => outcome(role),
    loadDemo: async () => ({ reference: await outcome('reference'), current: await outcome('current') }),
    runAnalysis: (settings: AnalysisSettings) => shopResult(settings),
  };
}

/** Installs `api` as `window.driftscope` (node has no window) and returns the undo. */
export function installDriftscope(api: FakeDriftscope | undefined): () => void {
  const g = globalThis as { window?: unknown };
  const before = g.window;
  g.window = { driftscope: api };
  return () => {
    g.window = before;
  };
}
