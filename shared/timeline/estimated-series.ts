/**
 * The data behind the timeline's "Estimated and realised" chart (the app's Plotly figure and the reports'
 * SVG, docs/estimation.md): for one CBPE metric, per chunk the estimate with its sampling error, the
 * realised value on the chunk's labelled rows with its sampling error, the labelled share and the estimate's
 * verdict; the baseline the verdict compares with (the reference's realised metric) and the decay limit of
 * the realised metric (model quality's relative rule, decay.ts). The band is ± DEGRADED_SAMPLING_ERRORS
 * sampling errors, so a chunk is degraded exactly when its whole band lies below the baseline. Pure; strings
 * as in the data (each writer escapes them).
 */
import { CBPE_METRICS, type CbpeMetricName, DEGRADED_SAMPLING_ERRORS } from '../performance/cbpe-types';
import { decayLimit } from '../performance/decay';
import { metricLabel } from '../performance/metric-names';
import { formatInteger, formatNumber, formatPercent } from '../report/report-format';
import type { Timeline, TimelineChunk } from './types';

/** Half-width of the band in sampling errors: the verdict's own multiple. */
export const BAND_SAMPLING_ERRORS = DEGRADED_SAMPLING_ERRORS;

export interface EstimatedPoint {
  /** The chunk's index on the timeline (its x position). */
  chunk: number;
  label: string;
  period: TimelineChunk['period'];
  rows: number;
  /** False for a chunk without an estimate (a gap, an error batch, no probabilities): every value null. */
  estimated: boolean;
  estimate: number | null;
  samplingError: number | null;
  /** Realised on the chunk's labelled rows; null without labels. */
  realised: number | null;
  realisedSamplingError: number | null;
  /** Labelled rows the realised value is computed on. */
  labelledRows: number | null;
  labelledShare: number | null;
  /** The estimate's verdict: more than DEGRADED_SAMPLING_ERRORS sampling errors below the baseline. */
  degraded: boolean;
}

export interface EstimatedSeries {
  metric: CbpeMetricName;
  /** Display name ("ROC AUC"). */
  name: string;
  points: EstimatedPoint[];
  /** The reference's realised metric (the verdict's baseline); null when it cannot be computed. */
  baseline: number | null;
  /** Model quality's decay limit of the realised metric (baseline less the relative threshold), or null. */
  decayLimit: number | null;
  /** The relative decay threshold behind decayLimit (0.2: a 20 % drop). */
  decayThreshold: number | null;
}

/** Whether any chunk of the timeline carries a CBPE estimate. */
export function hasEstimates(timeline: Timeline): boolean {
  return timeline.chunks.some((c) => c.performance?.estimated);
}

/** The CBPE metrics that have an estimate or a realised value in at least one chunk, in CBPE_METRICS order. */
export function estimatedMetrics(timeline: Timeline): CbpeMetricName[] {
  return CBPE_METRICS.filter((m) =>
    timeline.chunks.some((c) => {
      const e = c.performance?.estimated;
      return e != null && (e.metrics[m] !== null || e.realised.metrics[m] !== null);
    }),
  );
}

/**
 * One metric's series over every chunk of the timeline, or null when no chunk has an estimate.
 * @example estimatedSeries(timeline, 'accuracy')?.points[0].estimate // the first chunk's estimated accuracy
 */
export function estimatedSeries(timeline: Timeline, metric: CbpeMetricName): EstimatedSeries | null {
  if (!hasEstimates(timeline)) return null;
  const points = timeline.chunks.map((c): EstimatedPoint => {
    const e = c.performance?.estimated ?? null;
    return {
      chunk: c.index,
      label: c.label,
      period: c.period,
      rows: c.rows,
      estimated: e !== null,
      estimate: e?.metrics[metric] ?? null,
      samplingError: e?.samplingError[metric] ?? null,
      realised: e?.realised.metrics[metric] ?? null,
      realisedSamplingError: e?.realised.samplingError[metric] ?? null,
      labelledRows: e?.realised.n ?? null,
      labelledShare: e?.labelledShare ?? null,
      degraded: e?.degraded.includes(metric) ?? false,
    };
  });
  const baseline =
    timeline.chunks.map((c) => c.performance?.estimated?.reference[metric] ?? null).find((v) => v !== null) ??
    null;
  const decay =
    timeline.chunks
      .flatMap((c) => c.performance?.decay ?? [])
      .find((d) => d.metric === metric && d.reference !== null) ?? null;
  return {
    metric,
    name: metricLabel(metric),
    points,
    baseline,
    decayLimit: decay ? decayLimit(decay) : null,
    decayThreshold: decay?.threshold ?? null,
  };
}

/** The lower and upper edge of a value's band (± BAND_SAMPLING_ERRORS sampling errors), or nulls. */
export function bandEdges(value: number | null, error: number | null): [number | null, number | null] {
  if (value === null || error === null) return [null, null];
  return [value - BAND_SAMPLING_ERRORS * error, value + BAND_SAMPLING_ERRORS * error];
}

function withBand(value: number | null, error: number | null): string {
  if (value === null) return '—';
  return error === null
    ? formatNumber(value)
    : `${formatNumber(value)} ± ${formatNumber(BAND_SAMPLING_ERRORS * error)}`;
}

/**
 * What one chunk's point says, a line each (hover text in the app, tooltip in the reports; plain text, the
 * writer escapes it): the chunk, the estimate and the realised value with their bands, the labelled share,
 * the verdict against the baseline.
 */
export function pointLines(series: EstimatedSeries, p: EstimatedPoint): string[] {
  const head = `${p.label} (${p.period === 'reference' ? 'reference chunk' : 'analysis chunk'}) · ${formatInteger(p.rows)} rows`;
  if (!p.estimated) return [head, 'No estimate for this chunk (no rows, or no usable probabilities)'];
  const k = BAND_SAMPLING_ERRORS;
  const lines = [
    head,
    `Estimated ${series.name} ${withBand(p.estimate, p.samplingError)} (± ${k} sampling errors)`,
  ];
  lines.push(
    p.realised === null
      ? `Realised: no labelled row yet (${formatPercent(p.labelledShare)} labelled)`
      : `Realised ${withBand(p.realised, p.realisedSamplingError)} on ${formatInteger(p.labelledRows)} labelled rows (${formatPercent(p.labelledShare)})`,
  );
  if (series.baseline !== null && p.estimate !== null)
    lines.push(
      `Reference ${formatNumber(series.baseline)}: ${p.degraded ? `DEGRADED, the estimate is more than ${k} sampling errors below it` : `not degraded (the estimate is within ${k} sampling errors of it, or above)`}`,
    );
  return lines;
}
