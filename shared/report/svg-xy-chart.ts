/**
 * Model-quality charts for exported reports as inline SVG strings (what prints, and what shows without
 * JavaScript): curves (ROC, PR, calibration), point clouds (predicted vs actual) and share histograms on
 * shared bins (confidence, errors), reference and current overlaid, with an optional dashed y = x
 * diagonal. The same `XYChart` spec feeds the interactive Plotly chart (plotly-charts.ts `xyChartData`),
 * so both show the same aggregated data. Every text is escaped.
 */
import { escapeHtml, formatNumber } from './report-format';
import { ROLE_COLORS } from './roles';
import { niceTicks } from './svg-chart';
import { r1 } from './svg-path';

export type SeriesRole = 'Reference' | 'Current';

export type XYSeries =
  | {
      role: SeriesRole;
      /** line: a curve; linepoints: a curve with a marker per point (calibration); points: a cloud. */
      mode: 'line' | 'linepoints' | 'points';
      x: number[];
      y: number[];
    }
  | {
      role: SeriesRole;
      mode: 'bars';
      /** Shared bin edges (one more than `shares`). */
      edges: number[];
      shares: number[];
    };

/** The axes of a model-quality chart: what the SVG spec and its Plotly data (plotly-charts.ts) both carry. */
export interface XYAxes {
  xTitle: string;
  yTitle: string;
  /** Short axis names for hover text (constants, never data). */
  xHover: string;
  yHover: string;
  xRange: [number, number];
  yRange: [number, number];
  xPercent: boolean;
  yPercent: boolean;
  /** Draws the dashed y = x line across the x range. */
  diagonal: boolean;
}

export interface XYChart extends XYAxes {
  /** Names the chart's data block and Plotly div (`chart-data-<id>`, `chart-<id>`) and its test hook. */
  id: string;
  /** Accessible label of the SVG. */
  label: string;
  /** A log₁₀ x axis (xRange must be positive; ticks at 1, 2 and 5 × 10ᵏ). */
  xLog?: boolean;
  series: XYSeries[];
}

export const XY_WIDTH = 420;
export const XY_HEIGHT = 290;
const TOP = 24;
const LEFT = 52;
const RIGHT = 12;
const BOTTOM = 40;

function tickText(value: number, percent: boolean): string {
  return percent ? `${Number((value * 100).toPrecision(6))}%` : formatNumber(value, 3);
}

/** Ticks of a log axis over [lo, hi] (lo > 0): 1, 2 and 5 × 10ᵏ inside the range (1 × 10ᵏ only when that gives ≥ 3). */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  for (const steps of [[1], [1, 2, 5]]) {
    out.length = 0;
    for (let k = first; k <= last; k++) {
      for (const m of steps) {
        const t = Number((m * 10 ** k).toPrecision(12));
        if (t >= lo && t <= hi) out.push(t);
      }
    }
    if (out.length >= 3) break;
  }
  return out;
}

function colour(role: SeriesRole): string {
  return role === 'Reference' ? ROLE_COLORS.reference : ROLE_COLORS.current;
}

/**
 * One model-quality chart as an SVG element (width 100% of its container, fixed aspect ratio).
 * @example xySvg({ id: 'roc', label: 'ROC', xTitle: 'FPR', yTitle: 'TPR', xHover: 'FPR', yHover: 'TPR',
 *   xRange: [0, 1], yRange: [0, 1], xPercent: false, yPercent: false, diagonal: true, series: [] })
 * // '<svg class="chart xy-chart" viewBox="0 0 420 290" ...>...</svg>'
 */
