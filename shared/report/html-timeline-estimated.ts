/**
 * The timeline section's "Estimated and realised quality per chunk" block (HTML and PDF, docs/estimation.md),
 * when the chunks carry a CBPE estimate: for accuracy and for every other metric the estimate calls
 * degraded in some analysis chunk, an SVG chart (the data of shared/timeline/estimated-series.ts, as the
 * app's figure: the estimate in a band of ± BAND_SAMPLING_ERRORS sampling errors, the realised metric on the
 * labelled rows with bars of the same width, the reference and the decay limit as lines, degraded chunks
 * ringed, the labelled share as bars under the axis), then a table per chunk: labelled share, estimated and
 * realised accuracy with their bands, the metrics the estimate calls degraded. Every data string is escaped.
 */
import { metricLabel } from '../performance/metric-names';
import {
  BAND_SAMPLING_ERRORS,
  bandEdges,
  type EstimatedSeries,
  estimatedMetrics,
  estimatedSeries,
  hasEstimates,
  pointLines,
} from '../timeline/estimated-series';
import type { Timeline } from '../timeline/types';
import { formatInteger, formatNumber, formatPercent, escapeHtml as h } from './report-format';
import { niceTicks } from './svg-chart';
import { gappedPath, r1 } from './svg-path';
import { labelStep } from './timeline-chart-data';
import { truncateLabel } from './truncate-label';

const ESTIMATE = '#315fe2';
const REALISED = '#f58518';
const RED = '#b42318';
const GREY = '#5b6475';
const W = 640;
const H = 282;
const LEFT = 52;
const RIGHT = 10;
const TOP = 44;
const PLOT_H = 140;
const BARS_TOP = TOP + PLOT_H + 12;
const BARS_H = 30;

/** The legend, two rows of three above the plot. */
function legend(s: EstimatedSeries): string {
  const items: [string, string][] = [
    [
      `<rect x="0" y="-7" width="16" height="8" fill="${ESTIMATE}" fill-opacity="0.16"/>`,
      `estimate ± ${BAND_SAMPLING_ERRORS} sampling errors`,
    ],
    [
      `<line x1="0" x2="16" y1="-3" y2="-3" stroke="${ESTIMATE}" stroke-width="2"/>`,
      'estimated (CBPE, all rows)',
    ],
    [
      `<line x1="0" x2="16" y1="-3" y2="-3" stroke="${REALISED}" stroke-width="1.6" stroke-dasharray="4 2"/>`,
      'realised (labelled rows)',
    ],
    [
      `<line x1="0" x2="16" y1="-3" y2="-3" stroke="${GREY}" stroke-dasharray="5 3"/>`,
      s.baseline === null ? 'reference' : `reference ${formatNumber(s.baseline)}`,
    ],
    [
      `<line x1="0" x2="16" y1="-3" y2="-3" stroke="${RED}" stroke-dasharray="2 2"/>`,
      s.decayThreshold === null
        ? 'decay limit'
        : `decay limit (${formatPercent(s.decayThreshold, 0)} below the reference)`,
    ],
    [`<circle cx="8" cy="-3" r="4.5" fill="none" stroke="${RED}" stroke-width="1.8"/>`, 'estimate degraded'],
  ];
  const parts = items.map(([mark, text], i) => {
    const x = LEFT + [0, 175, 420][i % 3];
    const y = 12 + Math.floor(i / 3) * 15;
    return `<g transform="translate(${x},${y})">${mark}<text x="20" y="0">${h(text)}</text></g>`;
  });
  return `<g class="legend">${parts.join('')}</g>`;
}

