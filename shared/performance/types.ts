/**
 * Model-quality vocabulary: the column mapping and the `PerformanceResult` block of the JSON report.
 * Every metric that cannot be computed is `null` (never NaN), and the side's `notes` say why.
 * Class labels are strings in one canonical form (numbers as their shortest decimal: "1", "2.5").
 */
import type { TestKey } from '../types';
import type { EstimatedPerformance } from './cbpe-types';
import type { ShadowResult } from './shadow-types';

export type Task = 'binary' | 'multiclass' | 'regression';

export interface ColumnMapping {
  task: Task;
  /** Target (ground truth) column, or null when the files have none. */
  target: string | null;
  /** Predicted label (classification) or value (regression); null: derived from `proba` if given. */
  prediction: string | null;
  /** Binary: one column, P(posLabel). Multiclass: one column per class (`proba_<class>`), in `classes`' order. */
  proba: string[] | null;
  /** Multiclass: the class each `proba` column belongs to (same order). Null otherwise. */
  probaClasses?: string[] | null;
  /** Positive class of a binary task (canonical label), null otherwise. */
  posLabel: string | null;
  /** Row ID column, used to join labels that arrive later. */
  id: string | null;
}

/** One point of a curve. */
export interface RocPoint {
  fpr: number;
  tpr: number;
}
export interface PrPoint {
  recall: number;
  precision: number;
}
/** One non-empty bin of `sklearn.calibration.calibration_curve(strategy='uniform')`. */
export interface CalibrationBin {
  /** Lower and upper edge of the bin. */
  lo: number;
  hi: number;
  /** Mean predicted probability (sklearn's prob_pred). */
  predicted: number;
  /** Observed share of the positive class (sklearn's prob_true). */
  observed: number;
  count: number;
}

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Shares over shared bins; `reference` and `current` each sum to 1 (or are all 0 when empty). */
export interface SharedHistogram {
  edges: number[];
  reference: number[];
  current: number[];
}

/** How many rows were left out of the metrics, and why (a row can miss both). */
export interface ExcludedRows {
  missingTarget: number;
  /** Missing prediction, or a missing or invalid probability when probabilities are mapped. */
  missingPrediction: number;
  total: number;
}

export interface ClassificationMetrics {
  kind: 'classification';
  n: number;
  excluded: ExcludedRows;
  accuracy: number | null;
  /** Binary: at posLabel; multiclass: macro average over `classes` (sklearn average='macro'). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  rocAuc: number | null;
  prAuc: number | null;
  logLoss: number | null;
  /** Binary only (sklearn 1.2 brier_score_loss is binary). */
  brier: number | null;
  /** Sorted union of the labels of target and prediction on this side (sklearn unique_labels). */
  classes: string[];
  /** Rows = true class, columns = predicted class, both in `classes` order. */
  confusionMatrix: number[][];
  perClass: ClassMetrics[];
  /** Share of each class in the target, in `classes` order. */
  classBalance: { label: string; share: number }[];
  /** Binary only: ROC curve (sklearn roc_curve with drop_intermediate), downsampled to ≤ 200 points. */
  roc: RocPoint[] | null;
  /** Binary only: PR curve (sklearn precision_recall_curve), downsampled to ≤ 200 points. */
  pr: PrPoint[] | null;
  calibration: CalibrationBin[] | null;
  notes: string[];
}

/** The regression scores of paired finite values (regression-metrics.ts `regressionScores`). */
export interface RegressionScores {
  n: number;
  mae: number | null;
  rmse: number | null;
  /** Fraction (not %): mean(|y − ŷ| / max(|y|, 2.220446049250313e-16)), as sklearn. */
  mape: number | null;
  /** Rows with target 0: they stay in `mape` with the eps denominator (huge terms), as sklearn does. */
  zeroTargets: number;
  r2: number | null;
  /** mean(prediction − target). */
  meanError: number | null;
  /** Population standard deviation (ddof 0) of prediction − target. */
  errorStd: number | null;
  notes: string[];
}

export interface RegressionMetrics extends RegressionScores {
  kind: 'regression';
  excluded: ExcludedRows;
  /** Deterministic subsample (≤ 500 rows, evenly spaced row indices). */
  predictedVsActual: { actual: number; predicted: number }[];
}

export type SideMetrics = ClassificationMetrics | RegressionMetrics;