export function xySvg(chart: XYChart): string {
  const [x0, x1] =
    chart.xRange[1] > chart.xRange[0] ? chart.xRange : [chart.xRange[0] - 0.5, chart.xRange[0] + 0.5];
  const [y0, y1] =
    chart.yRange[1] > chart.yRange[0] ? chart.yRange : [chart.yRange[0] - 0.5, chart.yRange[0] + 0.5];
  const plotW = XY_WIDTH - LEFT - RIGHT;
  const plotH = XY_HEIGHT - TOP - BOTTOM;
  const lx0 = Math.log10(x0);
  const lx1 = Math.log10(x1);
  const sx = chart.xLog
    ? (v: number) => r1(LEFT + ((Math.log10(v) - lx0) / (lx1 - lx0)) * plotW)
    : (v: number) => r1(LEFT + ((v - x0) / (x1 - x0)) * plotW);
  const sy = (v: number) => r1(TOP + plotH * (1 - (v - y0) / (y1 - y0)));
  const inside = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y);
  const base = TOP + plotH;
  const parts: string[] = [];
  // Grid and y ticks.
  for (const t of niceTicks(y0, y1, 5)) {
    const y = sy(t);
    parts.push(`<line class="grid" x1="${LEFT}" x2="${XY_WIDTH - RIGHT}" y1="${y}" y2="${y}"/>`);
    parts.push(
      `<text class="tick" x="${LEFT - 4}" y="${r1(y + 3)}" text-anchor="end">${escapeHtml(tickText(t, chart.yPercent))}</text>`,
    );
  }
  for (const t of chart.xLog ? logTicks(x0, x1) : niceTicks(x0, x1, 5)) {
    const x = sx(t);
    parts.push(
      `<line class="axis" x1="${x}" x2="${x}" y1="${base}" y2="${base + 4}"/>` +
        `<text class="tick" x="${x}" y="${base + 14}" text-anchor="middle">${escapeHtml(tickText(t, chart.xPercent))}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${LEFT}" x2="${XY_WIDTH - RIGHT}" y1="${base}" y2="${base}"/>` +
      `<line class="axis" x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${base}"/>`,
  );
  parts.push(
    `<text class="axis-title" x="${r1(LEFT + plotW / 2)}" y="${XY_HEIGHT - 6}" text-anchor="middle">${escapeHtml(chart.xTitle)}</text>` +
      `<text class="axis-title" transform="translate(12,${r1(TOP + plotH / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(chart.yTitle)}</text>`,
  );
  if (chart.diagonal) {
    const lo = Math.max(x0, y0);
    const hi = Math.min(x1, y1);
    if (hi > lo) {
      parts.push(
        `<line class="diagonal" x1="${sx(lo)}" y1="${sy(lo)}" x2="${sx(hi)}" y2="${sy(hi)}" stroke="#9aa3b2" stroke-dasharray="4 3" stroke-width="1"/>`,
      );
    }
  }
  for (const s of chart.series) {
    const c = colour(s.role);
    if (s.mode === 'bars') {
      parts.push(`<g fill="${c}" fill-opacity="0.55" stroke="${c}" stroke-width="0.6">`);
      for (let i = 0; i + 1 < s.edges.length && i < s.shares.length; i++) {
        const left = sx(s.edges[i]);
        const w = Math.max(sx(s.edges[i + 1]) - left, 0.8);
        const top = sy(s.shares[i]);
        const range = `${formatNumber(s.edges[i])} – ${formatNumber(s.edges[i + 1])}`;
        parts.push(
          `<rect x="${left}" y="${top}" width="${r1(w)}" height="${r1(base - top)}"><title>${s.role} · ${escapeHtml(range)} · ${(s.shares[i] * 100).toFixed(1)}%</title></rect>`,
        );
      }
      parts.push('</g>');
      continue;
    }
    const points: [number, number][] = [];
    for (let i = 0; i < s.x.length && i < s.y.length; i++) {
      if (inside(s.x[i], s.y[i])) points.push([sx(s.x[i]), sy(s.y[i])]);
    }
    if (s.mode === 'line' || s.mode === 'linepoints') {
      parts.push(
        `<polyline fill="none" stroke="${c}" stroke-width="1.8" stroke-linejoin="round" points="${points.map((p) => p.join(',')).join(' ')}"><title>${s.role}</title></polyline>`,
      );
    }
    if (s.mode === 'points' || s.mode === 'linepoints') {
      const radius = s.mode === 'points' ? 1.8 : 2.6;
      const opacity = s.mode === 'points' ? ' fill-opacity="0.55"' : '';
      parts.push(
        `<g fill="${c}"${opacity}><title>${s.role}</title>${points.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="${radius}"/>`).join('')}</g>`,
      );
    }
  }
  const lx = XY_WIDTH - RIGHT - 150;
  parts.push(
    `<g class="legend"><rect x="${lx}" y="6" width="10" height="10" fill="${ROLE_COLORS.reference}"/>` +
      `<text x="${lx + 14}" y="15">Reference</text>` +
      `<rect x="${lx + 80}" y="6" width="10" height="10" fill="${ROLE_COLORS.current}"/>` +
      `<text x="${lx + 94}" y="15">Current</text></g>`,
  );
  return (
    `<svg class="chart xy-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${XY_WIDTH} ${XY_HEIGHT}" role="img" aria-label="${escapeHtml(chart.label)}">` +
    `${parts.join('')}</svg>`
  );
}
