// TEMPORARY: a fake of electron/main/handlers.ts used only until the real engine builds. Delete it then.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { DatasetRole, LoadOutcome, LoadProgress } from '../../shared/api';
import type { AnalysisResult, ColumnSummary } from '../../shared/report/analysis-result';

interface Deps {
  chooseFile(role: DatasetRole): Promise<string | null>;
  sendProgress(progress: LoadProgress): void;
}

const summary = (over: Partial<ColumnSummary>): ColumnSummary => ({
  count: 400,
  missing: 0,
  invalid: 0,
  mean: null,
  std: null,
  min: null,
  q25: null,
  median: null,
  q75: null,
  max: null,
  unique: 3,
  top: null,
  ...over,
});

export function fakeResult(refName: string, curName: string): AnalysisResult {
  return {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    driftscopeVersion: '0.1.0',
    reference: { file: refName, rows: 400, columns: 7, bytes: 15284, delimiter: ',' },
    current: { file: curName, rows: 300, columns: 7, bytes: 10527, delimiter: ',' },
    dataset: {
      driftDetected: true,
      driftShare: 0.5,
      driftedColumns: 2,
      testedColumns: 4,
      shareThreshold: 0.5,
    },
    columns: [
      {
        name: 'age',
        type: 'numerical',
        test: 'ks',
        testKind: 'p_value',
        threshold: 0.05,
        score: 1.2e-12,
        pValue: 1.2e-12,
        statistic: 0.41,
        driftDetected: true,
        reference: summary({ mean: 38, std: 9, min: 12, q25: 32, median: 38, q75: 44, max: 66, unique: 45 }),
        current: summary({
          count: 300,
          mean: 46,
          std: 9,
          min: 20,
          q25: 40,
          median: 46,
          q75: 52,
          max: 75,
          unique: 44,
        }),
        note: null,
        distribution: {
          kind: 'histogram',
          edges: [10, 20, 30, 40, 50, 60, 70, 80],
          reference: [0.02, 0.18, 0.38, 0.3, 0.1, 0.02, 0],
          current: [0, 0.04, 0.18, 0.38, 0.28, 0.1, 0.02],
        },
      },
      {
        name: 'plan',
        type: 'categorical',
        test: 'chisquare',
        testKind: 'p_value',
        threshold: 0.05,
        score: 0.0001,
        pValue: 0.0001,
        statistic: 90.1,
        driftDetected: true,
        reference: summary({
          top: [
            { value: 'basic', count: 240 },
            { value: 'plus', count: 120 },
            { value: 'pro', count: 40 },
          ],
        }),
        current: summary({
          count: 300,
          top: [
            { value: 'plus', count: 120 },
            { value: 'pro', count: 120 },
            { value: 'basic', count: 60 },
          ],
        }),
        note: null,
        distribution: {
          kind: 'categories',
          labels: ['basic', 'plus', 'pro'],
          reference: [0.6, 0.3, 0.1],
          current: [0.2, 0.4, 0.4],
          otherLabel: null,
        },
      },
      {
        name: 'income',
        type: 'numerical',
        test: 'ks',
        testKind: 'p_value',
        threshold: 0.05,
        score: 0.61,
        pValue: 0.61,
        statistic: 0.05,
        driftDetected: false,
        reference: summary({
          mean: 52000,
          std: 14000,
          min: 10000,
          q25: 42000,
          median: 52000,
          q75: 61000,
          max: 95000,
          unique: 400,
        }),
        current: summary({
          count: 270,
          missing: 30,
          mean: 52500,
          std: 14000,
          min: 12000,
          q25: 43000,
          median: 52500,
          q75: 62000,
          max: 96000,
          unique: 270,
        }),
        note: null,
        distribution: {
          kind: 'histogram',
          edges: [0, 20000, 40000, 60000, 80000, 100000],
          reference: [0.02, 0.2, 0.5, 0.25, 0.03],
          current: [0.02, 0.19, 0.5, 0.26, 0.03],
        },
      },
      {
        name: 'customer_id',
        type: 'id',
        test: null,
        testKind: null,
        threshold: null,
        score: null,
        pValue: null,
        statistic: null,
        driftDetected: false,
        reference: summary({ unique: 400 }),
        current: summary({ count: 300, unique: 300 }),
        note: 'ID column: not tested',
        distribution: null,
      },
    ],
    onlyInReference: ['legacy_score'],
    onlyInCurrent: ['channel'],
    settings: { test: null, threshold: null, shareThreshold: 0.5 },
  };
}

export function createFakeHandlers(deps: Deps) {
  const names: Record<DatasetRole, string> = { reference: 'reference.csv', current: 'current.csv' };
  const load = async (role: DatasetRole, file: string): Promise<LoadOutcome> => {
    const bytes = statSync(file).size;
    deps.sendProgress({ role, bytesRead: bytes, bytesTotal: bytes, rows: 10 });
    if (bytes === 0) {
      return {
        ok: false,
        cancelled: false,
        error: { message: 'The file is empty.', file: path.basename(file), line: 1, column: null },
      };
    }
    names[role] = path.basename(file);
    return {
      ok: true,
      dataset: { role, fileName: names[role], rows: 400, columns: ['a'], bytes, delimiter: ',' },
    };
  };
  const ok = (role: DatasetRole): LoadOutcome => ({
    ok: true,
    dataset: { role, fileName: `${role}.csv`, rows: 400, columns: ['a'], bytes: 1000, delimiter: ',' },
  });
  return {
    'dataset:pick': async (role: unknown) => {
      const chosen = await deps.chooseFile(role as DatasetRole);
      return chosen === null ? null : load(role as DatasetRole, chosen);
    },
    'dataset:open-dropped': async (role: unknown, p: unknown) => load(role as DatasetRole, p as string),
    'dataset:demo': async () => ({ reference: ok('reference'), current: ok('current') }),
    'dataset:cancel': async () => undefined,
    'analysis:run': async () => fakeResult(names.reference, names.current),
  } as Record<string, (...args: unknown[]) => Promise<unknown>>;
}
