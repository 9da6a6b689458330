/**
 * Champion against challenger on the same rows (`performance.shadow` of the JSON report, docs/shadow.md).
 */
import type { DriftCheck } from './types';

export type ShadowVerdict = 'challenger_better' | 'challenger_worse' | 'no_significant_difference';

export interface ShadowDifference {
  /** challenger − champion. */
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface DisagreementBin {
  label: string;
  rows: number;
  /** Mean disagreement of the bin's rows (classification: share of rows where the labels differ; regression: mean |Δ|). */
  disagreement: number;
}

export interface DisagreementFeature {
  feature: string;
  kind: 'numerical' | 'categorical';
  /** The bin holding the most disagreement (highest mean among bins with enough rows). */
  top: DisagreementBin;
  /** Its disagreement over the overall disagreement (1 = no different from all rows). */
  lift: number;
  bins: DisagreementBin[];
  /** Up to 20 rows (0-based data row indices) of the top bin where the models disagree most. */
  rows: number[];
}

export interface DisagreementRow {
  /** 0-based data row index (header excluded). */
  row: number;
  champion: string | number | null;
  challenger: string | number | null;
  /** |Δ| of the probabilities (binary), half the L1 distance of the class probabilities (multiclass), |Δ| of the predictions (regression), or 1 where the labels differ. */
  gap: number;
}

export interface ShadowResult {
  challengerPrediction: string | null;
  challengerProba: string[] | null;
  primaryMetric: string;
  alpha: number;
  /** Null when no current row has a label. */
  verdict: ShadowVerdict | null;
  /** Share of rows where both models predict the same label (classification); null for regression. */
  agreement: number | null;
  /** Rows with predictions of both models, and those of them with a label. */
  n: number;
  labelled: number;
  champion: Record<string, number | null>;
  challenger: Record<string, number | null>;
  difference: Record<string, ShadowDifference>;
  /** Paired bootstrap behind the intervals. */
  bootstrap: { resamples: number; seed: number; confidence: number };
  mcnemar: { statistic: number; pValue: number; b: number; c: number } | null;
  wilcoxon: { statistic: number; pValue: number; method: 'exact' | 'approx' } | null;
  /** Drift tests between the two models' predictions (and top-class confidences), champion as reference. */
  predictionDistribution: DriftCheck;
  confidenceDistribution: DriftCheck | null;
  disagreementRows: DisagreementRow[];
  disagreementFeatures: DisagreementFeature[];
  notes: string[];
}

export interface ShadowOptions {
  /** Significance level of the verdict (default 0.05: the 95 % interval). */
  alpha?: number;
  primaryMetric?: string;
  resamples?: number;
  seed?: number;
  /** Binary: P(posLabel) ≥ threshold predicts posLabel when a model has no prediction column. */
  threshold?: number;
  /** Columns that are not features (serving latency and status): left out of "where they differ". */
  notInputs?: readonly string[];
}
