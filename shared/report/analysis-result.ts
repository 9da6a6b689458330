/**
 * The analysis result: what the worker returns to the renderer and what `driftscope analyze --json`
 * writes (schemaVersion 1, documented in docs/json-report.md). Aggregated data only, never raw rows.
 */
import type { CategoryCount } from '../drift/category-changes';
import type { MissingDrift } from '../drift/missing-drift';
import type { AnalysisSettings, Correction } from '../drift/settings';
import type { MultivariateResult } from '../multivariate/analyze-multivariate';
import type { ServingResult } from '../performance/serving-types';
import type { PerformanceResult } from '../performance/types';
import type { Timeline } from '../timeline/types';
import type { ColumnType, TestKey } from '../types';

export const SCHEMA_VERSION = 1;

export interface FileInfo {
  file: string;
  rows: number;
  columns: number;
  bytes: number;
  delimiter: string;
  /** Problems found while reading the file that did not stop the analysis. */
  warnings: string[];
  /** SHA-256 of the file's bytes, lowercase hex (absent when the table did not come from a file). */
  sha256?: string;
  /** Text encoding the file was decoded with (utf-8, utf-16le, utf-16be, windows-1252; absent for in-memory tables). */
  encoding?: string;
  /** 'parquet' for a Parquet file, 'profile' for a profile (absent: CSV or TSV text, whose delimiter is given). */
  format?: 'parquet' | 'profile';
}

/** Per-column statistics of one dataset. Numeric fields are null for categorical columns and vice versa. */
export interface ColumnSummary {
  count: number;
  missing: number;
  /** Cells that were not parseable as the column's type (for example "abc" in a numeric column). */
  invalid: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  q25: number | null;
  median: number | null;
  q75: number | null;
  max: number | null;
  /** Distinct non-missing values. */
  unique: number;
  /** Most frequent categories, most frequent first (categorical and text columns only). */
  top: { value: string; count: number }[] | null;
}

/** Plotting data on bins shared by both sets; shares sum to 1 over non-missing values of each set. */
export type Distribution =
  | { kind: 'histogram'; edges: number[]; reference: number[]; current: number[] }
  | {
      kind: 'categories';
      labels: string[];
      reference: number[];
      current: number[];
      otherLabel: string | null;
    };

export interface ColumnResult {
  name: string;
  type: ColumnType | null;
  test: TestKey | null;
  /** 'p_value' tests drift when score is below threshold; 'distance' tests when at or above it. */
  testKind: 'p_value' | 'distance' | null;
  threshold: number | null;
  score: number | null;
  pValue: number | null;
  /** The p-value after the multiple-testing correction of `settings.correction` (null without one). */
  pValueAdjusted: number | null;
  statistic: number | null;
  driftDetected: boolean;
  /** How far apart the distributions are, next to the p-value: Jensen–Shannon distance on the §6 bins. */
  effectSize: { measure: 'jensenshannon'; value: number } | null;
  /** Where the type came from: inferred on the reference, or set by the user. */
  typeSource: 'inferred' | 'override';
  /** Did the share of missing cells change (docs/statistics.md §1)? Null when the column is in one file only. */
  missingDrift: MissingDrift | null;
  /** Categorical columns: categories only in current, and only in reference (null for other types). */
  newCategories: CategoryCount[] | null;
  vanishedCategories: CategoryCount[] | null;
  reference: ColumnSummary;
  current: ColumnSummary;
  /** Why the column was not tested, or a caveat about its result (type conflict, invalid cells, ...). */
  note: string | null;
  distribution: Distribution | null;
  /**
   * Set when the score was computed on a profile's quantile sketch (docs/profiles.md): how far it may be
   * from the exact analysis's. `scoreBound` bounds |score − exact score|, `statisticBound` |statistic − exact statistic|, when known.
   */
  approximation?: Approximation;
}

export interface Approximation {
  method: 'ddsketch';
  relativeAccuracy: number;
  scoreBound: number | null;
  /** A bound on |statistic − exact statistic| (ks: on D; wasserstein: on W₁) when one is known. */
  statisticBound: number | null;
  bound: string;
  /** Binned tests: [low, high] holding the exact score, whatever the values in the buckets on bin edges. */
  scoreInterval?: [number, number];
  /** Binned tests: whether the verdict (before any multiple-testing correction) is the same over the whole scoreInterval. */
  verdictDetermined?: boolean;
}

export interface DatasetVerdict {
  driftDetected: boolean;
  driftShare: number;
  driftedColumns: number;
  testedColumns: number;
  shareThreshold: number;
  /** Columns whose missing share drifted. */
  missingDriftColumns: number;
  /** Multiple-testing correction used for the verdicts of p-value tests. */
  correction: Correction;
}

export interface AnalysisResult {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  driftscopeVersion: string;
  reference: FileInfo;
  current: FileInfo;
  dataset: DatasetVerdict;
  columns: ColumnResult[];
  /** Columns present in only one file: reported, not analysed. */
  onlyInReference: string[];
  onlyInCurrent: string[];
  /** Columns left out on the user's request (settings.ignore). */
  ignored: string[];
  /** Model quality (docs/model-quality.md): null when the files hold no target/prediction, see performanceNote. */
  performance: PerformanceResult | null;
  performanceNote: string | null;
  /** Multivariate detectors (docs/multivariate.md): present only when settings.multivariate.enabled. */
  multivariate?: MultivariateResult;
  /** Serving health (docs/serving.md): latency and error rate; null when no latency or status column is mapped. */
  serving?: ServingResult | null;
  settings: AnalysisSettings;
  /**
   * Drift over time (docs/timeline.md), when a chunking or several current files were asked for: the
   * current data cut into chunks, each compared with the whole reference. Absent otherwise.
   */
  timeline?: Timeline;
}

export type { AnalysisSettings } from '../drift/settings';
export { DEFAULT_SETTINGS } from '../drift/settings';
