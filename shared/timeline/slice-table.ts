/**
 * A table of some rows of another (a chunk), and a table whose number columns carry their sorted values
 * (so the reference is sorted once for all chunks; numericSide reuses `column.sorted`, bit for bit what it
 * would compute). Text columns share the parent's dictionary: only codes present in the rows count.
 */
import { memoByArray } from '../stats/memo-by-array';
import { orderByIntegerKeys, sortOrder } from '../stats/sort-order';
import { rememberUpperBounds, shortAgainstLong, upperBounds } from '../stats/sorted';
import type { Column, ColumnarTable, NumberColumn } from '../table/columnar';
import { sortedFinite } from '../table/infer-type';

/**
 * The rows `rows` (ascending indices) of `table`, in that order. Invalid number cells are NaN in the
 * parent without their row, so in a chunk they count as missing (timeline notes say so).
 */
export function sliceTable(table: ColumnarTable, rows: Int32Array, fileName: string): ColumnarTable {
  const columns: Column[] = table.columns.map((c) => {
    if (c.storage === 'number') {
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = c.values[rows[i]];
      return { name: c.name, storage: 'number', values, invalidCount: 0, firstInvalid: null };
    }
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) codes[i] = c.codes[rows[i]];
    return { name: c.name, storage: 'string', codes, dictionary: c.dictionary };
  });
  return {
    fileName,
    rowCount: rows.length,
    columns,
    delimiter: table.delimiter,
    byteLength: 0,
    warnings: [],
  };
}

/** Every row of `table` except `rows` (ascending), with number columns' sorted values derived from the
 * parent's (`sortedWithout`), so leave-one-out never sorts the reference again. */
export function sliceComplement(
  table: ColumnarTable,
  rows: Int32Array,
  chunk: ColumnarTable,
  fileName: string,
): ColumnarTable {
  const keep = new Int32Array(table.rowCount - rows.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (j < rows.length && rows[j] === i) j++;
    else keep[k++] = i;
  }
  const rest = sliceTable(table, keep, fileName);
  rest.columns = rest.columns.map((c, i) => {
    const parent = table.columns[i];
    const part = chunk.columns[i];
    if (c.storage !== 'number' || parent.storage !== 'number' || part.storage !== 'number') return c;
    const all = parent.sorted ?? sortedFinite(parent.values);
    const out = part.sorted ?? sortedFinite(part.values);
    return { ...c, sorted: sortedWithout(all, out) };
  });
  return rest;
}

/**
 * The multiset difference of two arrays sorted by Float64Array.prototype.sort (−0 before +0): `all`
 * without one occurrence of each value of `out` (a sub-multiset of `all`), still sorted.
 */
export function sortedWithout(all: Float64Array, out: Float64Array): Float64Array {
  const result = new Float64Array(all.length - out.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < all.length; i++) {
    if (j < out.length && Object.is(all[i], out[j])) j++;
    else result[k++] = all[i];
  }
  return result;
}

/** A copy of `table` whose number columns carry `sorted` (computed once here when absent). */
export function withSortedColumns(table: ColumnarTable): ColumnarTable {
  return {
    ...table,
    columns: table.columns.map((c) =>
      c.storage === 'number' && c.sorted === undefined ? { ...c, sorted: sortedFinite(c.values) } : c,
    ),
  };
}

interface ColumnOrder {
  /** rank[i]: position of values[i] among the column's non-NaN values sorted (−1 for NaN). */
  rank: Int32Array;
  /** For the last reference array asked: byRank[r] = #{reference values ≤ the value of rank r}. */
  bounds: { long: Float64Array; byRank: Int32Array } | null;
}

/** One stable radix argsort (sortOrder) per values array, remembered: a re-chunking sorts no column. */
const columnOrder = memoByArray((values): ColumnOrder => {
  const order = sortOrder(values);
  const rank = new Int32Array(values.length).fill(-1);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  return { rank, bounds: null };
});

/** upperBounds(long, sorted column) indexed by rank, remembered for the last `long`. */
function boundsByRank(column: NumberColumn, order: ColumnOrder, long: Float64Array): Int32Array {
  if (order.bounds?.long === long) return order.bounds.byRank;
  let sorted = column.sorted;
  if (sorted === undefined) {
    sorted = new Float64Array(column.values.length);
    let m = 0;
    for (let i = 0; i < order.rank.length; i++) {
      const r = order.rank[i];
      if (r >= 0) {
        sorted[r] = column.values[i];
        m++;
      }
    }
    sorted = sorted.subarray(0, m);
  }
  const byRank = upperBounds(long, sorted);
  order.bounds = { long, byRank };
  return byRank;
}

/**
 * `sliceTable` whose number columns carry `sorted`, without sorting a float: the rows' ranks in the whole
 * column (columnOrder) ordered as integers (orderByIntegerKeys), their values read in that order: the same
 * multiset in the same order as sortedFinite of the rows, so the same bits, in O(rows) per column after
 * the column's one sort. Against `reference` (its number column of that name, with `sorted`), a chunk short
 * enough for the galloping path (shortAgainstLong) also gets its upperBounds, read from the whole column's
 * by rank (boundsByRank).
 */
export function sliceSorted(
  table: ColumnarTable,
  rows: Int32Array,
  fileName: string,
  reference?: ColumnarTable,
): ColumnarTable {
  const chunk = sliceTable(table, rows, fileName);
  chunk.columns = chunk.columns.map((c, i) => {
    const parent = table.columns[i];
    if (c.storage !== 'number' || parent.storage !== 'number') return c;
    const order = columnOrder(parent.values);
    const { rank } = order;
    let m = 0;
    for (let j = 0; j < rows.length; j++) if (rank[rows[j]] >= 0) m++;
    const ranks = new Int32Array(m);
    const finite = new Int32Array(m);
    m = 0;
    for (let j = 0; j < rows.length; j++) {
      const r = rank[rows[j]];
      if (r < 0) continue;
      ranks[m] = r;
      finite[m++] = rows[j];
    }
    const byValue = orderByIntegerKeys(ranks, finite);
    const sorted = new Float64Array(m);
    for (let k = 0; k < m; k++) sorted[k] = parent.values[byValue[k]];
    const ref = reference?.columns.find((r) => r.name === c.name);
    const long = ref?.storage === 'number' ? ref.sorted : undefined;
    if (long !== undefined && shortAgainstLong(long, sorted)) {
      const byRank = boundsByRank(parent, order, long);
      const bounds = new Int32Array(m);
      for (let k = 0; k < m; k++) bounds[k] = byRank[rank[byValue[k]]];
      rememberUpperBounds(long, sorted, bounds);
    }
    return { ...c, sorted };
  });
  return chunk;
}
