/**
 * The Timeline view's "Estimated and realised <metric>" figure (docs/estimation.md): per chunk the CBPE
 * estimate as a line inside a band of ± BAND_SAMPLING_ERRORS sampling errors, the realised metric on the
 * chunk's labelled rows as a second line with error bars of the same width, the reference (the verdict's
 * baseline) and the realised metric's decay limit as horizontal lines, a ring on each chunk whose estimate
 * the verdict calls degraded (its whole band below the reference), and the labelled share of each chunk as
 * bars under the x axis. The data: shared/timeline/estimated-series.ts. Chunk labels (file names) go through
 * plotlySafeText.
 */
import type { PlotData } from 'plotly.js-strict-dist-min';
import { plotlySafeText } from '../../../../shared/report/plotly-safe-text';
import {
  BAND_SAMPLING_ERRORS,
  bandEdges,
  type EstimatedSeries,
  pointLines,
} from '../../../../shared/timeline/estimated-series';
import type { Timeline } from '../../../../shared/timeline/types';
import { THEMES } from '../../lib/chart-data';
import { formatNumber, formatPercent } from '../../lib/format';
import {
  axesWithBars,
  barStrip,
  baseLayout,
  DRIFT,
  type Figure,
  LINE,
  METRIC_COLOURS,
  referenceShapes,
  type Scheme,
} from './timeline-charts';

const REALISED = METRIC_COLOURS[1];
const BAND = { light: 'rgba(49,95,226,0.16)', dark: 'rgba(111,147,255,0.22)' } as const;

/** The figure of one metric's series over the timeline's chunks. */
export function estimatedFigure(timeline: Timeline, series: EstimatedSeries, scheme: Scheme): Figure {
  const theme = THEMES[scheme];
  const k = BAND_SAMPLING_ERRORS;
  const labels = timeline.chunks.map((c) => c.label);
  const x = labels.map((_, i) => i);
  const p = series.points;
  const text = p.map((point) => pointLines(series, point).map(plotlySafeText).join('<br>'));
  const band = p.map((point) => bandEdges(point.estimate, point.samplingError));
  const hline = (value: number, name: string, dash: 'dash' | 'dot', color: string): PlotData => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y: x.map(() => value),
    line: { color, dash, width: 1.5 },
    hoverinfo: 'skip',
  });
  const reference = referenceShapes(timeline, scheme, true);
  const data: PlotData[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'band low',
      x,
      y: band.map((b) => b[0]),
      line: { width: 0 },
      hoverinfo: 'skip',
      showlegend: false,
      connectgaps: false,
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `estimate ± ${k} sampling errors`,
      x,
      y: band.map((b) => b[1]),
      fill: 'tonexty',
      fillcolor: BAND[scheme],
      line: { width: 0 },
      hoverinfo: 'skip',
      connectgaps: false,
    },
  ];
  if (series.baseline !== null)
    data.push(hline(series.baseline, `reference ${formatNumber(series.baseline)}`, 'dash', theme.muted));
  if (series.decayLimit !== null && series.decayThreshold !== null)
    data.push(
      hline(
        series.decayLimit,
        `decay limit (${formatPercent(series.decayThreshold, 0)} below the reference)`,
        'dot',
        DRIFT[scheme],
      ),
    );
  data.push(
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'estimated (CBPE, all rows)',
      x,
      y: p.map((point) => point.estimate),
      text,
      hovertemplate: '%{text}<extra></extra>',
      line: { color: LINE[scheme], width: 2 },
      marker: { size: 6, color: LINE[scheme] },
      connectgaps: false,
    },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'realised (labelled rows)',
      x,
      y: p.map((point) => point.realised),
      text,
      hovertemplate: '%{text}<extra></extra>',
      line: { color: REALISED, width: 1.5, dash: 'dashdot' },
      marker: { size: 6, color: REALISED, symbol: 'diamond' },
      error_y: {
        type: 'data',
        array: p.map((point) => (point.realisedSamplingError === null ? 0 : k * point.realisedSamplingError)),
        visible: true,
        color: REALISED,
        thickness: 1.2,
        width: 3,
      },
      connectgaps: false,
    } as PlotData,
    {
      type: 'scatter',
      mode: 'markers',
      name: 'estimate degraded',
      x,
      y: p.map((point) => (point.degraded ? point.estimate : null)),
      text,
      hovertemplate: '%{text}<extra></extra>',
      marker: {
        size: 13,
        symbol: 'circle-open',
        color: DRIFT[scheme],
        line: { width: 2.5, color: DRIFT[scheme] },
      },
    },
    barStrip(
      'labelled share',
      x,
      p.map((point) => point.labelledShare),
      scheme,
      text,
    ),
  );
  return {
    data,
    layout: {
      ...baseLayout(scheme),
      height: 400,
      margin: { l: 56, r: 10, t: 70, b: 64 },
      showlegend: true,
      // Above the plot, in the traces' order (a filled band would reverse it by default).
      legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom', traceorder: 'normal', font: { size: 11 } },
      ...axesWithBars(
        labels,
        scheme,
        { title: { text: plotlySafeText(series.name) } },
        {
          range: [0, 1],
          tickvals: [0, 0.5, 1],
          tickformat: '.0%',
          title: { text: 'labelled', font: { size: 11 } },
        },
      ),
      ...reference,
      // A chunk with an estimate and no label has no bar: say so where the bar would be.
      annotations: [
        ...((reference.annotations ?? []) as unknown[]),
        ...p
          .filter((point) => point.estimated && point.labelledShare === 0)
          .map((point) => ({
            xref: 'x2',
            yref: 'y2',
            x: point.chunk,
            y: 0,
            yanchor: 'bottom',
            text: 'no labels',
            showarrow: false,
            font: { size: 10, color: theme.muted },
          })),
      ],
    },
  };
}
