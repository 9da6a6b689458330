/**
 * The drift table's row model on a real analysis of the e2e shop files (defaults: KS on numbers,
 * chi-square on categories, z on the binary churned). Oracles: each filter's definition applied to the
 * analysis result directly, and for the sort an independent Array.prototype.sort with the table's rule
 * (columns without a value last in either direction; ties keep the files' order).
 */
import { createTable, getCoreRowModel, getSortedRowModel } from '@tanstack/react-table';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  filterRows,
  NO_FILTERS,
  type Row,
  SORT_COLUMNS,
  sortRows,
  toRows,
} from '../../../../../renderer/src/features/overview/drift-table-rows';
import type { AnalysisResult } from '../../../../../shared/report/analysis-result';
import { shopResult } from '../../fixture';

let result: AnalysisResult;
let rows: Row[];
beforeAll(async () => {
  result = await shopResult({});
  rows = toRows(result);
});

const names = (list: Row[]) => list.map((r) => r.name);

/** Stable sort by a numeric key, rows without one last either way. */
function bySortKey(list: Row[], key: (r: Row) => number | undefined, desc: boolean): string[] {
  const withValue = list.filter((r) => key(r) !== undefined);
  const without = list.filter((r) => key(r) === undefined);
  withValue.sort((a, b) => ((key(a) as number) - (key(b) as number)) * (desc ? -1 : 1));
  return names([...withValue, ...without]);
}

describe('toRows', () => {
  it('has one row per analysed column, in the files’ order', () => {
    expect(names(rows)).toEqual(result.columns.map((c) => c.name));
    expect(rows).toHaveLength(8);
  });

  it('ranks the verdict drifted 1, not drifted 0, untested -1', () => {
    for (const row of rows) {
      const c = row.column;
      expect(row.drift, row.name).toBe(c.test === null ? -1 : c.driftDetected ? 1 : 0);
    }
  });

  it('has no score, p-value or effect (undefined, not null) for an untested column', () => {
    const id = rows.find((r) => r.name === 'customer_id') as Row;
    expect(id).toMatchObject({ score: undefined, pValue: undefined, effect: undefined, drift: -1 });
  });

  it('takes the missing shares from the row counts: shop-current.csv has 26 of 300 incomes blank', () => {
    const income = rows.find((r) => r.name === 'income') as Row;
    // 26 / 300 (blank cells counted in shop-current.csv), 0 / 400 in the reference
    expect(income.missingCurrent).toBeCloseTo(26 / 300, 12);
    expect(income.missingReference).toBe(0);
    // legacy_score is blank in all 300 current rows
    expect((rows.find((r) => r.name === 'legacy_score') as Row).missingCurrent).toBe(1);
  });
});

describe('filterRows', () => {
  it('lets everything through with no filters', () => {
    expect(filterRows(rows, NO_FILTERS)).toEqual(rows);
  });

  it('searches names case-insensitively', () => {
    expect(names(filterRows(rows, { ...NO_FILTERS, search: 'CUST' }))).toEqual(['customer_id']);
    expect(names(filterRows(rows, { ...NO_FILTERS, search: 'e' }))).toEqual(
      result.columns.map((c) => c.name).filter((n) => n.includes('e')),
    );
  });

  it('filters by type', () => {
    expect(names(filterRows(rows, { ...NO_FILTERS, type: 'numerical' }))).toEqual(
      result.columns.filter((c) => c.type === 'numerical').map((c) => c.name),
    );
  });

  it('filters by verdict: drift, no drift, not tested and missing share changed partition as the result says', () => {
    const verdict = (v: 'drift' | 'no-drift' | 'untested' | 'missing-drift') =>
      names(filterRows(rows, { ...NO_FILTERS, verdict: v }));
    const drifted = result.columns.filter((c) => c.test !== null && c.driftDetected).map((c) => c.name);
    expect(verdict('drift')).toEqual(drifted);
    expect(verdict('drift')).toHaveLength(result.dataset.driftedColumns);
    expect(verdict('drift').length + verdict('no-drift').length).toBe(result.dataset.testedColumns);
    expect(verdict('untested')).toEqual(result.columns.filter((c) => c.test === null).map((c) => c.name));
    expect(verdict('missing-drift')).toEqual(
      result.columns.filter((c) => c.missingDrift?.driftDetected).map((c) => c.name),
    );
    expect(verdict('missing-drift')).toHaveLength(result.dataset.missingDriftColumns);
  });

  it('combines the filters', () => {
    expect(names(filterRows(rows, { search: 'a', type: 'categorical', verdict: 'drift' }))).toEqual(
      result.columns
        .filter((c) => c.name.includes('a') && c.type === 'categorical' && c.test !== null && c.driftDetected)
        .map((c) => c.name),
    );
  });
});

describe('sortRows', () => {
  it('keeps the files’ order unsorted', () => {
    expect(names(sortRows(rows, []))).toEqual(names(rows));
  });

  it('sorts scores and p-values with untested columns last, ascending and descending', () => {
    for (const desc of [false, true]) {
      expect(names(sortRows(rows, [{ id: 'score', desc }]))).toEqual(bySortKey(rows, (r) => r.score, desc));
      expect(names(sortRows(rows, [{ id: 'pValue', desc }]))).toEqual(bySortKey(rows, (r) => r.pValue, desc));
      expect(names(sortRows(rows, [{ id: 'effect', desc }]))).toEqual(bySortKey(rows, (r) => r.effect, desc));
    }
  });

  it('puts drifted columns first when the verdict sorts descending, untested last', () => {
    const sorted = sortRows(rows, [{ id: 'drift', desc: true }]).map((r) => r.drift);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    expect(sorted[0]).toBe(1);
    expect(sorted.at(-1)).toBe(-1);
  });

  it('sorts the verdict descending on its first click, and numbers too (table-core: numbers start descending)', () => {
    const table = createTable<Row>({
      data: rows,
      columns: SORT_COLUMNS,
      state: { sorting: [], columnPinning: {}, columnVisibility: {} },
      onStateChange: () => {},
      renderFallbackValue: null,
      getCoreRowModel: getCoreRowModel(),
      getSortedRowModel: getSortedRowModel(),
    });
    const first = (id: string) => table.getColumn(id)?.getFirstSortDir();
    expect(first('drift')).toBe('desc');
    expect(first('name')).toBe('asc');
    expect(first('score')).toBe('desc');
    expect(table.getColumn('shape')?.getCanSort()).toBe(false);
  });

  it('sorts names as text', () => {
    expect(names(sortRows(rows, [{ id: 'name', desc: false }]))).toEqual(
      names(rows).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
});
