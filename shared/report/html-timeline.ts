/**
 * The report's timeline section (docs/timeline.md): a heatmap of features × chunks coloured by each score
 * relative to its threshold (timeline-chart-data.ts), alerts marked ✕, gaps hatched, the reference period
 * shaded; for each feature that alerted, its score per chunk with the threshold (and the reference-derived
 * bound) and the reference period shaded; the CBPE estimate against the realised metric per chunk when
 * the chunks carry one (html-timeline-estimated.ts, SVG only); serving health per chunk when a latency or
 * status column is mapped (html-timeline-serving.ts, SVG only); multivariate drift per chunk when the
 * detectors ran (html-timeline-multivariate.ts, SVG only); a table of the chunks and the timeline's
 * notes. Every chart is an SVG (print, PDF, no JavaScript) and, with Plotly, the heatmap and the lines have
 * a data block TIMELINE_SCRIPT draws interactively.
 * Every string from the data is escaped (escapeHtml for HTML and SVG, plotlySafeText for Plotly).
 */
import type { AnalysisResult } from './analysis-result';
import { timelineEstimatedBlock } from './html-timeline-estimated';
import { timelineMultivariateBlock } from './html-timeline-multivariate';
import { timelineServingBlock } from './html-timeline-serving';
import { jsonForScript } from './json-script';
import { plotlySafeText } from './plotly-safe-text';
import { formatInteger, formatNumber, formatPercent, escapeHtml as h } from './report-format';
import { niceTicks } from './svg-chart';
import { gappedPath, r1 } from './svg-path';
import {
  type HeatCell,
  labelStep,
  severityColor,
  type TimelineView,
  timelineView,
} from './timeline-chart-data';

const W = 760;
const LABEL_W = 150;
const NAME_CHARS = 22;

