// @vitest-environment node
/**
 * The report's "Serving health per chunk" block (HTML, and the PDF printed from it) on a real timeline: the
 * shadow fixture (test/fixtures/shadow/binary_*.csv, gen_shadow_fixtures.py) in 4 chunks, analysed by the
 * engine. Oracle: expected.json "servingChunks" (numpy.percentile linear per chunk and 5xx share, numpy
 * 1.24.2) and "serving.reference".p95. A hostile chunk label stays text; no block without serving columns.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { renderHtmlReport } from '../../../../shared/report/html-report';
import { timelineServingBlock } from '../../../../shared/report/html-timeline-serving';
import { formatPercent } from '../../../../shared/report/report-format';
import { analyzeTimeline } from '../../../../shared/timeline/analyze-timeline';
import { latencyText } from '../../../../shared/timeline/serving-series';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const SHADOW = path.join(FIXTURES, 'shadow');
const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const expected = JSON.parse(readFileSync(path.join(SHADOW, 'expected.json'), 'utf8'));
const chunking = { kind: 'count', count: 4 } as const;

async function resultOf(dir: string): Promise<AnalysisResult> {
  const reference = await loadCsv(path.join(dir, 'binary_reference.csv'));
  const current = await loadCsv(path.join(dir, 'binary_current.csv'));
  return {
    ...analyzeTables(reference, current, DEFAULT_SETTINGS, CONTEXT),
    timeline: analyzeTimeline(reference, current, DEFAULT_SETTINGS, CONTEXT, { chunking }),
  };
}
const result = await resultOf(SHADOW);

describe('serving health per chunk in the report', () => {
  it('charts the percentiles and the error rate and tables each chunk as numpy computes them', () => {
    const html = renderHtmlReport(result);
    const start = html.indexOf('<div class="timeline-serving-block">');
    expect(start).toBeGreaterThan(0);
    const block = html.slice(start, html.indexOf('<h3>Chunks</h3>', start));
    expect(block).toContain('<h3>Serving health per chunk</h3>');
    expect(block).toContain('<svg class="chart timeline-serving"');
    for (const cls of ['latency-p50', 'latency-p95', 'latency-p99', 'error-rate'])
      expect(block).toContain(`class="${cls}"`);
    expect(block.match(/class="requests-bar"/g)?.length).toBe(4);
    expect(block).toContain(`reference p95 ${latencyText(expected.serving.reference.p95, 'ms')}`);
    const rows = [...block.matchAll(/<tr><td class="num">(\d)<\/td>.*?<\/tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(4);
    (expected.servingChunks as { requests: number; p95: number; errorRate: number }[]).forEach((o, i) => {
      expect(rows[i]).toContain(`<td class="num">${o.requests}</td>`);
      expect(rows[i]).toContain(`<td class="num">${latencyText(o.p95, 'ms')}</td>`);
      expect(rows[i]).toContain(`<td class="num">${formatPercent(o.errorRate)}</td>`);
    });
  });

  it('keeps a hostile chunk label as text', () => {
    const timeline = result.timeline!;
    const hostile = {
      ...timeline,
      chunks: timeline.chunks.map((c, i) => (i === 0 ? { ...c, label: '<script>alert(1)</script>' } : c)),
    };
    const block = timelineServingBlock(hostile, result.serving);
    expect(block).not.toContain('<script>');
    expect(block).toContain('&lt;script&gt;');
  });

  it('is absent without a latency or status column', async () => {
    const plain = await resultOf(path.join(FIXTURES, 'performance'));
    expect(renderHtmlReport(plain)).not.toContain('timeline-serving-block');
  });
});
