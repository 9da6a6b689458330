/**
 * Plotly traces and layouts of the Model quality tab: ROC, PR and calibration curves, class balance,
 * shared histograms (confidence, errors), predicted vs actual and the concept drift relation per bin.
 * Reference and current use the app's role colours; every label from a data file (class labels, bin
 * labels, column names) goes through plotlySafeText.
 */
import type { PlotData, PlotLayout } from 'plotly.js-strict-dist-min';
import type {
  CalibrationBin,
  ClassificationMetrics,
  ConceptFeature,
  PrPoint,
  RegressionMetrics,
  RocPoint,
  SharedHistogram,
} from '../../../../shared/performance/types';
import { plotlySafeText } from '../../../../shared/report/plotly-safe-text';
import { ROLE_COLORS, ROLE_NAMES, type Role } from '../../../../shared/report/roles';
import { truncateLabel } from '../../../../shared/report/truncate-label';
import { distributionTraces, THEMES } from '../../lib/chart-data';
import { formatNumber } from '../../lib/format';

export type Scheme = 'light' | 'dark';

export interface Chart {
  data: PlotData[];
  layout: PlotLayout;
}

function axis(scheme: Scheme, title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const theme = THEMES[scheme];
  return {
    color: theme.muted,
    gridcolor: theme.grid,
    zerolinecolor: theme.grid,
    linecolor: theme.grid,
    automargin: true,
    title: { text: title, font: { size: 12, color: theme.muted } },
    ...extra,
  };
}

export function baseLayout(scheme: Scheme, xTitle: string, yTitle: string, x = {}, y = {}): PlotLayout {
  const theme = THEMES[scheme];
  return {
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12, color: theme.text },
    margin: { l: 52, r: 12, t: 28, b: 44 },
    legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom', font: { size: 11 } },
    hoverlabel: { font: { size: 12 } },
    xaxis: axis(scheme, xTitle, x),
    yaxis: axis(scheme, yTitle, y),
  };
}

function diagonal(scheme: Scheme, name: string, from = 0, to = 1): PlotData {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x: [from, to],
    y: [from, to],
    line: { color: THEMES[scheme].muted, dash: 'dash', width: 1 },
    hoverinfo: 'skip',
  };
}

const UNIT = { range: [0, 1], constrain: 'domain' } as const;

function aucName(role: Role, label: string, value: number | null): string {
  return value === null ? ROLE_NAMES[role] : `${ROLE_NAMES[role]} (${label} ${value.toFixed(3)})`;
}

/** One role's step curve (ROC, PR) in its colour, the hover naming both axes. */
function stepCurve(
  role: Role,
  name: string,
  x: number[],
  y: number[],
  xHover: string,
  yHover: string,
): PlotData {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y,
    line: { color: ROLE_COLORS[role], width: 2, shape: 'hv' },
    hovertemplate: `${ROLE_NAMES[role]}<br>${xHover} %{x:.3f}<br>${yHover} %{y:.3f}<extra></extra>`,
  };
}

export function rocChart(sides: Record<Role, ClassificationMetrics>, scheme: Scheme): Chart | null {
  const curve = (role: Role, points: RocPoint[] | null): PlotData[] =>
    points === null
      ? []
      : [
          stepCurve(
            role,
            aucName(role, 'AUC', sides[role].rocAuc),
            points.map((p) => p.fpr),
            points.map((p) => p.tpr),
            'FPR',
            'TPR',
          ),
        ];
  const data = [...curve('reference', sides.reference.roc), ...curve('current', sides.current.roc)];
  if (data.length === 0) return null;
  return {
    data: [diagonal(scheme, 'Chance'), ...data],
    layout: baseLayout(scheme, 'False positive rate', 'True positive rate', UNIT, UNIT),
  };
}

