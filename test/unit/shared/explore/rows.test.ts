import { describe, expect, it } from 'vitest';
import { rowsBehind } from '../../../../shared/explore/rows';
import type { ColumnarTable } from '../../../../shared/table/columnar';

const table: ColumnarTable = {
  fileName: 'cur.csv',
  rowCount: 5,
  delimiter: ',',
  byteLength: 0,
  warnings: [],
  columns: [
    {
      name: 'x',
      storage: 'number',
      values: Float64Array.of(0.1, 1, 2, Number.NaN, 2),
      invalidCount: 0,
      firstInvalid: null,
    },
    {
      name: 'plan',
      storage: 'string',
      codes: Int32Array.of(0, 1, -1, 0, 2),
      dictionary: ['basic', 'pro', '1.0'],
    },
  ],
};

describe('rowsBehind', () => {
  it('lists the named rows (0-based indices) in file order, whatever their order given', () => {
    const r = rowsBehind(table, 'plan', { kind: 'rows', rows: [4, 0, 9] }, 50);
    expect(r.rows).toEqual([
      { row: 1, cells: ['0.1', 'basic'] },
      { row: 5, cells: ['2', '1.0'] },
    ]);
    expect(r.matched).toBe(2);
  });
  it('lists rows in a half-open bin, cells as text, missing as empty', () => {
    const r = rowsBehind(table, 'x', { kind: 'range', lo: 1, hi: 2, lastClosed: false }, 50);
    expect(r.header).toEqual(['x', 'plan']);
    expect(r.rows).toEqual([{ row: 2, cells: ['1', 'pro'] }]);
    expect(r.matched).toBe(1);
  });
  it('closes the last bin and honours the limit while counting every match', () => {
    const r = rowsBehind(table, 'x', { kind: 'range', lo: 1, hi: 2, lastClosed: true }, 1);
    expect(r.rows).toEqual([{ row: 2, cells: ['1', 'pro'] }]);
    expect(r.matched).toBe(3);
    const missing = rowsBehind(table, 'x', { kind: 'range', lo: 0, hi: 0.5, lastClosed: false }, 10);
    expect(missing.rows).toEqual([{ row: 1, cells: ['0.1', 'basic'] }]);
  });
  it('matches categories by their canonical label', () => {
    expect(
      rowsBehind(table, 'plan', { kind: 'category', label: 'basic' }, 10).rows.map((r) => r.row),
    ).toEqual([1, 4]);
    expect(rowsBehind(table, 'plan', { kind: 'category', label: '1' }, 10).rows[0].cells).toEqual([
      '2',
      '1.0',
    ]);
    expect(rowsBehind(table, 'x', { kind: 'category', label: '2' }, 10).matched).toBe(2);
    const row4 = rowsBehind(table, 'plan', { kind: 'category', label: 'basic' }, 10).rows[1];
    expect(row4.cells).toEqual(['', 'basic']);
  });
  it('throws on an unknown column', () => {
    expect(() => rowsBehind(table, 'nope', { kind: 'category', label: 'a' }, 1)).toThrow(RangeError);
  });
});
