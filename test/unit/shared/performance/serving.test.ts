import { describe, expect, it } from 'vitest';
import { servingHealth } from '../../../../shared/performance/serving';
import { tableFromCsv } from './fixture-tables';
import { closeRecord, expected, shadowTable } from './shadow-fixtures';

describe('servingHealth (test/fixtures/shadow/binary_{reference,current}.csv)', () => {
  const reference = shadowTable('binary_reference.csv');
  const current = shadowTable('binary_current.csv');
  const result = servingHealth(reference, current, {
    latency: { column: 'latency_ms', unit: 'ms' },
    status: 'status_code',
  });
  const oracle = expected.serving;

  it('has latency percentiles as np.percentile (linear) and the mean', () => {
    // np.percentile(x, [50, 95, 99]), np.mean(x) on the non-negative numeric latencies, NumPy 1.24.2
    expect(closeRecord({ ...result.latency!.reference! }, oracle.reference, 1e-12)).toEqual([]);
    expect(closeRecord({ ...result.latency!.current! }, oracle.current, 1e-12)).toEqual([]);
    expect(result.latency!.unit).toBe('ms');
  });

  it('tests the latency shift with KS and bootstraps the p95 difference', () => {
    // scipy.stats.ks_2samp(reference, current), SciPy 1.10.1 (exact: max(n) ≤ 10000)
    expect(result.latency!.ks!.statistic).toBeCloseTo(oracle.ks.statistic, 12);
    expect(Math.abs(result.latency!.ks!.pValue - oracle.ks.pValue)).toBeLessThan(
      1e-6 * oracle.ks.pValue + 1e-15,
    );
    // np.quantile(diffs, [0.025, 0.975]); resamples drawn by test/fixtures/xoshiro.py (seed 20261204, 2,000)
    const d = result.latency!.p95Difference!;
    expect(d.value).toBeCloseTo(oracle.p95Difference.value, 9);
    expect(d.ciLow).toBeCloseTo(oracle.p95Difference.ciLow, 9);
    expect(d.ciHigh).toBeCloseTo(oracle.p95Difference.ciHigh, 9);
    expect(d.resamples).toBe(2000);
    expect(d.ciLow).toBeGreaterThan(0);
  });

  it('summaryOnly (a timeline chunk): the same percentiles and error rates, no KS, interval or histogram', () => {
    const summary = servingHealth(
      reference,
      current,
      { latency: { column: 'latency_ms', unit: 'ms' }, status: 'status_code' },
      { summaryOnly: true },
    );
    expect(summary.latency).toEqual({ ...result.latency, ks: null, p95Difference: null, histogram: null });
    expect(summary.errorRate).toEqual(result.errorRate);
    expect(summary.notes).toEqual(result.notes);
  });

  it('has the error rates (5xx) and the two-proportion z-test as statsmodels', () => {
    // statsmodels.stats.proportion.proportions_ztest([e_ref, e_cur], [n_ref, n_cur]), statsmodels 0.13.5
    const e = result.errorRate!;
    expect(e.coding).toBe('http');
    expect(e.referenceN).toBe(oracle.errorRate.referenceN);
    expect(e.currentN).toBe(oracle.errorRate.currentN);
    expect(e.reference).toBeCloseTo(oracle.errorRate.reference, 14);
    expect(e.current).toBeCloseTo(oracle.errorRate.current, 14);
    expect(e.statistic).toBeCloseTo(oracle.errorRate.statistic, 10);
    expect(e.pValue).toBeCloseTo(oracle.errorRate.pValue, 12);
  });

  it('names the file and column of every bad cell and goes on', () => {
    const notes = result.notes.join('\n');
    expect(notes).toContain('binary_current.csv, column "latency_ms": 1 negative latency left out.');
    expect(notes).toContain(
      'binary_current.csv, column "latency_ms": 1 non-numeric latency left out (first: "timeout").',
    );
    expect(notes).toMatch(
      /binary_current\.csv, column "status_code": 1 value\(s\) that are neither HTTP status codes .* \(first: "oops"\)/,
    );
  });

  it('reads booleans and 0/1 as error flags, and a missing column as a note', () => {
    const ref = tableFromCsv('latency,error\n10,false\n20,false\n30,true\n40,false\n', 'ref.csv');
    const cur = tableFromCsv('latency,error\n15,true\n25,true\n35,false\n', 'cur.csv');
    const r = servingHealth(ref, cur, { latency: { column: 'latency', unit: 's' }, status: 'error' });
    expect(r.errorRate).toMatchObject({
      coding: 'boolean',
      reference: 0.25,
      current: 2 / 3,
      referenceErrors: 1,
      currentErrors: 2,
    });
    // np.percentile([10, 20, 30, 40], 95) = 38.5
    expect(r.latency!.reference!.p95).toBeCloseTo(38.5, 12);
    expect(r.latency!.unit).toBe('s');
    const absent = servingHealth(ref, tableFromCsv('x\n1\n', 'cur.csv'), {
      latency: { column: 'latency', unit: 'ms' },
      status: 'error',
    });
    expect(absent.latency).toBeNull();
    expect(absent.errorRate).toBeNull();
    expect(absent.notes).toEqual([
      'cur.csv has no latency column "latency": latency not compared.',
      'cur.csv has no status column "error": error rate not compared.',
    ]);
  });
});
