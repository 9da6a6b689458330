/**
 * Layout checks of the Timeline's Plotly charts and tables, for the defects of issue 12: what a chart or a
 * table draws outside the box that shows it. Each returns the offending items (empty when all fit), so a
 * failure names what is cut.
 */
import type { Locator } from '@playwright/test';

/** Slack for sub-pixel rounding of bounding boxes. */
const EPS = 1;

/**
 * The x tick labels of the chart (Plotly's `.xtick text`, every x axis) that reach outside its svg box,
 * and the markers of its scatter traces that sit outside its plot area (the drag rectangle of the axes).
 */
export async function chartOverflow(chart: Locator): Promise<string[]> {
  return chart.evaluate((el, eps) => {
    const svg = el.querySelector('svg.main-svg');
    if (!svg) return ['no svg'];
    const box = svg.getBoundingClientRect();
    const out: string[] = [];
    const inside = (r: DOMRect, b: DOMRect) =>
      r.left >= b.left - eps &&
      r.right <= b.right + eps &&
      r.top >= b.top - eps &&
      r.bottom <= b.bottom + eps;
    const fmt = (r: DOMRect) =>
      `[${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)}]`;
    for (const text of Array.from(el.querySelectorAll('.xtick text'))) {
      const r = text.getBoundingClientRect();
      if (r.width > 0 && !inside(r, box))
        out.push(`tick "${text.textContent}" ${fmt(r)} outside svg ${fmt(box)}`);
    }
    const plot = el.querySelector('.draglayer .xy .nsewdrag');
    if (plot) {
      const area = plot.getBoundingClientRect();
      el.querySelectorAll('.scatterlayer .trace .points path.point').forEach((point, i) => {
        const r = point.getBoundingClientRect();
        const cx = (r.left + r.right) / 2;
        const cy = (r.top + r.bottom) / 2;
        if (cx < area.left - eps || cx > area.right + eps || cy < area.top - eps || cy > area.bottom + eps)
          out.push(`point ${i} at ${Math.round(cx)},${Math.round(cy)} outside plot ${fmt(area)}`);
      });
    }
    return out;
  }, EPS);
}

/**
 * How far (px) `box` does not fit: what it holds beyond its own width (scrollWidth − clientWidth: it would
 * scroll) or its box beyond the left or right inner edge of `container` (the pane that shows it).
 */
export async function widthOverflow(box: Locator, container: Locator): Promise<number> {
  const handle = await container.elementHandle();
  return box.evaluate((e, c) => {
    if (!c) return Number.POSITIVE_INFINITY;
    const r = e.getBoundingClientRect();
    const p = c.getBoundingClientRect();
    const left = p.left + c.clientLeft;
    const right = left + c.clientWidth;
    return Math.max(e.scrollWidth - e.clientWidth, r.right - right, left - r.left);
  }, handle);
}
