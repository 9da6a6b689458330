import { describe, expect, it } from 'vitest';
import { chi2Sf } from '../../../../shared/stats/chi-square';
import { gammainc, gammaincc } from '../../../../shared/stats/incomplete-gamma';
import { kolmogorovSf } from '../../../../shared/stats/kolmogorov';
import { logGamma } from '../../../../shared/stats/log-gamma';
import { erf, erfc, normCdf, normSf } from '../../../../shared/stats/normal';
import { smirnovSf } from '../../../../shared/stats/smirnov';
import { loadFixture, relClose } from './fixture-data';

interface Distributions {
  chi2_sf: [number, number, number][];
  norm: [number, number, number][];
  kolmogorov: [number, number][];
  smirnov: [number, number, number][];
  gammaln: [number, number][];
}
const fx = loadFixture<Distributions>('distributions.json');

describe('normal distribution (Cephes ndtr port)', () => {
  it('matches the doc examples', () => {
    // scipy.special.erf(0.5), scipy 1.10.1
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    // scipy.special.erfc(3), scipy 1.10.1
    expect(relClose(erfc(3), 2.2090496998585445e-5, 1e-14)).toBe(true);
    // scipy.stats.norm.cdf(1.96), scipy 1.10.1
    expect(normCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    // scipy.stats.norm.sf(5), scipy 1.10.1
    expect(relClose(normSf(5), 2.866515718791933e-7, 1e-13)).toBe(true);
  });

  it('matches scipy.stats.norm.sf and .cdf on a grid to 1e-13 relative, tails included', () => {
    for (const [x, sf, cdf] of fx.norm) {
      // oracle: scipy.stats.norm.sf(x), scipy.stats.norm.cdf(x), scipy 1.10.1 (distributions.json)
      expect(relClose(normSf(x), sf, 1e-13), `sf(${x})`).toBe(true);
      expect(relClose(normCdf(x), cdf, 1e-13), `cdf(${x})`).toBe(true);
    }
  });

  it('returns NaN for NaN', () => {
    expect(normSf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
  });
});

describe('logGamma, incomplete gamma, chi-square', () => {
  it('logGamma matches scipy.special.gammaln to 1e-14 relative (absolute near its zeros)', () => {
    for (const [x, v] of fx.gammaln) {
      // oracle: scipy.special.gammaln(x), scipy 1.10.1
      expect(Math.abs(logGamma(x) - v) <= 1e-14 * Math.max(1, Math.abs(v)), `lgamma(${x})`).toBe(true);
    }
    // ln 9! = ln 362880
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13);
  });

  it('logGamma rejects x <= 0 with its name in the message', () => {
    expect(() => logGamma(0)).toThrow(/logGamma/);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });

  it('gammaincc/gammainc: e^-2 identities', () => {
    // scipy.special.gammaincc(1, 2), scipy.special.gammainc(1, 2)
    expect(gammaincc(1, 2)).toBeCloseTo(0.1353352832366127, 15);
    expect(gammainc(1, 2)).toBeCloseTo(0.8646647167633873, 15);
    expect(gammaincc(3, 0)).toBe(1);
    expect(() => gammaincc(0, 1)).toThrow(/gammaincc/);
  });

  it('chi2Sf matches scipy.stats.chi2.sf on a grid (1e-10 relative, or 1e-300 absolute)', () => {
    for (const [x, df, sf] of fx.chi2_sf) {
      // oracle: scipy.stats.chi2.sf(x, df), scipy 1.10.1
      const v = chi2Sf(x, df);
      expect(
        relClose(v, sf, 1e-10) || Math.abs(v - sf) < 1e-300,
        `chi2.sf(${x}, ${df}) = ${v} vs ${sf}`,
      ).toBe(true);
    }
  });

  it('chi2Sf edge cases: x = 0, x = Infinity, df = 0', () => {
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(Number.POSITIVE_INFINITY, 3)).toBe(0);
    // scipy.stats.chi2.sf(1, 0) is nan
    expect(chi2Sf(1, 0)).toBeNaN();
  });
});

describe('Kolmogorov and Smirnov distributions', () => {
  it('kolmogorovSf matches scipy.special.kolmogorov to 1e-14 relative', () => {
    for (const [x, v] of fx.kolmogorov) {
      // oracle: scipy.special.kolmogorov(x), scipy 1.10.1
      expect(relClose(kolmogorovSf(x), v, 1e-14) || Math.abs(kolmogorovSf(x) - v) < 1e-300, `K(${x})`).toBe(
        true,
      );
    }
  });

  it('smirnovSf matches scipy.special.smirnov to 1e-10 relative', () => {
    for (const [n, d, v] of fx.smirnov) {
      // oracle: scipy.special.smirnov(n, d), scipy 1.10.1 (double-double in SciPy, binary64 here)
      const got = smirnovSf(n, d);
      expect(
        relClose(got, v, 1e-10) || Math.abs(got - v) < 1e-300,
        `smirnov(${n}, ${d}) = ${got} vs ${v}`,
      ).toBe(true);
    }
    // scipy.special.smirnov(5, 0.3)
    expect(smirnovSf(5, 0.3)).toBeCloseTo(0.34282, 14);
  });
});
