/**
 * The contract between the renderer and the rest of Driftscope. The preload implements it over IPC as
 * `window.driftscope`; the end-to-end tests implement it over Playwright bindings calling the very same
 * handlers main registers (electron/main/handlers.ts). The renderer never passes a file path except the
 * one a drop event yields (resolved by the preload with webUtils.getPathForFile).
 */

import type {
  BinChoice,
  ColumnDetail,
  OpenedSession,
  Preferences,
  RecentEntry,
  RowSelector,
  RowsResult,
  SessionState,
} from './explore/types';
import type { AnalysisResult, AnalysisSettings } from './report/analysis-result';
import type { TimelineSpec } from './timeline/analyze-timeline';
import type { Timeline } from './timeline/types';

export type {
  BinChoice,
  ColumnDetail,
  OpenedSession,
  Preferences,
  RecentEntry,
  RowSelector,
  RowsResult,
  SessionState,
} from './explore/types';

export type DatasetRole = 'reference' | 'current';

/** The timeline's chunking and reference options (docs/timeline.md; the settings file's `timeline` block). */
export type TimelineRunOptions = TimelineSpec;

/** Chunks analysed so far of the running timeline ('timeline:progress'). */
export interface TimelineProgress {
  done: number;
  total: number;
}

/** A dataset loaded into the engine, described without its rows. */
export interface DatasetSummary {
  role: DatasetRole;
  fileName: string;
  rows: number;
  columns: string[];
  bytes: number;
  delimiter: string;
  /** Problems that did not stop the load (ragged rows, renamed headers, one column only, ...). */
  warnings: string[];
}

