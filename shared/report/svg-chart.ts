/**
 * Distribution charts for exported reports as inline SVG strings: overlaid share histograms on the app's
 * bins, grouped category bars. Vector (sharp in the PDF), a few kilobytes each, no script: hovering a bar
 * shows its native tooltip (<title>). Every label from a data file is escaped.
 */
import type { Distribution } from './analysis-result';
import { escapeHtml, formatNumber } from './report-format';
import { ROLE_COLORS } from './roles';
import { r1 } from './svg-path';
import { truncateLabel } from './truncate-label';

const WIDTH = 560;
const TOP = 26;
const LEFT = 48;
const RIGHT = 10;
const TICK_CHARS = 14;

/** Rounds a coordinate to one decimal (keeps the SVG small). */

/**
 * About `count` round tick values covering [min, max] (1, 2 or 5 times a power of ten, as d3.ticks).
 * @example niceTicks(0, 1, 5) // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max)) || count < 1) return [];
  if (min === max) return [min];
  const span = max - min;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1) * power;
  const start = Math.ceil(min / step);
  const stop = Math.floor(max / step);
  const ticks: number[] = [];
  for (let i = start; i <= stop; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

interface Frame {
  height: number;
  bottom: number;
  yMax: number;
  y(share: number): number;
}

function frame(distribution: Distribution, bottom: number, height: number): Frame {
  const peak = Math.max(0, ...distribution.reference, ...distribution.current);
  const ticks = niceTicks(0, peak > 0 ? peak * 1.05 : 1, 4);
  const yMax = Math.max(ticks[ticks.length - 1] ?? 1, peak, 1e-12);
  const plotH = height - TOP - bottom;
  return { height, bottom, yMax, y: (share) => TOP + plotH * (1 - share / yMax) };
}

function yAxis(f: Frame): string {
  const parts: string[] = [];
  const x1 = WIDTH - RIGHT;
  for (const tick of niceTicks(0, f.yMax, 4)) {
    const y = r1(f.y(tick));
    parts.push(`<line class="grid" x1="${LEFT}" x2="${x1}" y1="${y}" y2="${y}"/>`);
    parts.push(
      `<text class="tick" x="${LEFT - 4}" y="${y + 3}" text-anchor="end">${pct(tick).replace('.0%', '%')}</text>`,
    );
  }
  return parts.join('');
}

function legend(): string {
  const x = WIDTH - RIGHT - 150;
  return (
    `<g class="legend"><rect x="${x}" y="6" width="10" height="10" fill="${ROLE_COLORS.reference}"/>` +
    `<text x="${x + 14}" y="15">Reference</text>` +
    `<rect x="${x + 80}" y="6" width="10" height="10" fill="${ROLE_COLORS.current}"/>` +
    `<text x="${x + 94}" y="15">Current</text></g>`
  );
}

function histogramBody(d: Extract<Distribution, { kind: 'histogram' }>, f: Frame): string {
  const { edges } = d;
  let lo = edges[0];
  let hi = edges[edges.length - 1];
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const plotW = WIDTH - LEFT - RIGHT;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo)) * plotW;
  const base = f.y(0);
  const bars: string[] = [];
  for (const [role, shares] of [
    ['Reference', d.reference],
    ['Current', d.current],
  ] as const) {
    const color = role === 'Reference' ? ROLE_COLORS.reference : ROLE_COLORS.current;
    bars.push(`<g fill="${color}" fill-opacity="0.55" stroke="${color}" stroke-width="0.6">`);
    for (let i = 0; i + 1 < edges.length && i < shares.length; i++) {
      const x0 = x(edges[i]);
      const w = Math.max(x(edges[i + 1]) - x0, 0.8);
      const top = f.y(shares[i]);
      const range = `${formatNumber(edges[i])} – ${formatNumber(edges[i + 1])}`;
      bars.push(
        `<rect x="${r1(x0)}" y="${r1(top)}" width="${r1(w)}" height="${r1(base - top)}"><title>${role} · ${escapeHtml(range)} · ${pct(shares[i])}</title></rect>`,
      );
    }
    bars.push('</g>');
  }
  const ticks = niceTicks(lo, hi, 6)
    .map((t) => {
      const tx = r1(x(t));
      return `<line class="axis" x1="${tx}" x2="${tx}" y1="${r1(base)}" y2="${r1(base + 4)}"/><text class="tick" x="${tx}" y="${r1(base + 15)}" text-anchor="middle">${escapeHtml(formatNumber(t, 3))}</text>`;
    })
    .join('');
  return `${bars.join('')}<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${r1(base)}" y2="${r1(base)}"/>${ticks}`;
}

function categoryBody(d: Extract<Distribution, { kind: 'categories' }>, f: Frame, rotate: boolean): string {
  const n = Math.max(d.labels.length, 1);
  const plotW = WIDTH - LEFT - RIGHT;
  const band = plotW / n;
  const barW = Math.max((band * 0.8) / 2, 0.8);
  const base = f.y(0);
  const parts: string[] = [];
  d.labels.forEach((label, i) => {
    const x0 = LEFT + band * i + band * 0.1;
    const safe = escapeHtml(label);
    for (const [k, role, shares] of [
      [0, 'Reference', d.reference],
      [1, 'Current', d.current],
    ] as const) {
      const share = shares[i] ?? 0;
      const top = f.y(share);
      const color = role === 'Reference' ? ROLE_COLORS.reference : ROLE_COLORS.current;
      parts.push(
        `<rect x="${r1(x0 + k * barW)}" y="${r1(top)}" width="${r1(barW)}" height="${r1(base - top)}" fill="${color}"><title>${role} · ${safe} · ${pct(share)}</title></rect>`,
      );
    }
    const cx = r1(LEFT + band * (i + 0.5));
    const text = escapeHtml(truncateLabel(label, TICK_CHARS));
    parts.push(
      rotate
        ? `<text class="tick" transform="translate(${cx},${r1(base + 10)}) rotate(-35)" text-anchor="end">${text}<title>${safe}</title></text>`
        : `<text class="tick" x="${cx}" y="${r1(base + 15)}" text-anchor="middle">${text}<title>${safe}</title></text>`,
    );
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${r1(base)}" y2="${r1(base)}"/>`);
  return parts.join('');
}

/**
 * One column's distribution as an SVG element (width 100% of its container, fixed aspect ratio).
 * `columnName` is only used in the accessible label.
 * @example distributionSvg({ kind: 'histogram', edges: [0, 1, 2], reference: [0.5, 0.5], current: [0.2, 0.8] }, 'x')
 * // '<svg class="chart" viewBox="0 0 560 220" ...>...</svg>'
 */
export function distributionSvg(distribution: Distribution, columnName: string): string {
  const isHistogram = distribution.kind === 'histogram';
  const rotate = !isHistogram && distribution.labels.length > 5;
  const bottom = isHistogram ? 24 : rotate ? 64 : 24;
  const height = 196 + bottom;
  const f = frame(distribution, bottom, height);
  const body = isHistogram ? histogramBody(distribution, f) : categoryBody(distribution, f, rotate);
  const label = escapeHtml(`Distribution of ${columnName}: reference and current shares`);
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${label}">` +
    `${yAxis(f)}${body}${legend()}</svg>`
  );
}
