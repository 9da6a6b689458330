import { describe, expect, it } from 'vitest';
import { linspaceEdges } from '../../../../shared/drift/bins';
import { jensenShannonDistance, jsTerms } from '../../../../shared/drift/methods/jensenshannon';
import { ksLocation, ksStatistic } from '../../../../shared/drift/methods/ks';
import { psiOfShares, psiTerms } from '../../../../shared/drift/methods/psi';
import { zeroFill } from '../../../../shared/drift/zero-fill';
import {
  categoricalColumnDetail,
  ecdfPoints,
  numericColumnDetail,
} from '../../../../shared/explore/column-detail';
import type { Column } from '../../../../shared/table/columnar';

const num = (name: string, values: number[]): Column => ({
  name,
  storage: 'number',
  values: Float64Array.from(values),
  invalidCount: 0,
  firstInvalid: null,
});
const str = (name: string, values: (string | null)[]): Column => {
  const dictionary: string[] = [];
  const codes = values.map((v) => {
    if (v === null) return -1;
    let i = dictionary.indexOf(v);
    if (i < 0) i = dictionary.push(v) - 1;
    return i;
  });
  return { name, storage: 'string', codes: Int32Array.from(codes), dictionary };
};

describe('ecdfPoints', () => {
  it('takes the last index of ties so every point is on the step function', () => {
    expect(ecdfPoints(Float64Array.of(1, 2, 2, 3), 10)).toEqual({ x: [1, 2, 3], y: [0.25, 0.75, 1] });
  });
  it('downsamples to at most the requested points and ends at 1', () => {
    const sorted = Float64Array.from({ length: 100_000 }, (_, i) => i);
    const e = ecdfPoints(sorted, 500);
    expect(e.x.length).toBeLessThanOrEqual(500);
    expect(e.y.at(-1)).toBe(1);
    expect(e.x[0]).toBe(0);
  });
  it('is empty for an empty sample', () => {
    expect(ecdfPoints(new Float64Array(0))).toEqual({ x: [], y: [] });
  });
});

describe('ksLocation', () => {
  it('finds D equal to the KS statistic and where it is reached', () => {
    const a = Float64Array.of(1, 2, 3);
    const b = Float64Array.of(2, 3, 4);
    const loc = ksLocation(a, b)!;
    // ksStatistic is the SciPy-checked implementation of the ks test.
    expect(loc.d).toBeCloseTo(ksStatistic(a, b), 12);
    expect(loc.x).toBe(1);
    expect(loc.reference - loc.current).toBeCloseTo(1 / 3, 12);
  });
  it('is null when a set is empty', () => {
    expect(ksLocation(new Float64Array(0), Float64Array.of(1))).toBeNull();
  });
});

describe('per-bin terms', () => {
  it('PSI terms sum to the psi test on the same shares', () => {
    const r = [0.6, 0.4, 0];
    const c = [0.5, 0.4, 0.1];
    const sum = psiTerms(r, c).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(psiOfShares(zeroFill(r), zeroFill(c)), 12);
  });
  it('JS terms sum to the squared Jensen–Shannon distance', () => {
    const r = [0.2, 0.3, 0.5, 0];
    const c = [0.1, 0.3, 0.3, 0.3];
    const sum = jsTerms(r, c).reduce((a, b) => a + b, 0);
    expect(Math.sqrt(sum)).toBeCloseTo(jensenShannonDistance(r, c), 12);
  });
});

describe('numericColumnDetail', () => {
  const ref = num('x', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, Number.NaN]);
  const cur = num('x', [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  it('bins both sets on shared equal-width edges with shares of non-missing values', () => {
    const d = numericColumnDetail('x', ref, cur, 10);
    expect(d.edges).toEqual(linspaceEdges(0, 14, 10));
    expect(d.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(d.current.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(d.referenceCounts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(d.psi).toHaveLength(10);
    expect(d.ks?.d).toBeCloseTo(0.5, 12);
  });
  it("'auto' uses Sturges edges (integers: width at least 1)", () => {
    const d = numericColumnDetail('x', ref, cur, 'auto');
    expect(d.edges.length - 1).toBeGreaterThan(1);
    expect(d.edges[1] - d.edges[0]).toBeGreaterThanOrEqual(1);
  });
  it('a constant column gets one bin around the value', () => {
    const d = numericColumnDetail('c', num('c', [3, 3]), num('c', [3]), 30);
    expect(d.edges).toEqual([2.5, 3.5]);
  });
});

describe('categoricalColumnDetail', () => {
  it('sorts by absolute share change and flags new and vanished categories', () => {
    const d = categoricalColumnDetail(
      'plan',
      str('plan', ['a', 'a', 'b', 'c', null]),
      str('plan', ['a', 'b', 'b', 'd']),
    );
    expect(d.totalCategories).toBe(4);
    expect(d.categories.map((c) => c.label)).toEqual(['a', 'b', 'c', 'd']);
    expect(d.categories.find((c) => c.label === 'd')?.status).toBe('new');
    expect(d.categories.find((c) => c.label === 'c')?.status).toBe('vanished');
    expect(d.categories[0].delta).toBeCloseTo(0.25 - 0.5, 12);
  });
});
