/**
 * Plotly figures of the Timeline view: the features × chunks heatmap, the selected feature's score per
 * chunk (threshold or reference band, reference period shaded, rows per chunk as bars under the x axis),
 * the drifted share and the model metrics with their baselines. Chunks sit at x = 0, 1, 2, ... with their
 * labels as tick text, so a click gives the chunk's index. Every string from a data file (column names,
 * chunk labels that are file names, notes) goes through plotlySafeText.
 */
import type { PlotData, PlotLayout } from 'plotly.js-strict-dist-min';
import { TEST_REGISTRY } from '../../../../shared/drift/methods/registry';
import { plotlySafeText } from '../../../../shared/report/plotly-safe-text';
import type { Timeline, TimelineChunk } from '../../../../shared/timeline/types';
import { THEMES } from '../../lib/chart-data';
import { formatNumber, formatPercent } from '../../lib/format';
import { type HeatRow, isAlert, SEVERITY_LIMIT } from './heatmap-data';

export type Scheme = 'light' | 'dark';

export interface Figure {
  data: PlotData[];
  layout: PlotLayout;
}

export const DRIFT = { light: '#c62828', dark: '#ff6b6b' } as const;
export const LINE = { light: '#315fe2', dark: '#6f93ff' } as const;

/**
 * Calm (far below the threshold) to strong drift: greens up to the threshold (z = 0), then reds. The
 * step at 0 makes "past the threshold" visible without reading the legend.
 */
export function heatColourScale(scheme: Scheme): [number, string][] {
  return scheme === 'dark'
    ? [
        [0, '#1e3322'],
        [0.499, '#4b5a3a'],
        [0.5, '#6b3a2a'],
        [1, '#ff6b6b'],
      ]
    : [
        [0, '#e8f5e9'],
        [0.499, '#f3f0d0'],
        [0.5, '#f7b9a9'],
        [1, '#b71c1c'],
      ];
}

/**
 * The x axis of a chart over the chunks: one slot per chunk, slanted labels (chunkTicks), no grid. The
 * margins grow to hold the slanted labels (automargin): a long file name would otherwise be cut under the
 * plot or, for the first chunk, past the left edge.
 */
export function chunkAxis(labels: string[]) {
  return {
    ...chunkTicks(labels),
    tickangle: -40,
    automargin: true,
    range: [-0.5, labels.length - 0.5],
    showgrid: false,
    zeroline: false,
  };
}

/**
 * The axes of a chart over the chunks with a strip of bars under it (rows, labelled share): two x axes on
 * the same chunks, the chart's without labels, the bars' with the chunk labels under them, so the labels
 * never cross the bars; `main` and `bars` add to the chart's and the bars' y axis.
 */
export function axesWithBars(
  labels: string[],
  scheme: Scheme,
  main: Record<string, unknown>,
  bars: Record<string, unknown>,
): Pick<PlotLayout, 'xaxis' | 'xaxis2' | 'yaxis' | 'yaxis2'> {
  const axis = chunkAxis(labels);
  const grid = THEMES[scheme].grid;
  return {
    xaxis: {
      tickvals: axis.tickvals,
      range: axis.range,
      showgrid: false,
      zeroline: false,
      showticklabels: false,
    },
    xaxis2: { ...axis, anchor: 'y2', matches: 'x' },
    yaxis: { domain: [0.3, 1], gridcolor: grid, zeroline: false, automargin: true, ...main },
    yaxis2: { anchor: 'x2', domain: [0, 0.18], gridcolor: grid, automargin: true, ...bars },
  };
}

/**
 * The strip of bars under a chart over the chunks (on axesWithBars' x2 and y2), in the theme's muted grey.
 * `hover` is each bar's text (hovertext, not text: a bar draws its text inside it) or one hover template.
 */
export function barStrip(
  name: string,
  x: number[],
  y: (number | null)[],
  scheme: Scheme,
  hover: string[] | string,
): PlotData {
  return {
    type: 'bar',
    name,
    x,
    y,
    ...(typeof hover === 'string'
      ? { hovertemplate: hover }
      : { hovertext: hover, hovertemplate: '%{hovertext}<extra></extra>' }),
    xaxis: 'x2',
    yaxis: 'y2',
    marker: { color: scheme === 'dark' ? '#4a5262' : '#c5cbd6' },
    showlegend: false,
  } as PlotData;
}

