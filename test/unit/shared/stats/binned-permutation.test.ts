import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MMD_MAX_PER_SET,
  medianHeuristicSigma,
  mmdPermutationTest,
  mmdSquared,
  runEmpiricalMmd,
} from '../../../../shared/drift/methods/empirical-mmd';
import { TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import { runTvd, tvdPermutationTest } from '../../../../shared/drift/methods/tvd';
import type { PairedSample } from '../../../../shared/drift/sample';
import { kthPairwiseDifference, medianPairwiseDifference } from '../../../../shared/stats/pairwise-median';
import { sampleIndices } from '../../../../shared/stats/sample-without-replacement';
import { SeededRng } from '../../../../shared/stats/seeded-rng';
import { loadFixture, relClose, sorted } from './fixture-data';

interface MmdCase {
  label: string;
  x: number[];
  y: number[];
  sigma: number;
  mmd2: number;
}
const mfx = loadFixture<{ cases: MmdCase[] }>('binned-mmd.json');
const numeric = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  ({ kind: 'numeric', reference: sorted(a), current: sorted(b) }) as const;
const cat = (reference: number[], current: number[]) =>
  ({ kind: 'categorical', labels: reference.map((_, i) => `c${i}`), reference, current }) as const;
const normals = (rng: SeededRng, n: number, shift: number) =>
  Array.from(
    { length: n },
    () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()) + shift,
  );

