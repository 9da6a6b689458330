/**
 * What the monitor exports of a batch's multivariate detectors (docs/multivariate.md, docs/monitoring.md): the
 * domain classifier's cross-validated ROC AUC and its verdict, and the PCA reconstruction error of the batch
 * with its bounds and verdict, from the two-file analysis result of the baseline's reference against the
 * batch (`multivariate`, present when the baseline's settings turn the detectors on). Pure.
 */
import type { AnalysisResult } from '../report/analysis-result';

export interface BatchMultivariate {
  /** Domain classifier: AUC and drift verdict; null when it did not run. */
  classifier: { auc: number; threshold: number; driftDetected: boolean } | null;
  /** PCA reconstruction: the batch's mean error, its bounds (null: too few reference chunks), verdict. */
  reconstruction: {
    error: number;
    upper: number | null;
    lower: number | null;
    driftDetected: boolean;
  } | null;
}

/** The batch's multivariate figures, or null when the detectors did not run. */
export function multivariateOfBatch(result: AnalysisResult): BatchMultivariate | null {
  const mv = result.multivariate;
  if (!mv || (mv.domainClassifier === null && mv.reconstruction === null)) return null;
  const c = mv.domainClassifier;
  const r = mv.reconstruction;
  return {
    classifier: c && { auc: c.auc, threshold: c.threshold, driftDetected: c.driftDetected },
    reconstruction: r && {
      error: r.current,
      upper: r.threshold,
      lower: r.lowerThreshold,
      driftDetected: r.driftDetected,
    },
  };
}
