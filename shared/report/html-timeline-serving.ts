/**
 * The timeline section's "Serving health per chunk" block (HTML and PDF, docs/serving.md), when the chunks
 * carry serving health: an SVG chart (the data of shared/timeline/serving-series.ts, as the app's figure) with
 * the latency p50, p95 and p99 per chunk and the whole reference's p95 dashed in the top panel, the error rate
 * per chunk with the reference's error rate dashed in the middle panel, the requests per chunk as bars at the
 * bottom; then a table per chunk. Two panels rather than the app's two y axes: a static chart has no hover to
 * tell which axis a line reads on. Every data string is escaped.
 */

import type { ServingResult } from '../performance/serving-types';
import {
  latencyText,
  type ServingSeries,
  servingPointLines,
  servingSeries,
} from '../timeline/serving-series';
import type { Timeline } from '../timeline/types';
import { formatInteger, formatNumber, formatPercent, escapeHtml as h } from './report-format';
import {
  GAP,
  LEFT,
  type LegendItem,
  legendSvg,
  PANEL_H,
  type Panel,
  panel,
  RIGHT,
  TOP,
  W,
} from './svg-panel';
import { gappedPath, r1 } from './svg-path';
import { labelStep } from './timeline-chart-data';
import { truncateLabel } from './truncate-label';

const QUANTILES = [
  { key: 'p50', colour: '#8fa9ef', width: 1.2 },
  { key: 'p95', colour: '#315fe2', width: 2 },
  { key: 'p99', colour: '#1b3a94', width: 1.2 },
] as const;
const RED = '#b42318';
const GREY = '#5b6475';
const BARS_H = 30;

