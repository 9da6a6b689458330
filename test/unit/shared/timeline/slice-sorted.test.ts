/**
 * sliceSorted (shared/timeline/slice-table.ts): a chunk's sorted values come from the whole column's ranks
 * and its upperBounds against the reference from the whole column's; both must be bit for bit what
 * sortedFinite and upperBounds compute on the chunk alone.
 */
import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import { shortAgainstLong, upperBounds } from '../../../../shared/stats/sorted';
import type { ColumnarTable, NumberColumn } from '../../../../shared/table/columnar';
import { sortedFinite } from '../../../../shared/table/infer-type';
import { sliceSorted, sliceTable } from '../../../../shared/timeline/slice-table';

const bits = (v: Float64Array) => [...new Uint32Array(v.buffer, v.byteOffset, 2 * v.length)];

function table(name: string, columns: Record<string, Float64Array>, sorted: boolean): ColumnarTable {
  return {
    fileName: name,
    rowCount: Object.values(columns)[0].length,
    columns: Object.entries(columns).map(([n, values]) => ({
      name: n,
      storage: 'number',
      values,
      invalidCount: 0,
      firstInvalid: null,
      ...(sorted ? { sorted: sortedFinite(values) } : {}),
    })),
    delimiter: ',',
    byteLength: 0,
    warnings: [],
  };
}

describe('sliceSorted', () => {
  const rng = new SeededRng(5);
  const n = 20_000;
  const gen = (kind: number) =>
    Float64Array.from({ length: n }, () => {
      const u = rng.next();
      if (kind === 0) return (u - 0.5) * 10;
      if (kind === 1) return u < 0.05 ? Number.NaN : Math.floor(u * 8) - 4; // ties, NaN
      return [-0, 0, 1.5, -Infinity, Infinity][rng.int(5)]; // −0 and 0
    });
  const columns = { a: gen(0), b: gen(1), c: gen(2) };
  const reference = table('ref', { a: gen(0), b: gen(1), c: gen(2) }, true);

  for (const prepared of [true, false]) {
    it(`equals sortedFinite and upperBounds of the chunk alone (parent ${prepared ? 'with' : 'without'} sorted)`, () => {
      const current = table('cur', columns, prepared);
      const picks = [
        Int32Array.from({ length: 500 }, (_, i) => 1000 + i), // a run of rows, galloping path
        Int32Array.from({ length: 300 }, (_, i) => i * 61), // scattered rows
        Int32Array.from({ length: 6000 }, (_, i) => i * 3), // long: the merge path
        new Int32Array(0),
      ];
      for (const rows of picks) {
        const fast = sliceSorted(current, rows, 'chunk', reference);
        const plain = sliceTable(current, rows, 'chunk');
        fast.columns.forEach((col, i) => {
          const c = col as NumberColumn;
          const want = sortedFinite((plain.columns[i] as NumberColumn).values);
          expect(bits(c.sorted!)).toEqual(bits(want));
          expect(bits(c.values)).toEqual(bits((plain.columns[i] as NumberColumn).values));
          const long = (reference.columns[i] as NumberColumn).sorted!;
          if (shortAgainstLong(long, c.sorted!)) {
            expect([...upperBounds(long, c.sorted!)]).toEqual([
              ...upperBounds(long, Float64Array.from(want)),
            ]);
          }
        });
      }
    });
  }
});
