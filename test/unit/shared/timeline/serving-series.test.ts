// @vitest-environment node
/**
 * The timeline's serving series (shared/timeline/serving-series.ts): per chunk its requests, latency p50/p95/p99
 * and error rate; the whole reference's p95 and error rate as baselines. Oracle: gen_shadow_fixtures.py
 * (expected.json "servingChunks": the current file cut like numpy.array_split into 4, numpy.percentile
 * linear, 5xx as errors; "serving.reference"), numpy 1.24.2, pandas 1.5.3.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { formatPercent } from '../../../../shared/report/report-format';
import { analyzeTimeline } from '../../../../shared/timeline/analyze-timeline';
import { latencyText, servingPointLines, servingSeries } from '../../../../shared/timeline/serving-series';

const SHADOW = fileURLToPath(new URL('../../../fixtures/shadow/', import.meta.url));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const expected = JSON.parse(readFileSync(path.join(SHADOW, 'expected.json'), 'utf8'));

interface ChunkOracle {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  errorRate: number;
}

describe('servingSeries', () => {
  it('count:4 on the binary shadow fixture: each chunk as numpy computes it, reference baselines', async () => {
    const ref = await loadCsv(path.join(SHADOW, 'binary_reference.csv'));
    const cur = await loadCsv(path.join(SHADOW, 'binary_current.csv'));
    const t = analyzeTimeline(ref, cur, DEFAULT_SETTINGS, CONTEXT, { chunking: { kind: 'count', count: 4 } });
    const whole = analyzeTables(ref, cur, DEFAULT_SETTINGS, CONTEXT);
    const series = servingSeries(t, whole.serving)!;
    expect(series.unit).toBe('ms');
    expect(series.hasLatency).toBe(true);
    expect(series.hasErrorRate).toBe(true);
    const analysis = series.points.filter((p) => p.period === 'analysis');
    const oracle: ChunkOracle[] = expected.servingChunks;
    expect(analysis.length).toBe(oracle.length);
    analysis.forEach((p, i) => {
      const o = oracle[i];
      expect(p.requests).toBe(o.requests);
      expect(p.p50).toBeCloseTo(o.p50, 9);
      expect(p.p95).toBeCloseTo(o.p95, 9);
      expect(p.p99).toBeCloseTo(o.p99, 9);
      expect(p.errorRate).toBeCloseTo(o.errorRate, 12);
    });
    expect(series.referenceP95).toBeCloseTo(expected.serving.reference.p95, 9);
    expect(series.referenceErrorRate).toBeCloseTo(expected.serving.errorRate.reference, 12);
    // The hover text of the third chunk names its percentiles and its error rate against the reference.
    const lines = servingPointLines(series, analysis[2]);
    expect(lines[0]).toContain('375 requests');
    expect(lines[1]).toContain(`p95 ${latencyText(analysis[2].p95, 'ms')}`);
    expect(lines[2]).toBe(
      `Error rate ${formatPercent(oracle[2].errorRate)} (reference ${formatPercent(expected.serving.errorRate.reference)})`,
    );
  });

  it('is null when no chunk carries serving health (no latency or status column)', async () => {
    const PERF = fileURLToPath(new URL('../../../fixtures/performance/', import.meta.url));
    const ref = await loadCsv(path.join(PERF, 'binary_reference.csv'));
    const cur = await loadCsv(path.join(PERF, 'binary_current.csv'));
    const t = analyzeTimeline(ref, cur, DEFAULT_SETTINGS, CONTEXT, { chunking: { kind: 'count', count: 2 } });
    expect(servingSeries(t, null)).toBeNull();
  });

  it('latencyText: a dash for no value, the unit after the number', () => {
    expect(latencyText(null, 'ms')).toBe('—');
    expect(latencyText(118.8, 'ms')).toBe('118.8 ms');
  });
});
