import { describe, expect, it } from 'vitest';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import { SortSpare, sortedValues, sortOrder } from '../../../../shared/stats/sort-order';

/** The oracle: Float64Array.prototype.sort of the non-NaN values. */
const nativeSorted = (v: Float64Array) => v.filter((x) => !Number.isNaN(x)).sort();
const bits = (v: Float64Array) => [...new Uint32Array(v.buffer, v.byteOffset, 2 * v.length)];

function samples(): Float64Array[] {
  const rng = new SeededRng(7);
  const specials = [-0, 0, Number.NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e308, -1e308, 1, -1];
  const out: Float64Array[] = [];
  for (const n of [0, 1, 5, 1023, 1024, 5000, 70_000]) {
    out.push(Float64Array.from({ length: n }, () => (rng.next() - 0.5) * 200));
    out.push(Float64Array.from({ length: n }, () => rng.int(7) - 3)); // ties, −0 from none, +0
    out.push(Float64Array.from({ length: n }, () => specials[rng.int(specials.length)]));
    out.push(Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : -rng.next())));
    // Long runs of one high word (sign, exponent, top 20 mantissa bits): sorted by the low word after.
    out.push(Float64Array.from({ length: n }, () => 1 + rng.next() * 1e-7));
    out.push(Float64Array.from({ length: n }, () => -(1 + rng.next() * 1e-6)));
    out.push(Float64Array.from({ length: n }, () => Math.round((rng.next() - 0.3) * 2e6) / 1e4));
    // Long runs of one value (low words equal: every low-word pass skipped), −0 among the negatives.
    out.push(Float64Array.from({ length: n }, () => -rng.int(3)));
    // Long runs that differ in one low-word digit only (the lowest, then the middle one).
    out.push(Float64Array.from({ length: n }, () => 1 + rng.int(1000) * 2 ** -52));
    out.push(Float64Array.from({ length: n }, () => -(1 + rng.int(4) * 2 ** -41)));
  }
  return out;
}

describe('radix sorts in the order of Float64Array.prototype.sort', () => {
  it('sortedValues equals the native sort bit for bit (−0 before 0, ±Infinity, subnormals, NaN left out)', () => {
    for (const v of samples()) expect(bits(sortedValues(v))).toEqual(bits(nativeSorted(v)));
  });

  it('with one SortSpare for many arrays, each result is the native sort and no two share a buffer', () => {
    const spare = new SortSpare();
    const results = samples().map((v) => {
      const sorted = sortedValues(v, spare);
      expect(bits(sorted)).toEqual(bits(nativeSorted(v)));
      return sorted;
    });
    const buffers = results.filter((r) => r.length > 0).map((r) => r.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(spare.array === null || !buffers.includes(spare.array.buffer)).toBe(true);
  });

  it('allocates the result in the storage given (shared memory here)', () => {
    const shared = (n: number) => new Float64Array(new SharedArrayBuffer(8 * n));
    const spare = new SortSpare();
    for (const v of samples()) {
      const sorted = sortedValues(v, spare, shared);
      expect(bits(sorted)).toEqual(bits(nativeSorted(v)));
      expect(sorted.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
  });

  it('sortOrder lists the non-NaN indices in that order, ties in index order (stable)', () => {
    for (const v of samples()) {
      const order = sortOrder(v);
      expect(bits(Float64Array.from(order, (i) => v[i]))).toEqual(bits(nativeSorted(v)));
      for (let k = 1; k < order.length; k++)
        if (Object.is(v[order[k]], v[order[k - 1]])) expect(order[k]).toBeGreaterThan(order[k - 1]);
    }
    expect([...sortOrder(Float64Array.of(2, Number.NaN, -1, 0, -0))]).toEqual([2, 4, 3, 0]);
  });
});
