// @vitest-environment node
/**
 * The Timeline view's "Serving health per chunk" figure on a real timeline: analyzeTimeline of the shadow
 * fixture (test/fixtures/shadow/binary_*.csv, gen_shadow_fixtures.py) in 4 chunks. Oracle: expected.json
 * "servingChunks" (numpy.percentile linear per chunk, numpy 1.24.2) and "serving.reference".p95; a chunk label
 * that holds markup reaches the hover text escaped (plotlySafeText), never as HTML.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../../electron/engine/load-csv';
import { servingFigure } from '../../../../../renderer/src/features/timeline/serving-chart';
import { analyzeTables } from '../../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../../shared/drift/settings';
import { analyzeTimeline } from '../../../../../shared/timeline/analyze-timeline';
import { servingSeries } from '../../../../../shared/timeline/serving-series';

const SHADOW = fileURLToPath(new URL('../../../../fixtures/shadow/', import.meta.url));
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const expected = JSON.parse(readFileSync(path.join(SHADOW, 'expected.json'), 'utf8'));
const ref = await loadCsv(path.join(SHADOW, 'binary_reference.csv'));
const cur = await loadCsv(path.join(SHADOW, 'binary_current.csv'));
const t = analyzeTimeline(ref, cur, DEFAULT_SETTINGS, CONTEXT, { chunking: { kind: 'count', count: 4 } });
const whole = analyzeTables(ref, cur, DEFAULT_SETTINGS, CONTEXT);

describe('serving figure', () => {
  it('plots p50/p95/p99 and the error rate per chunk, the reference p95 dashed, requests as bars', () => {
    const fig = servingFigure(t, servingSeries(t, whole.serving)!, 'light');
    const trace = (name: string) => fig.data.find((d) => String(d.name).startsWith(name))!;
    const oracle = expected.servingChunks as { requests: number; p95: number; errorRate: number }[];
    const p95 = trace('latency p95').y as number[];
    const rate = trace('error rate').y as number[];
    oracle.forEach((o, i) => {
      expect(p95[i]).toBeCloseTo(o.p95, 9);
      expect(rate[i]).toBeCloseTo(o.errorRate, 12);
    });
    expect(trace('error rate').yaxis).toBe('y3');
    expect(trace('requests').y).toEqual(oracle.map((o) => o.requests));
    const refLine = trace('reference p95');
    expect((refLine.line as { dash: string }).dash).toBe('dash');
    for (const y of refLine.y as number[]) expect(y).toBeCloseTo(expected.serving.reference.p95, 9);
  });

  it('escapes a chunk label that holds markup', () => {
    const hostile = {
      ...t,
      chunks: t.chunks.map((c, i) => (i === 0 ? { ...c, label: '<img src=x onerror=alert(1)>' } : c)),
    };
    const fig = servingFigure(hostile, servingSeries(hostile, whole.serving)!, 'dark');
    const text = (fig.data.find((d) => d.name === 'latency p95')!.text as string[])[0];
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img');
    expect((fig.layout.xaxis2 as { ticktext: string[] }).ticktext[0]).not.toContain('<img');
  });
});
