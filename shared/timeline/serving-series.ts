/**
 * The data behind the timeline's "Serving health per chunk" chart (docs/serving.md): per chunk its requests
 * (rows), latency p50/p95/p99 in the column's unit and error rate, each copied from the chunk's own two-file
 * analysis (chunk-serving.ts); and the whole reference's p95 and error rate, the baselines the chart draws as
 * dashed lines (the same two numbers the two-file comparison reports). Pure; strings as in the data (each
 * writer escapes them).
 */
import type { LatencyUnit, ServingResult } from '../performance/serving-types';
import { formatInteger, formatNumber, formatPercent } from '../report/report-format';
import type { Timeline, TimelineChunk } from './types';

export interface ServingPoint {
  /** The chunk's index on the timeline (its x position). */
  chunk: number;
  label: string;
  period: TimelineChunk['period'];
  /** Rows of the chunk: requests when each row is one request. */
  requests: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Errors / requests with a readable status; null without a status column or such rows. */
  errorRate: number | null;
}

export interface ServingSeries {
  /** The latency column's unit; null when only a status column is mapped. */
  unit: LatencyUnit | null;
  points: ServingPoint[];
  /** The whole reference's p95 latency and error rate (the baselines), null where not computed. */
  referenceP95: number | null;
  referenceErrorRate: number | null;
  hasLatency: boolean;
  hasErrorRate: boolean;
}

/**
 * The serving series over every chunk, or null when no chunk carries serving health (no latency or status
 * column mapped). `whole` is the two-file analysis's serving result, for the reference baselines.
 * @example servingSeries(timeline, result.serving)?.points[3].p95 // the fourth chunk's p95 latency
 */
export function servingSeries(
  timeline: Timeline,
  whole: ServingResult | null | undefined,
): ServingSeries | null {
  if (!timeline.chunks.some((c) => c.serving)) return null;
  let unit: LatencyUnit | null = whole?.latency?.unit ?? null;
  const points = timeline.chunks.map((c): ServingPoint => {
    const s = c.serving ?? null;
    if (s?.latency) unit ??= s.latency.unit;
    return {
      chunk: c.index,
      label: c.label,
      period: c.period,
      requests: s?.requests ?? c.rows,
      p50: s?.latency?.p50 ?? null,
      p95: s?.latency?.p95 ?? null,
      p99: s?.latency?.p99 ?? null,
      errorRate: s?.errorRate ?? null,
    };
  });
  return {
    unit,
    points,
    referenceP95: whole?.latency?.reference?.p95 ?? null,
    referenceErrorRate: whole?.errorRate?.reference ?? null,
    hasLatency: points.some((p) => p.p95 !== null),
    hasErrorRate: points.some((p) => p.errorRate !== null),
  };
}

/** A latency in the series' unit, as text ("118.8 ms"). */
export function latencyText(value: number | null, unit: LatencyUnit | null): string {
  return value === null ? '—' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}

/** The hover lines of one chunk: its name and period, requests, the three percentiles and the error rate. */
export function servingPointLines(series: ServingSeries, p: ServingPoint): string[] {
  const lines = [
    `${p.label} (${p.period === 'reference' ? 'reference chunk' : 'analysis chunk'}) · ${formatInteger(p.requests)} requests`,
  ];
  if (series.hasLatency)
    lines.push(
      p.p95 === null
        ? 'Latency: no readable value in this chunk'
        : `Latency p50 ${latencyText(p.p50, series.unit)} · p95 ${latencyText(p.p95, series.unit)} · p99 ${latencyText(p.p99, series.unit)}`,
    );
  if (series.hasErrorRate)
    lines.push(
      p.errorRate === null
        ? 'Error rate: no readable status in this chunk'
        : `Error rate ${formatPercent(p.errorRate)}${series.referenceErrorRate === null ? '' : ` (reference ${formatPercent(series.referenceErrorRate)})`}`,
    );
  return lines;
}
