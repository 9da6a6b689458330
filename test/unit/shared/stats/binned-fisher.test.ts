import { describe, expect, it } from 'vitest';
import {
  FISHER_ONE_CATEGORY_NOTE,
  fisherExactTwoSided,
  runFisherExact,
} from '../../../../shared/drift/methods/fisher-exact';
import { G_ONE_CATEGORY_NOTE, runGTest } from '../../../../shared/drift/methods/g-test';
import { logBinomialPmf, stirlerr } from '../../../../shared/stats/binomial-saddle';
import {
  hypergeomCdf,
  hypergeomLogPmf,
  hypergeomPmf,
  hypergeomSf,
} from '../../../../shared/stats/hypergeometric';
import { loadFixture, relClose, sorted } from './fixture-data';

interface FisherCase {
  label: string;
  reference: number[];
  current: number[];
  oddsratio: number | null;
  pvalue: number;
}
const fx = loadFixture<{
  cases: FisherCase[];
  hypergeom: [number, number, number, number, number, number, number, number | null][];
}>('binned-fisher.json');
const cat = (reference: number[], current: number[], labels = reference.map((_, i) => `c${i}`)) =>
  ({ kind: 'categorical', labels, reference, current }) as const;

describe('fisher_exact', () => {
  it.each(fx.cases.map((c) => [c.label, c] as const))('matches scipy.stats.fisher_exact: %s', (_l, c) => {
    // oracle: scipy.stats.fisher_exact([[cur_a, cur_b], [ref_a, ref_b]]), scipy 1.10.1 (binned-fisher.json)
    const out = runFisherExact(cat(c.reference, c.current));
    expect(Math.abs(out.pValue! - c.pvalue)).toBeLessThanOrEqual(1e-6);
    expect(relClose(out.pValue!, c.pvalue, 1e-9) || Math.abs(out.pValue! - c.pvalue) < 1e-15).toBe(true);
    if (c.oddsratio === null) expect(out.statistic).toBe(Number.POSITIVE_INFINITY);
    else expect(relClose(out.statistic!, c.oddsratio, 1e-12)).toBe(true);
  });

  it('doc example and statistics.md §7 D', () => {
    // scipy.stats.fisher_exact([[8, 2], [1, 5]]).pvalue = 0.034965034965034975
    expect(fisherExactTwoSided(8, 2, 1, 5)).toBeCloseTo(0.034965034965034975, 13);
    // scipy.stats.fisher_exact([[55, 45], [70, 30]]).pvalue = 0.040534006514982644
    expect(runFisherExact(cat([70, 30], [55, 45])).pValue).toBeCloseTo(0.040534006514982644, 13);
  });

  it('one shared category: p = 1 with a note; more than two: not applicable with a reason', () => {
    expect(runFisherExact(cat([5], [9]))).toEqual({
      score: 1,
      statistic: null,
      pValue: 1,
      reason: FISHER_ONE_CATEGORY_NOTE,
    });
    const three = runFisherExact(cat([60, 40, 0], [50, 40, 10]));
    expect(three.score).toBeNull();
    expect(three.reason).toMatch(/two categories only; this column has 3/);
    const numeric = runFisherExact({ kind: 'numeric', reference: sorted([1, 2, 3]), current: sorted([1]) });
    expect(numeric.score).toBeNull();
    expect(numeric.reason).toMatch(/two categories only/);
  });

  it('unequal sizes, numeric input with two values, symmetric ties', () => {
    // scipy.stats.fisher_exact([[2, 1], [1, 4]]).pvalue = 0.4642857142857143
    const out = runFisherExact({
      kind: 'numeric',
      reference: sorted([0, 1, 1, 1, 1]),
      current: sorted([0, 0, 1]),
    });
    expect(out.pValue).toBeCloseTo(0.4642857142857143, 13);
    // scipy.stats.fisher_exact([[5, 5], [5, 5]]).pvalue = 1.0 (observed table is the mode)
    expect(fisherExactTwoSided(5, 5, 5, 5)).toBe(1);
    // scipy.stats.fisher_exact([[7, 3], [3, 7]]).pvalue = 0.1788954079975752 (both tails, tie of 3 and 7)
    expect(fisherExactTwoSided(7, 3, 3, 7)).toBeCloseTo(0.1788954079975752, 12);
    expect(() => fisherExactTwoSided(-1, 1, 1, 1)).toThrow(/fisherExactTwoSided/);
  });
});