/** Tick positions and labels for `n` chunks: at most ~`max` labels, evenly spaced. */
export function chunkTicks(labels: string[], max = 16): { tickvals: number[]; ticktext: string[] } {
  const step = Math.max(1, Math.ceil(labels.length / max));
  const tickvals: number[] = [];
  for (let i = 0; i < labels.length; i += step) tickvals.push(i);
  return { tickvals, ticktext: tickvals.map((i) => plotlySafeText(labels[i])) };
}

/**
 * A shaded rectangle behind the reference chunks, with a small "reference period" label above the plot
 * (`inside`: at the top inside it, where a legend sits above).
 */
export function referenceShapes(
  timeline: Timeline,
  scheme: Scheme,
  inside = false,
): Pick<PlotLayout, 'shapes' | 'annotations'> {
  const count = timeline.chunks.filter((c) => c.period === 'reference').length;
  if (count === 0) return { shapes: [], annotations: [] };
  return {
    shapes: [
      {
        type: 'rect',
        xref: 'x',
        yref: 'paper',
        x0: -0.5,
        x1: count - 0.5,
        y0: 0,
        y1: 1,
        fillcolor: scheme === 'dark' ? 'rgba(111,147,255,0.10)' : 'rgba(49,95,226,0.07)',
        line: { width: 0 },
        layer: 'below',
      },
    ],
    annotations: [
      {
        xref: 'x',
        yref: 'paper',
        x: (count - 1) / 2,
        y: 1,
        yanchor: inside ? 'top' : 'bottom',
        text: 'reference period',
        showarrow: false,
        font: { size: 11, color: THEMES[scheme].muted },
      },
    ],
  };
}

export function baseLayout(scheme: Scheme): PlotLayout {
  const theme = THEMES[scheme];
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { color: theme.text, size: 12 },
    hoverlabel: { align: 'left' },
  };
}

/**
 * The layout of a per-chunk panel under the heatmap (the multivariate cards): 240 px high, the legend on
 * top, the chunk axis, `yTitle` on the y axis, the reference period shaded.
 */
export function chunkPanelLayout(timeline: Timeline, scheme: Scheme, yTitle: string): PlotLayout {
  return {
    ...baseLayout(scheme),
    height: 240,
    margin: { l: 56, r: 10, t: 30, b: 56 },
    legend: { orientation: 'h', x: 0, y: 1.18, font: { size: 11 } },
    xaxis: chunkAxis(timeline.chunks.map((c) => c.label)),
    yaxis: { title: { text: yTitle }, gridcolor: THEMES[scheme].grid, automargin: true, zeroline: false },
    ...referenceShapes(timeline, scheme, true),
  } as PlotLayout;
}

/** Hover text of a chunk without a dataset: an error batch of a monitor history, else a gap. */
function noDataText(chunk: TimelineChunk): string {
  return chunk.error !== undefined
    ? `Not analysed: ${plotlySafeText(chunk.error)}`
    : 'No rows: a gap, not drift';
}

function describeCell(row: HeatRow, i: number, chunk: TimelineChunk): string {
  const cell = row.cells[i];
  const head = `<b>${plotlySafeText(row.name)}</b> · ${plotlySafeText(chunk.label)}`;
  if (cell.gap) return `${head}<br>${noDataText(chunk)}`;
  if (cell.score === null) return `${head}<br>No score${cell.note ? `: ${plotlySafeText(cell.note)}` : ''}`;
  const lines = [
    head,
    `score ${formatNumber(cell.score)} (threshold ${cell.threshold === null ? '—' : formatNumber(cell.threshold)})`,
    cell.alert ? 'alert: drift' : 'no alert',
  ];
  if (cell.note) lines.push(plotlySafeText(cell.note));
  return lines.join('<br>');
}

