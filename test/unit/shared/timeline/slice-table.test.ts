/**
 * withSortedColumns (shared/timeline/slice-table.ts): each number column gains its sorted finite values,
 * bit for bit sortedFinite's, and a second call on the same loaded column (a re-chunking of the same files)
 * hands back the same sorted array instead of sorting again.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnarTable } from '../../../../shared/table/columnar';
import { sortedFinite } from '../../../../shared/table/infer-type';
import { withSortedColumns } from '../../../../shared/timeline/slice-table';

const bits = (v: Float64Array) => [...new Uint32Array(v.buffer, v.byteOffset, 2 * v.length)];

function table(values: Float64Array): ColumnarTable {
  return {
    fileName: 'reference.csv',
    rowCount: values.length,
    columns: [{ name: 'x', storage: 'number', values, invalidCount: 0, firstInvalid: null }],
    delimiter: ',',
    byteLength: 0,
    warnings: [],
  };
}

const sortedOf = (t: ColumnarTable) => {
  const c = t.columns[0];
  if (c.storage !== 'number' || !c.sorted) throw new Error('no sorted values');
  return c.sorted;
};

describe('withSortedColumns', () => {
  // Values with a NaN, ties, −0 and +0: the sorted copy leaves NaN out and keeps the native sort's order.
  const values = Float64Array.from([3, Number.NaN, -0, 1.5, 0, -2, 1.5, 3]);

  it('adds the sorted finite values, bit for bit those of sortedFinite', () => {
    expect(bits(sortedOf(withSortedColumns(table(values))))).toEqual(bits(sortedFinite(values)));
  });

  it('sorts a loaded column once: a second table over the same array gets the same sorted array', () => {
    const first = sortedOf(withSortedColumns(table(values)));
    expect(sortedOf(withSortedColumns(table(values)))).toBe(first);
    // A different array with the same contents is sorted on its own (the memo is per array object).
    expect(sortedOf(withSortedColumns(table(values.slice())))).not.toBe(first);
  });
});
