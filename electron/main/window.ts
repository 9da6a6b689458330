/** The single application window: locked-down webPreferences, shown once the first paint is ready. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './preferences';

/** Window options (pure, unit-tested): the security defaults live here and nowhere else. */
export function mainWindowOptions(
  preloadPath: string,
  bounds?: WindowBounds,
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 800,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Driftscope',
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: preloadPath,
    },
  };
}

/** Creates the window and loads the built renderer with `query`; the window appears when ready to show. */
export function createMainWindow(options: {
  preloadPath: string;
  rendererPath: string;
  query: Record<string, string>;
  /** Remembered size and place (preferences.ts); default 1280 × 800, centred. */
  bounds?: WindowBounds;
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options.preloadPath, options.bounds));
  win.once('ready-to-show', () => {
    if (options.bounds?.maximized) win.maximize?.();
    win.show();
  });
  win.loadFile(options.rendererPath, { query: options.query }).catch((error: unknown) => {
    console.error('[window] failed to load the renderer from', options.rendererPath, error);
  });
  return win;
}
