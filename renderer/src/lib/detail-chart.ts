/**
 * Plotly traces and layout of the numeric feature detail: share histograms of both sets on the shared
 * bins (hover: the bin's range, count, and its PSI and Jensen–Shannon terms), ECDFs of both sets on a
 * second y axis, and the KS distance D drawn where the two ECDFs are farthest apart.
 */
import type { PlotData, PlotLayout } from 'plotly.js-strict-dist-min';
import type { NumericColumnDetail } from '../../../shared/explore/types';
import { ROLE_COLORS } from '../../../shared/report/roles';
import { distributionLayout, THEMES } from './chart-data';
import { formatInteger, formatNumber } from './format';

export interface DetailChartOptions {
  logY: boolean;
  ecdf: boolean;
  /** Mark the KS distance (when the column's test is ks). */
  markKs: boolean;
}

export function numericDetailTraces(
  detail: NumericColumnDetail,
  scheme: 'light' | 'dark',
  options: DetailChartOptions,
): PlotData[] {
  const overlayOpacity = scheme === 'dark' ? 0.65 : 0.55;
  const { edges } = detail;
  const centres: number[] = [];
  const widths: number[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    centres.push((edges[i] + edges[i + 1]) / 2);
    widths.push(edges[i + 1] - edges[i]);
  }
  const custom = (counts: number[]) =>
    centres.map((_, i) => [
      `${formatNumber(edges[i])} – ${formatNumber(edges[i + 1])}`,
      formatInteger(counts[i]),
      formatNumber(detail.psi[i]),
      formatNumber(detail.js[i]),
    ]);
  const bars = (
    name: 'Reference' | 'Current',
    shares: number[],
    counts: number[],
    color: string,
  ): PlotData => ({
    type: 'bar',
    name,
    x: centres,
    width: widths,
    y: shares,
    customdata: custom(counts),
    marker: { color, line: { color, width: 1 } },
    opacity: overlayOpacity,
    hovertemplate: `${name}<br>%{customdata[0]}<br>share %{y:.2%} (%{customdata[1]} rows)<br>PSI term %{customdata[2]} · JS term %{customdata[3]}<extra></extra>`,
  });
  const traces: PlotData[] = [
    bars('Reference', detail.reference, detail.referenceCounts, ROLE_COLORS.reference),
    bars('Current', detail.current, detail.currentCounts, ROLE_COLORS.current),
  ];
  if (options.ecdf) {
    const line = (name: string, points: { x: number[]; y: number[] }, color: string): PlotData => ({
      type: 'scatter',
      mode: 'lines',
      name: `${name} ECDF`,
      x: points.x,
      y: points.y,
      yaxis: 'y2',
      line: { color, width: 1.5, shape: 'hv' },
      showlegend: false,
      // The lines cross the bars: leave hover and clicks to the bars (a bin's terms, its rows).
      hoverinfo: 'skip',
    });
    traces.push(line('Reference', detail.ecdf.reference, ROLE_COLORS.reference));
    traces.push(line('Current', detail.ecdf.current, ROLE_COLORS.current));
    if (options.markKs && detail.ks) {
      const { x, reference, current, d } = detail.ks;
      traces.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: 'KS distance',
        x: [x, x],
        y: [reference, current],
        yaxis: 'y2',
        line: { color: THEMES[scheme].text, width: 2, dash: 'dot' },
        marker: { size: 5, color: THEMES[scheme].text },
        showlegend: false,
        hovertemplate: `KS distance D = ${formatNumber(d)}<br>at x = ${formatNumber(x)}<extra></extra>`,
      });
    }
  }
  return traces;
}

export function numericDetailLayout(
  detail: NumericColumnDetail,
  columnName: string,
  scheme: 'light' | 'dark',
  options: DetailChartOptions,
): PlotLayout {
  const base = distributionLayout(
    { kind: 'histogram', edges: detail.edges, reference: detail.reference, current: detail.current },
    columnName,
    scheme,
  );
  const theme = THEMES[scheme];
  // Fixed margins instead of automargin: an automargin change costs Plotly a second full redraw, and
  // re-binning should take one frame or two.
  const yaxis = { ...(base.yaxis as Record<string, unknown>), automargin: false };
  const xaxis = { ...(base.xaxis as Record<string, unknown>), automargin: false };
  const layout: PlotLayout = {
    ...base,
    margin: { l: 64, r: options.ecdf ? 52 : 16, t: 28, b: 44 },
    xaxis,
    yaxis: options.logY ? { ...yaxis, type: 'log', tickformat: '.1%', rangemode: undefined } : yaxis,
  };
  if (options.ecdf) {
    layout.yaxis2 = {
      overlaying: 'y',
      side: 'right',
      range: [0, 1.02],
      showgrid: false,
      color: theme.muted,
      tickformat: '.0%',
      title: { text: 'ECDF', font: { size: 11, color: theme.muted } },
      zeroline: false,
    };
  }
  if (options.ecdf && options.markKs && detail.ks) {
    const { x, reference, current, d } = detail.ks;
    layout.annotations = [
      {
        x,
        y: (reference + current) / 2,
        yref: 'y2',
        text: `D = ${formatNumber(d, 3)}`,
        showarrow: true,
        arrowhead: 0,
        ax: 36,
        ay: 0,
        font: { size: 11, color: theme.text },
        bgcolor: scheme === 'dark' ? 'rgba(28,32,39,0.85)' : 'rgba(255,255,255,0.85)',
      },
    ];
  }
  return layout;
}
