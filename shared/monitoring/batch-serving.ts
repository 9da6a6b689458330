/**
 * What the monitor exports of a batch's serving health and quality estimate (docs/monitoring.md): the
 * batch's latency p50, p95 and p99 in seconds (a column in ms is divided by 1,000) and its error rate,
 * from `serving.*.current`; and the CBPE estimate of each metric, from `performance.estimated.metrics`.
 * Pure, from the two-file analysis result of the baseline's reference against the batch.
 */
import type { AnalysisResult } from '../report/analysis-result';

export interface BatchServing {
  /** Latency quantiles of the batch in seconds; null without a latency column or value. */
  latencySeconds: { p50: number; p95: number; p99: number } | null;
  /** Share of the batch's requests that failed; null without a status column or value. */
  errorRate: number | null;
}

/** The batch's serving health, or null when the analysis has none. */
export function servingOfBatch(result: AnalysisResult): BatchServing | null {
  const s = result.serving ?? null;
  if (!s) return null;
  const l = s.latency?.current ?? null;
  const perSecond = s.latency?.unit === 'ms' ? 1000 : 1;
  return {
    latencySeconds: l ? { p50: l.p50 / perSecond, p95: l.p95 / perSecond, p99: l.p99 / perSecond } : null,
    errorRate: s.errorRate?.current ?? null,
  };
}

/** The batch's CBPE estimates (metrics that could not be estimated left out), or null without an estimate. */
export function estimatedOfBatch(result: AnalysisResult): Record<string, number> | null {
  const e = result.performance?.estimated ?? null;
  if (!e) return null;
  const out: Record<string, number> = {};
  for (const [metric, value] of Object.entries(e.metrics)) if (value !== null) out[metric] = value;
  return out;
}
