import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../shared/demo/prng';

describe('Rng (xoshiro128** seeded by splitmix32)', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 8 }, () => a.nextUint32());
    const sb = Array.from({ length: 8 }, () => b.nextUint32());
    const sc = Array.from({ length: 8 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const v of sa) expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
  });

  it('draws uniforms in [0, 1) and normals with the requested moments', () => {
    const rng = new Rng(1);
    const n = 100_000;
    let sumU = 0;
    let outside = 0;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      sumU += u;
      const z = rng.normal(3, 2);
      sum += z;
      sumSq += z * z;
    }
    expect(outside).toBe(0);
    expect(sumU / n).toBeCloseTo(0.5, 2);
    const mean = sum / n;
    expect(mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeCloseTo(2, 1);
  });

  it('draws Poisson counts and weighted picks with the right means', () => {
    const rng = new Rng(5);
    const n = 50_000;
    let total = 0;
    const picks = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      total += rng.poisson(2.5);
      picks[rng.pick([1, 2, 0])]++;
    }
    expect(total / n).toBeCloseTo(2.5, 1);
    expect(picks[2]).toBe(0);
    expect(picks[1] / n).toBeCloseTo(2 / 3, 1);
  });

  it('rejects a non-finite seed', () => {
    expect(() => new Rng(Number.NaN)).toThrow(RangeError);
  });
});
