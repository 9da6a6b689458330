/** Native Open and Save dialogs used by the handlers; the chosen paths stay in main. */
import path from 'node:path';
import { type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DatasetRole } from '../../shared/api';

export const DATASET_FILTERS: OpenDialogOptions['filters'] = [
  {
    name: 'Data files and profiles (CSV, TSV, Parquet, JSON)',
    extensions: ['csv', 'tsv', 'tab', 'txt', 'gz', 'parquet', 'json'],
  },
  { name: 'CSV', extensions: ['csv'] },
  { name: 'TSV', extensions: ['tsv', 'tab'] },
  { name: 'Parquet', extensions: ['parquet'] },
  { name: 'Profiles (driftscope profile)', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Options for the Open dialog of one role (pure, unit-tested). */
export function openDialogOptions(role: DatasetRole): OpenDialogOptions {
  return {
    title: role === 'reference' ? 'Open reference dataset' : 'Open current dataset',
    buttonLabel: 'Open',
    properties: ['openFile'],
    filters: DATASET_FILTERS,
  };
}

/** Shows the Open dialog (modal to `getWindow()` when there is one); resolves to a path or null on cancel. */
export function createFileChooser(getWindow: () => BrowserWindow | null) {
  return async function chooseFile(role: DatasetRole): Promise<string | null> {
    const win = getWindow();
    const options = openDialogOptions(role);
    const result =
      win && !win.isDestroyed()
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
    if (result.canceled || result.filePaths.length === 0) return null;
    return result.filePaths[0];
  };
}

const SESSION_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'Driftscope sessions', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

async function showOpen(win: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const result =
    win && !win.isDestroyed()
      ? await dialog.showOpenDialog(win, options)
      : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

/** A Save dialog, on the window when it is open; the chosen path, or null when cancelled. */
async function showSave(win: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const result =
    win && !win.isDestroyed()
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** Save dialog for a `.driftscope.json` session. */
export function createSaveSessionChooser(getWindow: () => BrowserWindow | null) {
  return (defaultName: string) =>
    showSave(getWindow(), {
      title: 'Save session',
      defaultPath: defaultName,
      buttonLabel: 'Save',
      filters: SESSION_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
}

/** Open dialog for a session file. */
export function createSessionChooser(getWindow: () => BrowserWindow | null) {
  return () =>
    showOpen(getWindow(), {
      title: 'Open session',
      buttonLabel: 'Open',
      properties: ['openFile'],
      filters: SESSION_FILTERS,
    });
}

/** Open dialog asking where a session's file went, naming the file that is gone. */
export function createLocateChooser(getWindow: () => BrowserWindow | null) {
  return (role: DatasetRole, missingPath: string) =>
    showOpen(getWindow(), {
      title: `Where is the ${role} file ${path.basename(missingPath)}? (it moved)`,
      message: `${missingPath} no longer exists. Choose the ${role} file.`,
      buttonLabel: 'Use this file',
      properties: ['openFile'],
      filters: DATASET_FILTERS,
    });
}

const BASELINE_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'Driftscope baselines', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Save dialog for a baseline (`driftscope baseline`'s JSON). */
export function createSaveBaselineChooser(getWindow: () => BrowserWindow | null) {
  return (defaultName: string) =>
    showSave(getWindow(), {
      title: 'Save as baseline',
      defaultPath: defaultName,
      buttonLabel: 'Save',
      filters: BASELINE_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
}

/** Open dialog for a baseline file. */
export function createBaselineChooser(getWindow: () => BrowserWindow | null) {
  return () =>
    showOpen(getWindow(), {
      title: 'Open baseline',
      buttonLabel: 'Open',
      properties: ['openFile'],
      filters: BASELINE_FILTERS,
    });
}

/** Open dialog for a monitor's history (SQLite, read only). */
export function createHistoryChooser(getWindow: () => BrowserWindow | null) {
  return () =>
    showOpen(getWindow(), {
      title: 'Open monitor history',
      buttonLabel: 'Open',
      properties: ['openFile'],
      filters: [
        { name: 'Monitor histories', extensions: ['sqlite', 'sqlite3', 'db'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
}
