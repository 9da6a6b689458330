/**
 * A timeline chunk's CBPE estimate (with realised metrics on its labelled rows, the baseline and the
 * labelled share) and its serving health (latency p50/p95/p99, error rate, requests), copied from the
 * two-file analysis of the reference against that chunk alone, so each value equals that analysis bit for
 * bit (docs/timeline.md).
 */
import type { CbpeMetricName, CbpeMetrics } from '../performance/cbpe-types';
import type { LatencySummary, LatencyUnit } from '../performance/serving-types';
import type { AnalysisResult } from '../report/analysis-result';

export interface ChunkEstimated {
  method: 'cbpe';
  metrics: CbpeMetrics;
  samplingError: CbpeMetrics;
  /** Chunk rows with a label / all chunk rows. */
  labelledShare: number;
  realised: { n: number; metrics: CbpeMetrics; samplingError: CbpeMetrics };
  /** The baseline of the verdict: the reference's realised metrics (the same for every chunk). */
  reference: CbpeMetrics;
  /** Metrics whose estimate lies more than 3 sampling errors below the reference. */
  degraded: CbpeMetricName[];
}

export interface ChunkServing {
  /** Rows of the chunk (requests when each row is one request). */
  requests: number;
  latency: ({ unit: LatencyUnit } & LatencySummary) | null;
  errorRate: number | null;
}

/** The chunk's estimate, or null when the analysis made none. */
export function chunkEstimated(result: AnalysisResult): ChunkEstimated | null {
  const e = result.performance?.estimated ?? null;
  if (!e) return null;
  return {
    method: 'cbpe',
    metrics: e.metrics,
    samplingError: e.samplingError,
    labelledShare: e.labelledShare,
    realised: e.realised,
    reference: e.reference,
    degraded: e.degraded,
  };
}

/** The chunk's serving health, or null when no latency or status column is mapped. */
export function chunkServing(result: AnalysisResult, rows: number): ChunkServing | null {
  const s = result.serving ?? null;
  if (!s) return null;
  const l = s.latency;
  return {
    requests: rows,
    latency: l?.current ? { unit: l.unit, ...l.current } : null,
    errorRate: s.errorRate?.current ?? null,
  };
}