export interface LoadProgress {
  role: DatasetRole;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

/** An error the user should read: which file, and where in it when known. */
export interface UserFacingError {
  message: string;
  file: string | null;
  line: number | null;
  column: string | null;
}

export type LoadOutcome =
  | { ok: true; dataset: DatasetSummary }
  | { ok: false; cancelled: boolean; error: UserFacingError | null };

/** Every request the renderer can make: one method per IPC channel. */
export interface DriftscopeApi {
  /** 'dataset:pick' — main shows an Open dialog and loads the chosen file; null when the user cancels. */
  pickDataset(role: DatasetRole): Promise<LoadOutcome | null>;
  /** 'dataset:open-dropped' — loads a file the user dropped on the window (path from the preload). */
  openDroppedDataset(role: DatasetRole, droppedPath: string): Promise<LoadOutcome>;
  /** 'dataset:demo' — writes the built-in demo to the app's data folder (once) and loads both files. */
  loadDemo(): Promise<{ reference: LoadOutcome; current: LoadOutcome }>;
  /** 'dataset:cancel' — cancels a load in progress; resolves when the engine has stopped reading. */
  cancelLoad(role: DatasetRole): Promise<void>;
  /** 'analysis:run' — analyses the loaded reference against the loaded current dataset. */
  runAnalysis(settings: AnalysisSettings): Promise<AnalysisResult>;
  /**
   * 'analysis:column-detail' — a column (by name, of the last analysis) on a binning: 'auto', 10, 30 or 100
   * bins. Numeric: share histogram, per-bin PSI/JS terms, ECDFs (≤ 500 points each), KS location.
   * Categorical: every category's shares and delta.
   */
  getColumnDetail(column: string, bins: BinChoice): Promise<ColumnDetail>;
  /**
   * 'dataset:rows' — the first `limit` (1–200) rows of the current file whose `column` falls in a bin
   * ({ kind: 'range', lo, hi, lastClosed }) or equals a category ({ kind: 'category', label }), as text.
   */
  getRows(column: string, selector: RowSelector, limit: number): Promise<RowsResult>;
  /**
   * 'analysis:recompute-column' — the last result with one column re-tested under `settings` (its type,
   * test and threshold overrides in settings.columns); correction and dataset verdict re-applied.
   */
  recomputeColumn(column: string, settings: AnalysisSettings): Promise<AnalysisResult>;
  /**
   * 'session:save' — main shows a Save dialog and writes a `.driftscope.json` with both loaded files'
   * paths, `state.settings` and `state.ui`. Resolves with the file name, or null when the user cancels.
   */
  saveSession(state: SessionState): Promise<{ fileName: string } | null>;
  /**
   * 'session:open' — main shows an Open dialog, validates the session and loads both files (asking for
   * any that moved). Null when the user cancels.
   */
  openSession(): Promise<SessionOpenOutcome | null>;
  /** 'recent:list' — recently opened sessions and file pairs, newest first (no paths). */
  listRecent(): Promise<RecentEntry[]>;
  /** 'recent:open' — reopens a recent entry by its id (from listRecent); null when it cannot be found. */
  openRecent(id: string): Promise<SessionOpenOutcome | null>;
  /** 'preferences:get' — the remembered preferences (theme). */
  getPreferences(): Promise<Preferences>;
  /** 'preferences:set' — changes preferences (theme: 'system' | 'light' | 'dark'); resolves with all of them. */
  setPreferences(changes: Partial<Preferences>): Promise<Preferences>;
  /**
   * 'report:export' — main shows a Save dialog (the OS confirms an overwrite) and writes the report of the
   * last analysis result: 'html' (self-contained, offline), 'pdf' (that HTML printed; options.pageSize
   * 'A4' or 'Letter'), 'json' (the full result) or 'csv' (the drift table). `columnOrder`: column names in
   * the table's current order (null: drifted first). Resolves with the file name, or null on cancel.
   */
  exportReport(
    format: ReportExportFormat,
    columnOrder: string[] | null,
    options?: ReportExportOptions,
  ): Promise<ReportExportOutcome | null>;
  /**
   * 'timeline:run' — the loaded current file cut into chunks (options.chunking), each compared with the
   * reference under `settings` (docs/timeline.md). Rejects with a message naming file and column when the
   * chunking does not apply, and with "cancelled" after 'timeline:cancel'. A new run cancels a running one.
   */
  runTimeline(settings: AnalysisSettings, options: TimelineRunOptions): Promise<Timeline>;
  /** 'timeline:cancel' — stops the running timeline before its next chunk (nothing when none runs). */
  cancelTimeline(): Promise<void>;
  /**
   * 'timeline:focus-chunk' — column detail and rows ('analysis:column-detail', 'dataset:rows') answer for
   * analysis chunk `chunk` (0-based, reference chunks not counted) of `options`' chunking until called
   * with null; resolves with that chunk's analysis against the reference (null for null).
   */
  focusChunk(
    settings: AnalysisSettings,
    options: TimelineRunOptions,
    chunk: number | null,
  ): Promise<AnalysisResult | null>;
  /** 'dataset:progress' event — returns an unsubscribe function. */
  onProgress(listener: (progress: LoadProgress) => void): () => void;
  /** 'timeline:progress' event — chunks done of the running timeline; returns an unsubscribe function. */
  onTimelineProgress(listener: (progress: TimelineProgress) => void): () => void;
}

export type ReportExportFormat = 'html' | 'pdf' | 'json' | 'csv';

export interface ReportExportOptions {
  pageSize?: 'A4' | 'Letter';
}

/** What 'report:export' wrote (the name only, never the full path). */
export interface ReportExportOutcome {
  format: ReportExportFormat;
  fileName: string;
  bytes: number;
}

/** Both files of a session (or recent pair) loaded, with the session's settings and UI state. */
export interface SessionOpenOutcome {
  reference: LoadOutcome;
  current: LoadOutcome;
  session: OpenedSession;
}

/** Channel names, pinned by a unit test so that nothing is added silently. */
export const INVOKE_CHANNELS = [
  'dataset:pick',
  'dataset:open-dropped',
  'dataset:demo',
  'dataset:cancel',
  'analysis:run',
  'analysis:column-detail',
  'dataset:rows',
  'analysis:recompute-column',
  'session:save',
  'session:open',
  'recent:list',
  'recent:open',
  'preferences:get',
  'preferences:set',
  'report:export',
  'timeline:run',
  'timeline:cancel',
  'timeline:focus-chunk',
] as const;
export const EVENT_CHANNELS = ['dataset:progress', 'timeline:progress'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
