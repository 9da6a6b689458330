/** The single application window: locked-down webPreferences, shown once the first paint is ready. */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

/** Window options (pure, unit-tested): the security defaults live here and nowhere else. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
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
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options.preloadPath));
  win.once('ready-to-show', () => win.show());
  win.loadFile(options.rendererPath, { query: options.query }).catch((error: unknown) => {
    console.error('[window] failed to load the renderer from', options.rendererPath, error);
  });
  return win;
}
