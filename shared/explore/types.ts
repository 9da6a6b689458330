/**
 * Contract types of the exploration requests (shared/api.ts): a column's detail on a chosen binning, the
 * rows of the current file behind one bar, and the session file. Plain data, structured-clone safe.
 */
import type { AnalysisSettings } from '../drift/settings';

/**
 * Histogram bin count choices of the feature detail: 'auto' = the test bins (drift/bins.ts `chartBins`,
 * the bins the effect size and the binned tests score), else that many equal-width bins.
 */
export type BinChoice = 'auto' | 10 | 30 | 100;
export const BIN_CHOICES: readonly BinChoice[] = ['auto', 10, 30, 100];

export function isBinChoice(value: unknown): value is BinChoice {
  return (BIN_CHOICES as readonly unknown[]).includes(value);
}

/** Empirical CDF points (x ascending, y = share of values ≤ x), downsampled to at most 500 points. */
export interface EcdfPoints {
  x: number[];
  y: number[];
}

export interface NumericColumnDetail {
  kind: 'numeric';
  column: string;
  bins: BinChoice;
  /** k + 1 shared edges over [min, max] of reference ∪ current; bins [eᵢ, eᵢ₊₁), the last one closed. */
  edges: number[];
  /** Shares of each set's non-missing values per bin. */
  reference: number[];
  current: number[];
  referenceCounts: number[];
  currentCounts: number[];
  /** Per-bin terms of PSI (zero-filled shares) and of the Jensen–Shannon divergence (natural log). */
  psi: number[];
  js: number[];
  psiTotal: number;
  /** √(Σ js): the Jensen–Shannon distance on these bins. */
  jsDistance: number;
  ecdf: { reference: EcdfPoints; current: EcdfPoints };
  /** Where the two ECDFs are farthest apart (the KS statistic D), or null when a set is empty. */
  ks: { d: number; x: number; reference: number; current: number } | null;
  /** True when drawn from profiles' sketches (each value at its bucket's representative, within relative α). */
  approximate?: boolean;
}

export interface CategoryRow {
  label: string;
  referenceCount: number;
  currentCount: number;
  referenceShare: number;
  currentShare: number;
  /** currentShare − referenceShare. */
  delta: number;
  /** 'new': only in current; 'vanished': only in reference. */
  status: 'both' | 'new' | 'vanished';
}

export interface CategoricalColumnDetail {
  kind: 'categorical';
  column: string;
  /** Categories sorted by |delta| descending (at most CATEGORY_ROWS_LIMIT). */
  categories: CategoryRow[];
  totalCategories: number;
}

export type ColumnDetail = NumericColumnDetail | CategoricalColumnDetail;

/**
 * The rows behind one bar: a numeric bin or one category label; or rows the analysis named (0-based data
 * row indices, at most ROWS_LIMIT_MAX, e.g. where champion and challenger disagree most).
 */
export type RowSelector =
  | { kind: 'range'; lo: number; hi: number; lastClosed: boolean }
  | { kind: 'category'; label: string }
  | { kind: 'rows'; rows: number[] };

export interface RowsResult {
  column: string;
  /** Header of the current file. */
  header: string[];
  /** 1-based data row number (the header is not counted) and the cells as text (missing: ''). */
  rows: { row: number; cells: string[] }[];
  /** Rows of the current file that match in all (rows holds at most `limit` of them). */
  matched: number;
}

export const ROWS_LIMIT_MAX = 200;

/** What the renderer sends to 'session:save': everything but the file paths (main knows those). */
export interface SessionState {
  settings: AnalysisSettings;
  /** UI state worth restoring (selected column, bin choice, filters). */
  ui: SessionUi;
}

export interface SessionUi {
  selected: string | null;
  bins: BinChoice;
  logY: boolean;
}

/** What 'session:open' and 'recent:open' give back; null when the user cancelled. */
export interface OpenedSession {
  fileName: string;
  settings: AnalysisSettings;
  ui: SessionUi;
}

export interface RecentEntry {
  /** Opaque id for 'recent:open'. */
  id: string;
  kind: 'session' | 'pair';
  /** What to show: the session's file name, or "reference.csv ↔ current.csv". */
  label: string;
  openedAt: string;
}

export type ThemePreference = 'system' | 'light' | 'dark';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export interface Preferences {
  theme: ThemePreference;
}
