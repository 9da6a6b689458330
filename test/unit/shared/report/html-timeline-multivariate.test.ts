// @vitest-environment node
/**
 * The report's "Multivariate drift per chunk" block (HTML, and the PDF printed from it) on the built-in demo's
 * weekly timeline with the detectors on, analysed by the engine. Oracle: each chunk's own figures
 * (chunk-multivariate.test.ts checks those against the two-file analysis of the reference against the chunk
 * alone, and test/fixtures/multivariate/gen_multivariate_fixtures.py, scikit-learn 1.2.1, checks that analysis).
 * This checks that the block carries each of them with its verdict, that a hostile label and column name stay
 * text, and that there is no block with the detectors off.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { DEFAULT_SETTINGS } from '../../../../shared/drift/settings';
import { DEFAULT_MULTIVARIATE } from '../../../../shared/multivariate/analyze-multivariate';
import { renderHtmlReport } from '../../../../shared/report/html-report';
import { timelineMultivariateBlock } from '../../../../shared/report/html-timeline-multivariate';
import { formatNumber } from '../../../../shared/report/report-format';
import { analyzeTimeline } from '../../../../shared/timeline/analyze-timeline';
import { demoCurrent, demoReference, WEEKLY } from '../../renderer/features/timeline/demo-timeline';

const CONTEXT = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const settings = { ...DEFAULT_SETTINGS, multivariate: { ...DEFAULT_MULTIVARIATE, enabled: true } };
const timeline = analyzeTimeline(demoReference, demoCurrent, settings, CONTEXT, WEEKLY);
const result = { ...analyzeTables(demoReference, demoCurrent, settings, CONTEXT), timeline };

describe('multivariate drift per chunk in the report', () => {
  const html = renderHtmlReport(result);
  const start = html.indexOf('<div class="timeline-multivariate-block">');
  const block = html.slice(start, html.indexOf('<h3>Chunks</h3>', start));

  it('charts the reconstruction error and the AUC, and tables each chunk with its figures and verdicts', () => {
    expect(start).toBeGreaterThan(0);
    expect(block).toContain('<h3>Multivariate drift per chunk</h3>');
    expect(block).toContain('<svg class="chart timeline-multivariate"');
    for (const cls of [
      'reconstruction-error',
      'reconstruction-upper',
      'reconstruction-lower',
      'domain-auc',
      'auc-threshold',
    ])
      expect(block).toContain(`class="${cls}"`);
    const rows = [...block.matchAll(/<tr><td class="num">(\d+)<\/td>.*?<\/tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(timeline.chunks.length);
    let drifted = 0;
    timeline.chunks.forEach((c, i) => {
      const r = c.multivariate!.reconstruction!;
      const d = c.multivariate!.domainClassifier!;
      expect(rows[i], c.label).toContain(`<td class="num">${formatNumber(r.error)}</td>`);
      expect(rows[i], c.label).toContain(`${formatNumber(r.lower!)}–${formatNumber(r.upper!)}`);
      expect(rows[i], c.label).toContain(
        `${formatNumber(d.auc, 3)} [${formatNumber(d.aucLow, 3)}, ${formatNumber(d.aucHigh, 3)}]`,
      );
      expect(rows[i], c.label).toContain(d.importance[0].feature);
      const badges = rows[i].match(/badge drift/g)?.length ?? 0;
      expect(badges, c.label).toBe(Number(r.driftDetected) + Number(d.driftDetected));
      drifted += badges;
    });
    // The demo drifts from week 6 (index 5) on (shared/demo/generate-demo.ts): both detectors see it.
    expect(drifted).toBeGreaterThan(0);
    expect(timeline.chunks[0].multivariate!.domainClassifier!.driftDetected).toBe(false);
  });

  it('keeps a hostile chunk label and column name as text', () => {
    const hostile = {
      ...timeline,
      chunks: timeline.chunks.map((c, i) => {
        if (i !== 0) return c;
        const dc = c.multivariate!.domainClassifier!;
        const importance = [{ feature: '<img src=x onerror=alert(1)>', value: 1 }, ...dc.importance];
        return {
          ...c,
          label: '<script>alert(1)</script>',
          multivariate: { ...c.multivariate!, domainClassifier: { ...dc, importance } },
        };
      }),
    };
    const out = timelineMultivariateBlock(hostile);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is absent with the detectors off', () => {
    const plain = analyzeTimeline(demoReference, demoCurrent, DEFAULT_SETTINGS, CONTEXT, WEEKLY);
    expect(timelineMultivariateBlock(plain)).toBe('');
    expect(
      renderHtmlReport({
        ...analyzeTables(demoReference, demoCurrent, DEFAULT_SETTINGS, CONTEXT),
        timeline: plain,
      }),
    ).not.toContain('timeline-multivariate-block');
  });
});