/** The heatmap: rows top to bottom in `rows` order, alerts marked with a dot, gaps with a dash. */
export function heatmapFigure(timeline: Timeline, rows: HeatRow[], scheme: Scheme): Figure {
  const labels = timeline.chunks.map((c) => c.label);
  const theme = THEMES[scheme];
  const z = rows.map((row) => row.cells.map((cell) => cell.z));
  const text = rows.map((row) => row.cells.map((_, i) => describeCell(row, i, timeline.chunks[i])));
  const alertX: number[] = [];
  const alertY: number[] = [];
  const alertText: string[] = [];
  const gapX: number[] = [];
  const gapY: number[] = [];
  const gapText: string[] = [];
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.alert) {
        alertX.push(cell.chunk);
        alertY.push(r);
        alertText.push(text[r][cell.chunk]);
      } else if (cell.gap) {
        gapX.push(cell.chunk);
        gapY.push(r);
        gapText.push(text[r][cell.chunk]);
      }
    }
  });
  const data: PlotData[] = [
    {
      type: 'heatmap',
      x: labels.map((_, i) => i),
      y: rows.map((_, r) => r),
      z,
      text,
      hovertemplate: '%{text}<extra></extra>',
      hoverongaps: false,
      zmin: -SEVERITY_LIMIT,
      zmax: SEVERITY_LIMIT,
      colorscale: heatColourScale(scheme),
      xgap: 1,
      ygap: 1,
      colorbar: {
        title: { text: 'score vs threshold', side: 'right' },
        tickvals: [-2, -1, 0, 1, 2],
        ticktext: ['¼', '½', 'threshold', '2×', '4×'],
        thickness: 10,
        len: 0.9,
      },
    } as PlotData,
    {
      type: 'scatter',
      mode: 'markers',
      name: 'alert',
      x: alertX,
      y: alertY,
      text: alertText,
      hovertemplate: '%{text}<extra></extra>',
      marker: {
        symbol: 'circle',
        size: 6,
        color: scheme === 'dark' ? '#14171c' : '#ffffff',
        line: { width: 1.5, color: DRIFT[scheme] },
      },
      showlegend: false,
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: 'gap',
      x: gapX,
      y: gapY,
      text: gapText,
      hovertemplate: '%{text}<extra></extra>',
      marker: { symbol: 'line-ew', size: 10, line: { width: 1.5, color: theme.muted } },
      showlegend: false,
    },
  ];
  const reference = referenceShapes(timeline, scheme);
  return {
    data,
    layout: {
      ...baseLayout(scheme),
      height: Math.max(180, Math.min(900, 60 + rows.length * 22)),
      margin: { l: 150, r: 10, t: 18, b: 60 },
      xaxis: chunkAxis(labels),
      yaxis: {
        tickvals: rows.map((_, r) => r),
        ticktext: rows.map((row) =>
          plotlySafeText(row.name.length > 20 ? `${row.name.slice(0, 19)}…` : row.name),
        ),
        autorange: 'reversed',
        automargin: true,
        showgrid: false,
        zeroline: false,
      },
      ...reference,
    },
  };
}

/** Whether the column's test is a p-value test (drawn on a log axis, drift below the threshold). */
function isPValue(test: string | null): boolean {
  return test !== null && TEST_REGISTRY[test as keyof typeof TEST_REGISTRY]?.kind === 'p_value';
}

/**
 * The selected feature's score per chunk: line with alert markers, its threshold (or the reference band
 * mean ± K·sd when the timeline derived one), the reference period shaded, rows per chunk as bars below.
 */
