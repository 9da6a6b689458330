/**
 * The handlers behind every IPC channel of shared/api.ts. Plain Node (no electron import), so that main
 * registers them over IPC and the end-to-end harness calls the very same functions from Playwright.
 * Every argument comes from the renderer and is validated here; paths come from the Open dialog, the
 * preload's drop handler, or the built-in demo, never from renderer state.
 */
import path from 'node:path';
import type {
  DatasetRole,
  LoadOutcome,
  LoadProgress,
  TimelineProgress,
  TimelineRunOptions,
} from '../../shared/api';
import { DatasetError } from '../../shared/dataset-error';
import { type AnalysisSettings, parseSettings } from '../../shared/drift/settings';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { parseTimelineSpec } from '../../shared/timeline/parse-timeline-spec';
import type { EngineClient } from '../engine/engine-client';
import { appMemoryBudget } from '../engine/memory-budget';
import { CancelledError } from '../engine/serialize-error';
import { writeDemoFiles } from '../io/demo-files';
import { createReportExportHandler, type ReportExportDeps } from '../report/export-report';
import { createExploreHandlers, type ExploreDeps, type LoadedPaths } from './explore-handlers';
import type { InvokeHandlers } from './ipc';
import { createMonitoringHandlers, type MonitoringDeps } from './monitoring-handlers';
import { PreferencesStore } from './preferences';
import { RecentStore } from './recent';

export interface HandlerDeps {
  engine: EngineClient;
  /** Shows an Open dialog; resolves with the chosen path, or null when the user cancels. */
  chooseFile(role: DatasetRole): Promise<string | null>;
  /** Folder where the built-in demo's CSV files are written once. */
  demoDir: string;
  sendProgress(progress: LoadProgress): void;
  /**
   * Bytes a file may need loaded whole before it is profiled in one pass instead (memory-budget.ts);
   * default: appMemoryBudget() at each load (DRIFTSCOPE_MEMORY_BUDGET, else defaultMemoryBudget()).
   */
  memoryBudget?(): number;
  /** Chunks done of a running timeline ('timeline:progress'); default: not forwarded. */
  sendTimelineProgress?(progress: TimelineProgress): void;
  /** Session dialogs, preference and recent-file stores (explore-handlers.ts); defaults below. */
  chooseSaveFile?: ExploreDeps['chooseSaveFile'];
  chooseSessionFile?: ExploreDeps['chooseSessionFile'];
  /** Asks where a session's moved file is; default: the role's Open dialog. */
  locateFile?: ExploreDeps['locateFile'];
  /** Folder of preferences.json and recent.json (default: the parent of demoDir, i.e. userData). */
  userDataDir?: string;
  /** The one preferences store of the app (main also writes window bounds to it); default: one on userDataDir. */
  preferences?: PreferencesStore;
  applyTheme?: ExploreDeps['applyTheme'];
  /** Save dialog of 'report:export' (default: cancelled) and the PDF printer (default: PDF unavailable). */
  chooseReportFile?: ReportExportDeps['chooseReportFile'];
  printPdf?: ReportExportDeps['printPdf'];
  /** Baseline and monitor-history dialogs (monitoring-handlers.ts); default: cancelled. */
  chooseBaselineSaveFile?: MonitoringDeps['chooseBaselineSaveFile'];
  chooseBaselineFile?: MonitoringDeps['chooseBaselineFile'];
  chooseHistoryFile?: MonitoringDeps['chooseHistoryFile'];
}

/** Every channel's handler, typed by the contract (electron/main/ipc.ts). */
export type Handlers = InvokeHandlers;

export function validateRole(value: unknown): DatasetRole {
  if (value !== 'reference' && value !== 'current')
    throw new TypeError(`Invalid dataset role: ${String(value)}`);
  return value;
}

/** Settings from the renderer are untrusted: validated like a config file (shared/drift/settings.ts). */
export function validateSettings(value: unknown): AnalysisSettings {
  return parseSettings(value, 'analysis settings');
}

/** Timeline options from the renderer are untrusted: validated like a settings file's `timeline` block. */
export function validateTimelineOptions(value: unknown): TimelineRunOptions {
  return parseTimelineSpec(value, 'timeline options');
}