export function prChart(
  sides: Record<Role, ClassificationMetrics>,
  posLabel: string | null,
  scheme: Scheme,
): Chart | null {
  const curve = (role: Role, points: PrPoint[] | null): PlotData[] => {
    if (points === null) return [];
    const base = sides[role].classBalance.find((c) => c.label === posLabel)?.share ?? null;
    const traces: PlotData[] = [
      stepCurve(
        role,
        aucName(role, 'AP', sides[role].prAuc),
        points.map((p) => p.recall),
        points.map((p) => p.precision),
        'recall',
        'precision',
      ),
    ];
    if (base !== null) {
      traces.push({
        type: 'scatter',
        mode: 'lines',
        name: `${ROLE_NAMES[role]} base rate`,
        showlegend: false,
        x: [0, 1],
        y: [base, base],
        line: { color: ROLE_COLORS[role], width: 1, dash: 'dot' },
        hovertemplate: `${ROLE_NAMES[role]} base rate %{y:.3f}<extra></extra>`,
      });
    }
    return traces;
  };
  const data = [...curve('reference', sides.reference.pr), ...curve('current', sides.current.pr)];
  if (data.length === 0) return null;
  return { data, layout: baseLayout(scheme, 'Recall', 'Precision', UNIT, { range: [0, 1.02] }) };
}

export function calibrationChart(sides: Record<Role, ClassificationMetrics>, scheme: Scheme): Chart | null {
  const curve = (role: Role, bins: CalibrationBin[] | null): PlotData[] =>
    bins === null || bins.length === 0
      ? []
      : [
          {
            type: 'scatter',
            mode: 'lines+markers',
            name: ROLE_NAMES[role],
            x: bins.map((b) => b.predicted),
            y: bins.map((b) => b.observed),
            customdata: bins.map((b) => [
              `${formatNumber(b.lo, 3)} – ${formatNumber(b.hi, 3)}`,
              formatNumber(b.count),
            ]),
            line: { color: ROLE_COLORS[role], width: 2 },
            marker: { color: ROLE_COLORS[role], size: 6 },
            hovertemplate: `${ROLE_NAMES[role]}<br>bin %{customdata[0]} (%{customdata[1]} rows)<br>predicted %{x:.3f}<br>observed %{y:.3f}<extra></extra>`,
          },
        ];
  const data = [
    ...curve('reference', sides.reference.calibration),
    ...curve('current', sides.current.calibration),
  ];
  if (data.length === 0) return null;
  return {
    data: [diagonal(scheme, 'Perfectly calibrated'), ...data],
    layout: baseLayout(scheme, 'Mean predicted probability', 'Observed share of positives', UNIT, UNIT),
  };
}

export function classBalanceChart(sides: Record<Role, ClassificationMetrics>, scheme: Scheme): Chart {
  const labels: string[] = [];
  for (const role of ['reference', 'current'] as const) {
    for (const c of sides[role].classBalance) if (!labels.includes(c.label)) labels.push(c.label);
  }
  const safe = labels.map(plotlySafeText);
  const bars = (role: Role): PlotData => {
    const shares = new Map(sides[role].classBalance.map((c) => [c.label, c.share]));
    return {
      type: 'bar',
      name: ROLE_NAMES[role],
      x: safe,
      y: labels.map((l) => shares.get(l) ?? 0),
      marker: { color: ROLE_COLORS[role] },
      opacity: 0.9,
      hovertemplate: `${ROLE_NAMES[role]}<br>class %{x}<br>share %{y:.1%}<extra></extra>`,
    };
  };
  const layout = baseLayout(scheme, 'Class (target)', 'Share of rows', {
    type: 'category',
    tickmode: 'array',
    tickvals: safe,
    ticktext: labels.map((l) => plotlySafeText(truncateLabel(l, 14))),
  });
  return {
    data: [bars('reference'), bars('current')],
    layout: {
      ...layout,
      barmode: 'group',
      bargap: 0.25,
      yaxis: { ...(layout.yaxis as object), tickformat: '.0%', rangemode: 'tozero' },
    },
  };
}

/** Overlaid share bars on shared bins (the confidence and error histograms). */
export function sharedHistogramChart(histogram: SharedHistogram, xTitle: string, scheme: Scheme): Chart {
  const data = distributionTraces({ kind: 'histogram', ...histogram }, scheme);
  const layout = baseLayout(scheme, xTitle, 'Share of rows', {}, { tickformat: '.0%', rangemode: 'tozero' });
  return { data, layout: { ...layout, barmode: 'overlay', bargap: 0 } };
}

