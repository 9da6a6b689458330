import { describe, expect, it } from 'vitest';
import { ksStatistic, ksTwoSidedPValue, runKs } from '../../../../shared/drift/methods/ks';
import { probOutsideInsideMethod, probOutsideSquare } from '../../../../shared/stats/ks-two-sample-exact';
import { loadFixture, type PmSpec, pm, relClose, sorted } from './fixture-data';

interface KsCase {
  label: string;
  a?: number[];
  b?: number[];
  a_gen?: PmSpec;
  b_gen?: PmSpec;
  statistic: number;
  pvalue: number;
}
const fx = loadFixture<{ cases: KsCase[] }>('ks.json');

const numeric = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  ({ kind: 'numeric', reference: sorted(a), current: sorted(b) }) as const;

describe('ks: two-sample Kolmogorov–Smirnov', () => {
  it.each(fx.cases.map((c) => [c.label, c] as const))('matches scipy.stats.ks_2samp: %s', (_label, c) => {
    // oracle: scipy.stats.ks_2samp(a, b, method="auto") (statistic, pvalue), scipy 1.10.1 (ks.json)
    const a = c.a ?? Array.from(pm(c.a_gen!));
    const b = c.b ?? Array.from(pm(c.b_gen!));
    const out = runKs(numeric(a, b));
    expect(
      relClose(out.statistic!, c.statistic, 1e-9) || Math.abs(out.statistic! - c.statistic) < 1e-15,
    ).toBe(true);
    expect(Math.abs(out.pValue! - c.pvalue)).toBeLessThanOrEqual(1e-6);
    // the exact path is much closer than the tolerance
    expect(Math.abs(out.pValue! - c.pvalue)).toBeLessThanOrEqual(1e-12);
    expect(out.score).toBe(out.pValue);
    expect(out.reason).toBeNull();
  });

  it('exact helpers match SciPy internals', () => {
    // scipy.stats._stats_py._compute_prob_outside_square(5, 3), scipy 1.10.1
    expect(probOutsideSquare(5, 3)).toBeCloseTo(0.35714285714285715, 15);
    // scipy.stats._stats_pythran._compute_outer_prob_inside_method(3, 4, 1, 9), scipy 1.10.1
    expect(probOutsideInsideMethod(3, 4, 1, 9)).toBeCloseTo(0.22857142857142862, 15);
    // scipy.stats._stats_pythran._compute_outer_prob_inside_method(100, 37, 1, 1850), scipy 1.10.1
    expect(relClose(probOutsideInsideMethod(100, 37, 1, 1850), 1.0167116270755095e-6, 1e-12)).toBe(true);
    // scipy.stats.ks_2samp([1,2,3,4], [3,4,5,6]).pvalue
    expect(ksTwoSidedPValue(0.5, 4, 4).pValue).toBeCloseTo(0.7714285714285716, 15);
    // scipy.stats.ks_2samp([1,2,3], [2,3,4]): statistic 1/3, pvalue 1.0
    expect(ksStatistic(Float64Array.of(1, 2, 3), Float64Array.of(2, 3, 4))).toBeCloseTo(1 / 3, 15);
  });

  it('check vector A as numbers: p = 0.999993 (statistics.md §7)', () => {
    const ref = [16, 18, 16, 14, 12, 12].flatMap((k, i) => Array<number>(k).fill(i + 1));
    const cur = [16, 16, 16, 16, 16, 8].flatMap((k, i) => Array<number>(k).fill(i + 1));
    // scipy.stats.ks_2samp(ref, cur).pvalue = 0.999993 (statistics.md §7 A)
    expect(runKs(numeric(ref, cur)).pValue).toBeCloseTo(0.999993, 6);
  });

  it('check vector B: p = 0.702057 (statistics.md §7)', () => {
    const ref = Array.from({ length: 100 }, (_, i) => i / 10);
    const cur = ref.map((x) => x + 1);
    // scipy.stats.ks_2samp(ref, cur).pvalue = 0.702057 (statistics.md §7 B)
    expect(runKs(numeric(ref, cur)).pValue).toBeCloseTo(0.702057, 6);
  });

  it('edge cases: n = 1, constant columns, identical samples, categorical input', () => {
    // scipy.stats.ks_2samp([1.0], [2.0]) = (1.0, 1.0)
    expect(runKs(numeric([1], [2]))).toMatchObject({ statistic: 1, pValue: 1 });
    // scipy.stats.ks_2samp([5.0]*10, [5.0]*7) = (0.0, 1.0)
    expect(runKs(numeric(Array(10).fill(5), Array(7).fill(5)))).toMatchObject({ statistic: 0, pValue: 1 });
    const same = [0.3, -1, 2, 2, 7];
    expect(runKs(numeric(same, same)).pValue).toBe(1);
    const cat = runKs({ kind: 'categorical', labels: ['a'], reference: [1], current: [1] });
    expect(cat.score).toBeNull();
    expect(cat.reason).toMatch(/numerical/);
    expect(runKs(numeric([], [1])).score).toBeNull();
  });

  it('the exact path at n = 10000 with D = 1 runs well under a second', () => {
    const a = Float64Array.from({ length: 9999 }, (_, i) => i);
    const b = Float64Array.from({ length: 10000 }, (_, i) => 20000 + i);
    const t0 = performance.now();
    const out = runKs({ kind: 'numeric', reference: a, current: b });
    const ms = performance.now() - t0;
    // scipy.stats.ks_2samp(range(9999), range(20000, 30000)) = (1.0, 0.0)
    expect(out.statistic).toBe(1);
    expect(out.pValue).toBe(0);
    expect(ms).toBeLessThan(900);
  });
});