export function featureLineFigure(timeline: Timeline, name: string, scheme: Scheme): Figure {
  const theme = THEMES[scheme];
  const labels = timeline.chunks.map((c) => c.label);
  const x = labels.map((_, i) => i);
  const columns = timeline.chunks.map((c) => c.columns.find((col) => col.name === name) ?? null);
  const test = columns.find((c) => c?.test)?.test ?? null;
  const pValue = isPValue(test);
  // A p-value of 0 cannot sit on a log axis: it is drawn at the smallest positive double's order.
  const y = columns.map((c, i) =>
    timeline.chunks[i].dataset === null || c?.score == null
      ? null
      : pValue
        ? Math.max(c.score, 1e-300)
        : c.score,
  );
  const hover = columns.map((c, i) => {
    const chunk = timeline.chunks[i];
    const head = `${plotlySafeText(chunk.label)} (${chunk.period}) · ${chunk.rows} rows`;
    if (chunk.dataset === null) return `${head}<br>No rows: a gap, not drift`;
    if (!c || c.score === null) return `${head}<br>No score${c?.note ? `: ${plotlySafeText(c.note)}` : ''}`;
    const lines = [
      head,
      `score ${formatNumber(c.score)}`,
      `threshold ${c.threshold === null ? '—' : formatNumber(c.threshold)}`,
    ];
    if (c.note) lines.push(plotlySafeText(c.note));
    return lines.join('<br>');
  });
  const alerts = columns.map((c, i) =>
    c && timeline.chunks[i].period === 'analysis' && isAlert(c) ? y[i] : null,
  );
  const data: PlotData[] = [];
  const bound = timeline.referenceThresholds?.thresholds.find((t) => t.kind === 'column' && t.name === name);
  if (bound && (bound.lower !== null || bound.upper !== null)) {
    const lo = bound.lower ?? (pValue ? 1e-300 : 0);
    const hi = bound.upper ?? 1;
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        x,
        y: x.map(() => lo),
        line: { width: 0 },
        hoverinfo: 'skip',
        showlegend: false,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `reference band (mean ± ${timeline.referenceThresholds!.k}·sd)`,
        x,
        y: x.map(() => hi),
        fill: 'tonexty',
        fillcolor: scheme === 'dark' ? 'rgba(102,187,106,0.16)' : 'rgba(46,125,50,0.12)',
        line: { width: 0 },
        hoverinfo: 'skip',
      },
    );
  }
  data.push(
    {
      type: 'scatter',
      mode: 'lines',
      name: 'threshold',
      x,
      y: columns.map((c) => c?.threshold ?? null),
      line: { color: theme.muted, dash: 'dash', width: 1.5, shape: 'hv' },
      hoverinfo: 'skip',
      connectgaps: true,
    },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'score',
      x,
      y,
      text: hover,
      hovertemplate: '%{text}<extra></extra>',
      line: { color: LINE[scheme], width: 2 },
      marker: { size: 5, color: LINE[scheme] },
      connectgaps: false,
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: 'alert',
      x,
      y: alerts,
      hoverinfo: 'skip',
      marker: {
        size: 9,
        color: DRIFT[scheme],
        symbol: 'circle-open',
        line: { width: 2, color: DRIFT[scheme] },
      },
    },
    barStrip(
      'rows',
      x,
      timeline.chunks.map((c) => c.rows),
      scheme,
      '%{y} rows<extra></extra>',
    ),
  );
  const reference = referenceShapes(timeline, scheme, true);
  return {
    data,
    layout: {
      ...baseLayout(scheme),
      height: 320,
      margin: { l: 56, r: 10, t: 28, b: 64 },
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.12, font: { size: 11 } },
      ...axesWithBars(
        labels,
        scheme,
        {
          type: pValue ? 'log' : 'linear',
          title: { text: pValue ? 'p-value (log)' : 'distance' },
          exponentformat: 'power',
        },
        { title: { text: 'rows', font: { size: 11 } }, rangemode: 'tozero', nticks: 3 },
      ),
      ...reference,
    },
  };
}

