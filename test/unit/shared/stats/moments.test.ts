import { describe, expect, it } from 'vitest';
import { populationStd } from '../../../../shared/drift/methods/wasserstein';
import { meanAndStd } from '../../../../shared/drift/summary';
import { centralMoments } from '../../../../shared/stats/moments';

describe('centralMoments: two passes, shared by the summary and the Wasserstein normaliser', () => {
  it('matches NumPy on i/7, i < 100', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i / 7);
    const m = centralMoments(x);
    // x = np.arange(100) / 7.0, NumPy 1.24.2: x.mean(), ((x - x.mean())**2).sum()
    expect(m.mean).toBeCloseTo(7.071428571428571, 14);
    expect(m.squares).toBeCloseTo(1700.5102040816328, 11);
    // x.std(), x.std(ddof=1)
    expect(populationStd(x)).toBeCloseTo(4.1237242925317315, 14);
    expect(meanAndStd(x).std).toBeCloseTo(4.144498853697431, 14);
  });

  it('keeps the precision of values far from 0 (the mean subtracted before squaring)', () => {
    // np.array([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3]).std(ddof=1), NumPy 1.24.2
    const { mean, std } = meanAndStd(Float64Array.of(1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3));
    expect(std).toBeCloseTo(0.09999996423740853, 9);
    expect(mean).toBeCloseTo(1000000000.2000002, 6);
  });

  it('is computed once per array, and gives NaN where the statistic is undefined', () => {
    const x = Float64Array.of(1, 2, 3, 4);
    expect(centralMoments(x)).toBe(centralMoments(x));
    expect(Number.isNaN(populationStd(new Float64Array(0)))).toBe(true);
    expect(Number.isNaN(meanAndStd(Float64Array.of(5)).std)).toBe(true);
    expect(meanAndStd(Float64Array.of(5)).mean).toBe(5);
  });
});
