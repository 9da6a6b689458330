import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { distributionTraces } from '../../../../renderer/src/lib/chart-data';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';
import { renderHtmlReport } from '../../../../shared/report/html-report';
import { jsonForScript } from '../../../../shared/report/json-script';
import {
  CHARTS_SCRIPT,
  CHARTS_SCRIPT_SHA256,
  type ChartData,
  chartData,
} from '../../../../shared/report/plotly-charts';
import { plotlySafeText } from '../../../../shared/report/plotly-safe-text';
import { SORT_SCRIPT_SHA256 } from '../../../../shared/report/sort-script';
import { demoResult, hostileResult, IMG, SCRIPT, table } from './fixture';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const FAKE_SOURCE = 'window.Plotly={newPlot:function(){return Promise.reject(new Error("fake"))}};';
const fake = { source: FAKE_SOURCE, sha256: sha(FAKE_SOURCE) };
const BREAKOUT = '</script><script>alert(1)</script>';

/** Executable inline scripts (no type attribute) as the HTML parser sees them: up to the first </script. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script/gi)].map((m) => m[1]);
}
/** Data blocks, ended (like the parser does) by the first </script after their start tag. */
function dataBlocks(html: string): string[] {
  return [...html.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script/gi)].map((m) => m[1]);
}
function cspScriptHashes(html: string): string[] {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
  return [...scriptSrc.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
}

/** Every string of a chart's data that Plotly renders (titles, ticks, hover parts). */
function chartStrings(d: ChartData): string[] {
  if (d.kind === 'categories') return [...d.labels, ...d.ticks, d.title];
  if (d.kind === 'histogram') return [...d.ranges, d.title];
  return [
    d.xTitle,
    d.yTitle,
    d.xHover,
    d.yHover,
    ...d.series.flatMap((s) => (s.mode === 'bars' ? [s.name, ...s.ranges] : [s.name])),
  ];
}

describe('HTML report with interactive Plotly charts', () => {
  const result = demoResult();
  const html = renderHtmlReport(result, { plotly: fake });

  it('lists in the CSP exactly the hashes of its inline scripts, and nothing unsafe', () => {
    expect(sha(CHARTS_SCRIPT)).toBe(CHARTS_SCRIPT_SHA256);
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(3); // bundle, chart drawing, table sorter
    expect(scripts[0]).toBe(FAKE_SOURCE);
    expect(scripts[1]).toBe(CHARTS_SCRIPT);
    expect(cspScriptHashes(html).sort()).toEqual(scripts.map(sha).sort());
    expect(cspScriptHashes(html)).toContain(SORT_SCRIPT_SHA256);
    const csp = /content="([^"]*)"/.exec(html.slice(html.indexOf('Content-Security-Policy')))?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
    // Without a bundle (the PDF): the sorter only, no chart data.
    const plain = renderHtmlReport(result);
    expect(inlineScripts(plain)).toHaveLength(1);
    expect(cspScriptHashes(plain)).toEqual([SORT_SCRIPT_SHA256]);
    expect(plain).not.toContain('chart-data');
  });

  it('keeps the SVG for every chart and adds one data block and one Plotly div per chart', () => {
    const withChart = result.columns.filter((c) => c.distribution !== null);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(withChart.length);
    expect(html.match(/<div class="plotly-chart"/g)).toHaveLength(withChart.length);
    const blocks = dataBlocks(html).map((b) => JSON.parse(b) as ChartData);
    expect(blocks).toHaveLength(withChart.length);
    const income = result.columns.find((c) => c.name === 'income');
    const dist = income?.distribution;
    expect(dist?.kind).toBe('histogram');
    if (dist?.kind !== 'histogram') return;
    const data = chartData(dist, 'income');
    expect(blocks).toContainEqual(data);
    if (data.kind !== 'histogram') return;
    // Bars at bin centres with explicit widths on the shared bins.
    expect(data.x).toHaveLength(dist.edges.length - 1);
    // positions are written with 10 significant digits (plotly-charts.ts `pos`): relative 1e-9
    const centre = (dist.edges[0] + dist.edges[1]) / 2;
    const width = dist.edges[1] - dist.edges[0];
    expect(Math.abs(data.x[0] - centre)).toBeLessThanOrEqual(Math.abs(centre) * 1e-9);
    expect(Math.abs(data.width[0] - width)).toBeLessThanOrEqual(Math.abs(width) * 1e-9);
    expect(data.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('refuses a bundle that would end its script element or a malformed hash', () => {
    expect(() => renderHtmlReport(result, { plotly: { source: 'a</SCRIPT>b', sha256: sha('x') } })).toThrow(
      /cannot be inlined/,
    );
    expect(() => renderHtmlReport(result, { plotly: { source: 'a', sha256: "x' 'unsafe-eval" } })).toThrow(
      /base64/,
    );
  });

  it('JSON blocks cannot be broken out of, and labels reach Plotly escaped', () => {
    const labels = [BREAKOUT, '<!--', 'a\u2028b', SCRIPT, IMG, 'safe'];
    const seq = (f: (i: number) => string) => Array.from({ length: 120 }, (_, i) => f(i));
    const reference = table('reference.csv', { [BREAKOUT]: seq((i) => labels[i % labels.length]) });
    const current = table('current.csv', { [BREAKOUT]: seq((i) => labels[(i * 5) % labels.length]) });
    const hostile = analyzeTables(reference, current, parseSettings({}), {
      version: 't',
      now: new Date(0),
    });
    const out = renderHtmlReport(hostile, { plotly: fake });
    expect(inlineScripts(out)).toHaveLength(3);
    expect(out.match(/<script/gi)).toHaveLength(3 + 1);
    expect(out).not.toContain('<script>alert(1)');
    const [block] = dataBlocks(out);
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    const data = JSON.parse(block) as ChartData;
    expect(data.kind).toBe('categories');
    if (data.kind !== 'categories') return;
    expect(data.title).toBe(plotlySafeText(BREAKOUT));
    expect(data.labels).toContain(plotlySafeText(BREAKOUT));
    expect(data.labels).toContain('&lt;!--');
    expect(data.labels).toContain('a\u2028b');
    for (const label of [...data.labels, ...data.ticks, data.title]) expect(label).not.toMatch(/[<>"']/);
    // The other hostile fixture: every block parses and every label is Plotly-safe.
    const other = renderHtmlReport(hostileResult(), { plotly: fake });
    for (const raw of dataBlocks(other)) {
      const d = JSON.parse(raw) as ChartData;
      for (const s of chartStrings(d)) expect(s).not.toMatch(/[<>"']/);
    }
  });
});

describe('jsonForScript and plotlySafeText', () => {
  it('escapes what could end a script element, and reads back unchanged', () => {
    const value = { a: BREAKOUT, b: '<!-- & \u2028\u2029', n: [1, 0.5, null] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('the app draws category labels through the same plotlySafeText as the report', () => {
    const labels = [BREAKOUT, SCRIPT, IMG, `<b>&"'x</b>`, '&amp;', 'plain', ''];
    const shares = labels.map(() => 1 / labels.length);
    const distribution = {
      kind: 'categories',
      labels,
      reference: shares,
      current: shares,
      otherLabel: null,
    } as const;
    const report = chartData(distribution, 'c');
    for (const trace of distributionTraces(distribution)) {
      expect(trace.x).toEqual(report.kind === 'categories' ? report.labels : null);
    }
    expect(plotlySafeText('<b>&"\'')).toBe('&lt;b&gt;&amp;&#34;&#39;');
  });
});