function chartSvg(s: EstimatedSeries): string {
  const pts = s.points;
  const n = pts.length;
  const k = BAND_SAMPLING_ERRORS;
  const values: number[] = [];
  for (const p of pts) {
    for (const v of bandEdges(p.estimate, p.samplingError)) if (v !== null) values.push(v);
    if (p.estimate !== null) values.push(p.estimate);
    for (const v of bandEdges(p.realised, p.realisedSamplingError)) if (v !== null) values.push(v);
    if (p.realised !== null) values.push(p.realised);
  }
  if (s.baseline !== null) values.push(s.baseline);
  if (s.decayLimit !== null) values.push(s.decayLimit);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.06 || 0.01;
  const ticks = niceTicks(lo - pad, hi + pad, 4);
  const y0 = Math.min(lo - pad, ticks[0] ?? lo);
  const y1 = Math.max(hi + pad, ticks[ticks.length - 1] ?? hi);
  const plotW = W - LEFT - RIGHT;
  const step = plotW / Math.max(n, 1);
  const x = (i: number) => r1(LEFT + (i + 0.5) * step);
  const y = (v: number) => r1(TOP + PLOT_H * (1 - (v - y0) / (y1 - y0)));
  const parts: string[] = [legend(s)];
  const reference = pts.filter((p) => p.period === 'reference').length;
  if (reference > 0)
    parts.push(
      `<rect x="${LEFT}" y="${TOP}" width="${r1(reference * step)}" height="${PLOT_H}" fill="#4c78a8" fill-opacity="0.1"><title>Reference period</title></rect>`,
    );
  for (const t of ticks) {
    if (t < y0 || t > y1) continue;
    parts.push(
      `<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(t)}" y2="${y(t)}"/><text class="tick" x="${LEFT - 4}" y="${r1(y(t) + 3)}" text-anchor="end">${h(formatNumber(t, 3))}</text>`,
    );
  }
  parts.push(
    `<text class="axis-title" transform="translate(12,${r1(TOP + PLOT_H / 2)}) rotate(-90)" text-anchor="middle">${h(s.name)}</text>`,
  );
  // The band: one polygon per run of chunks with an estimate and a sampling error (a lone chunk: a box).
  const edges = pts.map((p) => bandEdges(p.estimate, p.samplingError));
  let run: [number, number, number][] = [];
  const flush = () => {
    if (run.length === 1) {
      const [cx, a, b] = run[0];
      run = [
        [cx - step * 0.15, a, b],
        [cx + step * 0.15, a, b],
      ];
    }
    if (run.length > 0) {
      const top = run.map(([cx, , b]) => `${r1(cx)},${y(b)}`);
      const bottom = [...run].reverse().map(([cx, a]) => `${r1(cx)},${y(a)}`);
      parts.push(
        `<polygon class="estimate-band" points="${[...top, ...bottom].join(' ')}" fill="${ESTIMATE}" fill-opacity="0.16"/>`,
      );
    }
    run = [];
  };
  edges.forEach(([a, b], i) => {
    if (a !== null && b !== null) run.push([x(i), a, b]);
    else flush();
  });
  flush();
  const hline = (v: number | null, color: string, dash: string, what: string) =>
    v === null
      ? ''
      : `<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(v)}" y2="${y(v)}" stroke="${color}" stroke-width="1.2" stroke-dasharray="${dash}"><title>${h(`${what} ${formatNumber(v)}`)}</title></line>`;
  parts.push(hline(s.baseline, GREY, '5 3', 'Reference'));
  parts.push(
    hline(
      s.decayLimit,
      RED,
      '2 2',
      `Decay limit (${s.decayThreshold === null ? '' : formatPercent(s.decayThreshold, 0)} below the reference)`,
    ),
  );
  const path = (vals: (number | null)[]) => gappedPath(vals, x, y);
  parts.push(
    `<path class="estimate-line" d="${path(pts.map((p) => p.estimate))}" fill="none" stroke="${ESTIMATE}" stroke-width="1.8"/>`,
    `<path class="realised-line" d="${path(pts.map((p) => p.realised))}" fill="none" stroke="${REALISED}" stroke-width="1.4" stroke-dasharray="4 2"/>`,
  );
  pts.forEach((p, i) => {
    const title = `<title>${h(pointLines(s, p).join('\n'))}</title>`;
    const [rLo, rHi] = bandEdges(p.realised, p.realisedSamplingError);
    if (rLo !== null && rHi !== null)
      parts.push(
        `<path class="realised-bar" d="M${x(i)} ${y(rLo)}V${y(rHi)}M${r1(x(i) - 3)} ${y(rLo)}h6M${r1(x(i) - 3)} ${y(rHi)}h6" stroke="${REALISED}" stroke-width="1"/>`,
      );
    if (p.realised !== null)
      parts.push(
        `<rect x="${r1(x(i) - 2.5)}" y="${r1(y(p.realised) - 2.5)}" width="5" height="5" fill="${REALISED}" transform="rotate(45 ${x(i)} ${y(p.realised)})">${title}</rect>`,
      );
    if (p.estimate !== null)
      parts.push(`<circle cx="${x(i)}" cy="${y(p.estimate)}" r="2.6" fill="${ESTIMATE}">${title}</circle>`);
    if (p.degraded && p.estimate !== null)
      parts.push(
        `<circle class="degraded-ring" cx="${x(i)}" cy="${y(p.estimate)}" r="5.5" fill="none" stroke="${RED}" stroke-width="1.8">${title}</circle>`,
      );
    // The labelled share, as a bar under the chart.
    if (p.labelledShare !== null) {
      const bh = r1(BARS_H * p.labelledShare);
      parts.push(
        p.labelledShare === 0
          ? `<text class="tick" x="${x(i)}" y="${BARS_TOP + BARS_H - 2}" text-anchor="middle">no labels${title}</text>`
          : `<rect class="labelled-bar" x="${r1(x(i) - step * 0.38)}" y="${r1(BARS_TOP + BARS_H - bh)}" width="${r1(step * 0.76)}" height="${bh}" fill="#c5cbd6">${title}</rect>`,
      );
    }
  });
  const base = BARS_TOP + BARS_H;
  parts.push(
    `<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${base}" y2="${base}"/>`,
    `<text class="tick" x="${LEFT - 4}" y="${BARS_TOP + 4}" text-anchor="end">100%</text><text class="tick" x="${LEFT - 4}" y="${base}" text-anchor="end">0%</text>`,
    `<text class="axis-title" transform="translate(12,${r1(BARS_TOP + BARS_H / 2)}) rotate(-90)" text-anchor="middle">labelled</text>`,
  );
  const every = labelStep(n);
  pts.forEach((p, i) => {
    if (i % every !== 0) return;
    parts.push(
      `<text class="tick" transform="translate(${x(i)},${base + 9}) rotate(-35)" text-anchor="end">${h(truncateLabel(p.label, 16))}<title>${h(p.label)}</title></text>`,
    );
  });
  const label = h(
    `Estimated ${s.name} per chunk with a band of ± ${k} sampling errors, the realised ${s.name} on the labelled rows, the reference and the decay limit, and the labelled share`,
  );
  return `<svg class="chart timeline-estimated" data-metric="${h(s.metric)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}">${parts.join('')}</svg>`;
}

