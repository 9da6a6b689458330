/**
 * The analysis chunks of one table, cut without sorting a float, and with the numbers of the galloping path
 * against the reference computed for all chunks of a column in one walk:
 * - each number column's rows are ranked once (position among the sorted finite values, by a stable radix
 *   argsort, remembered per values array, so a re-chunking sorts no column again);
 * - a walk over the column's sorted values, each sent to its chunk, writes the chunks' sorted arrays (the
 *   same multiset in the same order as sortedFinite of the chunk, so the same bits), a group of chunks at a
 *   time so that about GROUP_ROWS values per column wait for their chunk's turn;
 * - for a chunk short against the reference column (shortAgainstLong), countDistinctUnion and
 *   wasserstein1Short come together from one such walk, the reference walked once alongside (p = #{reference
 *   ≤ x}) instead of one galloping search per chunk value, each chunk fed to its own accumulator with the
 *   arithmetic of the function alone, in the same order (knownShort).
 * Chunks must be disjoint (row, count and period chunks are).
 */
import { ShortW1 } from '../drift/methods/wasserstein';
import { rememberShort } from '../stats/known-short';
import { memoByArray } from '../stats/memo-by-array';
import { sortOrder } from '../stats/sort-order';
import { countDistinctSorted, shortAgainstLong } from '../stats/sorted';
import type { ColumnarTable, NumberColumn } from '../table/columnar';
import { sliceTable } from './slice-table';

/** Values per column written ahead of their chunk's turn, at most (one chunk more when it is larger). */
const GROUP_ROWS = 1 << 18;

/** rank[i]: position of values[i] among the non-NaN values sorted (−1 for NaN), remembered per array. */
const rowRanks = memoByArray((values) => {
  const order = sortOrder(values);
  const rank = new Int32Array(values.length).fill(-1);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  return rank;
});

/** One number column seen by chunk: chunkOf[k] = 1 + the chunk of the k-th sorted value (0: none). */
interface ColumnChunks {
  sorted: Float64Array;
  chunkOf: Uint8Array | Uint16Array | Int32Array;
  /** Finite values per chunk. */
  counts: Int32Array;
  /** Chunks' sorted arrays written by a group walk and not handed out yet. */
  pending: Map<number, Float64Array>;
  /** countDistinctUnion and wasserstein1Short of every chunk against the reference (shortWalk). */
  short?: { distinctUnion: Int32Array; wasserstein1: Float64Array };
}

export class SortedChunks {
  private readonly columns = new Map<number, ColumnChunks>();
  /** group[i]: the first and last chunk of chunk i's group. */
  private readonly group: [number, number][] = [];

  /**
   * @param chunks each chunk's rows (ascending, disjoint).
   * @param reference the table the chunks are compared with; its number columns carry `sorted`.
   * @param groupRows values per column written ahead of their chunk's turn, at most.
   */
  constructor(
    private readonly table: ColumnarTable,
    private readonly chunks: Int32Array[],
    private readonly reference: ColumnarTable,
    groupRows = GROUP_ROWS,
  ) {
    for (let first = 0; first < chunks.length; ) {
      let last = first;
      let rows = chunks[first].length;
      while (last + 1 < chunks.length && rows + chunks[last + 1].length <= groupRows)
        rows += chunks[++last].length;
      for (let i = first; i <= last; i++) this.group.push([first, last]);
      first = last + 1;
    }
  }

  /** Chunk `index` as a table (sliceTable) whose number columns carry `sorted`. */
  chunk(index: number, fileName: string): ColumnarTable {
    const chunk = sliceTable(this.table, this.chunks[index], fileName);
    chunk.columns = chunk.columns.map((c, ci) => {
      if (c.storage !== 'number') return c;
      const column = this.column(ci);
      if (!column.pending.has(index)) this.writeGroup(column, index);
      const sorted = column.pending.get(index) as Float64Array;
      column.pending.delete(index);
      const ref = this.reference.columns.find((r) => r.name === c.name);
      const long = ref?.storage === 'number' ? ref.sorted : undefined;
      if (long !== undefined && sorted.length > 0 && shortAgainstLong(long, sorted)) {
        rememberShort(long, sorted, {
          distinctUnion: () => this.shortWalk(column, long).distinctUnion[index],
          wasserstein1: () => this.shortWalk(column, long).wasserstein1[index],
        });
      }
      return { ...c, sorted };
    });
    return chunk;
  }