function chartSvg(s: ServingSeries): string {
  const pts = s.points;
  const n = pts.length;
  const step = (W - LEFT - RIGHT) / Math.max(n, 1);
  const x = (i: number) => r1(LEFT + (i + 0.5) * step);
  const parts: string[] = [];
  const legend: LegendItem[] = [];
  let top = TOP;
  const hline = (p: Panel, v: number, colour: string, what: string) =>
    `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${p.y(v)}" y2="${p.y(v)}" stroke="${colour}" stroke-width="1.2" stroke-dasharray="5 3"><title>${h(what)}</title></line>`;
  const titles = pts.map((p) => `<title>${h(servingPointLines(s, p).join('\n'))}</title>`);
  const panels: number[] = [];
  if (s.hasLatency) {
    const values = pts.flatMap((p) => [p.p50, p.p95, p.p99]).filter((v): v is number => v !== null);
    if (s.referenceP95 !== null) values.push(s.referenceP95);
    const p = panel(top, values, (v) => formatNumber(v, 3), `latency (${s.unit ?? ''})`);
    parts.push(...p.parts);
    if (s.referenceP95 !== null)
      parts.push(hline(p, s.referenceP95, GREY, `Reference p95 ${latencyText(s.referenceP95, s.unit)}`));
    for (const q of QUANTILES) {
      const vals = pts.map((pt) => pt[q.key]);
      parts.push(
        `<path class="latency-${q.key}" d="${gappedPath(vals, x, p.y)}" fill="none" stroke="${q.colour}" stroke-width="${q.width}"/>`,
      );
      vals.forEach((v, i) => {
        if (v !== null)
          parts.push(
            `<circle cx="${x(i)}" cy="${p.y(v)}" r="${q.key === 'p95' ? 2.6 : 1.8}" fill="${q.colour}">${titles[i]}</circle>`,
          );
      });
      legend.push([q.colour, q.width, '', `latency ${q.key}`]);
    }
    if (s.referenceP95 !== null)
      legend.push([GREY, 1.2, '5 3', `reference p95 ${latencyText(s.referenceP95, s.unit)}`]);
    panels.push(top);
    top += PANEL_H + GAP;
  }
  if (s.hasErrorRate) {
    const values = pts.map((p) => p.errorRate).filter((v): v is number => v !== null);
    if (s.referenceErrorRate !== null) values.push(s.referenceErrorRate);
    const p = panel(top, values, (v) => formatPercent(v), 'error rate');
    parts.push(...p.parts);
    if (s.referenceErrorRate !== null)
      parts.push(
        hline(p, s.referenceErrorRate, RED, `Reference error rate ${formatPercent(s.referenceErrorRate)}`),
      );
    const vals = pts.map((pt) => pt.errorRate);
    parts.push(
      `<path class="error-rate" d="${gappedPath(vals, x, p.y)}" fill="none" stroke="${RED}" stroke-width="1.6"/>`,
    );
    vals.forEach((v, i) => {
      if (v !== null)
        parts.push(`<circle cx="${x(i)}" cy="${p.y(v)}" r="2.4" fill="${RED}">${titles[i]}</circle>`);
    });
    legend.push([RED, 1.6, '', 'error rate']);
    if (s.referenceErrorRate !== null)
      legend.push([RED, 1.2, '5 3', `reference error rate ${formatPercent(s.referenceErrorRate)}`]);
    panels.push(top);
    top += PANEL_H + GAP;
  }
  // Requests per chunk, as bars under the panels.
  const most = Math.max(...pts.map((p) => p.requests), 1);
  const base = top + BARS_H;
  pts.forEach((p, i) => {
    const bh = r1((BARS_H * p.requests) / most);
    parts.push(
      `<rect class="requests-bar" x="${r1(x(i) - step * 0.38)}" y="${r1(base - bh)}" width="${r1(step * 0.76)}" height="${bh}" fill="#c5cbd6">${titles[i]}</rect>`,
    );
  });
  parts.push(
    `<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${base}" y2="${base}"/>`,
    `<text class="tick" x="${LEFT - 4}" y="${top + 4}" text-anchor="end">${h(formatInteger(most))}</text><text class="tick" x="${LEFT - 4}" y="${base}" text-anchor="end">0</text>`,
    `<text class="axis-title" transform="translate(12,${r1(top + BARS_H / 2)}) rotate(-90)" text-anchor="middle">requests</text>`,
  );
  const reference = pts.filter((p) => p.period === 'reference').length;
  if (reference > 0)
    for (const pt of panels)
      parts.unshift(
        `<rect x="${LEFT}" y="${pt}" width="${r1(reference * step)}" height="${PANEL_H}" fill="#4c78a8" fill-opacity="0.1"><title>Reference period</title></rect>`,
      );
  const every = labelStep(n);
  pts.forEach((p, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<text class="tick" transform="translate(${x(i)},${base + 9}) rotate(-35)" text-anchor="end">${h(truncateLabel(p.label, 16))}<title>${h(p.label)}</title></text>`,
    );
  });
  const legendRows = Math.ceil(legend.length / 3);
  const shift = Math.max(0, legendRows * 14 - 12);
  const height = base + 74 + shift;
  const label = h(
    `Serving health per chunk: ${s.hasLatency ? 'latency p50, p95 and p99' : ''}${s.hasLatency && s.hasErrorRate ? ' and ' : ''}${s.hasErrorRate ? 'error rate' : ''}, with the reference's values dashed, and requests per chunk`,
  );
  return (
    `<svg class="chart timeline-serving" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-label="${label}">` +
    `<g class="legend">${legendSvg(legend)}</g><g transform="translate(0,${shift})">${parts.join('')}</g></svg>`
  );
}

function chunkTable(s: ServingSeries): string {
  const cells = (p: ServingSeries['points'][number]) =>
    (s.hasLatency
      ? `<td class="num">${h(latencyText(p.p50, s.unit))}</td><td class="num">${h(latencyText(p.p95, s.unit))}</td><td class="num">${h(latencyText(p.p99, s.unit))}</td>`
      : '') +
    (s.hasErrorRate ? `<td class="num">${p.errorRate === null ? '—' : formatPercent(p.errorRate)}</td>` : '');
  const rows = s.points
    .map(
      (p) =>
        `<tr><td class="num">${p.chunk}</td><td class="name" title="${h(p.label)}">${h(truncateLabel(p.label, 28))}</td>` +
        `<td class="num">${formatInteger(p.requests)}</td>${cells(p)}</tr>`,
    )
    .join('');
  const head =
    (s.hasLatency ? '<th class="num">p50</th><th class="num">p95</th><th class="num">p99</th>' : '') +
    (s.hasErrorRate ? '<th class="num">Error rate</th>' : '');
  return (
    '<table class="timeline-chunks timeline-serving-table"><thead><tr><th class="num">Chunk</th><th>Label</th>' +
    `<th class="num">Requests</th>${head}</tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The block, or '' when no chunk carries serving health. `whole`: the two-file serving result (baselines). */
export function timelineServingBlock(timeline: Timeline, whole: ServingResult | null | undefined): string {
  const s = servingSeries(timeline, whole);
  if (!s) return '';
  const caption =
    '<p class="muted">Each chunk\'s latency percentiles and error rate are those of the chunk\'s own comparison with ' +
    `the reference (the Serving health section). Dashed: the whole reference's ${s.hasLatency ? 'p95' : ''}` +
    `${s.hasLatency && s.hasErrorRate ? ' and ' : ''}${s.hasErrorRate ? 'error rate' : ''}.` +
    (s.hasErrorRate
      ? ' An HTTP status of 5xx counts as an error; 1 or true in a 0/1 or boolean column.'
      : '') +
    ' Bars: requests (rows) per chunk.</p>';
  return (
    `<div class="timeline-serving-block"><h3>Serving health per chunk</h3>${caption}` +
    `<div class="timeline-box">${chartSvg(s)}</div><h4>Per chunk</h4>${chunkTable(s)}</div>`
  );
}
