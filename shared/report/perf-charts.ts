/**
 * The model-quality charts of the exported report as `XYChart` specs (one spec feeds the SVG and the
 * Plotly data): binary classification ROC and PR curves, the calibration curve and the prediction-
 * confidence histogram; regression error distribution and predicted vs actual. Aggregated data only:
 * curves of ≤ 200 points, shared-bin shares, and the deterministic ≤ 500-row subsample the analysis keeps.
 */
import type { PerformanceResult, SharedHistogram, SideMetrics } from '../performance/types';
import type { XYChart, XYSeries } from './svg-xy-chart';

/** At most this many points per side in a point cloud or a curve. */
export const MAX_POINTS = 500;

/** Every `step`-th element so that at most `max` remain (deterministic, keeps the first and last). */
export function thin<T>(items: readonly T[], max = MAX_POINTS): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.round((i * (items.length - 1)) / (max - 1))]);
  return out;
}

const UNIT: [number, number] = [0, 1];

function sides(p: PerformanceResult): [SideMetrics, 'Reference' | 'Current'][] {
  return [
    [p.reference, 'Reference'],
    [p.current, 'Current'],
  ];
}

function curve(
  p: PerformanceResult,
  pick: (side: SideMetrics) => { x: number; y: number }[] | null,
  mode: 'line' | 'linepoints',
): XYSeries[] {
  const out: XYSeries[] = [];
  for (const [side, role] of sides(p)) {
    const points = thin(pick(side) ?? []).filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y));
    if (points.length > 0) out.push({ role, mode, x: points.map((q) => q.x), y: points.map((q) => q.y) });
  }
  return out;
}

function histogram(h: SharedHistogram): {
  series: XYSeries[];
  xRange: [number, number];
  yRange: [number, number];
} {
  const edges = h.edges.filter(Number.isFinite);
  const peak = Math.max(0, ...h.reference, ...h.current);
  const top = peak > 0 ? peak * 1.08 : 1;
  return {
    series: [
      { role: 'Reference', mode: 'bars', edges, shares: h.reference },
      { role: 'Current', mode: 'bars', edges, shares: h.current },
    ],
    xRange: [edges[0] ?? 0, edges[edges.length - 1] ?? 1],
    yRange: [0, top],
  };
}

/** The charts of one model quality block, in display order (empty when there is nothing to plot). */
export function performanceCharts(p: PerformanceResult): XYChart[] {
  const charts: XYChart[] = [];
  const common = { xPercent: false, yPercent: false, diagonal: false } as const;
  if (p.reference.kind === 'classification') {
    const roc = curve(
      p,
      (s) => (s.kind === 'classification' ? (s.roc?.map((q) => ({ x: q.fpr, y: q.tpr })) ?? null) : null),
      'line',
    );
    if (roc.length > 0) {
      charts.push({
        ...common,
        id: 'perf-roc',
        label: 'ROC curves of reference and current, with the chance diagonal',
        xTitle: 'False positive rate',
        yTitle: 'True positive rate',
        xHover: 'FPR',
        yHover: 'TPR',
        xRange: UNIT,
        yRange: UNIT,
        diagonal: true,
        series: roc,
      });
    }
    const pr = curve(
      p,
      (s) =>
        s.kind === 'classification' ? (s.pr?.map((q) => ({ x: q.recall, y: q.precision })) ?? null) : null,
      'line',
    );
    if (pr.length > 0) {
      charts.push({
        ...common,
        id: 'perf-pr',
        label: 'Precision-recall curves of reference and current',
        xTitle: 'Recall',
        yTitle: 'Precision',
        xHover: 'recall',
        yHover: 'precision',
        xRange: UNIT,
        yRange: UNIT,
        series: pr,
      });
    }
    const calibration = curve(
      p,
      (s) =>
        s.kind === 'classification'
          ? (s.calibration?.map((b) => ({ x: b.predicted, y: b.observed })) ?? null)
          : null,
      'linepoints',
    );
    if (calibration.length > 0) {
      charts.push({
        ...common,
        id: 'perf-calibration',
        label: 'Calibration curves of reference and current, with the perfect-calibration diagonal',
        xTitle: 'Mean predicted probability',
        yTitle: 'Observed positive share',
        xHover: 'predicted',
        yHover: 'observed',
        xRange: UNIT,
        yRange: UNIT,
        diagonal: true,
        series: calibration,
      });
    }
  }
  if (p.confidence && p.confidence.histogram.edges.length > 1) {
    const h = histogram(p.confidence.histogram);
    charts.push({
      ...common,
      id: 'perf-confidence',
      label: 'Distribution of the top-class probability in reference and current (shared bins)',
      xTitle: 'Top-class probability',
      yTitle: 'Share of rows',
      xHover: 'probability',
      yHover: 'share',
      yPercent: true,
      ...h,
    });
  }
  if (p.errorHistogram && p.errorHistogram.edges.length > 1) {
    const h = histogram(p.errorHistogram);
    charts.push({
      ...common,
      id: 'perf-errors',
      label: 'Distribution of prediction minus target in reference and current (shared bins)',
      xTitle: 'Error (prediction − target)',
      yTitle: 'Share of rows',
      xHover: 'error',
      yHover: 'share',
      yPercent: true,
      ...h,
    });
  }
  if (p.reference.kind === 'regression') {
    const series: XYSeries[] = [];
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const [side, role] of sides(p)) {
      if (side.kind !== 'regression') continue;
      const points = thin(side.predictedVsActual).filter(
        (q) => Number.isFinite(q.actual) && Number.isFinite(q.predicted),
      );
      if (points.length === 0) continue;
      for (const q of points) {
        lo = Math.min(lo, q.actual, q.predicted);
        hi = Math.max(hi, q.actual, q.predicted);
      }
      series.push({
        role,
        mode: 'points',
        x: points.map((q) => q.actual),
        y: points.map((q) => q.predicted),
      });
    }
    if (series.length > 0) {
      const pad = hi > lo ? (hi - lo) * 0.03 : 0.5;
      const range: [number, number] = [lo - pad, hi + pad];
      charts.push({
        ...common,
        id: 'perf-pred-actual',
        label:
          'Predicted against actual values in reference and current (up to 500 rows each), with the diagonal',
        xTitle: 'Actual',
        yTitle: 'Predicted',
        xHover: 'actual',
        yHover: 'predicted',
        xRange: range,
        yRange: range,
        diagonal: true,
        series,
      });
    }
  }
  return charts;
}
