/**
 * The report's model-quality charts and concept drift: binary (ROC, PR, calibration, confidence with its
 * verdict) and regression (error distribution, predicted vs actual) as SVG plus, with the bundle, Plotly
 * data blocks from the same spec; the concept drift reading and the features strongest first; every
 * label escaped (HTML in the SVG and tables, Plotly-safe in the data), aggregated data only.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatPerformance } from '../../../../electron/cli-format';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';
import { READING_TEXT } from '../../../../shared/performance/concept-reading';
import type { PerformanceResult } from '../../../../shared/performance/types';
import type { AnalysisResult } from '../../../../shared/report/analysis-result';
import { renderHtmlReport } from '../../../../shared/report/html-report';
import { MAX_POINTS, performanceCharts, thin } from '../../../../shared/report/perf-charts';
import type { ChartData } from '../../../../shared/report/plotly-charts';
import { mulberry32 } from '../../../helpers/mulberry32.mjs';
import { IMG, SCRIPT, table } from './fixture';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const FAKE_SOURCE = 'window.Plotly={newPlot:function(){return Promise.reject(new Error("fake"))}};';
const fake = { source: FAKE_SOURCE, sha256: sha(FAKE_SOURCE) };
const ctx = { version: 't', now: new Date('2026-01-02T03:04:05Z') };

const N = 1200;

/** Binary: `score` predicts y well in reference, worse in current; the hostile-named feature's relation flips. */
function binaryResult(): AnalysisResult {
  const side = (seed: number, current: boolean) => {
    const r = mulberry32(seed);
    const cols: Record<string, string[]> = { [SCRIPT]: [], x: [], y: [], prob: [] };
    for (let i = 0; i < N; i++) {
      const feature = r();
      const x = r() * 10 + (current ? 3 : 0);
      const y = (current ? feature < 0.5 : feature >= 0.5) ? (r() < 0.8 ? 1 : 0) : r() < 0.2 ? 1 : 0;
      const noise = current ? 0.45 : 0.15;
      const p = Math.min(0.999, Math.max(0.001, (y === 1 ? 0.75 : 0.25) + (r() - 0.5) * 2 * noise));
      cols[SCRIPT].push(feature.toFixed(4));
      cols.x.push(x.toFixed(3));
      cols.y.push(String(y));
      cols.prob.push(p.toFixed(4));
    }
    return table(current ? 'current.csv' : 'reference.csv', cols);
  };
  const settings = parseSettings({
    performance: { task: 'binary', target: 'y', prediction: null, proba: ['prob'] },
  });
  return analyzeTables(side(1, false), side(2, true), settings, ctx);
}

function regressionResult(rows = N): AnalysisResult {
  const side = (seed: number, current: boolean) => {
    const r = mulberry32(seed);
    const cols: Record<string, string[]> = { a: [], target: [], prediction: [] };
    for (let i = 0; i < rows; i++) {
      const a = r() * 10;
      const y = 3 * a + (current ? 5 : 0) + (r() - 0.5) * 4;
      cols.a.push(a.toFixed(3));
      cols.target.push(y.toFixed(3));
      cols.prediction.push((3 * a + (r() - 0.5) * 2).toFixed(3));
    }
    return table(current ? 'current.csv' : 'reference.csv', cols);
  };
  const settings = parseSettings({
    performance: { task: 'regression', target: 'target', prediction: 'prediction' },
  });
  return analyzeTables(side(3, false), side(4, true), settings, ctx);
}

function dataBlocks(html: string): Map<string, ChartData> {
  const out = new Map<string, ChartData>();
  for (const m of html.matchAll(
    /<script type="application\/json" class="chart-data" id="chart-data-([^"]+)">([\s\S]*?)<\/script/g,
  )) {
    out.set(m[1], JSON.parse(m[2]) as ChartData);
  }
  return out;
}

function modelQuality(html: string): string {
  const start = html.indexOf('<section id="model-quality"');
  return html.slice(start, html.indexOf('</section>', start));
}

function perf(result: AnalysisResult): PerformanceResult {
  if (!result.performance) throw new Error(`no performance block: ${result.performanceNote}`);
  return result.performance;
}

