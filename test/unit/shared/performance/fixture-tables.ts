/**
 * Builds ColumnarTable objects from CSV text with the project's ColumnBuilder, and loads the
 * scikit-learn fixtures of test/fixtures/performance (see test/fixtures/gen_performance_fixtures.py).
 * The fixtures and the demo never quote fields, so splitting on ',' is enough.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ColumnBuilder } from '../../../../shared/table/column-builder';
import type { ColumnarTable } from '../../../../shared/table/columnar';

const DIR = fileURLToPath(new URL('../../../fixtures/performance/', import.meta.url));

export function tableFromCsv(text: string, fileName: string): ColumnarTable {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const builders = header.map((h) => new ColumnBuilder(h));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    for (let c = 0; c < builders.length; c++) builders[c].push(cells[c] ?? '', r + 1);
  }
  return {
    fileName,
    rowCount: lines.length - 1,
    columns: builders.map((b) => b.finish()),
    delimiter: ',',
    byteLength: text.length,
    warnings: [],
  };
}

export function loadTable(name: string): ColumnarTable {
  return tableFromCsv(readFileSync(join(DIR, name), 'utf8'), name);
}

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
}

/** Largest |actual − expected| / max(1, |expected|) seen by `expectClose`, per test file. */
export const maxError = { value: 0 };

/** |actual − expected| ≤ 1e-9 · max(1, |expected|); null only matches null. */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null,
  what: string,
  tol = 1e-9,
): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(actual, what).not.toBeUndefined();
  const err = Math.abs((actual as number) - expected) / Math.max(1, Math.abs(expected));
  maxError.value = Math.max(maxError.value, err);
  expect(err, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}
