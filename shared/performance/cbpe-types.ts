/**
 * Confidence-based performance estimation (CBPE) result: `performance.estimated` of the JSON report
 * (docs/estimation.md). Every metric that cannot be computed is null.
 */

export type CbpeMetricName = 'accuracy' | 'precision' | 'recall' | 'f1' | 'rocAuc';

export const CBPE_METRICS: readonly CbpeMetricName[] = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'];

export type CbpeMetrics = Record<CbpeMetricName, number | null>;

/** The verdict: a metric is degraded when its estimate lies more than this many sampling errors below the reference. */
export const DEGRADED_SAMPLING_ERRORS = 3;

export interface CbpeCalibration {
  /** Binary: the positive class; multiclass: each class (one-vs-rest). */
  label: string;
  calibrated: boolean;
  eceBefore: number | null;
  eceAfter: number | null;
  reason: string;
}

export interface EstimatedPerformance {
  method: 'cbpe';
  /** True when isotonic calibration was applied (to at least one class, multiclass). */
  calibrated: boolean;
  /** Estimated metrics on every current row with a usable probability (labels not needed). */
  metrics: CbpeMetrics;
  /** NannyML's standard error of each estimate for `n` rows. */
  samplingError: CbpeMetrics;
  /** Current rows the estimate is computed on. */
  n: number;
  /** Current rows with a label / all current rows. */
  labelledShare: number;
  /** Realised metrics on the labelled current rows only, with their sampling error (null metrics without labels). */
  realised: { n: number; metrics: CbpeMetrics; samplingError: CbpeMetrics };
  /** The baseline: realised metrics of the reference. */
  reference: CbpeMetrics;
  /** Metrics whose estimate lies more than 3 sampling errors below the reference (the verdict). */
  degraded: CbpeMetricName[];
  calibration: CbpeCalibration[];
  notes: string[];
}
