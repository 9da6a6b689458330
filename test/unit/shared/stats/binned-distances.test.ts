import { describe, expect, it } from 'vitest';
import { runGTest } from '../../../../shared/drift/methods/g-test';
import { ONE_VALUE_NOTE, runHellinger } from '../../../../shared/drift/methods/hellinger';
import {
  jensenShannonBase2,
  runJensenShannonBase2,
} from '../../../../shared/drift/methods/jensenshannon-base2';
import { klDivergence, runKlDiv } from '../../../../shared/drift/methods/kl-div';
import { psiOfShares, runPsi } from '../../../../shared/drift/methods/psi';
import { tvdOfCounts } from '../../../../shared/drift/methods/tvd';
import type { PairedSample } from '../../../../shared/drift/sample';
import { zeroFill } from '../../../../shared/drift/zero-fill';
import { loadFixture, type PmSpec, pm, relClose, sorted } from './fixture-data';

interface Case {
  label: string;
  input: 'numeric' | 'counts';
  a?: number[];
  b?: number[];
  a_gen?: PmSpec;
  b_gen?: PmSpec;
  ref_counts: number[];
  cur_counts: number[];
  psi: number;
  kl_div: number;
  hellinger: number | null;
  js_base2: number;
  tvd: number;
  g_statistic: number | null;
  g_pvalue: number;
}
const fx = loadFixture<{ cases: Case[] }>('binned-distances.json');

const sampleOf = (c: Case): PairedSample =>
  c.input === 'numeric'
    ? {
        kind: 'numeric',
        reference: c.a ? sorted(c.a) : sorted(pm(c.a_gen!)),
        current: c.b ? sorted(c.b) : sorted(pm(c.b_gen!)),
      }
    : {
        kind: 'categorical',
        labels: c.ref_counts.map((_, i) => `k${String(i).padStart(2, '0')}`),
        reference: c.ref_counts,
        current: c.cur_counts,
      };
const close = (actual: number | null, expected: number) =>
  actual !== null && (relClose(actual, expected, 1e-9) || Math.abs(actual - expected) < 1e-15);
const cat = (reference: number[], current: number[], labels = reference.map((_, i) => `c${i}`)) =>
  ({ kind: 'categorical', labels, reference, current }) as const;
const numeric = (a: number[], b: number[]) =>
  ({ kind: 'numeric', reference: sorted(a), current: sorted(b) }) as const;
const vectorB = () => {
  const ref = Array.from({ length: 100 }, (_, i) => i / 10);
  return numeric(
    ref,
    ref.map((x) => x + 1),
  );
};
const A = cat([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8], ['1', '2', '3', '4', '5', '6']);
const C = cat([60, 40, 0], [50, 40, 10], ['a', 'b', 'c']);

describe('psi, kl_div, hellinger, jensenshannon_base2, tvd statistic, g_test on the fixture corpus', () => {
  it.each(fx.cases.map((c) => [c.label, c] as const))('%s', (_l, c) => {
    const s = sampleOf(c);
    // oracle: numpy sum((r-c)*log(r/c)) on zero-filled §6 shares (binned-distances.json)
    expect(close(runPsi(s).score, c.psi)).toBe(true);
    // oracle: scipy.stats.entropy(r_filled, c_filled)
    expect(close(runKlDiv(s).score, c.kl_div)).toBe(true);
    // oracle: Evidently hellinger_distance re-run with numpy (null: one distinct value, our convention 0)
    const h = runHellinger(s);
    if (c.hellinger === null) expect(h.score).toBe(0);
    else expect(close(h.score, c.hellinger)).toBe(true);
    // oracle: scipy.spatial.distance.jensenshannon(r, c, base=2)
    expect(close(runJensenShannonBase2(s).score, c.js_base2)).toBe(true);
    // oracle: numpy 0.5*sum(|r - c|) on the same bins
    expect(close(tvdOfCounts(c.ref_counts, c.cur_counts), c.tvd)).toBe(true);
    // oracle: scipy.stats.power_divergence(cur, ref*n_cur/n_ref, lambda_="log-likelihood")
    const g = runGTest(s);
    if (c.g_statistic === null && c.g_pvalue === 0) expect(g.statistic).toBe(Number.POSITIVE_INFINITY);
    else if (c.g_statistic !== null)
      expect(relClose(g.statistic!, c.g_statistic, 1e-9) || g.statistic! < 1e-12).toBe(true);
    expect(Math.abs(g.pValue! - c.g_pvalue)).toBeLessThanOrEqual(1e-6);
  });
});