export interface DecayEntry {
  metric: string;
  reference: number | null;
  current: number | null;
  /** (current − reference) / |reference|; null when either is null or reference is 0. */
  relativeChange: number | null;
  direction: 'higher_is_better' | 'lower_is_better';
  /** Relative worsening beyond which the metric counts as degraded. */
  threshold: number;
  degraded: boolean;
}

export interface DriftCheck {
  column: string;
  test: TestKey | null;
  score: number | null;
  threshold: number | null;
  driftDetected: boolean;
  /** Why no test ran, or the test's caveat. */
  note: string | null;
}

export interface ConceptBin {
  /** "[a, b)" for numeric bins, the category otherwise. */
  label: string;
  referenceCount: number;
  currentCount: number;
  /** Binary: share of posLabel; regression: target mean; multiclass: null (see the shares). */
  referenceValue: number | null;
  currentValue: number | null;
  /** Multiclass: share of each class of `ConceptDriftResult.classes` in the bin. */
  referenceShares?: number[];
  currentShares?: number[];
}

export interface ConceptFeature {
  feature: string;
  kind: 'numerical' | 'categorical';
  /** What `referenceValue`/`currentValue` of the bins are. */
  relation: 'target_rate' | 'class_distribution' | 'target_mean';
  bins: ConceptBin[];
  /** Bins used by the test (both sides large enough). */
  testedBins: number;
  /** Aggregated homogeneity statistic and its χ² degrees of freedom and p-value. */
  statistic: number | null;
  df: number;
  pValue: number | null;
  /** Binary targets only: Cochran–Mantel–Haenszel χ²(1) and p (a common shift across bins). */
  cmh: { statistic: number; pValue: number } | null;
  /** Weighted mean absolute change of the relation per bin (rate, or mean in reference-target std units). */
  effect: number | null;
  relationChanged: boolean;
  /** Covariate shift of the feature itself (the drift test its type calls for). */
  inputDrift: DriftCheck;
  note: string | null;
}

export type ConceptReading = 'none' | 'covariate_shift' | 'concept_drift' | 'both';

export interface ConceptDriftResult {
  reading: ConceptReading;
  features: ConceptFeature[];
  /** Features whose relation to the target changed. */
  changed: string[];
  /** Features whose own distribution drifted. */
  drifted: string[];
  /** Multiclass: the classes the bins' shares refer to. */
  classes: string[] | null;
  /** Per-feature significance level after the Bonferroni correction. */
  alpha: number;
  minEffect: number;
  notes: string[];
}

export interface PerformanceResult {
  task: Task;
  target: string;
  prediction: string | null;
  proba: string[] | null;
  posLabel: string | null;
  reference: SideMetrics;
  current: SideMetrics;
  /** Binary and multiclass with probabilities: distribution of the top-class probability. */
  confidence: { histogram: SharedHistogram; drift: DriftCheck } | null;
  /** Regression: distribution of prediction − target on shared bins. */
  errorHistogram: SharedHistogram | null;
  decay: DecayEntry[];
  modelDegraded: boolean;
  targetDrift: DriftCheck;
  predictionDrift: DriftCheck | null;
  /** Null when either file has no target values. */
  conceptDrift: ConceptDriftResult | null;
  /** Champion against a challenger on the current rows (docs/shadow.md); null when no challenger is mapped. */
  shadow?: ShadowResult | null;
  /** Confidence-based performance estimation on the current rows (docs/estimation.md); null for regression or without probabilities. */
  estimated?: EstimatedPerformance | null;
  notes: string[];
}

export interface PerformanceOptions {
  /** Binary: P(posLabel) ≥ threshold predicts posLabel when no prediction column is mapped (default 0.5). */
  threshold?: number;
  /** Relative worsening that flags a metric (defaults: classification 0.2, regression 0.1). */
  decayThresholds?: { classification?: number; regression?: number };
  /** Concept drift: family-wise significance level (Bonferroni over features), default 0.05. */
  conceptAlpha?: number;
  /** Concept drift: quantile bins per numerical feature, default 10. */
  conceptBins?: number;
  /**
   * Columns that are not the model's inputs besides the mapped ones (a challenger's outputs, serving
   * latency and status): concept drift leaves them out.
   */
  notInputs?: readonly string[];
}
