import { describe, expect, it } from 'vitest';
import { binEdges, countInEdges, driftBins } from '../../../../shared/drift/bins';
import { jensenShannonDistance, runJensenShannon } from '../../../../shared/drift/methods/jensenshannon';
import {
  populationStd,
  runWasserstein,
  wasserstein1,
  wasserstein1Short,
} from '../../../../shared/drift/methods/wasserstein';
import { toCategorical } from '../../../../shared/drift/to-categorical';
import { shortAgainstLong, upperBounds } from '../../../../shared/stats/sorted';
import { loadFixture, relClose, sorted } from './fixture-data';

interface WCase {
  label: string;
  a: number[];
  b: number[];
  w1: number;
  normed: number;
}
interface JsCase {
  label: string;
  input: 'numeric' | 'counts';
  a?: number[];
  b?: number[];
  kind?: 'edges' | 'values';
  edges?: number[];
  values?: number[];
  ref_counts?: number[];
  cur_counts?: number[];
  reference?: number[];
  current?: number[];
  js: number;
}
const wfx = loadFixture<{ cases: WCase[] }>('wasserstein.json');
const jfx = loadFixture<{ cases: JsCase[] }>('jensenshannon.json');

const numeric = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  ({ kind: 'numeric', reference: sorted(a), current: sorted(b) }) as const;
const vectorB = () => {
  const ref = Array.from({ length: 100 }, (_, i) => i / 10);
  return [ref, ref.map((x) => x + 1)] as const;
};

describe('wasserstein (normed)', () => {
  it.each(wfx.cases.map((c) => [c.label, c] as const))('matches SciPy: %s', (_l, c) => {
    // oracle: scipy.stats.wasserstein_distance(a, b) / max(numpy.std(a), 0.001), scipy 1.10.1 (wasserstein.json)
    const out = runWasserstein(numeric(c.a, c.b));
    expect(relClose(out.statistic!, c.w1, 1e-9) || Math.abs(out.statistic! - c.w1) < 1e-15).toBe(true);
    expect(relClose(out.score!, c.normed, 1e-9) || Math.abs(out.score! - c.normed) < 1e-15).toBe(true);
    expect(out.pValue).toBeNull();
  });

  it('check vector B: 0.346427 (statistics.md §7)', () => {
    const [ref, cur] = vectorB();
    // statistics.md §7 B: wasserstein (normed) = 0.346427
    expect(runWasserstein(numeric(ref, cur)).score).toBeCloseTo(0.346427, 6);
  });

  it('the short-against-long cases take the O(n₂ log n₁) path, and it is symmetric', () => {
    const short = wfx.cases.filter((c) => c.label.includes('short'));
    expect(short).toHaveLength(5);
    for (const c of short) {
      const [a, b] = [sorted(c.a), sorted(c.b)];
      expect(shortAgainstLong(a, b) || shortAgainstLong(b, a), c.label).toBe(true);
      // the same integral whichever sample is called u (scipy's wasserstein_distance is symmetric)
      const [long, brief] = a.length > b.length ? [a, b] : [b, a];
      expect(relClose(wasserstein1Short(long, brief), c.w1, 1e-9), c.label).toBe(true);
    }
  });

  it('upperBounds: numpy.searchsorted(long, short, side="right")', () => {
    // numpy.searchsorted([1, 2, 2, 3], [0, 2, 2, 5], 'right') = [0, 3, 3, 4]
    expect([...upperBounds(Float64Array.of(1, 2, 2, 3), Float64Array.of(0, 2, 2, 5))]).toEqual([0, 3, 3, 4]);
  });

  it('doc examples and edge cases', () => {
    // scipy.stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5.0
    expect(wasserstein1(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8))).toBeCloseTo(5, 14);
    // numpy.std([1, 2, 3, 4]) = 1.118033988749895
    expect(populationStd(Float64Array.of(1, 2, 3, 4))).toBeCloseTo(1.118033988749895, 15);
    // identical samples: distance 0; n = 1 each: |1 - 3| / 0.001 = 2000
    expect(runWasserstein(numeric([1, 2, 3], [1, 2, 3])).score).toBe(0);
    expect(runWasserstein(numeric([1], [3])).score).toBeCloseTo(2000, 9);
    expect(
      runWasserstein({ kind: 'categorical', labels: ['a'], reference: [1], current: [1] }).score,
    ).toBeNull();
  });
});