/** Drifted share of tested columns per chunk, with the dataset's share threshold (when known). */
export function shareFigure(timeline: Timeline, shareThreshold: number | null, scheme: Scheme): Figure {
  const theme = THEMES[scheme];
  const labels = timeline.chunks.map((c) => c.label);
  const x = labels.map((_, i) => i);
  const share = timeline.chunks.map((c) => c.dataset?.driftShare ?? null);
  const text = timeline.chunks.map((c) =>
    c.dataset === null
      ? `${plotlySafeText(c.label)}<br>${noDataText(c)}`
      : `${plotlySafeText(c.label)}<br>${c.dataset.driftedColumns} of ${c.dataset.testedColumns} tested columns drifted (${formatPercent(c.dataset.driftShare)})`,
  );
  return {
    data: [
      // A monitor history does not keep the share threshold (null): the verdict colours the markers.
      ...(shareThreshold === null
        ? []
        : [
            {
              type: 'scatter' as const,
              mode: 'lines' as const,
              name: `dataset threshold ${formatPercent(shareThreshold, 0)}`,
              x,
              y: x.map(() => shareThreshold),
              line: { color: theme.muted, dash: 'dash' as const, width: 1.5 },
              hoverinfo: 'skip' as const,
            },
          ]),
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'drifted share',
        x,
        y: share,
        text,
        hovertemplate: '%{text}<extra></extra>',
        line: { color: DRIFT[scheme], width: 2 },
        marker: {
          size: 6,
          color: timeline.chunks.map((c) => (c.dataset?.driftDetected ? DRIFT[scheme] : theme.muted)),
        },
        connectgaps: false,
      },
    ],
    layout: {
      ...baseLayout(scheme),
      height: 200,
      margin: { l: 56, r: 10, t: 24, b: 56 },
      legend: { orientation: 'h', x: 0, y: 1.2, font: { size: 11 } },
      xaxis: chunkAxis(labels),
      // A little room past 0 % and 100 %, so a marker on either is not cut by the plot's edge.
      yaxis: {
        range: [-0.04, 1.04],
        tickvals: [0, 0.5, 1],
        tickformat: '.0%',
        title: { text: 'drifted' },
        gridcolor: theme.grid,
        automargin: true,
      },
      ...referenceShapes(timeline, scheme, true),
    },
  };
}

export const METRIC_COLOURS = [
  '#4c78a8',
  '#f58518',
  '#54a24b',
  '#b279a2',
  '#e45756',
  '#72b7b2',
  '#9d755d',
  '#eeca3b',
];

/** Every model metric per chunk (a line each) with its reference value as a dashed baseline. */
export function metricsFigure(timeline: Timeline, scheme: Scheme): Figure | null {
  const theme = THEMES[scheme];
  const names: string[] = [];
  for (const chunk of timeline.chunks)
    for (const name of Object.keys(chunk.performance?.metrics ?? {}))
      if (!names.includes(name)) names.push(name);
  if (names.length === 0) return null;
  const labels = timeline.chunks.map((c) => c.label);
  const x = labels.map((_, i) => i);
  const data: PlotData[] = [];
  names.forEach((name, m) => {
    const colour = METRIC_COLOURS[m % METRIC_COLOURS.length];
    const baseline =
      timeline.chunks.flatMap((c) => c.performance?.decay.filter((d) => d.metric === name) ?? [])[0]
        ?.reference ?? null;
    const values = timeline.chunks.map((c) => c.performance?.metrics[name] ?? null);
    const degraded = timeline.chunks.map(
      (c) => c.performance?.decay.find((d) => d.metric === name)?.degraded === true,
    );
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: plotlySafeText(name),
      legendgroup: name,
      x,
      y: values,
      text: timeline.chunks.map(
        (c, i) =>
          `${plotlySafeText(c.label)}<br>${plotlySafeText(name)} ${values[i] === null ? '—' : formatNumber(values[i]!)}` +
          `${baseline === null ? '' : ` (reference ${formatNumber(baseline)})`}${degraded[i] ? '<br>degraded' : ''}`,
      ),
      hovertemplate: '%{text}<extra></extra>',
      line: { color: colour, width: 2 },
      marker: {
        size: degraded.map((d) => (d ? 9 : 5)),
        color: colour,
        symbol: degraded.map((d) => (d ? 'circle-open' : 'circle')),
      },
      connectgaps: false,
    });
    if (baseline !== null)
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${plotlySafeText(name)} baseline`,
        legendgroup: name,
        showlegend: false,
        x,
        y: x.map(() => baseline),
        line: { color: colour, dash: 'dot', width: 1 },
        hoverinfo: 'skip',
      });
  });
  return {
    data,
    layout: {
      ...baseLayout(scheme),
      height: 240,
      margin: { l: 56, r: 10, t: 24, b: 56 },
      legend: { orientation: 'h', x: 0, y: 1.2, font: { size: 11 } },
      xaxis: chunkAxis(labels),
      yaxis: { title: { text: 'metric' }, gridcolor: theme.grid, automargin: true },
      ...referenceShapes(timeline, scheme, true),
    },
  };
}
