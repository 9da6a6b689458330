import { describe, expect, it } from 'vitest';
import { binomCdf } from '../../../../shared/stats/binomial';
import { mcnemarExact } from '../../../../shared/stats/mcnemar';
import { pairedBootstrap } from '../../../../shared/stats/paired-bootstrap';
import { wilcoxonSignedRank } from '../../../../shared/stats/wilcoxon-signed-rank';
import { expected } from '../performance/shadow-fixtures';

describe('binomCdf', () => {
  it('matches scipy.stats.binom.cdf', () => {
    // scipy.stats.binom.cdf(2, 10, 0.5) = 0.0546875; binom.cdf(3, 13, 0.5) = 0.046142578125
    expect(binomCdf(2, 10, 0.5)).toBeCloseTo(0.0546875, 14);
    expect(binomCdf(3, 13, 0.5)).toBeCloseTo(0.046142578125, 14);
    expect(binomCdf(-1, 5, 0.5)).toBe(0);
    expect(binomCdf(5, 5, 0.5)).toBe(1);
    expect(() => binomCdf(1, 2.5, 0.5)).toThrow(RangeError);
  });
});

describe('mcnemarExact', () => {
  it.each(expected.mcnemarCases as { b: number; c: number; statistic: number; pValue: number }[])(
    'b=$b c=$c as statsmodels mcnemar(exact=True)',
    ({ b, c, statistic, pValue }) => {
      // statsmodels.stats.contingency_tables.mcnemar([[0, b], [c, 0]], exact=True), statsmodels 0.13.5
      const r = mcnemarExact(b, c);
      expect(r.statistic).toBe(statistic);
      expect(Math.abs(r.pValue - pValue)).toBeLessThan(1e-12 + 1e-9 * pValue);
    },
  );
});

describe('wilcoxonSignedRank', () => {
  it.each(expected.wilcoxonCases as { name: string; d: number[]; statistic: number; pValue: number }[])(
    '$name as scipy.stats.wilcoxon(d)',
    ({ name, d, statistic, pValue }) => {
      // scipy.stats.wilcoxon(d) with its defaults (zero_method="wilcox", correction=False, method="auto"), SciPy 1.10.1
      const r = wilcoxonSignedRank(Float64Array.from(d))!;
      expect(r.statistic).toBeCloseTo(statistic, 9);
      expect(Math.abs(r.pValue - pValue)).toBeLessThan(1e-12 + 1e-9 * pValue);
      expect(r.method).toBe(name.startsWith('exact') ? 'exact' : 'approx');
    },
  );

  it('gives the SciPy documentation example and null when every difference is zero', () => {
    // scipy.stats.wilcoxon docstring: statistic 24.0, pvalue 0.041259765625
    const d = Float64Array.of(6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75);
    expect(wilcoxonSignedRank(d)).toEqual({ statistic: 24, pValue: 0.041259765625, method: 'exact', n: 15 });
    expect(wilcoxonSignedRank(Float64Array.of(0, 0))).toBeNull();
    expect(wilcoxonSignedRank(new Float64Array(0))).toBeNull();
  });
});

describe('pairedBootstrap', () => {
  it('is reproducible with a seed, resamples rows jointly and differs with another seed', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => i);
    const mean = (w: Float64Array) => [w.reduce((s, wi, i) => s + wi * x[i], 0) / 50];
    const a = pairedBootstrap(50, mean, { seed: 7, resamples: 300 });
    const b = pairedBootstrap(50, mean, { seed: 7, resamples: 300 });
    const c = pairedBootstrap(50, mean, { seed: 8, resamples: 300 });
    expect(a).toEqual(b);
    expect(a[0]!.low).not.toBe(c[0]!.low);
    // The mean of 0..49 is 24.5 with standard error 14.43/√50 ≈ 2.04: the 95 % interval is about ±4.
    expect(a[0]!.low).toBeGreaterThan(19);
    expect(a[0]!.high).toBeLessThan(30);
    // Joint resampling: the weights sum to n in every resample.
    const sums = pairedBootstrap(50, (w) => [w.reduce((s, v) => s + v, 0)], { resamples: 20 });
    expect(sums[0]).toEqual({ low: 50, high: 50, valid: 20, resamples: 20 });
    expect(() => pairedBootstrap(5, mean, { resamples: 0 })).toThrow(RangeError);
  });
});
