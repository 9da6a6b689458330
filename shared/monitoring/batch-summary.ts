/**
 * What the monitor keeps of one analysed batch: the timeline chunk of that batch (dataset verdict, each
 * column's test, score, threshold and verdict, missing share; model metrics against the baseline), derived
 * from the two-file analysis result of the baseline's reference against the batch. Pure, so the monitor, the
 * app's history view and the tests read it the same way.
 */
import type { AnalysisResult } from '../report/analysis-result';
import { type BatchMultivariate, multivariateOfBatch } from './batch-multivariate';
import { type BatchServing, estimatedOfBatch, servingOfBatch } from './batch-serving';

export interface BatchColumn {
  name: string;
  test: string | null;
  score: number | null;
  threshold: number | null;
  driftDetected: boolean;
  missingShare: number | null;
  note: string | null;
}

export interface BatchMetric {
  metric: string;
  realized: number | null;
  baseline: number | null;
  decayed: boolean;
}

export interface BatchSummary {
  rows: number;
  dataset: { driftDetected: boolean; driftShare: number; driftedColumns: number; testedColumns: number };
  columns: BatchColumn[];
  /** Empty when the batch has no labels (quality cannot be measured yet). */
  metrics: BatchMetric[];
  modelDegraded: boolean;
  /** Serving health of the batch (batch-serving.ts); absent in histories written before it. */
  serving?: BatchServing | null;
  /** CBPE estimates of the batch by metric; absent in histories written before it. */
  estimated?: Record<string, number> | null;
  /** Multivariate detectors of the batch (batch-multivariate.ts); absent when off or in older histories. */
  multivariate?: BatchMultivariate | null;
}

export interface BatchRecord {
  id: number;
  /** File name inside the watched folder. */
  file: string;
  sha256: string;
  bytes: number;
  analysedAt: string;
  status: 'ok' | 'error';
  /** The message a user reads (file, line, column where known) when status is error. */
  error: string | null;
  durationSeconds: number;
  summary: BatchSummary | null;
}

export function summarizeBatch(result: AnalysisResult): BatchSummary {
  const p = result.performance;
  return {
    rows: result.current.rows,
    dataset: {
      driftDetected: result.dataset.driftDetected,
      driftShare: result.dataset.driftShare,
      driftedColumns: result.dataset.driftedColumns,
      testedColumns: result.dataset.testedColumns,
    },
    columns: result.columns.map((c) => ({
      name: c.name,
      test: c.test,
      score: c.score,
      threshold: c.threshold,
      driftDetected: c.driftDetected,
      missingShare: c.missingDrift?.current ?? null,
      note: c.note,
    })),
    metrics: (p?.decay ?? []).map((d) => ({
      metric: d.metric,
      realized: d.current,
      baseline: d.reference,
      decayed: d.degraded,
    })),
    modelDegraded: p?.modelDegraded ?? false,
    serving: servingOfBatch(result),
    estimated: estimatedOfBatch(result),
    multivariate: multivariateOfBatch(result),
  };
}

/**
 * The drift streaks after one more ok batch: a column that drifted in it extends its streak by one, any other
 * column of the batch is back to 0 (columns absent from the batch are dropped).
 */
export function nextStreaks(
  previous: ReadonlyMap<string, number>,
  summary: BatchSummary,
): Map<string, number> {
  const next = new Map<string, number>();
  for (const c of summary.columns) next.set(c.name, c.driftDetected ? (previous.get(c.name) ?? 0) + 1 : 0);
  return next;
}

/**
 * Consecutive latest ok batches in which each column drifted (0 when the latest ok batch did not), the
 * streak the `DriftscopeFeatureDriftPersistent` alert reads. Error batches neither break nor extend a streak.
 */
export function driftStreaks(history: readonly BatchRecord[]): Map<string, number> {
  let streaks = new Map<string, number>();
  for (const r of history) if (r.status === 'ok' && r.summary) streaks = nextStreaks(streaks, r.summary);
  return streaks;
}
