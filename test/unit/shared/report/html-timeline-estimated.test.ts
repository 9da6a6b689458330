// @vitest-environment node
/**
 * The report's "Estimated and realised quality per chunk" block (HTML, and the PDF printed from it) on a real
 * timeline: test/fixtures/shadow/degradation_reference.csv against test/fixtures/timeline/estimated_current.csv
 * in chunks of 1,000 rows, analysed by the engine. Oracles: estimated_expected.json (labelled shares and
 * realised accuracy counted by gen_estimated_fixture.py); the verdicts are the engine's (cbpe.test.ts checks
 * the estimates against NannyML's formulas). A hostile chunk label and metric name stay text.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import type { CbpeMetricName } from '../../../../shared/performance/cbpe-types';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { renderHtmlReport } from '../../../../shared/report/html-report';
import { formatNumber } from '../../../../shared/report/report-format';
import { analyzeTimeline, chunkSettings } from '../../../../shared/timeline/analyze-timeline';
import {
  ESTIMATED_CHUNKING as chunking,
  estimatedExpected as expected,
  loadEstimatedPair,
} from '../../../helpers/estimated-pair';

const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const { reference, current } = await loadEstimatedPair();
const result: AnalysisResult = {
  ...analyzeTables(reference, current, chunkSettings(DEFAULT_SETTINGS, chunking), CONTEXT),
  timeline: analyzeTimeline(reference, current, DEFAULT_SETTINGS, CONTEXT, { chunking }),
};
const block = (html: string) => {
  const start = html.indexOf('<div class="timeline-estimated-block">');
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('<h3>Chunks</h3>', start));
};

describe('estimated and realised quality per chunk in the report', () => {
  it('charts accuracy and every metric the estimate calls degraded, and tables each chunk', () => {
    const html = block(renderHtmlReport(result));
    expect(html).toContain('<h3>Estimated and realised quality per chunk</h3>');
    expect(html).toContain('Band and error bars: ± 3 sampling errors');
    const degradedSomewhere = new Set(
      result.timeline!.chunks.flatMap((c) => c.performance?.estimated?.degraded ?? []),
    );
    const charted = [...html.matchAll(/<svg class="chart timeline-estimated" data-metric="(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(charted[0]).toBe('accuracy');
    expect(new Set(charted)).toEqual(new Set(['accuracy', ...degradedSomewhere]));
    // One ring a degraded chunk in the accuracy chart.
    const accuracy = html.slice(html.indexOf('data-metric="accuracy"'), html.indexOf('</svg>'));
    const degraded = result.timeline!.chunks.filter((c) =>
      c.performance?.estimated?.degraded.includes('accuracy'),
    ).length;
    expect(degraded).toBe(6);
    expect(accuracy.match(/class="degraded-ring"/g)?.length).toBe(degraded);
    expect(accuracy.match(/class="estimate-band"/g)?.length).toBe(1);
    // The unlabelled last chunk has no bar and says so.
    expect(accuracy.match(/class="labelled-bar"/g)?.length).toBe(7);
    expect(accuracy).toContain('>no labels<title>');

    const table = html.slice(html.indexOf('<table class="timeline-chunks timeline-estimated-table">'));
    const rows = [...table.matchAll(/<tr><td class="num">(\d+)<\/td>(.*?)<\/tr>/g)];
    expect(rows.length).toBe(8);
    // labelled share and realised accuracy counted by gen_estimated_fixture.py
    expect(rows[2][2]).toContain('90.0% (900)');
    expect(rows[2][2]).toContain(`${formatNumber(expected.chunks[2].realisedAccuracy)} ± `);
    const e = result.timeline!.chunks[2].performance!.estimated!;
    expect(rows[2][2]).toContain(
      `${formatNumber(e.metrics.accuracy)} ± ${formatNumber(3 * e.samplingError.accuracy!)}`,
    );
    expect(rows[0][2]).toContain('<span class="badge ok">OK</span>');
    expect(rows[7][2]).toContain('0.0% (0)');
    expect(rows[7][2]).toMatch(/<td class="num">—<\/td><td><span class="badge drift">Degraded<\/span>/);
  });

  it('escapes a hostile chunk label and metric name', () => {
    const hostile = structuredClone(result);
    const chunk = hostile.timeline!.chunks[3];
    chunk.label = '<img src=x onerror=alert(1)>';
    chunk.performance!.estimated!.degraded.push('<script>alert(2)</script>' as CbpeMetricName);
    const html = block(renderHtmlReport(hostile));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('is absent when no chunk carries an estimate', () => {
    const plain = structuredClone(result);
    for (const c of plain.timeline!.chunks) if (c.performance) c.performance.estimated = null;
    const html = renderHtmlReport(plain);
    expect(html).toContain('<section id="timeline">');
    expect(html).not.toContain('Estimated and realised quality per chunk');
    expect(html).not.toContain('<svg class="chart timeline-estimated"');
  });
});
