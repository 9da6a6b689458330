/**
 * Special functions behind the distribution tests, against SciPy 1.10.1
 * (test/fixtures/stats/distribution-special.json, from test/fixtures/gen_distribution_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { besselKScaled } from '../../../../shared/stats/bessel-k';
import { cdfCvmInf, cvm2sampExactPValue } from '../../../../shared/stats/cramer-von-mises-distribution';
import { betainc, logBeta } from '../../../../shared/stats/incomplete-beta';
import { mannWhitneyExactCdf } from '../../../../shared/stats/mann-whitney-exact';
import { numpySum } from '../../../../shared/stats/pairwise-sum';
import { forEachTieGroup, midranksOf, tieTerm } from '../../../../shared/stats/rank';
import { tCdf, tSf, tTwoSided } from '../../../../shared/stats/student-t';
import { symmetricPinv } from '../../../../shared/stats/symmetric-pinv';
import { loadFixture, relClose } from './fixture-data';

interface Special {
  betainc: { cases: [number, number, number, number][] };
  t_two_sided: { cases: [number, number, number][] };
  kve: { cases: [number, number][] };
  cdf_cvm_inf: { cases: [number, number][] };
  cvm_exact: { cases: [number, number, number, number][] };
  mwu_exact_cdf: { cases: [number, number, number, number][] };
}
const fx = loadFixture<Special>('distribution-special.json');

describe('special functions vs SciPy 1.10.1', () => {
  it.each(fx.betainc.cases)('betainc(%d, %d, %d)', (a, b, x, expected) => {
    // scipy.special.betainc(a, b, x)
    expect(relClose(betainc(a, b, x), expected, 1e-12)).toBe(true);
  });

  it.each(fx.t_two_sided.cases)('two-sided t tail, t=%d df=%d', (t, df, expected) => {
    // 2 * scipy.special.stdtr(df, -|t|)
    expect(relClose(tTwoSided(t, df), expected, 1e-10)).toBe(true);
    // for df ≥ 1e4 the argument ν/(ν+t²) ≈ 1 limits the continued fraction to ~ε·ν/t² relative
    expect(Math.abs(tTwoSided(t, df) - expected)).toBeLessThanOrEqual(1e-12);
  });

  it.each(fx.kve.cases)('kve(0.25, %d)', (x, expected) => {
    // scipy.special.kve(0.25, x) (AMOS; ours is closer to mpmath where they differ)
    expect(relClose(besselKScaled(0.25, x), expected, 1e-13)).toBe(true);
  });

  it.each(fx.cdf_cvm_inf.cases)('_cdf_cvm_inf(%d)', (x, expected) => {
    // scipy.stats._hypotests._cdf_cvm_inf(x)
    expect(Math.abs(cdfCvmInf(x) - expected)).toBeLessThanOrEqual(1e-14);
  });

  it.each(fx.cvm_exact.cases)('_pval_cvm_2samp_exact(%d, %d, %d)', (s, m, n, expected) => {
    // scipy.stats._hypotests._pval_cvm_2samp_exact(s, m, n): integer counts, equal to the last bit
    expect(cvm2sampExactPValue(s, m, n)).toBe(expected);
  });

  it.each(fx.mwu_exact_cdf.cases)('_mwu_state.cdf(%d, %d, %d)', (k, m, n, expected) => {
    // scipy.stats._mannwhitneyu._mwu_state.cdf(k, m, n)
    expect(relClose(mannWhitneyExactCdf(k, m, n), expected, 1e-13)).toBe(true);
  });

  it('doc examples', () => {
    // scipy.special.betaln(2, 3) = -2.4849066497880004
    expect(logBeta(2, 3)).toBeCloseTo(-2.4849066497880004, 14);
    // scipy.special.betaln(1e6, 0.5) = -6.3353902120143175; mpmath: -6.335390211057437 (ours, exact to 1e-15)
    expect(logBeta(1e6, 0.5)).toBeCloseTo(-6.335390211057437, 14);
    // scipy.stats.t.sf(2, 10) = 0.036694017385370196
    expect(tSf(2, 10)).toBeCloseTo(0.036694017385370196, 15);
    expect(tCdf(-2, 10)).toBeCloseTo(0.036694017385370196, 15);
    expect(tTwoSided(Number.POSITIVE_INFINITY, 5)).toBe(0);
    expect(tTwoSided(1, 0)).toBeNaN();
    // C(7, 3) = 35 arrangements, 2 with U ≤ 1
    expect(mannWhitneyExactCdf(1, 3, 4)).toBeCloseTo(2 / 35, 15);
    // numpy.sum([0.1, 0.2, 0.3]) = 0.6000000000000001
    expect(numpySum([0.1, 0.2, 0.3])).toBe(0.6000000000000001);
    expect(() => betainc(-1, 1, 0.5)).toThrow(/betainc/);
    expect(() => besselKScaled(0.25, 0)).toThrow(/besselKScaled/);
    expect(() => cvm2sampExactPValue(1, 0, 3)).toThrow(/cvm2sampExactPValue/);
  });

  it('ranks of two sorted samples', () => {
    // scipy.stats.rankdata([1, 2, 2, 3]) = [1, 2.5, 2.5, 4]
    expect(Array.from(midranksOf(Float64Array.of(1, 2), Float64Array.of(2, 3)))).toEqual([1, 2.5]);
    // one tie group of 3: 3³ − 3 = 24
    expect(tieTerm(Float64Array.of(1, 2, 2), Float64Array.of(2, 5))).toBe(24);
    const groups: number[][] = [];
    forEachTieGroup(Float64Array.of(1, 2), Float64Array.of(2, 3), (v, ca, cb, below) =>
      groups.push([v, ca, cb, below]),
    );
    expect(groups).toEqual([
      [1, 1, 0, 0],
      [2, 1, 1, 1],
      [3, 0, 1, 3],
    ]);
    // A visit returning false ends the walk after its group.
    const firstTwo: number[] = [];
    forEachTieGroup(Float64Array.of(1, 2), Float64Array.of(2, 3), (v) => firstTwo.push(v) < 2);
    expect(firstTwo).toEqual([1, 2]);
  });

  it('pseudo-inverse of a symmetric matrix', () => {
    // numpy.linalg.pinv([[2, 0], [0, 0]]) = [[0.5, 0], [0, 0]], matrix_rank of it = 1
    expect(
      symmetricPinv([
        [2, 0],
        [0, 0],
      ]),
    ).toEqual({
      inverse: [
        [0.5, 0],
        [0, 0],
      ],
      rank: 1,
    });
    // numpy.linalg.pinv([[2, 1], [1, 2]]) = [[2/3, -1/3], [-1/3, 2/3]]
    const { inverse, rank } = symmetricPinv([
      [2, 1],
      [1, 2],
    ]);
    expect(rank).toBe(2);
    expect(inverse[0][0]).toBeCloseTo(2 / 3, 14);
    expect(inverse[0][1]).toBeCloseTo(-1 / 3, 14);
  });
});
