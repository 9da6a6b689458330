/**
 * The Timeline view's "Serving health per chunk" figure (docs/serving.md): per chunk the latency p50, p95
 * and p99 as lines on the left axis (the column's unit), the error rate as a line on the right axis, the
 * whole reference's p95 and error rate as dashed baselines, and the requests of each chunk as bars under
 * the x axis. The data: shared/timeline/serving-series.ts. Chunk labels (file names) go through
 * plotlySafeText.
 */
import type { PlotData, PlotLayout } from 'plotly.js-strict-dist-min';
import { plotlySafeText } from '../../../../shared/report/plotly-safe-text';
import {
  latencyText,
  type ServingSeries,
  servingPointLines,
} from '../../../../shared/timeline/serving-series';
import type { Timeline } from '../../../../shared/timeline/types';
import { THEMES } from '../../lib/chart-data';
import { formatPercent } from '../../lib/format';
import {
  axesWithBars,
  barStrip,
  baseLayout,
  DRIFT,
  type Figure,
  LINE,
  referenceShapes,
  type Scheme,
} from './timeline-charts';

/** p50 lighter, p95 the main line, p99 darker: one hue, so the three read as one quantity. */
const QUANTILE_COLOURS = {
  light: { p50: '#8fa9ef', p95: LINE.light, p99: '#1b3a94' },
  dark: { p50: '#3f5bb0', p95: LINE.dark, p99: '#b4c6ff' },
} as const;

/** The figure of the serving series over the timeline's chunks. */
export function servingFigure(timeline: Timeline, series: ServingSeries, scheme: Scheme): Figure {
  const theme = THEMES[scheme];
  const labels = timeline.chunks.map((c) => c.label);
  const x = labels.map((_, i) => i);
  const p = series.points;
  const text = p.map((point) => servingPointLines(series, point).map(plotlySafeText).join('<br>'));
  const colours = QUANTILE_COLOURS[scheme];
  const hline = (value: number, name: string, color: string, yaxis: string): PlotData =>
    ({
      type: 'scatter',
      mode: 'lines',
      name,
      x,
      y: x.map(() => value),
      yaxis,
      line: { color, dash: 'dash', width: 1.2 },
      hoverinfo: 'skip',
    }) as PlotData;
  const data: PlotData[] = [];
  if (series.hasLatency) {
    for (const q of ['p50', 'p95', 'p99'] as const)
      data.push({
        type: 'scatter',
        mode: 'lines+markers',
        name: `latency ${q}`,
        x,
        y: p.map((point) => point[q]),
        text,
        hovertemplate: '%{text}<extra></extra>',
        line: { color: colours[q], width: q === 'p95' ? 2.2 : 1.2 },
        marker: { size: q === 'p95' ? 6 : 4, color: colours[q] },
        connectgaps: false,
      });
    if (series.referenceP95 !== null)
      data.push(
        hline(
          series.referenceP95,
          `reference p95 ${latencyText(series.referenceP95, series.unit)}`,
          theme.muted,
          'y',
        ),
      );
  }
  if (series.hasErrorRate) {
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: 'error rate (right axis)',
      x,
      y: p.map((point) => point.errorRate),
      yaxis: series.hasLatency ? 'y3' : 'y',
      text,
      hovertemplate: '%{text}<extra></extra>',
      line: { color: DRIFT[scheme], width: 1.8, dash: 'dashdot' },
      marker: { size: 6, color: DRIFT[scheme], symbol: 'diamond' },
      connectgaps: false,
    } as PlotData);
    if (series.referenceErrorRate !== null)
      data.push(
        hline(
          series.referenceErrorRate,
          `reference error rate ${formatPercent(series.referenceErrorRate)}`,
          DRIFT[scheme],
          series.hasLatency ? 'y3' : 'y',
        ),
      );
  }
  data.push(
    barStrip(
      'requests',
      x,
      p.map((point) => point.requests),
      scheme,
      text,
    ),
  );
  const rateAxis = { tickformat: '.1%', rangemode: 'tozero', zeroline: false, automargin: true };
  const main = series.hasLatency
    ? { title: { text: `latency (${series.unit ?? ''})` }, rangemode: 'tozero' }
    : { title: { text: 'error rate' }, ...rateAxis };
  const layout: PlotLayout = {
    ...baseLayout(scheme),
    height: 360,
    margin: { l: 56, r: 56, t: 70, b: 64 },
    showlegend: true,
    legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom', traceorder: 'normal', font: { size: 11 } },
    ...axesWithBars(labels, scheme, main, {
      title: { text: 'requests', font: { size: 11 } },
      rangemode: 'tozero',
      nticks: 3,
    }),
    ...referenceShapes(timeline, scheme, true),
  };
  if (series.hasLatency && series.hasErrorRate)
    (layout as Record<string, unknown>).yaxis3 = {
      ...rateAxis,
      overlaying: 'y',
      side: 'right',
      showgrid: false,
      title: { text: 'error rate', font: { size: 11 } },
    };
  return { data, layout };
}
