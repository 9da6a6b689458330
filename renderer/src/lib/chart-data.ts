/**
 * Plotly traces and layout for one column's distribution on the bins shared by both sets: overlaid
 * share-normalised bars for histograms, grouped bars for categories. Every label from a data file goes
 * through plotlySafeText.
 */
import type { PlotData, PlotLayout } from 'plotly.js-strict-dist-min';
import type { Distribution } from '../../../shared/report/analysis-result';
import { histogramBars } from '../../../shared/report/histogram-bars';
import { plotlySafeText } from '../../../shared/report/plotly-safe-text';
import { ROLE_COLORS } from '../../../shared/report/roles';
import { truncateLabel } from '../../../shared/report/truncate-label';

interface Theme {
  text: string;
  muted: string;
  grid: string;
}

export const THEMES: Record<'light' | 'dark', Theme> = {
  light: { text: '#1f2430', muted: '#5b6475', grid: '#e3e6ec' },
  dark: { text: '#e6e9ef', muted: '#a3abb9', grid: '#343a46' },
};

export function distributionTraces(
  distribution: Distribution,
  scheme: 'light' | 'dark' = 'light',
): PlotData[] {
  const overlayOpacity = scheme === 'dark' ? 0.65 : 0.55;
  if (distribution.kind === 'histogram') {
    const { x: centres, width: widths, ranges } = histogramBars(distribution.edges);
    const bars = (name: 'Reference' | 'Current', shares: number[], color: string): PlotData => ({
      type: 'bar',
      name,
      x: centres,
      width: widths,
      y: shares,
      customdata: ranges,
      marker: { color, line: { color, width: 1 } },
      opacity: overlayOpacity,
      hovertemplate: `${name}<br>%{customdata}<br>share %{y:.2%}<extra></extra>`,
    });
    return [
      bars('Reference', distribution.reference, ROLE_COLORS.reference),
      bars('Current', distribution.current, ROLE_COLORS.current),
    ];
  }
  const labels = distribution.labels.map(plotlySafeText);
  const bars = (name: 'Reference' | 'Current', shares: number[], color: string): PlotData => ({
    type: 'bar',
    name,
    x: labels,
    y: shares,
    marker: { color },
    opacity: 0.9,
    hovertemplate: `${name}<br>%{x}<br>share %{y:.2%}<extra></extra>`,
  });
  return [
    bars('Reference', distribution.reference, ROLE_COLORS.reference),
    bars('Current', distribution.current, ROLE_COLORS.current),
  ];
}

const TICK_CHARS = 18;
const TITLE_CHARS = 60;

export function distributionLayout(
  distribution: Distribution,
  columnName: string,
  scheme: 'light' | 'dark',
): PlotLayout {
  const theme = THEMES[scheme];
  const axis = {
    color: theme.muted,
    gridcolor: theme.grid,
    zerolinecolor: theme.grid,
    linecolor: theme.grid,
    automargin: true,
  };
  return {
    barmode: distribution.kind === 'histogram' ? 'overlay' : 'group',
    bargap: distribution.kind === 'histogram' ? 0 : 0.2,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12, color: theme.text },
    margin: { l: 56, r: 16, t: 28, b: 48 },
    legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom' },
    hoverlabel: { font: { size: 12 } },
    xaxis: {
      ...axis,
      title: {
        text: plotlySafeText(truncateLabel(columnName, TITLE_CHARS)),
        font: { size: 12, color: theme.muted },
      },
      type: distribution.kind === 'histogram' ? 'linear' : 'category',
      tickangle: 'auto',
      ...(distribution.kind === 'categories'
        ? {
            tickmode: 'array',
            tickvals: distribution.labels.map(plotlySafeText),
            ticktext: distribution.labels.map((label) => plotlySafeText(truncateLabel(label, TICK_CHARS))),
          }
        : {}),
    },
    yaxis: {
      ...axis,
      title: { text: 'Share of non-missing values', font: { size: 12, color: theme.muted } },
      tickformat: '.0%',
      rangemode: 'tozero',
    },
  };
}
