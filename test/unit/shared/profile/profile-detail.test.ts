/**
 * The feature detail from two profiles (shared/profile/profile-detail.ts). Oracle: the detail the engine
 * computes from the rows (shared/explore/column-detail.ts, itself checked against NumPy's histogram in
 * test/unit/shared/explore) on the same generated tables: equal where the profile is exact (categories,
 * numeric columns with ≤ 1,000 distinct values), within the sketch's bucket error where it is not.
 */
import { describe, expect, it } from 'vitest';
import { categoricalColumnDetail, numericColumnDetail } from '../../../../shared/explore/column-detail';
import type { NumericColumnDetail } from '../../../../shared/explore/types';
import { profileTable } from '../../../../shared/profile/build-profile';
import { profileColumnDetail } from '../../../../shared/profile/profile-detail';
import { ColumnBuilder } from '../../../../shared/table/column-builder';
import type { Column, ColumnarTable } from '../../../../shared/table/columnar';
import { mulberry32 } from '../../../helpers/mulberry32.mjs';

function table(fileName: string, n: number, seed: number, shift: number): ColumnarTable {
  const r = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const cells: Record<string, string[]> = { x: [], small: [], color: [] };
  for (let i = 0; i < n; i++) {
    cells.x.push(r() < 0.05 ? '' : (50 + 10 * normal() + shift).toFixed(4));
    cells.small.push(String(Math.floor(r() * (shift > 0 ? 12 : 10))));
    cells.color.push(['red', 'green', 'blue', 'grey'][Math.floor(r() * (shift > 0 ? 4 : 3))]);
  }
  const columns = Object.entries(cells).map(([name, values]) => {
    const b = new ColumnBuilder(name);
    values.forEach((v, i) => {
      b.push(v, i + 2);
    });
    return b.finish();
  });
  return { fileName, rowCount: n, columns, delimiter: ',', byteLength: 0, warnings: [] };
}

const ref = table('ref.csv', 4000, 1, 0);
const cur = table('cur.csv', 3000, 2, 3);
const refProfile = profileTable(ref);
const curProfile = profileTable(cur);
const col = (t: ColumnarTable, name: string): Column => t.columns.find((c) => c.name === name)!;
const pcol = (p: typeof refProfile, name: string) => p.columns.find((c) => c.name === name)!;

describe('profileColumnDetail', () => {
  it('an exact numeric column (≤ 1,000 values) gives the rows-based detail on fixed bins', () => {
    for (const bins of [10, 30] as const) {
      const fromRows = numericColumnDetail('small', col(ref, 'small'), col(cur, 'small'), bins);
      const fromProfiles = profileColumnDetail(
        pcol(refProfile, 'small'),
        pcol(curProfile, 'small'),
        'numerical',
        bins,
      );
      expect(fromProfiles).toEqual(fromRows);
      expect((fromProfiles as NumericColumnDetail).approximate).toBeUndefined();
    }
  });

  it("'auto' on an exact column with ≤ 20 values: one bin per value, as the rows give", () => {
    const fromRows = numericColumnDetail('small', col(ref, 'small'), col(cur, 'small'), 'auto');
    const fromProfiles = profileColumnDetail(
      pcol(refProfile, 'small'),
      pcol(curProfile, 'small'),
      'numerical',
      'auto',
    );
    expect((fromProfiles as NumericColumnDetail).edges).toEqual(fromRows.edges);
    expect((fromProfiles as NumericColumnDetail).referenceCounts).toEqual(fromRows.referenceCounts);
    expect((fromProfiles as NumericColumnDetail).currentCounts).toEqual(fromRows.currentCounts);
  });

  it('a sketched column: the same edges, counts within the bucket error, marked approximate', () => {
    const fromRows = numericColumnDetail('x', col(ref, 'x'), col(cur, 'x'), 30);
    const d = profileColumnDetail(
      pcol(refProfile, 'x'),
      pcol(curProfile, 'x'),
      'numerical',
      30,
    ) as NumericColumnDetail;
    expect(d.approximate).toBe(true);
    // Edges come from min and max, which a profile keeps exactly.
    expect(d.edges).toEqual(fromRows.edges);
    expect(d.referenceCounts.reduce((a, b) => a + b, 0)).toBe(
      fromRows.referenceCounts.reduce((a, b) => a + b, 0),
    );
    // Each value sits at its bucket's representative, within relative α = 0.01 of it, so a value changes bin
    // only when it lies that close to an edge: a bin's share moves by at most the share of values within
    // 2α|e| of its two edges (counted on the rows).
    const near = (t: ColumnarTable, e: number) => {
      const values = (col(t, 'x') as { values: Float64Array }).values;
      let k = 0;
      for (const v of values) if (!Number.isNaN(v) && Math.abs(v - e) <= 0.02 * Math.abs(e)) k++;
      return k;
    };
    for (let i = 0; i < d.edges.length - 1; i++) {
      for (const [side, t, n] of [
        ['reference', ref, d.referenceCounts.reduce((a, b) => a + b, 0)],
        ['current', cur, d.currentCounts.reduce((a, b) => a + b, 0)],
      ] as const) {
        const bound = (near(t, d.edges[i]) + near(t, d.edges[i + 1])) / n;
        expect(Math.abs(d[side][i] - fromRows[side][i])).toBeLessThanOrEqual(bound + 1e-12);
      }
    }
    // The KS distance from the bucket CDFs is close to the exact one (3 units of shift: D ≈ 0.12).
    expect(d.ks!.d).toBeCloseTo(fromRows.ks!.d, 1);
    expect(d.ecdf.reference.y.at(-1)).toBe(1);
    expect(d.ecdf.reference.x.length).toBeLessThanOrEqual(500);
  });

  it('a categorical column: every category exactly as the rows give', () => {
    const fromRows = categoricalColumnDetail('color', col(ref, 'color'), col(cur, 'color'));
    expect(
      profileColumnDetail(pcol(refProfile, 'color'), pcol(curProfile, 'color'), 'categorical', 'auto'),
    ).toEqual(fromRows);
  });

  it('numbers in one profile and text in the other: a RangeError naming the column', () => {
    expect(() =>
      profileColumnDetail(
        pcol(refProfile, 'x'),
        { ...pcol(curProfile, 'color'), name: 'x' },
        'categorical',
        'auto',
      ),
    ).toThrow(/"x" is numbers in one profile and text in the other/);
  });
});
