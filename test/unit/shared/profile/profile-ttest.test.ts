import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { analyzeProfiles } from '../../../../shared/profile/analyze-profiles';
import { profileTable } from '../../../../shared/profile/build-profile';
import { ColumnBuilder } from '../../../../shared/table/column-builder';
import type { ColumnarTable } from '../../../../shared/table/columnar';

/** The samples of test/fixtures/gen_profile_ttest.py: ((i·mul) mod m)/div + shift, i = 0…n − 1. */
function lcg(n: number, mul: number, mod: number, div: number, shift: number): number[] {
  return Array.from({ length: n }, (_, i) => ((i * mul) % mod) / div + shift);
}

function table(fileName: string, x: number[]): ColumnarTable {
  const b = new ColumnBuilder('x');
  x.forEach((v, i) => {
    b.push(String(v), i + 2);
  });
  return { fileName, rowCount: x.length, columns: [b.finish()], delimiter: ',', byteLength: 0, warnings: [] };
}

const CASES: {
  name: string;
  ref: number[];
  cur: number[];
  statistic: number;
  pValue: number;
  digits: number;
  cancels: boolean;
}[] = [
  {
    name: 'spread',
    ref: lcg(1500, 7919, 1013, 7, 0),
    cur: lcg(1200, 104729, 997, 7, 3),
    statistic: -1.004323419219057, // SciPy 1.10.1 ttest_ind(equal_var=True).statistic (gen_profile_ttest.py)
    pValue: 0.3153128127462922, // SciPy 1.10.1 ttest_ind(equal_var=True).pvalue (gen_profile_ttest.py)
    digits: 10,
    cancels: false,
  },
  {
    name: 'near',
    ref: lcg(2000, 7919, 1013, 10, 0),
    cur: lcg(1800, 104729, 1013, 10, 0.5),
    statistic: -0.4431246530940315, // SciPy 1.10.1 ttest_ind(equal_var=True).statistic (gen_profile_ttest.py)
    pValue: 0.6577008123455406, // SciPy 1.10.1 ttest_ind(equal_var=True).pvalue (gen_profile_ttest.py)
    digits: 10,
    cancels: false,
  },
  {
    // Mean 10⁶, spread 0.3: sumSquares − sum²/n cancels, so the profile's t is only roughly SciPy's and
    // the note says so.
    name: 'offset',
    ref: lcg(1500, 7919, 1013, 1000, 1e6),
    cur: lcg(1500, 104729, 1013, 1000, 1e6 + 0.01),
    statistic: -0.798654834616306, // SciPy 1.10.1 ttest_ind(equal_var=True).statistic (gen_profile_ttest.py)
    pValue: 0.42455384466751767, // SciPy 1.10.1 ttest_ind(equal_var=True).pvalue (gen_profile_ttest.py)
    digits: 1,
    cancels: true,
  },
];

const ctx = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const settings = { ...DEFAULT_SETTINGS, test: 't_test' as const };

describe('t_test from a profile (oracle: SciPy ttest_ind, equal_var=True; and the table analysis)', () => {
  for (const c of CASES)
    it(`${c.name}: t and p from n, mean and variance of the sums`, () => {
      const ref = table('ref.csv', c.ref);
      const cur = table('cur.csv', c.cur);
      const a = analyzeProfiles(profileTable(ref), profileTable(cur), settings, ctx).columns[0];
      const e = analyzeTables(ref, cur, settings, ctx).columns[0];
      expect(a.test).toBe('t_test');
      expect(a.approximation).toBeUndefined();
      const rel = (x: number | null, y: number | null) =>
        Math.abs((x ?? Number.NaN) - (y ?? Number.NaN)) / Math.abs(y ?? Number.NaN);
      // Oracle SciPy: relative agreement to `digits` significant digits.
      expect(rel(a.statistic, c.statistic)).toBeLessThan(10 ** -c.digits);
      expect(rel(a.score, c.pValue)).toBeLessThan(10 ** -c.digits);
      // Oracle the table's t_test on the rows: the same to rounding (to `digits`).
      expect(rel(a.statistic, e.statistic)).toBeLessThan(10 ** -c.digits);
      expect(rel(a.score, e.score)).toBeLessThan(10 ** -c.digits);
      if (c.cancels) expect(a.note).toMatch(/sumSquares − sum²\/n cancels/);
      else expect(a.note ?? '').not.toMatch(/cancels/);
      expect(a.driftDetected).toBe(e.driftDetected);
    });
});