describe('SeededRng', () => {
  it('is reproducible, in [0, 1), and int(n) is in range', () => {
    const a = new SeededRng(42);
    const b = new SeededRng(42);
    for (let i = 0; i < 1000; i++) {
      const u = a.next();
      expect(u).toBe(b.next());
      expect(u >= 0 && u < 1).toBe(true);
      const k = a.int(7);
      expect(k).toBe(b.int(7));
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
    expect(new SeededRng(1).next()).not.toBe(new SeededRng(2).next());
    expect(() => new SeededRng(Number.NaN)).toThrow(/SeededRng/);
    expect(() => a.int(0)).toThrow(/SeededRng.int/);
  });
  it('sampleIndices: distinct, sorted, in range', () => {
    const idx = sampleIndices(new SeededRng(3), 100, 30);
    expect(new Set(idx).size).toBe(30);
    expect([...idx]).toEqual([...idx].sort((p, q) => p - q));
    expect(idx.every((i) => i >= 0 && i < 100)).toBe(true);
  });
});

describe('tvd', () => {
  it('statistic and p-value properties', () => {
    // numpy: 0.5*sum(|[.6,.4,0] - [.5,.4,.1]|) = 0.1 (check vector C)
    expect(runTvd(cat([60, 40, 0], [50, 40, 10])).statistic).toBeCloseTo(0.1, 15);
    // identical samples: every permutation is ≥ 0 → p = 1
    expect(runTvd(cat([30, 20, 50], [30, 20, 50])).pValue).toBe(1);
    // clearly different: p = 1/1001, the smallest possible
    expect(runTvd(cat([900, 100], [100, 900])).pValue).toBeCloseTo(1 / 1001, 15);
    // reproducible with the seed; different seeds may differ but both in (0, 1]
    const s = cat([40, 35, 25], [33, 37, 30]);
    expect(runTvd(s, new SeededRng(5)).pValue).toBe(runTvd(s, new SeededRng(5)).pValue);
    for (const seed of [1, 2, 3]) {
      const p = runTvd(s, new SeededRng(seed)).pValue!;
      expect(p > 0 && p <= 1).toBe(true);
    }
    expect(runTvd(cat([0, 0], [1, 2])).score).toBeNull();
    expect(() => tvdPermutationTest([1, 2], [1, 2], new SeededRng(1), 0)).toThrow(/tvdPermutationTest/);
  });
  it('the permutation null is calibrated: p ≈ uniform under H0 (mean ≈ 0.5)', () => {
    const rng = new SeededRng(11);
    let sum = 0;
    const reps = 40;
    for (let r = 0; r < reps; r++) {
      // both sets drawn from the same 4-category distribution
      const draw = (n: number) => {
        const c = [0, 0, 0, 0];
        for (let i = 0; i < n; i++) c[Math.min(3, Math.floor(rng.next() * rng.next() * 8))]++;
        return c;
      };
      sum += tvdPermutationTest(draw(200), draw(150), rng, 200).pValue;
    }
    expect(sum / reps).toBeGreaterThan(0.35);
    expect(sum / reps).toBeLessThan(0.65);
  });
});

describe('empirical_mmd', () => {
  it.each(mfx.cases.map((c) => [c.label, c] as const))('sigma and MMD² match NumPy: %s', (_l, c) => {
    const pooled = sorted([...c.x, ...c.y]);
    // oracle: numpy.median(scipy.spatial.distance.pdist(pooled)) (non-zero median if 0) (binned-mmd.json)
    expect(medianHeuristicSigma(pooled)).toBe(c.sigma);
    // oracle: unbiased MMD² with exp(-d²/(2σ²)), numpy (binned-mmd.json)
    const mmd2 = mmdSquared(c.x, c.y, c.sigma);
    expect(relClose(mmd2, c.mmd2, 1e-9) || Math.abs(mmd2 - c.mmd2) < 1e-15).toBe(true);
  });
  it('pairwise-difference order statistics', () => {
    // differences of [0, 1, 3]: 1, 2, 3 → median 2 (numpy.median(pdist))
    expect(medianPairwiseDifference(Float64Array.of(0, 1, 3))).toBe(2);
    expect(kthPairwiseDifference(Float64Array.of(0, 1, 3), 3)).toBe(3);
    // four values: differences 1,1,2,2,3,4 (sorted: 1,1,2,2,3,4... of [0,1,2,4]) → numpy median 2
    expect(medianPairwiseDifference(Float64Array.of(0, 1, 2, 4))).toBe(2);
    expect(() => kthPairwiseDifference(Float64Array.of(0, 1), 2)).toThrow(/kthPairwiseDifference/);
  });
  it('low-rank and dense permutation paths give the same p-value', () => {
    const rng = new SeededRng(9);
    const x = sorted(normals(rng, 150, 0));
    const y = sorted(normals(rng, 120, 0.3));
    const sigma = medianHeuristicSigma(sorted([...x, ...y]));
    const low = mmdPermutationTest(x, y, sigma, new SeededRng(4), 300);
    const dense = mmdPermutationTest(x, y, sigma, new SeededRng(4), 300, 1);
    expect(low.rank).toBeGreaterThan(1);
    expect(dense.rank).toBeNull();
    expect(low.pValue).toBe(dense.pValue);
    expect(low.statistic).toBe(dense.statistic);
  });
  it('p-value properties, subsampling, edge cases', () => {
    const rng = new SeededRng(21);
    const a = normals(rng, 300, 0);
    const same = runEmpiricalMmd(numeric(a, a));
    expect(same.pValue).toBeGreaterThan(0.5);
    const far = runEmpiricalMmd(numeric(a, normals(rng, 300, 1.5)));
    expect(far.pValue).toBeLessThan(0.01);
    const s = numeric(a, normals(rng, 200, 0.1));
    expect(runEmpiricalMmd(s).pValue).toBe(runEmpiricalMmd(s).pValue);
    const big = runEmpiricalMmd(numeric(normals(rng, 3000, 0), normals(rng, 2500, 0)));
    expect(big.reason).toContain(`${MMD_MAX_PER_SET} reference and ${MMD_MAX_PER_SET} current`);
    expect(big.pValue! > 0 && big.pValue! <= 1).toBe(true);
    expect(runEmpiricalMmd(numeric([1, 1, 1], [1, 1])).pValue).toBe(1);
    expect(runEmpiricalMmd(numeric([1], [1, 2])).score).toBeNull();
    expect(runEmpiricalMmd(cat([1, 2], [2, 1])).reason).toMatch(/numerical columns only/);
    expect(() => mmdSquared([1], [1, 2], 1)).toThrow(/mmdSquared/);
  });
});

const values = fc.array(
  fc.integer({ min: -40, max: 40 }).map((v) => v / 4),
  { minLength: 1, maxLength: 40 },
);
const pair = (a: number[], b: number[]): PairedSample => numeric(a, b);
/** The binned, count and permutation methods of statistics.md §5, read from the one registry. */
const KEYS = [
  'psi',
  'kl_div',
  'hellinger',
  'jensenshannon_base2',
  'fisher_exact',
  'g_test',
  'tvd',
  'empirical_mmd',
] as const;
type BinnedTestKey = (typeof KEYS)[number];
const BINNED_TESTS = TEST_REGISTRY;
const BINNED_DRIFT_RULE = Object.fromEntries(KEYS.map((k) => [k, TEST_REGISTRY[k].rule]));
const drifts = (key: BinnedTestKey, score: number | null) => {
  if (score === null || Number.isNaN(score)) return false;
  const t = BINNED_TESTS[key].defaultThreshold;
  return BINNED_DRIFT_RULE[key] === '<' ? score < t : score >= t;
};

describe('properties (fast-check, seeded)', () => {
  it('scores in range, never NaN; identical samples never drift; symmetric distances symmetric', () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        for (const key of KEYS) {
          const out = BINNED_TESTS[key].run(pair(a, b));
          if (out.score === null) {
            expect(out.reason).toBeTruthy();
            continue;
          }
          expect(Number.isNaN(out.score)).toBe(false);
          expect(out.score).toBeGreaterThanOrEqual(0);
          if (BINNED_TESTS[key].kind === 'p_value' || key === 'hellinger' || key === 'jensenshannon_base2')
            expect(out.score).toBeLessThanOrEqual(1);
          const same = BINNED_TESTS[key].run(pair(a, a));
          expect(drifts(key, same.score)).toBe(false);
        }
        for (const key of ['psi', 'hellinger', 'jensenshannon_base2'] as const) {
          const ab = BINNED_TESTS[key].run(pair(a, b)).score!;
          const ba = BINNED_TESTS[key].run(pair(b, a)).score!;
          expect(Math.abs(ab - ba)).toBeLessThanOrEqual(1e-12 * Math.max(1, ab));
        }
      }),
      { seed: 2024, numRuns: 80 },
    );
  });
  it('drift rules follow statistics.md §4', () => {
    expect(BINNED_DRIFT_RULE).toEqual({
      psi: '>=',
      kl_div: '>=',
      hellinger: '>=',
      jensenshannon_base2: '>=',
      fisher_exact: '<',
      g_test: '<',
      tvd: '<',
      empirical_mmd: '<',
    });
    for (const key of KEYS) {
      expect(BINNED_TESTS[key].key).toBe(key);
      expect(BINNED_TESTS[key].defaultThreshold).toBe(0.1);
      expect(BINNED_TESTS[key].appliesTo('numerical')).toBe(true);
      expect(BINNED_TESTS[key].appliesTo('categorical')).toBe(key !== 'empirical_mmd');
      expect(BINNED_TESTS[key].appliesTo('text')).toBe(false);
    }
  });
});
