import { describe, expect, it } from 'vitest';
import { memoByArray } from '../../../../shared/stats/memo-by-array';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import { countDistinctSorted, countDistinctUnion } from '../../../../shared/stats/sorted';

describe('memoByArray', () => {
  it('computes once per array object, again for another array with the same contents', () => {
    let calls = 0;
    const sum = memoByArray((a) => {
      calls++;
      return a.reduce((s, x) => s + x, 0);
    });
    const a = Float64Array.of(1, 2, 3);
    expect([sum(a), sum(a)]).toEqual([6, 6]);
    expect(calls).toBe(1);
    expect(sum(Float64Array.of(1, 2, 3))).toBe(6);
    expect(calls).toBe(2);
  });
});

describe('countDistinctUnion: the short-b path (binary search) equals the merge walk', () => {
  it('counts −0 and 0 as one value', () => {
    const a = Float64Array.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987);
    const b = Float64Array.of(-0, 4, 5, 5, 1000);
    // numpy.union1d(a, b).size, NumPy 1.24
    expect(countDistinctUnion(a, b)).toBe(18);
  });

  it('agrees with the walk (b as long as a) on seeded integer data with ties', () => {
    const rng = new SeededRng(11);
    const a = Float64Array.from({ length: 5000 }, () => rng.int(3000)).sort();
    const b = Float64Array.from({ length: 40 }, () => rng.int(4000)).sort();
    // The walk: b padded to a's length with copies of its own values takes the merge path.
    const padded = Float64Array.from({ length: a.length }, (_, i) => b[i % b.length]).sort();
    expect(countDistinctUnion(a, b)).toBe(countDistinctUnion(a, padded));
    expect(countDistinctUnion(a, b)).toBeGreaterThan(countDistinctSorted(a));
  });
});

describe('countDistinctUnion capped at atMost (what the test selection reads)', () => {
  it('gives min(count, atMost) on both paths, and the count itself when below the cap', () => {
    const a = Float64Array.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987);
    const b = Float64Array.of(-0, 4, 5, 5, 1000);
    const padded = Float64Array.from({ length: a.length }, (_, i) => b[i % b.length]).sort();
    // numpy.union1d(a, b).size = 18, NumPy 1.24 (above); the cap is min(18, atMost)
    for (const atMost of [1, 2, 6, 18, 19, 100]) {
      expect(countDistinctUnion(a, b, atMost)).toBe(Math.min(18, atMost));
      expect(countDistinctUnion(a, padded, atMost)).toBe(Math.min(18, atMost));
    }
    // np.union1d([1, 1, 2], [2, 2]).size = 2, under a cap of 6
    expect(countDistinctUnion(Float64Array.of(1, 1, 2), Float64Array.of(2, 2), 6)).toBe(2);
  });
});