describe('check vectors of statistics.md §7', () => {
  it('A (as categories)', () => {
    // statistics.md §7 A: psi = 0.037218, kl_div = 0.018910, hellinger = 0.068128
    expect(runPsi(A).score).toBeCloseTo(0.037218, 6);
    expect(runKlDiv(A).score).toBeCloseTo(0.01891, 6);
    expect(runHellinger(A).score).toBeCloseTo(0.068128, 6);
  });
  it('B (9 Sturges bins on [0, 10.9]; hellinger on the distinct values)', () => {
    // statistics.md §7 B: psi = 0.293267, kl_div = 0.146634, hellinger (numerical) = 0.174166
    expect(runPsi(vectorB()).score).toBeCloseTo(0.293267, 6);
    expect(runKlDiv(vectorB()).score).toBeCloseTo(0.146634, 6);
    expect(runHellinger(vectorB()).score).toBeCloseTo(0.174166, 6);
  });
  it('C (category "c" absent from the reference)', () => {
    // statistics.md §7 C: psi = 0.708317, kl_div = 0.108591, hellinger = 0.228643
    expect(runPsi(C).score).toBeCloseTo(0.708317, 6);
    expect(runKlDiv(C).score).toBeCloseTo(0.108591, 6);
    expect(runHellinger(C).score).toBeCloseTo(0.228643, 6);
  });
});

describe('edge cases', () => {
  it('zero-filling: m/1e6 when the smallest share ≤ 1e-4, else 1e-4 (Evidently get_binned_data)', () => {
    expect(zeroFill([0.5, 0.5, 0])).toEqual([0.5, 0.5, 0.0001]);
    expect(zeroFill([0.99995, 0.00005, 0])[2]).toBeCloseTo(5e-11, 25);
    expect(zeroFill([0, 0])).toEqual([0, 0]);
  });
  it('n = 1 and constant columns give finite scores, never NaN', () => {
    for (const s of [
      numeric([1], [1]),
      numeric([2, 2, 2], [2, 2]),
      numeric([1], [5]),
      cat([3], [0, 4].slice(1)),
    ]) {
      for (const run of [runPsi, runKlDiv, runHellinger, runJensenShannonBase2, runGTest]) {
        const out = run(s);
        expect(out.score === null || Number.isFinite(out.score)).toBe(true);
      }
    }
    // identical constant columns: every distance 0 (Evidently's hellinger gives 1 here: bin width 0)
    const constant = numeric([2, 2, 2], [2, 2]);
    expect(runPsi(constant).score).toBe(0);
    expect(runKlDiv(constant).score).toBe(0);
    expect(runJensenShannonBase2(constant).score).toBe(0);
    expect(runHellinger(constant)).toEqual({ score: 0, statistic: 0, pValue: null, reason: ONE_VALUE_NOTE });
    // n = 1 each, different values: disjoint supports → js base 2 = 1, hellinger (categorical) = 1
    expect(runJensenShannonBase2(numeric([1], [5])).score).toBe(1);
    expect(runHellinger(cat([1, 0], [0, 1])).score).toBe(1);
  });
  it('an empty side is not computable, with a reason', () => {
    for (const run of [runPsi, runKlDiv, runHellinger, runJensenShannonBase2, runGTest]) {
      const out = run(cat([0, 0], [1, 2]));
      expect(out.score).toBeNull();
      expect(out.reason).toMatch(/both sets/);
    }
  });
  it('doc examples', () => {
    // numpy: sum((r-c)*log(r/c)) for r = [0.6, 0.4, 1e-4], c = [0.5, 0.4, 0.1]
    expect(psiOfShares([0.6, 0.4, 0.0001], [0.5, 0.4, 0.1])).toBeCloseTo(0.7083169080497109, 15);
    // scipy.stats.entropy([1, 1], [1, 3]) = 0.14384103622589042
    expect(klDivergence([1, 1], [1, 3])).toBeCloseTo(0.14384103622589042, 15);
    // scipy.spatial.distance.jensenshannon([1, 0], [0, 1], base=2) = 1.0
    expect(jensenShannonBase2([1, 0], [0, 1])).toBe(1);
    expect(() => klDivergence([1], [1, 2])).toThrow(/klDivergence/);
    expect(() => psiOfShares([1], [1, 2])).toThrow(/psiOfShares/);
  });
});
