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
import type { MonitorHistory } from './monitoring/history-timeline';
import type { AnalysisResult, AnalysisSettings } from './report/analysis-result';
import type { TimelineSpec } from './timeline/analyze-timeline';
import type { Timeline } from './timeline/types';

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
  /** Text encoding the file was decoded with: utf-8, utf-16le, utf-16be or windows-1252. */
  encoding?: string;
  /** 'parquet' for a Parquet file, 'profile' for a profile (docs/profiles.md); absent: CSV or TSV text. */
  format?: 'parquet' | 'profile';
}

export interface LoadProgress {
  role: DatasetRole;
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  /** Parquet files: row groups read so far, of `rowGroupsTotal`. */
  rowGroupsRead?: number;
  rowGroupsTotal?: number;
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

/**
 * Every request the renderer can make, one IPC channel each, with its arguments and what it resolves with:
 * the one source of the contract (after GitHub Desktop's `RequestResponseChannels`,
 * app/src/lib/ipc-shared.ts). The renderer's `DriftscopeApi`, the channel list, the preload, main's handler
 * table (electron/main/ipc.ts) and the end-to-end bridge are all derived from it, so a handler or a caller
 * with the wrong types does not compile.
 */
export interface InvokeChannels {
  /** pickDataset: main shows an Open dialog and loads the chosen file; null when the user cancels. */
  'dataset:pick': (role: DatasetRole) => Promise<LoadOutcome | null>;
  /** openDroppedDataset: loads a file the user dropped on the window (path from the preload). */
  'dataset:open-dropped': (role: DatasetRole, droppedPath: string) => Promise<LoadOutcome>;
  /** loadDemo: writes the built-in demo to the app's data folder (once) and loads both files. */
  'dataset:demo': () => Promise<{ reference: LoadOutcome; current: LoadOutcome }>;
  /** cancelLoad: cancels a load in progress; resolves when the engine has stopped reading. */
  'dataset:cancel': (role: DatasetRole) => Promise<void>;
  /** runAnalysis: analyses the loaded reference against the loaded current dataset. */
  'analysis:run': (settings: AnalysisSettings) => Promise<AnalysisResult>;
  /**
   * getColumnDetail: a column (by name, of the last analysis) on a binning: 'auto', 10, 30 or 100 bins.
   * Numeric: share histogram, per-bin PSI/JS terms, ECDFs (≤ 500 points each), KS location.
   * Categorical: every category's shares and delta.
   */
  'analysis:column-detail': (column: string, bins: BinChoice) => Promise<ColumnDetail>;
  /**
   * getRows: the first `limit` (1–200) rows of the current file whose `column` falls in a bin
   * ({ kind: 'range', lo, hi, lastClosed }) or equals a category ({ kind: 'category', label }), or the
   * rows the analysis named ({ kind: 'rows', rows: 0-based indices, ≤ 200 }), as text.
   */
  'dataset:rows': (column: string, selector: RowSelector, limit: number) => Promise<RowsResult>;
  /**
   * recomputeColumn: the last result with one column re-tested under `settings` (its type, test and
   * threshold overrides in settings.columns); correction and dataset verdict re-applied.
   */
  'analysis:recompute-column': (column: string, settings: AnalysisSettings) => Promise<AnalysisResult>;
  /**
   * saveSession: main shows a Save dialog and writes a `.driftscope.json` with both loaded files' paths,
   * `state.settings` and `state.ui`. Resolves with the file name, or null when the user cancels.
   */
  'session:save': (state: SessionState) => Promise<{ fileName: string } | null>;
  /**
   * openSession: main shows an Open dialog, validates the session and loads both files (asking for any
   * that moved). Null when the user cancels.
   */
  'session:open': () => Promise<SessionOpenOutcome | null>;
  /** listRecent: recently opened sessions and file pairs, newest first (no paths). */
  'recent:list': () => Promise<RecentEntry[]>;
  /** openRecent: reopens a recent entry by its id (from listRecent); null when it cannot be found. */
  'recent:open': (id: string) => Promise<SessionOpenOutcome | null>;
  /** getPreferences: the remembered preferences (theme). */
  'preferences:get': () => Promise<Preferences>;
  /** setPreferences: changes preferences (theme: 'system' | 'light' | 'dark'); resolves with all of them. */
  'preferences:set': (changes: Partial<Preferences>) => Promise<Preferences>;
  /**
   * exportReport: main shows a Save dialog (the OS confirms an overwrite) and writes the report of the
   * last analysis result: 'html' (self-contained, offline), 'pdf' (that HTML printed; options.pageSize
   * 'A4' or 'Letter'), 'json' (the full result) or 'csv' (the drift table). `columnOrder`: column names in
   * the table's current order (null: drifted first). Resolves with the file name, or null on cancel.
   */
  'report:export': (
    format: ReportExportFormat,
    columnOrder: string[] | null,
    options?: ReportExportOptions,
  ) => Promise<ReportExportOutcome | null>;
  /**
   * runTimeline: the loaded current file cut into chunks (options.chunking), each compared with the
   * reference under `settings` (docs/timeline.md). Rejects with a message naming file and column when the
   * chunking does not apply, and with "cancelled" after cancelTimeline. A new run cancels a running one.
   */
  'timeline:run': (settings: AnalysisSettings, options: TimelineRunOptions) => Promise<Timeline>;
  /** cancelTimeline: stops the running timeline before its next chunk (nothing when none runs). */
  'timeline:cancel': () => Promise<void>;
  /**
   * focusChunk: column detail and rows (getColumnDetail, getRows) answer for analysis chunk `chunk`
   * (0-based, reference chunks not counted) of `options`' chunking until called with null; resolves with
   * that chunk's analysis against the reference (null for null).
   */
  'timeline:focus-chunk': (
    settings: AnalysisSettings,
    options: TimelineRunOptions,
    chunk: number | null,
  ) => Promise<AnalysisResult | null>;
  /**
   * saveBaseline: main shows a Save dialog and writes the baseline of the loaded reference under `settings`
   * (the same JSON as `driftscope baseline`, docs/monitoring.md), atomically; refuses a path that is one of
   * the opened files. Null when the user cancels.
   */
  'baseline:save': (settings: AnalysisSettings) => Promise<BaselineSaveOutcome | null>;
  /**
   * openBaseline: main shows an Open dialog, validates the baseline, checks that its reference has the
   * SHA-256 it was made with (rejects with a message naming both files when not) and loads that reference.
   * Null when the user cancels.
   */
  'baseline:open': () => Promise<BaselineOpenOutcome | null>;
  /** openHistory: main shows an Open dialog and reads a monitor's SQLite history read-only. Null on cancel. */
  'history:open': () => Promise<MonitorHistory | null>;
}

/** Every event main sends to the renderer, with its payload. */
export interface EventChannels {
  /** onProgress: loading progress of one file; the method returns an unsubscribe function. */
  'dataset:progress': LoadProgress;
  /** onTimelineProgress: chunks done of the running timeline. */
  'timeline:progress': TimelineProgress;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type InvokeArgs<C extends InvokeChannel> = Parameters<InvokeChannels[C]>;
export type InvokeResult<C extends InvokeChannel> = Awaited<ReturnType<InvokeChannels[C]>>;

/**
 * The `window.driftscope` method of each channel. The order is the order of registration, pinned by a unit
 * test (test/helpers/contract-samples.ts) so that nothing is added silently.
 */
export const INVOKE_METHODS = {
  'dataset:pick': 'pickDataset',
  'dataset:open-dropped': 'openDroppedDataset',
  'dataset:demo': 'loadDemo',
  'dataset:cancel': 'cancelLoad',
  'analysis:run': 'runAnalysis',
  'analysis:column-detail': 'getColumnDetail',
  'dataset:rows': 'getRows',
  'analysis:recompute-column': 'recomputeColumn',
  'session:save': 'saveSession',
  'session:open': 'openSession',
  'recent:list': 'listRecent',
  'recent:open': 'openRecent',
  'preferences:get': 'getPreferences',
  'preferences:set': 'setPreferences',
  'report:export': 'exportReport',
  'timeline:run': 'runTimeline',
  'timeline:cancel': 'cancelTimeline',
  'timeline:focus-chunk': 'focusChunk',
  'baseline:save': 'saveBaseline',
  'baseline:open': 'openBaseline',
  'history:open': 'openHistory',
} as const satisfies Record<InvokeChannel, string>;

/** The `window.driftscope` method that subscribes to each event channel. */
export const EVENT_METHODS = {
  'dataset:progress': 'onProgress',
  'timeline:progress': 'onTimelineProgress',
} as const satisfies Record<EventChannel, string>;

export const INVOKE_CHANNELS = Object.keys(INVOKE_METHODS) as readonly InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(EVENT_METHODS) as readonly EventChannel[];

/** Request methods of `window.driftscope`, derived from the channel map. */
type InvokeApi = { [C in keyof InvokeChannels as (typeof INVOKE_METHODS)[C]]: InvokeChannels[C] };
/** Event methods of `window.driftscope`: each takes a listener of the payload and returns an unsubscribe. */
type EventApi = {
  [C in keyof EventChannels as (typeof EVENT_METHODS)[C]]: (
    listener: (payload: EventChannels[C]) => void,
  ) => () => void;
};

/** What the renderer sees as `window.driftscope`: one method per channel, never a generic invoke. */
export interface DriftscopeApi extends InvokeApi, EventApi {}

/** Every method name of `window.driftscope`, requests first, then events. */
export const API_METHODS: readonly (keyof DriftscopeApi)[] = [
  ...Object.values(INVOKE_METHODS),
  ...Object.values(EVENT_METHODS),
];

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

/** What 'baseline:save' wrote (the name only). */
export interface BaselineSaveOutcome {
  fileName: string;
  model: string;
  columns: number;
  rows: number;
}

/** A baseline opened: its reference loaded, and the settings (mapping included) to analyse with. */
export interface BaselineOpenOutcome {
  reference: LoadOutcome;
  baseline: { fileName: string; model: string; createdAt: string; settings: AnalysisSettings };
}
