/**
 * The latency overlay of the report's Serving section as an `XYChart` (one spec feeds the PDF's SVG and
 * the HTML's Plotly chart): reference and current shares on the shared log-spaced bins of
 * `serving.latency.histogram` (shared/performance/latency-histogram.ts), drawn as step outlines on a log x
 * axis so that both stay readable where they overlap.
 */
import type { ServingLatency } from '../performance/serving-types';
import type { XYChart, XYSeries } from './svg-xy-chart';

/** The outline of a histogram: x = e₀, e₁, e₁, e₂, …, e_k and y = 0, s₀, s₀, s₁, s₁, …, s_{k−1}, 0. */
export function stepOutline(
  edges: readonly number[],
  shares: readonly number[],
): { x: number[]; y: number[] } {
  const x: number[] = [edges[0]];
  const y: number[] = [0];
  for (let i = 0; i < shares.length && i + 1 < edges.length; i++) {
    x.push(edges[i], edges[i + 1]);
    y.push(shares[i], shares[i]);
  }
  x.push(edges[Math.min(shares.length, edges.length - 1)]);
  y.push(0);
  return { x, y };
}

/** The latency overlay, or null when the result has no histogram. */
export function latencyChart(latency: ServingLatency): XYChart | null {
  const hist = latency.histogram;
  if (!hist || hist.edges.length < 2) return null;
  const series: XYSeries[] = [
    { role: 'Reference', mode: 'line', ...stepOutline(hist.edges, hist.reference) },
    { role: 'Current', mode: 'line', ...stepOutline(hist.edges, hist.current) },
  ];
  const peak = Math.max(0, ...hist.reference, ...hist.current);
  return {
    id: 'serving-latency',
    label: 'Latency distribution of reference and current on shared log-spaced bins (log axis)',
    xTitle: `Latency (${latency.unit}, log scale)`,
    yTitle: 'Share of requests',
    xHover: `latency ${latency.unit}`,
    yHover: 'share',
    xRange: [hist.edges[0], hist.edges[hist.edges.length - 1]],
    yRange: [0, peak > 0 ? peak * 1.08 : 1],
    xPercent: false,
    yPercent: true,
    diagonal: false,
    xLog: true,
    series,
  };
}
