import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orderColumns } from '../../../../shared/report/column-order';
import { REPORT_CSP, renderHtmlReport, reportTitle } from '../../../../shared/report/html-report';
import { SORT_SCRIPT, SORT_SCRIPT_SHA256 } from '../../../../shared/report/sort-script';
import { demoResult, hostileResult, IMG, SCRIPT } from './fixture';

describe('renderHtmlReport', () => {
  const result = demoResult();
  const html = renderHtmlReport(result, { generatedAt: '2026-01-02T05:00:00.000Z' });

  it('allows exactly the sort script by its SHA-256 in a strict CSP, declared first in <head>', () => {
    // node:crypto is the oracle for the constant the pure module carries.
    expect(createHash('sha256').update(SORT_SCRIPT, 'utf8').digest('base64')).toBe(SORT_SCRIPT_SHA256);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).toContain(`script-src 'sha256-${SORT_SCRIPT_SHA256}'`);
    expect(REPORT_CSP).not.toContain('unsafe-eval');
    expect(REPORT_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    const head = html.slice(0, html.indexOf('<title>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script>${SORT_SCRIPT}</script>`);
  });

  it('has the title, times, version, files with SHA-256, settings, verdict and summary line', () => {
    expect(html).toContain(`<title>${reportTitle(result)}</title>`);
    expect(html).toContain('Generated 2026-01-02 05:00 UTC');
    expect(html).toContain('analysed 2026-01-02 03:04 UTC');
    expect(html).toContain('Driftscope 0.1.0-test');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('id="settings"');
    expect(html).toMatch(/Dataset drift detected|No dataset drift/);
    expect(html).toMatch(/\d+ of \d+ columns drifted; strongest: income \(/);
  });

  it('draws one SVG chart per column with a distribution, and says so when there is none', () => {
    const withChart = result.columns.filter((c) => c.distribution !== null).length;
    expect(html.match(/<svg class="chart"/g)?.length).toBe(withChart);
    const without = result.columns.length - withChart;
    expect(html.match(/class="nochart"/g)?.length ?? 0).toBe(without);
  });

  it('requests nothing: no URL the browser would fetch, no external resources', () => {
    const withoutNamespaces = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutNamespaces).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\ssrc=|url\(|@import|<link|<iframe|<object|<embed/i);
  });

  it('orders columns as asked (the app table order), drifted first by default', () => {
    const sectionNames = (doc: string) =>
      [
        ...doc.matchAll(/<section class="column" id="col-\d+"><div class="column-head"><h3>([^<]*)<\/h3>/g),
      ].map((m) => m[1]);
    expect(sectionNames(html)).toEqual(orderColumns(result).map((c) => c.name));
    expect(sectionNames(html)[0]).toBe('income');
    const order = ['stable', 'color'];
    const custom = renderHtmlReport(result, { columnOrder: order });
    expect(sectionNames(custom).slice(0, 2)).toEqual(order);
    expect(sectionNames(custom)).toHaveLength(result.columns.length);
  });

  it('marks the model quality hook when there is no performance block', () => {
    const noPerf = { ...result, performance: null, performanceNote: null };
    expect(renderHtmlReport(noPerf)).toContain('data-performance="absent"');
  });

  it('escapes every string from the data: names, categories and file names are text', () => {
    const hostile = renderHtmlReport(hostileResult());
    expect(hostile.match(/<script/g)).toHaveLength(1);
    expect(hostile).not.toContain('<img');
    expect(hostile).not.toContain('<svg onload');
    expect(hostile).not.toContain('<b>bold</b>');
    expect(hostile).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=window.__xss=2&gt;');
    // Every tag is one we write: with quoted attribute values blanked, no attribute named on* anywhere.
    expect(hostile.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(SCRIPT).toContain('<script>');
    expect(IMG).toContain('<img');
  });

  it('grows with columns, not rows (aggregated data only)', () => {
    expect(html.length).toBeLessThan(200_000);
  });
});