function withBand(value: number | null, error: number | null): string {
  if (value === null) return '—';
  return error === null
    ? formatNumber(value)
    : `${formatNumber(value)} ± ${formatNumber(BAND_SAMPLING_ERRORS * error)}`;
}

function chunkTable(s: EstimatedSeries, timeline: Timeline): string {
  const rows = s.points
    .map((p, i) => {
      const e = timeline.chunks[i].performance?.estimated ?? null;
      const degraded = e?.degraded ?? [];
      const verdict =
        e === null
          ? '<span class="badge none">No estimate</span>'
          : degraded.length > 0
            ? `<span class="badge drift">Degraded</span> ${h(degraded.map(metricLabel).join(', '))}`
            : '<span class="badge ok">OK</span>';
      return (
        `<tr><td class="num">${p.chunk}</td><td class="name" title="${h(p.label)}">${h(truncateLabel(p.label, 28))}</td>` +
        `<td class="num">${p.labelledShare === null ? '—' : `${formatPercent(p.labelledShare)} (${formatInteger(p.labelledRows)})`}</td>` +
        `<td class="num">${withBand(p.estimate, p.samplingError)}</td>` +
        `<td class="num">${withBand(p.realised, p.realisedSamplingError)}</td><td>${verdict}</td></tr>`
      );
    })
    .join('');
  const k = BAND_SAMPLING_ERRORS;
  return (
    '<table class="timeline-chunks timeline-estimated-table"><thead><tr><th class="num">Chunk</th><th>Label</th>' +
    `<th class="num">Labelled rows</th><th class="num">Estimated ${h(s.name)} ± ${k} SE</th>` +
    `<th class="num">Realised ${h(s.name)} ± ${k} SE</th><th>Estimate's verdict</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

/** The block, or '' when no chunk carries an estimate. */
export function timelineEstimatedBlock(timeline: Timeline): string {
  if (!hasEstimates(timeline)) return '';
  const metrics = estimatedMetrics(timeline);
  if (metrics.length === 0) return '';
  const first = metrics[0];
  const shown = metrics.filter(
    (m) =>
      m === first ||
      timeline.chunks.some((c) => c.period === 'analysis' && c.performance?.estimated?.degraded.includes(m)),
  );
  const k = BAND_SAMPLING_ERRORS;
  const charts = shown
    .map((m) => {
      const s = estimatedSeries(timeline, m)!;
      return `<div class="timeline-feature"><h4>${h(s.name)}</h4><div class="timeline-box">${chartSvg(s)}</div></div>`;
    })
    .join('');
  const caption =
    '<p class="muted">Estimated by confidence-based performance estimation (CBPE) from the probabilities of every ' +
    `row of the chunk; realised on the rows that already have a label. Band and error bars: ± ${k} sampling errors ` +
    `for the chunk's rows. A red ring marks a chunk whose estimate lies more than ${k} sampling errors below the ` +
    "reference (its whole band below the dashed line); dotted red: the realised metric's decay limit. Bars under " +
    `each chart: the share of the chunk's rows with a label. Charts: ${h(metricLabel(first))} and each metric the ` +
    'estimate calls degraded in some chunk.</p>';
  return (
    `<div class="timeline-estimated-block"><h3>Estimated and realised quality per chunk</h3>${caption}${charts}` +
    `<h4>Per chunk</h4>${chunkTable(estimatedSeries(timeline, first)!, timeline)}` +
    '</div>'
  );
}