function truncate(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

function cellText(feature: string, label: string, cell: HeatCell): string {
  if (cell.gap) return `${feature} · ${label} · gap (no rows)`;
  if (cell.severity === null) return `${feature} · ${label} · ${cell.note ?? 'no score'}`;
  return `${feature} · ${label} · ${cell.test} ${formatNumber(cell.score)} (threshold ${formatNumber(cell.threshold)})${cell.alert ? ' · DRIFT' : ''}`;
}

function heatmapSvg(view: TimelineView): string {
  const n = view.chunks.length;
  const cellW = (W - LABEL_W - 10) / Math.max(n, 1);
  const cellH = 16;
  const top = 22;
  const plotH = cellH * view.features.length;
  const height = top + plotH + 70;
  const x = (i: number) => LABEL_W + i * cellW;
  const parts: string[] = [
    '<defs><pattern id="tl-gap" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
      '<rect width="6" height="6" fill="#f4f5f7"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b7bcc6" stroke-width="2"/></pattern></defs>',
  ];
  if (view.referenceSpan) {
    const [a, b] = view.referenceSpan;
    parts.push(
      `<rect x="${r1(x(a))}" y="4" width="${r1(cellW * (b - a + 1))}" height="${r1(top + plotH - 4)}" fill="#4c78a8" fill-opacity="0.12"/>`,
      `<text class="tick" x="${r1(x(a) + 2)}" y="14">reference period</text>`,
    );
  }
  view.features.forEach((feature, f) => {
    const y = top + f * cellH;
    parts.push(
      `<text class="tick" x="${LABEL_W - 6}" y="${r1(y + cellH * 0.7)}" text-anchor="end">${h(truncate(feature, NAME_CHARS))}<title>${h(feature)}</title></text>`,
    );
    view.cells[f].forEach((cell, c) => {
      const fill = cell.gap ? 'url(#tl-gap)' : severityColor(cell.severity);
      const title = h(cellText(feature, view.chunks[c].label, cell));
      parts.push(
        `<rect x="${r1(x(c) + 0.5)}" y="${r1(y + 0.5)}" width="${r1(Math.max(cellW - 1, 0.5))}" height="${cellH - 1}" fill="${fill}"><title>${title}</title></rect>`,
      );
      if (cell.alert) {
        const cx = x(c) + cellW / 2;
        const cy = y + cellH / 2;
        const d = Math.min(cellW, cellH) * 0.25;
        parts.push(
          `<path d="M${r1(cx - d)} ${r1(cy - d)}L${r1(cx + d)} ${r1(cy + d)}M${r1(cx - d)} ${r1(cy + d)}L${r1(cx + d)} ${r1(cy - d)}" stroke="#fff" stroke-width="1.6"/>`,
        );
      }
    });
  });
  const step = labelStep(n);
  const base = top + plotH;
  view.chunks.forEach((chunk, c) => {
    if (c % step !== 0) return;
    const cx = r1(x(c) + cellW / 2);
    parts.push(
      `<text class="tick" transform="translate(${cx},${r1(base + 8)}) rotate(-45)" text-anchor="end">${h(truncate(chunk.label, 16))}<title>${h(chunk.label)}</title></text>`,
    );
  });
  const label = h(`Timeline heatmap: ${view.features.length} features by ${n} chunks`);
  return `<svg class="chart timeline-heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-label="${label}">${parts.join('')}</svg>`;
}

interface LineData {
  feature: string;
  x: number[];
  score: (number | null)[];
  threshold: number | null;
  lower: number | null;
  upper: number | null;
  alerts: number[];
  gaps: number[];
}

function lineData(result: AnalysisResult, view: TimelineView, feature: string): LineData {
  const f = view.features.indexOf(feature);
  const cells = view.cells[f];
  const bound = result.timeline?.referenceThresholds?.thresholds.find(
    (t) => t.kind === 'column' && t.name === feature,
  );
  const thresholds = cells.map((c) => c.threshold).filter((t): t is number => t !== null);
  return {
    feature,
    x: cells.map((_, i) => i),
    score: cells.map((c) => (c.score !== null && Number.isFinite(c.score) ? c.score : null)),
    threshold: thresholds.length > 0 ? thresholds[thresholds.length - 1] : null,
    lower: bound?.lower ?? null,
    upper: bound?.upper ?? null,
    alerts: cells.flatMap((c, i) => (c.alert ? [i] : [])),
    gaps: cells.flatMap((c, i) => (c.gap ? [i] : [])),
  };
}

function lineSvg(view: TimelineView, d: LineData): string {
  const width = 560;
  const height = 200;
  const left = 52;
  const right = 10;
  const top = 14;
  const bottom = 46;
  const n = view.chunks.length;
  const values = [...d.score, d.threshold, d.upper].filter((v): v is number => v !== null);
  const yMax = Math.max(...values, 1e-12) * 1.08;
  const ticks = niceTicks(0, yMax, 4);
  const yTop = Math.max(ticks[ticks.length - 1] ?? yMax, yMax);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const step = plotW / Math.max(n, 1);
  const x = (i: number) => left + (i + 0.5) * step;
  const y = (v: number) => top + plotH * (1 - v / yTop);
  const parts: string[] = [];
  if (view.referenceSpan) {
    const [a, b] = view.referenceSpan;
    parts.push(
      `<rect x="${r1(left + a * step)}" y="${top}" width="${r1((b - a + 1) * step)}" height="${plotH}" fill="#4c78a8" fill-opacity="0.12"><title>Reference period</title></rect>`,
    );
  }
  for (const g of d.gaps)
    parts.push(
      `<rect x="${r1(left + g * step)}" y="${top}" width="${r1(step)}" height="${plotH}" fill="#e6e8ec"><title>${h(view.chunks[g].label)} · gap (no rows)</title></rect>`,
    );
  for (const t of ticks) {
    const ty = r1(y(t));
    parts.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}"/><text class="tick" x="${left - 4}" y="${ty + 3}" text-anchor="end">${h(formatNumber(t, 3))}</text>`,
    );
  }
  const hline = (v: number | null, color: string, what: string) =>
    v === null
      ? ''
      : `<line x1="${left}" x2="${width - right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="${color}" stroke-width="1.2" stroke-dasharray="5 3"><title>${h(`${what} ${formatNumber(v)}`)}</title></line>`;
  parts.push(hline(d.threshold, '#b42318', 'Threshold'));
  parts.push(hline(d.upper, '#6c4ab6', 'Reference bound (upper)'));
  parts.push(hline(d.lower, '#6c4ab6', 'Reference bound (lower)'));
  parts.push(`<path d="${gappedPath(d.score, x, y)}" fill="none" stroke="#f58518" stroke-width="1.8"/>`);
  d.score.forEach((v, i) => {
    if (v === null) return;
    const alert = d.alerts.includes(i);
    parts.push(
      `<circle cx="${r1(x(i))}" cy="${r1(y(v))}" r="${alert ? 3.4 : 2.2}" fill="${alert ? '#b42318' : '#f58518'}"><title>${h(`${view.chunks[i].label} · ${formatNumber(v)}${alert ? ' · DRIFT' : ''}`)}</title></circle>`,
    );
  });
  const base = top + plotH;
  parts.push(`<line class="axis" x1="${left}" x2="${width - right}" y1="${base}" y2="${base}"/>`);
  const every = labelStep(n) * 2;
  view.chunks.forEach((chunk, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<text class="tick" transform="translate(${r1(x(i))},${base + 8}) rotate(-35)" text-anchor="end">${h(truncate(chunk.label, 14))}</text>`,
    );
  });
  const label = h(`Score of ${d.feature} per chunk, with its threshold`);
  return `<svg class="chart timeline-line" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">${parts.join('')}</svg>`;
}

/** The Plotly data of the heatmap (strings Plotly-safe; drawn by TIMELINE_SCRIPT). */
export function heatmapData(view: TimelineView) {
  const x: number[] = [];
  const y: number[] = [];
  const color: string[] = [];
  const text: string[] = [];
  const alerts: { x: number[]; y: number[] } = { x: [], y: [] };
  view.cells.forEach((row, f) => {
    row.forEach((cell, c) => {
      x.push(c);
      y.push(f);
      color.push(cell.gap ? '#f4f5f7' : severityColor(cell.severity));
      text.push(plotlySafeText(cellText(view.features[f], view.chunks[c].label, cell)));
      if (cell.alert) {
        alerts.x.push(c);
        alerts.y.push(f);
      }
    });
  });
  return {
    kind: 'timeline-heatmap' as const,
    features: view.features.map((f) => plotlySafeText(truncate(f, NAME_CHARS))),
    labels: view.chunks.map((c) => plotlySafeText(truncate(c.label, 16))),
    x,
    y,
    color,
    text,
    alerts,
    reference: view.referenceSpan,
  };
}

function lineChartData(view: TimelineView, d: LineData) {
  return {
    kind: 'timeline-line' as const,
    title: plotlySafeText(truncate(d.feature, 60)),
    labels: view.chunks.map((c) => plotlySafeText(c.label)),
    x: d.x,
    score: d.score,
    threshold: d.threshold,
    lower: d.lower,
    upper: d.upper,
    alerts: d.alerts,
    gaps: d.gaps,
    reference: view.referenceSpan,
  };
}

function box(svg: string, data: unknown, id: string, interactive: boolean): string {
  if (!interactive) return `<div class="timeline-box">${svg}</div>`;
  return (
    `<div class="timeline-box">${svg}` +
    `<script type="application/json" class="timeline-data">${jsonForScript(data)}</script>` +
    `<div class="plotly-chart" id="${id}"></div></div>`
  );
}

function chunkTable(result: AnalysisResult): string {
  const rows = (result.timeline?.chunks ?? [])
    .map((c) => {
      const d = c.dataset;
      const verdict =
        d === null
          ? '<span class="badge none">Gap</span>'
          : d.driftDetected
            ? '<span class="badge drift">Drift</span>'
            : '<span class="badge ok">No drift</span>';
      const model = c.performance === null ? '—' : c.performance.modelDegraded ? 'Degraded' : 'OK';
      return (
        `<tr><td class="num">${c.index}</td><td class="name">${h(c.label)}</td><td>${c.period}</td>` +
        `<td class="num">${formatInteger(c.rows)}</td>` +
        `<td class="num">${d === null ? '—' : `${d.driftedColumns} of ${d.testedColumns}`}</td>` +
        `<td class="num">${d === null ? '—' : formatPercent(d.driftShare)}</td><td>${verdict}</td><td>${model}</td>` +
        `<td class="note-cell">${h(c.notes.join(' '))}</td></tr>`
      );
    })
    .join('');
  return (
    '<table class="timeline-chunks"><thead><tr><th class="num">Chunk</th><th>Label</th><th>Period</th><th class="num">Rows</th>' +
    '<th class="num">Drifted</th><th class="num">Share</th><th>Dataset</th><th>Model</th><th>Notes</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}

function chunkingText(result: AnalysisResult): string {
  const k = result.timeline!.chunking;
  const on = k.timeColumn ? ` on ${k.timeColumn}` : '';
  if (k.kind === 'size') return `chunks of ${formatInteger(k.size)} rows${on}`;
  if (k.kind === 'count') return `${formatInteger(k.count)} chunks${on}`;
  if (k.kind === 'period') return `one chunk per ${k.period}${on}`;
  return `one chunk per current file${k.timeColumn ? `, ordered by ${k.timeColumn}` : ', ordered by file name'}`;
}

/** The section, or '' without a timeline. `interactive`: add the Plotly data blocks. */
export function timelineSection(result: AnalysisResult, interactive: boolean): string {
  const timeline = result.timeline;
  if (!timeline) return '';
  const view = timelineView(timeline);
  const notes = timeline.notes.map((n) => `<p class="note">${h(n)}</p>`).join('');
  const analysis = timeline.chunks.filter((c) => c.period === 'analysis');
  const drifted = analysis.filter((c) => c.dataset?.driftDetected).length;
  const intro =
    `<p class="muted">${h(chunkingText(result))}: ${formatInteger(analysis.length)} analysis chunks, ` +
    `${formatInteger(drifted)} with dataset drift; each chunk compared with the whole reference.</p>`;
  const estimated =
    timelineEstimatedBlock(timeline) +
    timelineServingBlock(timeline, result.serving) +
    timelineMultivariateBlock(timeline);
  if (view.features.length === 0) {
    return `<section id="timeline"><h2>Timeline</h2>${intro}${notes}${estimated}${chunkTable(result)}</section>`;
  }
  const legend =
    '<p class="muted">Colour: each score relative to its threshold (distance ÷ threshold; for p-values ln p ÷ ln threshold), ' +
    'green well below, orange at the threshold, dark red at twice or more. ✕: drift. Hatched: a gap (a period without rows, never drift). ' +
    'Shaded: the reference period (reference chunks scored against the rest of the reference).</p>';
  const lines = view.alerted
    .map((feature, i) => {
      const d = lineData(result, view, feature);
      return `<div class="timeline-feature"><h3>${h(feature)}</h3>${box(lineSvg(view, d), lineChartData(view, d), `timeline-line-${i}`, interactive)}</div>`;
    })
    .join('');
  return (
    `<section id="timeline"><h2>Timeline</h2>${intro}${notes}` +
    box(heatmapSvg(view), heatmapData(view), 'timeline-heatmap', interactive) +
    legend +
    (lines
      ? `<h3>Features that drifted, score per chunk</h3><p class="muted">Dashed red: the test's threshold; dashed violet: the bound derived from the reference, when computed.</p>${lines}`
      : '<p class="muted">No feature drifted in any chunk.</p>') +
    estimated +
    `<h3>Chunks</h3>${chunkTable(result)}</section>`
  );
}
