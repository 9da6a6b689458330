/**
 * The analysis result: what the worker returns to the renderer and what `driftscope analyze --json`
 * writes (schemaVersion 1, documented in docs/json-report.md). Aggregated data only, never raw rows.
 */
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
  statistic: number | null;
  driftDetected: boolean;
  reference: ColumnSummary;
  current: ColumnSummary;
  /** Why the column was not tested, or a caveat about its result (type conflict, invalid cells, ...). */
  note: string | null;
  distribution: Distribution | null;
}

export interface DatasetVerdict {
  driftDetected: boolean;
  driftShare: number;
  driftedColumns: number;
  testedColumns: number;
  shareThreshold: number;
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
  settings: AnalysisSettings;
}

/** Options that change the verdicts (the command line's --test and --threshold; the app's controls). */
export interface AnalysisSettings {
  /** Forces one test on every column it applies to. */
  test: TestKey | null;
  /** Overrides the threshold of whatever test runs. */
  threshold: number | null;
  /** Share of drifted tested columns at or above which the dataset drifts (default 0.5). */
  shareThreshold: number;
}

export const DEFAULT_SETTINGS: AnalysisSettings = { test: null, threshold: null, shareThreshold: 0.5 };