describe('bins of statistics.md §6', () => {
  it('vector B: 9 Sturges bins on [0, 10.9]', () => {
    const [ref, cur] = vectorB();
    const bins = driftBins(numeric(ref, cur));
    expect(bins.kind).toBe('edges');
    if (bins.kind !== 'edges') return;
    // statistics.md §7 B: 9 Sturges bins on [0, 10.9] (numpy.histogram_bin_edges(..., "sturges"))
    expect(bins.edges).toHaveLength(10);
    expect(bins.edges[0]).toBe(0);
    expect(bins.edges[9]).toBe(10.9);
    expect(bins.reference.reduce((s, v) => s + v, 0)).toBe(100);
  });

  it('matches numpy edges and histogram counts on the fixture cases', () => {
    for (const c of jfx.cases) {
      if (c.input !== 'numeric') continue;
      const bins = driftBins(numeric(c.a!, c.b!));
      expect(bins.kind, c.label).toBe(c.kind);
      if (bins.kind === 'edges') {
        // oracle: numpy.histogram_bin_edges(concat, bins="sturges") (+ integer width rule of NumPy >= 2.1)
        expect(bins.edges, c.label).toEqual(c.edges);
      } else {
        expect(bins.labels, c.label).toEqual(c.values!.map(String));
      }
      // oracle: numpy.histogram(ref, edges)[0] / per-value counts
      expect(bins.reference, c.label).toEqual(c.ref_counts);
      expect(bins.current, c.label).toEqual(c.cur_counts);
    }
  });

  it('integer data: width below 1 becomes 1 (NumPy >= 2.1)', () => {
    const ref = sorted(Array.from({ length: 500 }, (_, i) => i % 8));
    const cur = sorted(Array.from({ length: 500 }, (_, i) => (i % 8) + 1));
    // ptp = 8, Sturges width 8/(log2(1000)+1) < 1 → width 1, k = 8:
    // numpy 2.4.6 histogram_bin_edges(int64 array, "sturges") = [0, 1, ..., 8]
    expect(binEdges({ reference: ref, current: cur }, 'sturges')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // the same values with a non-integer added use the plain Sturges rule (11 bins):
    // numpy histogram_bin_edges(float array, "sturges") has 12 edges
    expect(binEdges({ reference: ref, current: sorted([...cur, 0.5]) }, 'sturges')).toHaveLength(12);
  });

  it('counts with edge_i <= x < edge_(i+1), last bin closed', () => {
    expect(countInEdges(Float64Array.of(0, 0.5, 1, 2), [0, 1, 2])).toEqual([2, 2]);
    expect(countInEdges(Float64Array.of(1, 1, 1), [0, 1, 2])).toEqual([0, 3]);
  });

  it('numeric values with at most 20 distinct reference values get one bin per value', () => {
    const bins = driftBins(numeric([1, 1, 2.5], [2.5, 3]));
    expect(bins).toEqual({
      kind: 'values',
      labels: ['1', '2.5', '3'],
      reference: [2, 1, 0],
      current: [0, 1, 1],
    });
    expect(toCategorical(numeric([1, 1, 2.5], [2.5, 3])).labels).toEqual(['1', '2.5', '3']);
  });
});

describe('jensenshannon', () => {
  it.each(jfx.cases.map((c) => [c.label, c] as const))('matches scipy jensenshannon: %s', (_l, c) => {
    // oracle: scipy.spatial.distance.jensenshannon(ref_share, cur_share), scipy 1.10.1 (jensenshannon.json)
    const out =
      c.input === 'numeric'
        ? runJensenShannon(numeric(c.a!, c.b!))
        : runJensenShannon({
            kind: 'categorical',
            labels: c.reference!.map((_, i) => `k${i}`),
            reference: c.reference!,
            current: c.current!,
          });
    expect(relClose(out.score!, c.js, 1e-9) || Math.abs(out.score! - c.js) < 1e-15).toBe(true);
  });

  it('check vectors A, B, C (statistics.md §7)', () => {
    const catA = { kind: 'categorical', labels: ['1', '2', '3', '4', '5', '6'] } as const;
    // statistics.md §7 A: jensenshannon = 0.068048
    expect(
      runJensenShannon({
        ...catA,
        labels: [...catA.labels],
        reference: [16, 18, 16, 14, 12, 12],
        current: [16, 16, 16, 16, 16, 8],
      }).score,
    ).toBeCloseTo(0.068048, 6);
    const [ref, cur] = vectorB();
    // statistics.md §7 B: jensenshannon = 0.183551 on 9 Sturges bins
    expect(runJensenShannon(numeric(ref, cur)).score).toBeCloseTo(0.183551, 6);
    // statistics.md §7 C: jensenshannon = 0.192180
    expect(
      runJensenShannon({
        kind: 'categorical',
        labels: ['a', 'b', 'c'],
        reference: [60, 40, 0],
        current: [50, 40, 10],
      }).score,
    ).toBeCloseTo(0.19218, 6);
  });

  it('maximum is sqrt(ln 2) for disjoint supports; identical gives 0', () => {
    // scipy.spatial.distance.jensenshannon([1, 0], [0, 1]) = 0.8325546111576977
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(0.8325546111576977, 15);
    expect(jensenShannonDistance([3, 4], [6, 8])).toBe(0);
    expect(() => jensenShannonDistance([1], [1, 2])).toThrow(/jensenShannonDistance/);
  });
});
