/**
 * What the monitor keeps of one analysed batch: the timeline chunk of that batch (dataset verdict, each
 * column's test, score, threshold and verdict, missing share; model metrics against the baseline), derived
 * from the two-file analysis result of the baseline's reference against the batch. Pure, so the monitor, the
 * app's history view and the tests read it the same way.
 */
import type { AnalysisResult } from '../report/analysis-result';

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
  };
}

/**
 * Consecutive latest ok batches in which each column drifted (0 when the latest ok batch did not), the
 * streak the `DriftscopeFeatureDriftPersistent` alert reads. Error batches neither break nor extend a streak.
 */
export function driftStreaks(history: readonly BatchRecord[]): Map<string, number> {
  const ok = history.filter((r) => r.status === 'ok' && r.summary);
  const streaks = new Map<string, number>();
  if (ok.length === 0) return streaks;
  const latest = ok[ok.length - 1].summary as BatchSummary;
  for (const column of latest.columns) {
    let n = 0;
    for (let i = ok.length - 1; i >= 0; i--) {
      const c = ok[i].summary?.columns.find((x) => x.name === column.name);
      if (!c?.driftDetected) break;
      n++;
    }
    streaks.set(column.name, n);
  }
  return streaks;
}
