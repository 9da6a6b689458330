/**
 * The alert conditions one analysed batch raises, as the monitor logs them (one JSON line each) and as the
 * app's history view marks them: dataset drift (the dataset verdict), feature drift (each drifted feature,
 * with its streak of consecutive drifted batches: Prometheus's DriftscopeFeatureDriftPersistent fires from
 * 3 on) and model decay (a realised metric worse than its baseline by more than the decay threshold).
 */
import type { BatchMetric, BatchRecord } from './batch-summary';

/** The streak from which the DriftscopeFeatureDriftPersistent rule fires (monitoring/prometheus/alert-rules.yml). */
export const PERSISTENT_DRIFT_BATCHES = 3;

export type BatchAlert =
  | { alert: 'dataset_drift'; file: string; driftShare: number }
  | {
      alert: 'feature_drift';
      file: string;
      feature: string;
      test: string | null;
      score: number | null;
      threshold: number | null;
      consecutiveBatches: number;
    }
  | ({ alert: 'model_decay'; file: string } & BatchMetric);

/** The alerts of `record`; `streaks` are the drift streaks after it (batch-summary.ts nextStreaks). */
export function batchAlerts(record: BatchRecord, streaks: ReadonlyMap<string, number>): BatchAlert[] {
  const s = record.summary;
  if (record.status !== 'ok' || !s) return [];
  const alerts: BatchAlert[] = [];
  if (s.dataset.driftDetected)
    alerts.push({ alert: 'dataset_drift', file: record.file, driftShare: s.dataset.driftShare });
  for (const c of s.columns.filter((x) => x.driftDetected))
    alerts.push({
      alert: 'feature_drift',
      file: record.file,
      feature: c.name,
      test: c.test,
      score: c.score,
      threshold: c.threshold,
      consecutiveBatches: streaks.get(c.name) ?? 1,
    });
  for (const m of s.metrics.filter((x) => x.decayed))
    alerts.push({ alert: 'model_decay', file: record.file, ...m });
  return alerts;
}
