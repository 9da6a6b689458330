/**
 * The Prometheus metric families of `driftscope monitor`: one home for their names, types, help texts and
 * labels, imported by the monitor's exporter and checked against monitoring/ (alert rules, Grafana dashboard)
 * by the tests. Labels are bounded (model, feature, test, metric, source, status): never a row or batch id.
 * See docs/monitoring.md.
 */

export type MetricType = 'gauge' | 'counter' | 'summary';

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  labels: readonly string[];
}

const family = (name: string, type: MetricType, labels: readonly string[], help: string): MetricFamily => ({
  name,
  type,
  help,
  labels,
});

export const METRIC_FAMILIES = {
  featureDriftScore: family(
    'driftscope_feature_drift_score',
    'gauge',
    ['model', 'feature', 'test'],
    "The latest batch's drift score of the feature (a p-value or a distance, by test).",
  ),
  featureDriftThreshold: family(
    'driftscope_feature_drift_threshold',
    'gauge',
    ['model', 'feature', 'test'],
    "The threshold the feature's score is compared with.",
  ),
  featureDriftDetected: family(
    'driftscope_feature_drift_detected',
    'gauge',
    ['model', 'feature', 'test'],
    '1 when the latest batch drifted on the feature, else 0.',
  ),
  featureDriftStreak: family(
    'driftscope_feature_drift_streak',
    'gauge',
    ['model', 'feature', 'test'],
    'Consecutive latest batches in which the feature drifted (0 when the latest did not).',
  ),
  datasetDriftShare: family(
    'driftscope_dataset_drift_share',
    'gauge',
    ['model'],
    'Share of the tested features that drifted in the latest batch.',
  ),
  datasetDriftDetected: family(
    'driftscope_dataset_drift_detected',
    'gauge',
    ['model'],
    '1 when the latest batch drifted as a whole (share at or above the share threshold), else 0.',
  ),
  modelMetric: family(
    'driftscope_model_metric',
    'gauge',
    ['model', 'metric', 'source'],
    'A model-quality metric: source="realized" on the latest labelled batch, source="baseline" on the reference, source="estimated" the CBPE estimate on the latest batch (labels not needed).',
  ),
  modelMetricDecayed: family(
    'driftscope_model_metric_decayed',
    'gauge',
    ['model', 'metric'],
    "1 when the realised metric is worse than its baseline by more than the decay threshold (the engine's rule).",
  ),
  servingLatency: family(
    'driftscope_serving_latency_seconds',
    'gauge',
    ['model', 'quantile'],
    'Latency of the latest batch in seconds at quantile 0.5, 0.95 and 0.99 (NumPy linear quantiles).',
  ),
  servingErrorRate: family(
    'driftscope_serving_error_rate',
    'gauge',
    ['model'],
    "Share of the latest batch's requests that failed (1 = error, or an HTTP 5xx status).",
  ),
  multivariateAuc: family(
    'driftscope_multivariate_auc',
    'gauge',
    ['model'],
    'Cross-validated ROC AUC of the domain classifier telling the latest batch from the reference (0.5: the two cannot be told apart).',
  ),
  reconstructionError: family(
    'driftscope_reconstruction_error',
    'gauge',
    ['model'],
    "The latest batch's mean PCA reconstruction error under the reference's pipeline (NannyML's method).",
  ),
  reconstructionErrorThreshold: family(
    'driftscope_reconstruction_error_threshold',
    'gauge',
    ['model', 'bound'],
    'Bounds of the reconstruction error (bound="upper" | "lower"); outside them the batch drifted.',
  ),
  multivariateDriftDetected: family(
    'driftscope_multivariate_drift_detected',
    'gauge',
    ['model', 'detector'],
    '1 when a multivariate detector (detector="domain_classifier" | "reconstruction") flagged the latest batch, else 0.',
  ),
  batchRows: family('driftscope_batch_rows', 'gauge', ['model'], 'Rows of the latest batch.'),
  lastBatchTimestamp: family(
    'driftscope_last_batch_timestamp_seconds',
    'gauge',
    ['model'],
    'Unix time at which the latest batch was analysed.',
  ),
  stalenessThreshold: family(
    'driftscope_staleness_threshold_seconds',
    'gauge',
    ['model'],
    'Seconds without a batch after which the monitor is stale (--stale-after).',
  ),
  engineHeapUsed: family(
    'driftscope_engine_heap_used_bytes',
    'gauge',
    ['model'],
    "V8 heap used by the analysis engine's worker thread after its latest request (nodejs_heap_size_used_bytes is the main thread's alone).",
  ),
  engineCodeSpaceUsed: family(
    'driftscope_engine_code_space_used_bytes',
    'gauge',
    ['model'],
    "Of driftscope_engine_heap_used_bytes, V8's code space: compiled code, which grows as functions are optimised and is bounded by the program (a leak check leaves it out).",
  ),
  batchesTotal: family(
    'driftscope_batches_total',
    'counter',
    ['model', 'status'],
    'Batches the monitor finished, by status (ok, error).',
  ),
  batchDuration: family(
    'driftscope_batch_duration_seconds',
    'summary',
    ['model'],
    'Seconds to load, analyse and export one batch.',
  ),
} as const satisfies Record<string, MetricFamily>;

/** Series names a family exposes (a summary adds _sum and _count; a counter is exposed under its name). */
export function seriesNames(f: MetricFamily): string[] {
  return f.type === 'summary' ? [f.name, `${f.name}_sum`, `${f.name}_count`] : [f.name];
}
