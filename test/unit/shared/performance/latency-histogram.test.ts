import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latencyHistogram } from '../../../../shared/performance/latency-histogram';
import { servingHealth } from '../../../../shared/performance/serving';
import { shadowTable } from './shadow-fixtures';

/** np.geomspace / np.histogram on the fixture's latencies, NumPy 1.24.2 (test/fixtures/gen_latency_histogram.py). */
const oracle = JSON.parse(
  readFileSync(new URL('../../../fixtures/shadow/latency_histogram.json', import.meta.url), 'utf8'),
) as { edges: number[]; reference: number[]; current: number[] };

describe('latencyHistogram', () => {
  it('bins both files on numpy.geomspace edges with numpy.histogram shares', () => {
    const result = servingHealth(shadowTable('binary_reference.csv'), shadowTable('binary_current.csv'), {
      latency: { column: 'latency_ms', unit: 'ms' },
      status: null,
    });
    const h = result.latency!.histogram!;
    expect(h.edges).toHaveLength(oracle.edges.length);
    for (const [i, e] of h.edges.entries()) expect(Math.abs(e - oracle.edges[i])).toBeLessThan(1e-9 * e);
    for (const [i, s] of h.reference.entries()) expect(s).toBeCloseTo(oracle.reference[i], 14);
    for (const [i, s] of h.current.entries()) expect(s).toBeCloseTo(oracle.current[i], 14);
  });

  it('counts zeros in the first bin and gives null without a positive latency', () => {
    // By hand: lo = 1, hi = 100, two log bins [1, 10), [10, 100]; the 0 joins the first bin.
    const h = latencyHistogram(Float64Array.of(0, 1, 5), Float64Array.of(50, 100), 2)!;
    expect(h.edges[0]).toBe(1);
    expect(h.edges[1]).toBeCloseTo(10, 12);
    expect(h.edges[2]).toBe(100);
    expect(h.reference).toEqual([1, 0]);
    expect(h.current).toEqual([0, 1]);
    expect(latencyHistogram(Float64Array.of(0), Float64Array.of(0))).toBeNull();
    expect(latencyHistogram(Float64Array.of(), Float64Array.of(3))).toBeNull();
  });
});
