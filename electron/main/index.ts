/**
 * Electron main entry (bundled to dist/electron/main.cjs): app lifecycle, one window, the engine worker and
 * IPC. Logic lives in the small modules next to this file; this one only wires them together.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, type BrowserWindow, ipcMain, nativeTheme, session } from 'electron';
import { EngineClient } from '../engine/engine-client';
import {
  createBaselineChooser,
  createFileChooser,
  createHistoryChooser,
  createLocateChooser,
  createSaveBaselineChooser,
  createSaveSessionChooser,
  createSessionChooser,
} from './dialogs';
import { createElectronPdfPrinter } from './export-pdf';
import { createHandlers } from './handlers';
import { createProgressForwarder, createTimelineProgressForwarder, registerIpc } from './ipc';
import { parseLaunchFiles, rendererQuery } from './launch';
import { PreferencesStore } from './preferences';
import { createReportFileChooser } from './report-dialog';
import { installSecurityHooks } from './security';
import { createMainWindow } from './window';

const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererPath = path.join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererPath).href;

// Tests (Playwright _electron) give each worker its own profile; must happen before app ready.
const userDataOverride = process.env.DRIFTSCOPE_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

installSecurityHooks(app, rendererUrl, () => session.defaultSession);

let mainWindow: BrowserWindow | null = null;
let engine: EngineClient | null = null;
let unregisterIpc: (() => void) | null = null;
let preferences: PreferencesStore | null = null;
const getWindow = () => mainWindow;

function openWindow(): void {
  const files = parseLaunchFiles(process.argv, Boolean(process.defaultApp), process.cwd());
  const bounds = preferences?.windowBounds();
  mainWindow = createMainWindow({ preloadPath, rendererPath, query: rendererQuery(files), bounds });
  const win = mainWindow;
  // Remember the window's size and place for the next start (normal bounds when maximised).
  win.on('close', () => {
    const { width, height, x, y } = win.isMaximized?.() ? win.getNormalBounds() : win.getBounds();
    preferences?.setWindowBounds({ width, height, x, y, maximized: win.isMaximized?.() || undefined });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

app
  .whenReady()
  .then(() => {
    engine = new EngineClient();
    const userDataDir = app.getPath('userData');
    // The one store of preferences.json: the window's bounds here, the theme in the handlers.
    preferences = PreferencesStore.inFolder(userDataDir);
    nativeTheme.themeSource = preferences.get().theme;
    const handlers = createHandlers({
      engine,
      chooseFile: createFileChooser(getWindow),
      demoDir: path.join(app.getPath('userData'), 'demo'),
      sendProgress: createProgressForwarder(getWindow),
      sendTimelineProgress: createTimelineProgressForwarder(getWindow),
      chooseSaveFile: createSaveSessionChooser(getWindow),
      chooseSessionFile: createSessionChooser(getWindow),
      locateFile: createLocateChooser(getWindow),
      userDataDir,
      preferences,
      applyTheme: (theme) => {
        nativeTheme.themeSource = theme;
      },
      chooseReportFile: createReportFileChooser(getWindow),
      printPdf: createElectronPdfPrinter(),
      chooseBaselineSaveFile: createSaveBaselineChooser(getWindow),
      chooseBaselineFile: createBaselineChooser(getWindow),
      chooseHistoryFile: createHistoryChooser(getWindow),
    });
    unregisterIpc = registerIpc(ipcMain, handlers, rendererUrl);
    openWindow();
    app.on('activate', () => {
      if (!mainWindow) openWindow();
    });
  })
  .catch((error: unknown) => {
    console.error('[main] startup failed', error);
    app.exit(1);
  });

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Close the engine worker once, then let the quit continue.
let engineClosed = false;
app.on('will-quit', (event) => {
  if (engineClosed || !engine) return;
  event.preventDefault();
  engineClosed = true;
  unregisterIpc?.();
  const closing = engine;
  engine = null;
  void (async () => {
    try {
      await closing.close();
    } catch (error) {
      console.error('[main] engine close failed', error);
    } finally {
      app.quit();
    }
  })();
});
