/**
 * The contract between the renderer and the rest of Driftscope. The preload implements it over IPC as
 * `window.driftscope`; the end-to-end tests implement it over Playwright bindings calling the very same
 * handlers main registers (electron/main/handlers.ts). The renderer never passes a file path except the
 * one a drop event yields (resolved by the preload with webUtils.getPathForFile).
 */
import type { AnalysisResult, AnalysisSettings } from './report/analysis-result';

export type DatasetRole = 'reference' | 'current';

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
  /** 'dataset:progress' event — returns an unsubscribe function. */
  onProgress(listener: (progress: LoadProgress) => void): () => void;
}

/** Channel names, pinned by a unit test so that nothing is added silently. */
export const INVOKE_CHANNELS = [
  'dataset:pick',
  'dataset:open-dropped',
  'dataset:demo',
  'dataset:cancel',
  'analysis:run',
] as const;
export const EVENT_CHANNELS = ['dataset:progress'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
