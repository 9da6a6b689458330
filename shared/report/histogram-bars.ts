/**
 * Bars of a histogram on shared bins, as Plotly draws them in the app and in the report: bar i is centred
 * at (edges[i] + edges[i+1]) / 2 with width edges[i+1] − edges[i], and its hover names the range "lo – hi".
 */
import { formatNumber } from './report-format';

export interface HistogramBars {
  x: number[];
  width: number[];
  ranges: string[];
}

/** @example histogramBars([0, 1, 3]) // { x: [0.5, 2], width: [1, 2], ranges: ['0 – 1', '1 – 3'] } */
export function histogramBars(edges: readonly number[], bins = Math.max(edges.length - 1, 0)): HistogramBars {
  const x: number[] = [];
  const width: number[] = [];
  const ranges: string[] = [];
  for (let i = 0; i < bins; i++) {
    x.push((edges[i] + edges[i + 1]) / 2);
    width.push(edges[i + 1] - edges[i]);
    ranges.push(`${formatNumber(edges[i])} – ${formatNumber(edges[i + 1])}`);
  }
  return { x, width, ranges };
}
