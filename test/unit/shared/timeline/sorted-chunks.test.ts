/**
 * SortedChunks (shared/timeline/sorted-chunks.ts): a chunk's sorted values come from its column's ranks,
 * and its countDistinctUnion and wasserstein1Short against the reference from one walk over all chunks of
 * the column; each must be bit for bit what sortedFinite, countDistinctUnion and wasserstein1Short compute
 * on the chunk alone (a copy of its sorted array, of which nothing is known).
 */
import { describe, expect, it } from 'vitest';
import { wasserstein1Short } from '../../../../shared/drift/methods/wasserstein';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import { countDistinctUnion, shortAgainstLong } from '../../../../shared/stats/sorted';
import type { ColumnarTable, NumberColumn } from '../../../../shared/table/columnar';
import { sortedFinite } from '../../../../shared/table/infer-type';
import { sliceTable } from '../../../../shared/timeline/slice-table';
import { SortedChunks } from '../../../../shared/timeline/sorted-chunks';

const bits = (v: Float64Array) => [...new Uint32Array(v.buffer, v.byteOffset, 2 * v.length)];

function table(name: string, columns: Float64Array[], sorted: boolean): ColumnarTable {
  return {
    fileName: name,
    rowCount: columns[0].length,
    columns: columns.map((values, i) => ({
      name: `c${i}`,
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

describe('SortedChunks', () => {
  const rng = new SeededRng(5);
  const n = 20_000;
  const kinds = [
    (u: number) => (u - 0.5) * 10, // continuous
    (u: number) => (u < 0.05 ? Number.NaN : Math.floor(u * 8) - 4), // ties and NaN
    () => [-0, 0, 1.5, -Infinity, Infinity][rng.int(5)], // −0 and 0, infinities
    (u: number) => Math.round(u * 2000) / 100, // many ties with the reference
  ];
  const gen = (shift: (i: number) => number) =>
    kinds.map((f) => Float64Array.from({ length: n }, (_, i) => f(rng.next()) + shift(i)));
  const reference = table(
    'ref',
    gen(() => 0),
    true,
  );
  // The current data drift part-way (the last quarter shifted past the reference's range).
  const current = gen((i) => (i > 15_000 ? 20 : 0));

  for (const [prepared, groupRows] of [
    [true, undefined],
    [false, undefined],
    [true, 700], // groups of chunks written one after the other
  ] as const) {
    it(`equals the chunk analysed alone (parent ${prepared ? 'with' : 'without'} sorted, groups of ${groupRows ?? 'all'} rows)`, () => {
      const cur = table('cur', current, prepared);
      const chunks = [
        Int32Array.from({ length: 500 }, (_, i) => 1000 + i), // a run of rows
        Int32Array.from({ length: 300 }, (_, i) => 8000 + i * 23), // scattered rows
        Int32Array.from({ length: 400 }, (_, i) => 15_800 + i), // drifted
        Int32Array.from({ length: 2900 }, (_, i) => 2000 + i * 2), // long: the merge path
        Int32Array.of(3),
        new Int32Array(0),
      ];
      const set = new SortedChunks(cur, chunks, reference, groupRows);
      let known = 0;
      chunks.forEach((rows, index) => {
        const fast = set.chunk(index, 'chunk');
        const plain = sliceTable(cur, rows, 'chunk');
        fast.columns.forEach((col, i) => {
          const c = col as NumberColumn;
          const want = sortedFinite((plain.columns[i] as NumberColumn).values);
          expect(bits(c.sorted!)).toEqual(bits(want));
          expect(bits(c.values)).toEqual(bits((plain.columns[i] as NumberColumn).values));
          const long = (reference.columns[i] as NumberColumn).sorted!;
          if (want.length > 0 && shortAgainstLong(long, want)) {
            known++;
            expect(countDistinctUnion(long, c.sorted!)).toBe(countDistinctUnion(long, want));
            const w = wasserstein1Short(long, c.sorted!);
            expect(Object.is(w, wasserstein1Short(long, want)), `chunk ${index} column ${i}: ${w}`).toBe(
              true,
            );
          }
        });
      });
      expect(known).toBe(4 * 4);
    });
  }
});