describe('hypergeometric distribution', () => {
  it('pmf, cdf, sf, logpmf match scipy.stats.hypergeom', () => {
    for (const [k, M, n, N, pmf, cdf, sf, logpmf] of fx.hypergeom) {
      // oracle: scipy.stats.hypergeom.pmf/cdf/sf/logpmf(k, M, n, N) (binned-fisher.json); SciPy (Boost) is
      // itself off by up to 1.4e-10 relative for M = 2e6 (see the mpmath check below), hence 1e-9
      expect(relClose(hypergeomPmf(k, M, n, N), pmf, 1e-9), `pmf ${k} ${M} ${n} ${N}`).toBe(true);
      if (logpmf === null) expect(hypergeomLogPmf(k, M, n, N)).toBe(Number.NEGATIVE_INFINITY);
      else
        expect(Math.abs(hypergeomLogPmf(k, M, n, N) - logpmf)).toBeLessThanOrEqual(
          1e-8 * Math.max(1, Math.abs(logpmf)),
        ); // SciPy logpmf uses betaln: ~1e-9 abs. error at M = 1e6
      expect(
        relClose(hypergeomCdf(k, M, n, N), cdf, 1e-9) || Math.abs(hypergeomCdf(k, M, n, N) - cdf) < 1e-15,
      ).toBe(true);
      expect(
        relClose(hypergeomSf(k, M, n, N), sf, 1e-9) || Math.abs(hypergeomSf(k, M, n, N) - sf) < 1e-15,
      ).toBe(true);
    }
  });
  it('pmf for M in the millions is accurate to 1e-13 (exact binomial ratios)', () => {
    // mpmath (dps=40): binomial(1e6, 490000)**2 / binomial(2e6, 980000) = 0.0011286044872016838...
    expect(relClose(hypergeomPmf(490000, 2000000, 1000000, 980000), 0.0011286044872016838, 1e-13)).toBe(true);
    // mpmath (dps=40): binomial(10, 1)*binomial(999990, 199999)/binomial(1e6, 2e5) = 0.26843545599547010...
    expect(relClose(hypergeomPmf(1, 1000000, 10, 200000), 0.2684354559954701, 1e-13)).toBe(true);
  });
  it('Loader helpers: stirlerr and binomial pmf', () => {
    // stirlerr(1) = ln 1! − (1.5 ln 1 − 1 + ln √(2π)) = 1 − 0.9189385332046728
    expect(stirlerr(1)).toBeCloseTo(0.08106146679532726, 15);
    // scipy.stats.binom.pmf(2, 4, 0.5) = 0.375
    expect(Math.exp(logBinomialPmf(2, 4, 0.5, 0.5))).toBeCloseTo(0.375, 15);
    expect(hypergeomPmf(5, 10, 3, 4)).toBe(0);
    expect(() => hypergeomPmf(1, 5, 6, 2)).toThrow(/hypergeomLogPmf/);
  });
});

describe('g_test edge cases', () => {
  it('one shared category: p = 1 with a note (SciPy/Evidently: NaN)', () => {
    const out = runGTest(cat([5], [9]));
    expect(out.pValue).toBe(1);
    expect(out.reason).toBe(G_ONE_CATEGORY_NOTE);
  });
  it('category absent from reference: p = 0 (like chisquare); vanished category: finite', () => {
    // statistics.md §5: a category absent from reference gives p = 0
    expect(runGTest(cat([60, 40, 0], [50, 40, 10])).pValue).toBe(0);
    // scipy.stats.power_divergence([70, 0], [60, 10], lambda_="log-likelihood").pvalue = 3.3917861856825464e-06
    expect(runGTest(cat([60, 10], [70, 0])).pValue).toBeCloseTo(3.3917861856825464e-6, 12);
    // scipy.stats.power_divergence([60, 40], [50, 50], lambda_="log-likelihood").pvalue = 0.04477477232924418
    expect(runGTest(cat([50, 50], [60, 40])).pValue).toBeCloseTo(0.04477477232924418, 12);
    // identical proportions at different sizes: G = 0, p = 1
    expect(runGTest(cat([10, 20, 30], [20, 40, 60])).pValue).toBe(1);
  });
});
