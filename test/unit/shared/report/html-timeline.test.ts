import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { renderHtmlReport } from '../../../../shared/report/html-report';
import { relativeScore, severityColor, timelineView } from '../../../../shared/report/timeline-chart-data';
import { timelineCsvText } from '../../../../shared/report/timeline-csv';
import { TIMELINE_SCRIPT, TIMELINE_SCRIPT_SHA256 } from '../../../../shared/report/timeline-script';
import { analyzeTimeline } from '../../../../shared/timeline/analyze-timeline';
import { FORMULA, IMG, SCRIPT, table } from './fixture';

const ctx = { version: '0.1.0-test', now: new Date('2026-01-02T03:04:05Z') };
const n = 400;
const seq = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const day = (i: number) =>
  new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 20) * 86_400_000).toISOString().slice(0, 10);

/** A reference and a current file with hostile column names; the current drifts from day 10 on, day 5 is empty. */
function hostileTimelineResult(): AnalysisResult {
  const reference = table(`${IMG}.csv`, {
    ts: seq(day),
    [SCRIPT]: seq((i) => String((i * 37) % 101)),
    [FORMULA]: seq((i) => ['a', 'b', 'c'][i % 3]),
  });
  const rows = Array.from({ length: n }, (_, i) => i).filter((i) => Math.floor(i / 20) !== 5);
  const current = table('current <svg onload=window.__xss=3>.csv', {
    ts: rows.map((i) => day(i)),
    [SCRIPT]: rows.map((i) => String(((i * 37) % 101) + (i >= 200 ? 60 : 0))),
    [FORMULA]: rows.map((i) => ['a', 'b', 'c'][i % 3]),
  });
  const settings = parseSettings({ ignore: ['ts'] });
  const result = analyzeTables(reference, current, settings, ctx);
  const timeline = analyzeTimeline(reference, current, settings, ctx, {
    chunking: { kind: 'period', period: 'day', timeColumn: 'ts' },
    referenceChunks: true,
    thresholdFromReference: {},
  });
  return { ...result, timeline };
}

const fakePlotly = { source: 'window.Plotly={};', sha256: '' };
fakePlotly.sha256 = createHash('sha256').update(fakePlotly.source, 'utf8').digest('base64');

describe('relativeScore and colours', () => {
  it('is score ÷ threshold for distances and ln p ÷ ln threshold for p-values, clipped to [0, 2]', () => {
    expect(relativeScore('wasserstein', 0.15, 0.1)).toBeCloseTo(1.5, 12);
    expect(relativeScore('ks', 0.05, 0.05)).toBe(1);
    // Math.log(0.0025) / Math.log(0.05) = 2 exactly in the reals.
    expect(relativeScore('ks', 0.0025, 0.05)).toBeCloseTo(2, 12);
    expect(relativeScore('ks', 0, 0.05)).toBe(2);
    expect(relativeScore('ks', 1, 0.05)).toBe(0);
    expect(relativeScore('jensenshannon', 5, 0.1)).toBe(2);
    expect(severityColor(null)).toBe('#e6e8ec');
    expect(severityColor(0)).toBe('#e8f3e8');
    expect(severityColor(2)).toBe('#a81d1d');
  });
});

describe('the timeline section of the HTML report', () => {
  const result = hostileTimelineResult();
  const timeline = result.timeline!;

  it('has a heatmap of features × chunks, alerts, a gap and the reference period', () => {
    const view = timelineView(timeline);
    expect(view.features).toEqual([SCRIPT, FORMULA]);
    expect(view.cells[0]).toHaveLength(timeline.chunks.length);
    const gap = timeline.chunks.findIndex((c) => c.period === 'analysis' && c.rows === 0);
    expect(gap).toBeGreaterThan(0);
    expect(view.cells[0][gap].gap).toBe(true);
    expect(view.alerted).toContain(SCRIPT);
    expect(view.referenceSpan).toEqual([
      0,
      timeline.chunks.filter((c) => c.period === 'reference').length - 1,
    ]);
  });

  it('keeps every data string text: no element or handler from a column or file name (PDF form)', () => {
    const html = renderHtmlReport(result);
    const section = html.slice(
      html.indexOf('<section id="timeline">'),
      html.indexOf('<section id="columns">'),
    );
    expect(section).toContain('<svg class="chart timeline-heatmap"');
    expect(section.match(/<svg class="chart timeline-line"/g)?.length).toBe(
      timelineView(timeline).alerted.length,
    );
    expect(section).not.toContain('<script');
    expect(section).not.toContain('<img');
    expect(section).not.toContain('<svg onload');
    expect(section).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(section).toContain('url(#tl-gap)');
  });

  it('with Plotly: data blocks with Plotly-safe strings and the timeline script allowed by its hash', () => {
    const html = renderHtmlReport(result, { plotly: fakePlotly });
    expect(createHash('sha256').update(TIMELINE_SCRIPT, 'utf8').digest('base64')).toBe(
      TIMELINE_SCRIPT_SHA256,
    );
    expect(html).toContain(`'sha256-${TIMELINE_SCRIPT_SHA256}'`);
    expect(html).toContain(`<script>${TIMELINE_SCRIPT}</script>`);
    const blocks = [
      ...html.matchAll(/<script type="application\/json" class="timeline-data">(.*?)<\/script>/g),
    ];
    expect(blocks.length).toBe(1 + timelineView(timeline).alerted.length);
    const heat = JSON.parse(blocks[0][1]);
    expect(heat.kind).toBe('timeline-heatmap');
    expect(heat.features[0]).toMatch(/^&lt;script&gt;window/);
    expect(heat.text.every((t: string) => !t.includes('<'))).toBe(true);
    // Without a timeline, no timeline script.
    const { timeline: _t, ...plain } = result;
    expect(renderHtmlReport(plain, { plotly: fakePlotly })).not.toContain(TIMELINE_SCRIPT_SHA256);
  });
});

describe('--timeline-csv', () => {
  it('writes one row per chunk and column, a gap as one row, formula-like names neutralised', () => {
    const result = hostileTimelineResult();
    const lines = timelineCsvText(result.timeline!).trimEnd().split('\r\n');
    const chunks = result.timeline!.chunks;
    expect(lines).toHaveLength(1 + chunks.reduce((k, c) => k + Math.max(c.columns.length, 1), 0));
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""http://evil.example"",""x"")"`))).toBe(true);
    const gap = chunks.find((c) => c.rows === 0)!;
    expect(lines.find((l) => l.startsWith(`${gap.index},`))).toContain(
      'No rows in this period: a gap, not drift.',
    );
  });
});