export function predictedVsActualChart(
  sides: Record<Role, RegressionMetrics>,
  target: string,
  scheme: Scheme,
): Chart | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const points = (role: Role): PlotData[] => {
    const rows = sides[role].predictedVsActual;
    if (rows.length === 0) return [];
    for (const r of rows) {
      lo = Math.min(lo, r.actual, r.predicted);
      hi = Math.max(hi, r.actual, r.predicted);
    }
    return [
      {
        type: 'scatter',
        mode: 'markers',
        name: ROLE_NAMES[role],
        x: rows.map((r) => r.actual),
        y: rows.map((r) => r.predicted),
        marker: { color: ROLE_COLORS[role], size: 5, opacity: 0.55 },
        hovertemplate: `${ROLE_NAMES[role]}<br>actual %{x:.4g}<br>predicted %{y:.4g}<extra></extra>`,
      },
    ];
  };
  const data = [...points('reference'), ...points('current')];
  if (data.length === 0) return null;
  const title = plotlySafeText(truncateLabel(target, 40));
  return {
    data: [diagonal(scheme, 'Prediction = actual', lo, hi), ...data],
    layout: baseLayout(scheme, `Actual (${title})`, 'Predicted'),
  };
}

/**
 * The relation of one feature to the target per bin, reference vs current: target rate, target mean,
 * or (multiclass) the share of `classIndex`'s class. Bins without rows on a side have no point there.
 */
export function relationChart(
  feature: ConceptFeature,
  classIndex: number,
  yTitle: string,
  scheme: Scheme,
): Chart {
  const labels = feature.bins.map((b) => b.label);
  const safe = labels.map(plotlySafeText);
  const value = (role: Role, i: number): number | null => {
    const bin = feature.bins[i];
    if (feature.relation === 'class_distribution') {
      const shares = role === 'reference' ? bin.referenceShares : bin.currentShares;
      const count = role === 'reference' ? bin.referenceCount : bin.currentCount;
      return count > 0 ? (shares?.[classIndex] ?? null) : null;
    }
    return role === 'reference' ? bin.referenceValue : bin.currentValue;
  };
  // Ordered numeric bins read as a line; categories have no order, so they are grouped bars.
  const bars = feature.kind === 'categorical';
  const line = (role: Role): PlotData => ({
    ...(bars
      ? { type: 'bar', marker: { color: ROLE_COLORS[role] }, opacity: 0.9 }
      : {
          type: 'scatter',
          mode: 'lines+markers',
          connectgaps: false,
          line: { color: ROLE_COLORS[role], width: 2 },
          marker: { color: ROLE_COLORS[role], size: 7 },
        }),
    name: ROLE_NAMES[role],
    x: safe,
    y: labels.map((_, i) => value(role, i)),
    customdata: feature.bins.map((b) =>
      formatNumber(role === 'reference' ? b.referenceCount : b.currentCount),
    ),
    connectgaps: false,
    line: { color: ROLE_COLORS[role], width: 2 },
    marker: { color: ROLE_COLORS[role], size: 7 },
    hovertemplate: `${ROLE_NAMES[role]}<br>%{x}<br>${yTitle.toLowerCase()} %{y:.3f}<br>%{customdata} rows<extra></extra>`,
  });
  const rate = feature.relation !== 'target_mean';
  const layout = baseLayout(
    scheme,
    plotlySafeText(truncateLabel(feature.feature, 60)),
    yTitle,
    {
      type: 'category',
      tickmode: 'array',
      tickvals: safe,
      ticktext: labels.map((l) => plotlySafeText(truncateLabel(l, 16))),
      tickangle: labels.length > 6 ? -30 : 0,
    },
    rate ? { tickformat: '.0%', rangemode: 'tozero' } : {},
  );
  return {
    data: [line('reference'), line('current')],
    layout: bars ? { ...layout, barmode: 'group', bargap: 0.3 } : layout,
  };
}
