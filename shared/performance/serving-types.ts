/** Serving health (`serving` of the JSON report, docs/serving.md). */
import type { LatencyHistogram } from './latency-histogram';

export type LatencyUnit = 'ms' | 's';

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export interface ServingLatency {
  column: string;
  unit: LatencyUnit;
  reference: LatencySummary | null;
  current: LatencySummary | null;
  /** Two-sample KS on the latency (SciPy `ks_2samp`, method="auto"). */
  ks: { statistic: number; pValue: number } | null;
  /** current p95 − reference p95, with a two-sample bootstrap percentile interval (each set resampled on its own). */
  p95Difference: { value: number; ciLow: number; ciHigh: number; resamples: number; seed: number } | null;
  /** Both sets on shared log-spaced bins (latency-histogram.ts), for an overlay on a log axis. */
  histogram: LatencyHistogram | null;
}

export interface ServingErrorRate {
  column: string;
  /** How the column was read: boolean or 0/1 (1 = error), or HTTP status codes (5xx = error). */
  coding: 'boolean' | 'http';
  reference: number | null;
  current: number | null;
  referenceErrors: number;
  currentErrors: number;
  referenceN: number;
  currentN: number;
  /** Pooled two-proportion z-test (statsmodels `proportions_ztest`). */
  statistic: number | null;
  pValue: number | null;
}

export interface ServingResult {
  latency: ServingLatency | null;
  errorRate: ServingErrorRate | null;
  notes: string[];
}