describe('report model quality: binary classification', () => {
  const result = binaryResult();
  const p = perf(result);
  const html = renderHtmlReport(result, { plotly: fake });
  const section = modelQuality(html);
  const blocks = dataBlocks(html);

  it('draws ROC, PR, calibration and confidence as SVG and as Plotly data from the same spec', () => {
    expect(p.task).toBe('binary');
    const ids = ['perf-roc', 'perf-pr', 'perf-calibration', 'perf-confidence'];
    expect(performanceCharts(p).map((c) => c.id)).toEqual(ids);
    for (const id of ids) {
      expect(section).toContain(`data-chart="${id}"`);
      expect(section).toContain(`<div class="plotly-chart" id="chart-${id}">`);
      expect(blocks.get(id)?.kind).toBe('plot');
    }
    expect(section.match(/<svg class="chart xy-chart"/g)).toHaveLength(ids.length);
    const roc = blocks.get('perf-roc');
    if (roc?.kind !== 'plot') throw new Error('no ROC data');
    expect(roc.diagonal).toBe(true);
    expect(roc.xRange).toEqual([0, 1]);
    expect(roc.series.map((s) => s.name)).toEqual(['Reference', 'Current']);
    const ref = p.reference.kind === 'classification' ? p.reference.roc : null;
    expect(roc.series[0].x).toHaveLength(ref?.length ?? -1);
    expect(roc.series[0].y[roc.series[0].y.length - 1]).toBe(1);
    for (const s of roc.series) expect(s.x.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(blocks.get('perf-calibration')).toMatchObject({ diagonal: true });
    expect(blocks.get('perf-pr')).toMatchObject({ diagonal: false });
    // The SVG: the dashed diagonal and one curve per side.
    const rocBlock = section.slice(
      section.indexOf('data-chart="perf-roc"'),
      section.indexOf('data-chart="perf-pr"'),
    );
    expect(rocBlock).toContain('class="diagonal"');
    expect(rocBlock.match(/<polyline/g)).toHaveLength(2);
    expect(rocBlock).toContain('AUC reference');
  });

  it('shows the confidence histogram on shared bins with its drift verdict', () => {
    const data = blocks.get('perf-confidence');
    if (data?.kind !== 'plot') throw new Error('no confidence data');
    const [ref, cur] = data.series;
    expect(ref.mode).toBe('bars');
    expect(cur.x).toEqual(ref.x);
    expect(ref.x).toHaveLength((p.confidence?.histogram.edges.length ?? 0) - 1);
    expect(ref.y.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    const drift = p.confidence?.drift;
    const block = section.slice(section.indexOf('data-chart="perf-confidence"'));
    expect(block).toContain('Drift of the top-class probability:');
    expect(block).toContain(drift?.driftDetected ? 'badge drift">Drift' : 'badge ok">No drift');
  });

  it('states the concept drift reading in plain words and lists the features strongest first', () => {
    const concept = p.conceptDrift;
    if (!concept) throw new Error('no concept drift');
    // The CLI says the reading in the report's (and the app's) words.
    expect(formatPerformance(result)).toContain(`  concept drift: ${READING_TEXT[concept.reading]}`);
    expect(section).toContain(`data-reading="${concept.reading}"`);
    expect(section).toContain(READING_TEXT[concept.reading]);
    const rows = [...section.matchAll(/<table class="concept-table">[\s\S]*?<\/table>/g)][0]?.[0] ?? '';
    const names = [...rows.matchAll(/<tr><td class="name">([^<]*)<\/td>/g)].map((m) => m[1]);
    const expected = [...concept.features].sort((a, b) => (b.effect ?? -1) - (a.effect ?? -1));
    expect(names).toEqual(expected.map((f) => f.feature.replaceAll('<', '&lt;').replaceAll('>', '&gt;')));
    // The hostile-named feature's relation flipped: it is changed, escaped, and never markup.
    const hostile = concept.features.find((f) => f.feature === SCRIPT);
    expect(hostile?.relationChanged).toBe(true);
    expect(section).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(section).not.toContain(SCRIPT);
    expect(rows).toMatch(/badge drift">Changed/);
  });

  it('without the bundle (the PDF) keeps the SVG charts and has no data block', () => {
    const plain = renderHtmlReport(result);
    const mq = modelQuality(plain);
    expect(mq.match(/<svg class="chart xy-chart"/g)).toHaveLength(4);
    expect(mq).not.toContain('chart-data');
    expect(mq).not.toContain('plotly-chart');
  });

  it('escapes a hostile class label and feature everywhere, and Plotly data stays Plotly-safe', () => {
    const concept = p.conceptDrift;
    if (!concept) throw new Error('no concept drift');
    const hostile: AnalysisResult = {
      ...result,
      performance: {
        ...p,
        posLabel: IMG,
        target: SCRIPT,
        conceptDrift: {
          ...concept,
          changed: [IMG],
          drifted: [IMG],
          notes: [SCRIPT],
          features: concept.features.map((f) => ({ ...f, feature: IMG })),
        },
      },
    };
    const out = renderHtmlReport(hostile, { plotly: fake });
    const mq = modelQuality(out);
    expect(mq).not.toContain('<img');
    expect(mq).not.toContain(SCRIPT);
    expect(mq).toContain('Observed share of &quot;&gt;&lt;img');
    for (const data of dataBlocks(out).values()) {
      if (data.kind !== 'plot') continue;
      const strings = [data.xTitle, data.yTitle, data.xHover, data.yHover];
      for (const s of data.series) strings.push(s.name, ...(s.mode === 'bars' ? s.ranges : []));
      for (const s of strings) expect(s).not.toMatch(/[<>"'%{}]/);
    }
  });
});

describe('report model quality: regression', () => {
  const result = regressionResult();
  const p = perf(result);
  const html = renderHtmlReport(result, { plotly: fake });
  const section = modelQuality(html);
  const blocks = dataBlocks(html);

  it('draws the error distribution on shared bins and predicted vs actual with the diagonal', () => {
    expect(performanceCharts(p).map((c) => c.id)).toEqual(['perf-errors', 'perf-pred-actual']);
    const errors = blocks.get('perf-errors');
    if (errors?.kind !== 'plot') throw new Error('no error data');
    expect(errors.series[1].x).toEqual(errors.series[0].x);
    expect(errors.series[0].x).toHaveLength((p.errorHistogram?.edges.length ?? 0) - 1);
    const scatter = blocks.get('perf-pred-actual');
    if (scatter?.kind !== 'plot') throw new Error('no scatter data');
    expect(scatter.diagonal).toBe(true);
    expect(scatter.xRange).toEqual(scatter.yRange);
    for (const s of scatter.series) {
      expect(s.mode).toBe('points');
      expect(s.x.length).toBeGreaterThan(100);
      expect(s.x.length).toBeLessThanOrEqual(MAX_POINTS);
      expect(Math.min(...s.x, ...s.y)).toBeGreaterThanOrEqual(scatter.xRange[0]);
      expect(Math.max(...s.x, ...s.y)).toBeLessThanOrEqual(scatter.xRange[1]);
    }
    const block = section.slice(section.indexOf('data-chart="perf-pred-actual"'));
    expect(block.match(/<circle/g)?.length).toBe(scatter.series[0].x.length + scatter.series[1].x.length);
    expect(block).toContain('class="diagonal"');
    expect(section).toContain('id="concept-drift"');
    expect(section).not.toContain('data-chart="perf-roc"');
  });

  it('keeps at most 500 points per side, evenly spaced with the first and last', () => {
    const items = Array.from({ length: 2001 }, (_, i) => i);
    const kept = thin(items);
    expect(kept).toHaveLength(MAX_POINTS);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(2000);
    expect(thin([1, 2, 3])).toEqual([1, 2, 3]);
    const big = regressionResult(3000);
    const scatter = dataBlocks(renderHtmlReport(big, { plotly: fake })).get('perf-pred-actual');
    if (scatter?.kind !== 'plot') throw new Error('no scatter data');
    for (const s of scatter.series) expect(s.x.length).toBeLessThanOrEqual(MAX_POINTS);
  });
});