  private column(ci: number): ColumnChunks {
    const known = this.columns.get(ci);
    if (known) return known;
    const parent = this.table.columns[ci] as NumberColumn;
    const rank = rowRanks(parent.values);
    let m = 0;
    for (let i = 0; i < rank.length; i++) if (rank[i] >= 0) m++;
    let sorted = parent.sorted;
    if (sorted === undefined) {
      sorted = new Float64Array(m);
      for (let i = 0; i < rank.length; i++) if (rank[i] >= 0) sorted[rank[i]] = parent.values[i];
    }
    const n = this.chunks.length;
    const chunkOf = n < 255 ? new Uint8Array(m) : n < 65535 ? new Uint16Array(m) : new Int32Array(m);
    const counts = new Int32Array(n);
    this.chunks.forEach((rows, c) => {
      for (let j = 0; j < rows.length; j++) {
        const r = rank[rows[j]];
        if (r >= 0) {
          chunkOf[r] = c + 1;
          counts[c]++;
        }
      }
    });
    const column: ColumnChunks = { sorted, chunkOf, counts, pending: new Map() };
    this.columns.set(ci, column);
    return column;
  }

  /**
   * Writes the sorted arrays of the chunks of `index`'s group: the column's sorted values, each to its
   * chunk, without a branch per value: the group's chunks are consecutive parts of one buffer, and a value
   * of a chunk outside the group (or of none) is written to a last slot that is overwritten.
   */
  private writeGroup(column: ColumnChunks, index: number): void {
    const [first, last] = this.group[index];
    const { sorted, chunkOf, counts } = column;
    let size = 0;
    for (let c = first; c <= last; c++) size += counts[c];
    // at[1 + c]: where the next value of chunk c goes; step[1 + c]: 1 in the group, 0 outside.
    const at = new Int32Array(this.chunks.length + 1).fill(size);
    const step = new Int32Array(this.chunks.length + 1);
    const starts: number[] = [];
    for (let c = first, start = 0; c <= last; start += counts[c], c++) {
      at[c + 1] = start;
      step[c + 1] = 1;
      starts.push(start);
    }
    const buffer = new Float64Array(size + 1);
    for (let k = 0; k < sorted.length; k++) {
      const c = chunkOf[k];
      const to = at[c];
      buffer[to] = sorted[k];
      at[c] = to + step[c];
    }
    for (let c = first; c <= last; c++) {
      const start = starts[c - first];
      column.pending.set(c, buffer.subarray(start, start + counts[c]));
    }
  }

  /**
   * countDistinctUnion(long, chunk) (distinct(long) + the chunk's distinct values not in long) and
   * wasserstein1Short(long, chunk) (ShortW1 fed the chunk's distinct values in order) of every chunk, in one
   * walk over the column's sorted values with the reference alongside.
   */
  private shortWalk(column: ColumnChunks, long: Float64Array): NonNullable<ColumnChunks['short']> {
    if (column.short) return column.short;
    const { sorted, chunkOf, counts } = column;
    const n1 = long.length;
    const distinctUnion = new Int32Array(this.chunks.length).fill(countDistinctSorted(long));
    const w: (ShortW1 | null)[] = this.chunks.map(() => null);
    const seen = new Int32Array(this.chunks.length);
    let p = 0; // #{long ≤ x}
    for (let k = 0; k < sorted.length; k++) {
      const c = chunkOf[k] - 1;
      if (c < 0) continue;
      const x = sorted[k];
      while (p < n1 && long[p] <= x) p++;
      const wc = w[c];
      if (wc === null) w[c] = new ShortW1(long, counts[c], x, p);
      else if (x !== wc.a) wc.piece(seen[c], x, p);
      else {
        seen[c]++;
        continue;
      }
      seen[c]++;
      if (!(p > 0 && long[p - 1] === x)) distinctUnion[c]++;
    }
    const wasserstein1 = Float64Array.from(w, (wc) => (wc === null ? Number.NaN : wc.finish()));
    column.short = { distinctUnion, wasserstein1 };
    return column.short;
  }
}