/** A chunk position from the renderer: a whole number ≥ 0, or null for the whole current file. */
function validateChunk(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new TypeError(`Invalid chunk: ${String(value)}`);
  return value;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { engine } = deps;
  engine.onProgress((p) => deps.sendProgress(p));
  engine.onTimelineProgress?.((p) => deps.sendTimelineProgress?.(p));
  const paths: LoadedPaths = {};
  const userDataDir = deps.userDataDir ?? path.dirname(deps.demoDir);
  const recent = RecentStore.inFolder(userDataDir);
  // The result the user sees (last run or recomputed column), kept for 'report:export'.
  let lastResult: AnalysisResult | null = null;
  const exportReport = createReportExportHandler({
    getResult: () => lastResult,
    chooseReportFile: deps.chooseReportFile ?? (async () => null),
    inputPaths: () => [paths.reference, paths.current].filter((p): p is string => p !== undefined),
    printPdf: deps.printPdf,
  });

  async function load(role: DatasetRole, filePath: string): Promise<LoadOutcome> {
    delete paths[role];
    lastResult = null;
    try {
      const memoryBudget = deps.memoryBudget?.() ?? appMemoryBudget();
      const dataset = await engine.load(role, filePath, { memoryBudget });
      paths[role] = filePath;
      if (paths.reference && paths.current) {
        recent.add({ kind: 'pair', reference: paths.reference, current: paths.current });
      }
      return { ok: true, dataset };
    } catch (error) {
      if (error instanceof CancelledError) return { ok: false, cancelled: true, error: null };
      if (error instanceof DatasetError) return { ok: false, cancelled: false, error: error.toUserFacing() };
      throw error;
    }
  }

  const explore = createExploreHandlers(
    {
      engine,
      chooseSaveFile: deps.chooseSaveFile ?? (async () => null),
      chooseSessionFile: deps.chooseSessionFile ?? (async () => null),
      locateFile: deps.locateFile ?? ((role) => deps.chooseFile(role)),
      preferences: deps.preferences ?? PreferencesStore.inFolder(userDataDir),
      recent,
      applyTheme: deps.applyTheme,
    },
    paths,
    load,
  );

  const monitoring = createMonitoringHandlers(
    {
      chooseBaselineSaveFile: deps.chooseBaselineSaveFile ?? (async () => null),
      chooseBaselineFile: deps.chooseBaselineFile ?? (async () => null),
      chooseHistoryFile: deps.chooseHistoryFile ?? (async () => null),
      locateFile: deps.locateFile ?? ((role) => deps.chooseFile(role)),
    },
    paths,
    load,
  );

  return {
    ...explore,
    ...monitoring,
    'dataset:pick': async (role) => {
      const r = validateRole(role);
      const chosen = await deps.chooseFile(r);
      return chosen === null ? null : load(r, chosen);
    },
    'dataset:open-dropped': async (role, droppedPath) => {
      const r = validateRole(role);
      if (typeof droppedPath !== 'string' || droppedPath.length === 0 || !path.isAbsolute(droppedPath)) {
        throw new TypeError('Invalid dropped file path');
      }
      return load(r, droppedPath);
    },
    'dataset:demo': async () => {
      const files = writeDemoFiles(deps.demoDir);
      const [reference, current] = await Promise.all([
        load('reference', files.reference),
        load('current', files.current),
      ]);
      return { reference, current };
    },
    'dataset:cancel': async (role) => {
      await engine.cancel(validateRole(role));
    },
    'analysis:run': async (settings) => {
      lastResult = await engine.analyze(validateSettings(settings));
      return lastResult;
    },
    'analysis:recompute-column': async (column, settings) => {
      lastResult = await explore['analysis:recompute-column'](column, settings);
      return lastResult;
    },
    'report:export': (format, columnOrder, options) => exportReport(format, columnOrder, options),
    'timeline:run': async (settings, options) =>
      engine.timeline(validateSettings(settings), validateTimelineOptions(options)),
    'timeline:cancel': async () => {
      engine.cancelTimeline();
    },
    'timeline:focus-chunk': async (settings, options, chunk) =>
      engine.focusChunk(validateSettings(settings), validateTimelineOptions(options), validateChunk(chunk)),
  };
}
