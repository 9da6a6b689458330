/**
 * The stacked panels of the HTML/PDF timeline's static charts (serving health, multivariate drift): the
 * chart's geometry, a panel's y scale with its grid and tick labels, and the legend above the chart. Static
 * SVG, one y axis per panel: a printed chart has no hover to tell which axis a line reads on.
 */
import { escapeHtml as h } from './report-format';
import { niceTicks } from './svg-chart';
import { r1 } from './svg-path';

export const W = 640;
export const LEFT = 56;
export const RIGHT = 10;
export const TOP = 30;
export const PANEL_H = 110;
export const GAP = 16;

export interface Panel {
  top: number;
  y: (v: number) => number;
  parts: string[];
}

/**
 * A panel's y scale from `floor` (default 0) to the largest value with 8 % headroom (a nice top tick), its
 * grid lines, tick labels and rotated title. `floor` is lowered to the smallest value if one is below it.
 */
export function panel(
  top: number,
  values: number[],
  tick: (v: number) => string,
  title: string,
  floor = 0,
): Panel {
  const lo = Math.min(floor, ...values);
  const hi = Math.max(...values, lo);
  const top1 = hi > lo ? lo + (hi - lo) * 1.08 : lo + 1;
  const ticks = niceTicks(lo, top1, 3);
  const y1 = Math.max(top1, ticks[ticks.length - 1] ?? top1);
  const y = (v: number) => r1(top + PANEL_H * (1 - (v - lo) / (y1 - lo)));
  const parts = ticks
    .filter((t) => t >= lo && t <= y1)
    .map(
      (t) =>
        `<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(t)}" y2="${y(t)}"/><text class="tick" x="${LEFT - 4}" y="${r1(y(t) + 3)}" text-anchor="end">${h(tick(t))}</text>`,
    );
  parts.push(
    `<text class="axis-title" transform="translate(12,${r1(top + PANEL_H / 2)}) rotate(-90)" text-anchor="middle">${h(title)}</text>`,
  );
  return { top, y, parts };
}

/** A legend entry: the line's colour, width and dash ('' for solid) and its text. */
export type LegendItem = [colour: string, width: number, dash: string, text: string];

/** The legend, three entries a row. */
export function legendSvg(items: LegendItem[]): string {
  return items
    .map(([colour, width, dash, text], i) => {
      const d = dash ? ` stroke-dasharray="${dash}"` : '';
      const at = `${LEFT + [0, 175, 380][i % 3]},${12 + Math.floor(i / 3) * 14}`;
      return `<g transform="translate(${at})"><line x1="0" x2="16" y1="-3" y2="-3" stroke="${colour}" stroke-width="${width}"${d}/><text x="20" y="0">${h(text)}</text></g>`;
    })
    .join('');
}
