import { describe, expect, it } from 'vitest';
import { runChisquare } from '../../../../shared/drift/methods/chisquare';
import { runZ } from '../../../../shared/drift/methods/z';
import type { CategoricalPair } from '../../../../shared/drift/sample';
import { loadFixture, relClose } from './fixture-data';

interface CountCase {
  label?: string;
  reference: number[];
  current: number[];
  statistic: number | null;
  pvalue: number;
  pvalue_evidently?: number;
}
const chi = loadFixture<{ cases: CountCase[] }>('chisquare.json');
const zfx = loadFixture<{ cases: CountCase[] }>('z.json');

const cat = (
  reference: number[],
  current: number[],
  labels = reference.map((_, i) => `c${i}`),
): CategoricalPair => ({
  kind: 'categorical',
  labels,
  reference,
  current,
});
const repeat = (counts: number[], values: number[]) =>
  counts.flatMap((k, i) => Array<number>(k).fill(values[i]));
const numeric = (a: number[], b: number[]) =>
  ({
    kind: 'numeric',
    reference: Float64Array.from(a).sort(),
    current: Float64Array.from(b).sort(),
  }) as const;

describe('chisquare', () => {
  it.each(chi.cases.map((c) => [c.label, c] as const))('matches scipy.stats.chisquare: %s', (_l, c) => {
    // oracle: scipy.stats.chisquare(f_obs=cur, f_exp=ref*n_cur/n_ref), scipy 1.10.1 (chisquare.json)
    const out = runChisquare(cat(c.reference, c.current));
    if (c.statistic === null) expect(out.statistic).toBe(Number.POSITIVE_INFINITY);
    else expect(relClose(out.statistic!, c.statistic, 1e-9)).toBe(true);
    expect(Math.abs(out.pValue! - c.pvalue)).toBeLessThanOrEqual(1e-6);
    expect(relClose(out.pValue!, c.pvalue, 1e-9) || Math.abs(out.pValue! - c.pvalue) < 1e-300).toBe(true);
  });

  it('check vectors A, C, D (statistics.md §7)', () => {
    // statistics.md §7 A: scipy chisquare p = 0.673088
    expect(runChisquare(cat([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8])).pValue).toBeCloseTo(
      0.673088,
      6,
    );
    // statistics.md §7 C: category "c" absent from reference → p = 0 (drift)
    const c = runChisquare(cat([60, 40, 0], [50, 40, 10], ['a', 'b', 'c']));
    expect(c.pValue).toBe(0);
    // statistics.md §7 D: scipy chisquare p = 0.001063
    expect(runChisquare(cat([70, 30], [55, 45])).pValue).toBeCloseTo(0.001063, 6);
  });

  it('numeric input is counted per distinct value (check vector A as numbers)', () => {
    const ref = repeat([16, 18, 16, 14, 12, 12], [1, 2, 3, 4, 5, 6]);
    const cur = repeat([16, 16, 16, 16, 16, 8], [1, 2, 3, 4, 5, 6]);
    // statistics.md §7 A: chisquare p = 0.673088
    expect(runChisquare(numeric(ref, cur)).pValue).toBeCloseTo(0.673088, 6);
  });

  it('one shared category: p = 1 with a convention note (Evidently: NaN)', () => {
    const out = runChisquare(cat([5], [9], ['x']));
    expect(out.pValue).toBe(1);
    expect(out.score).toBe(1);
    expect(out.reason).toMatch(/convention/);
  });

  it('identical counts give p = 1; empty side gives a reason', () => {
    // scipy.stats.chisquare([3, 4, 5], [3, 4, 5]).pvalue = 1.0
    expect(runChisquare(cat([3, 4, 5], [3, 4, 5])).pValue).toBe(1);
    expect(runChisquare(cat([0, 0], [1, 2])).score).toBeNull();
  });
});

describe('z', () => {
  it('matches the Evidently z formula evaluated with scipy.stats.norm', () => {
    for (const c of zfx.cases) {
      // oracle: z = (p1-p2)/sqrt(P(1-P)(1/n1+1/n2)); p = 2*norm.sf(|z|), scipy 1.10.1 (z.json)
      const out = runZ(cat(c.reference, c.current));
      expect(relClose(out.statistic!, c.statistic!, 1e-9)).toBe(true);
      expect(relClose(out.pValue!, c.pvalue, 1e-9)).toBe(true);
      // Evidently's 2*(1 - norm.cdf(|z|)) agrees to 1e-6 absolute
      expect(Math.abs(out.pValue! - c.pvalue_evidently!)).toBeLessThanOrEqual(1e-6);
    }
  });

  it('check vectors A, C, D (statistics.md §7)', () => {
    // statistics.md §7 A: z p = 1.0 (smallest key 1 → 0: 16/100 vs 16/96... as in Evidently)
    expect(runZ(cat([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8])).pValue).toBeCloseTo(1.0, 6);
    // statistics.md §7 C: z p = 0.155218
    expect(runZ(cat([60, 40, 0], [50, 40, 10], ['a', 'b', 'c'])).pValue).toBeCloseTo(0.155218, 6);
    // statistics.md §7 D: z p = 0.028460
    expect(runZ(cat([70, 30], [55, 45], ['0', '1'])).pValue).toBeCloseTo(0.02846, 6);
    // the same on numbers
    expect(runZ(numeric(repeat([70, 30], [0, 1]), repeat([55, 45], [0, 1]))).pValue).toBeCloseTo(0.02846, 6);
  });

  it('one identical value in both sets → p = 1', () => {
    expect(runZ(cat([4], [7], ['a'])).pValue).toBe(1);
    expect(runZ(numeric([2, 2, 2], [2])).pValue).toBe(1);
  });

  it('n = 1 per side with different values is computable', () => {
    // z = (0 - 1)/sqrt(0.25 * 2) = -1.4142135623730951; scipy: 2*norm.sf(2**0.5) = 0.15729920705028502
    const out = runZ(numeric([0], [1]));
    expect(out.statistic).toBeCloseTo(-Math.SQRT2, 14);
    expect(out.pValue).toBeCloseTo(0.15729920705028502, 14);
  });
});
