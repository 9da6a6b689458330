// @vitest-environment node
// Wiring of electron/main/index.ts with Electron and the engine client mocked; the handlers and stores are
// the real ones, on a temporary userData folder.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../../shared/api';

const m = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const { mkdtempSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { join } = require('node:path') as typeof import('node:path');
  const userData = mkdtempSync(join(tmpdir(), 'driftscope-main-'));
  const app = Object.assign(new Emitter(), {
    whenReady: vi.fn(() => Promise.resolve()),
    setPath: vi.fn(),
    getPath: vi.fn((name: string) => (name === 'userData' ? userData : `/fake/${name}`)),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const windows: Array<{ options: unknown; loadFile: ReturnType<typeof vi.fn> }> = [];
  class BrowserWindow extends Emitter {
    loadFile = vi.fn(async () => {});
    show = vi.fn();
    getBounds = vi.fn(() => ({ x: 40, y: 30, width: 1100, height: 700 }));
    isMaximized = vi.fn(() => false);
    constructor(public options: unknown) {
      super();
      windows.push(this);
    }
  }
  const engines: Array<{ close: ReturnType<typeof vi.fn> }> = [];
  class EngineClient {
    close = vi.fn(async () => {});
    onProgress = vi.fn();
    constructor() {
      engines.push(this);
    }
  }
  return {
    app,
    userData,
    windows,
    BrowserWindow,
    engines,
    EngineClient,
    nativeTheme: { themeSource: 'system' },
    // The real createHandlers (below), spied on.
    createHandlers: vi.fn(),
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
  };
});

vi.mock('electron', () => ({
  nativeTheme: m.nativeTheme,
  app: m.app,
  BrowserWindow: m.BrowserWindow,
  ipcMain: m.ipcMain,
  session: m.session,
  dialog: { showOpenDialog: vi.fn() },
  shell: { openExternal: vi.fn() },
}));
vi.mock('../../../../electron/engine/engine-client', () => ({ EngineClient: m.EngineClient }));
vi.mock('../../../../electron/main/handlers', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../electron/main/handlers')>();
  m.createHandlers.mockImplementation(real.createHandlers);
  return { ...real, createHandlers: m.createHandlers };
});

const saved = {
  argv: process.argv,
  defaultApp: process.defaultApp,
  userData: process.env.DRIFTSCOPE_USER_DATA,
};

beforeAll(async () => {
  process.argv = ['/usr/bin/electron', '.'];
  (process as { defaultApp?: boolean }).defaultApp = true;
  process.env.DRIFTSCOPE_USER_DATA = '/tmp/driftscope-test-profile';
  await import('../../../../electron/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(() => {
  rmSync(m.userData, { recursive: true, force: true });
  process.argv = saved.argv;
  (process as { defaultApp?: boolean }).defaultApp = saved.defaultApp;
  if (saved.userData === undefined) delete process.env.DRIFTSCOPE_USER_DATA;
  else process.env.DRIFTSCOPE_USER_DATA = saved.userData;
});

describe('electron/main/index', () => {
  it('installs the app-wide security hooks and honours the test profile override', () => {
    expect(m.app.listenerCount('web-contents-created')).toBe(1);
    expect(m.app.setPath).toHaveBeenCalledWith('userData', '/tmp/driftscope-test-profile');
    expect(m.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('creates one engine at ready and hands it to the handlers with the demo folder', () => {
    expect(m.engines).toHaveLength(1);
    expect(m.createHandlers).toHaveBeenCalledTimes(1);
    const deps = (m.createHandlers.mock.calls[0] as unknown[])[0] as Record<string, unknown>;
    expect(deps.engine).toBe(m.engines[0]);
    expect(deps.demoDir).toBe(path.join(m.userData, 'demo'));
    expect(typeof deps.chooseFile).toBe('function');
    expect(typeof deps.sendProgress).toBe('function');
  });

  it('registers exactly the contract channels', () => {
    expect(m.ipcMain.handle.mock.calls.map((call) => call[0])).toEqual([...INVOKE_CHANNELS]);
  });

  it('opens one locked-down window on the demo', () => {
    expect(m.windows).toHaveLength(1);
    const win = m.windows[0];
    const options = win.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(path.basename(options.webPreferences.preload as string)).toBe('preload.cjs');
    const [file, loadOptions] = win.loadFile.mock.calls[0] as unknown as [string, unknown];
    expect(file.endsWith(path.join('renderer', 'index.html'))).toBe(true);
    expect(loadOptions).toEqual({ query: { demo: '1' } });
  });

  it('keeps one preferences store: a theme chosen in the app survives closing the window', async () => {
    const win = m.windows[0] as InstanceType<typeof m.BrowserWindow>;
    const rendererUrl = pathToFileURL((win.loadFile.mock.calls[0] as unknown as [string])[0]).href;
    const call = m.ipcMain.handle.mock.calls.find((c) => c[0] === 'preferences:set') as unknown as [
      string,
      (event: unknown, ...args: unknown[]) => Promise<unknown>,
    ];
    const trusted = { senderFrame: { url: rendererUrl } };
    await expect(call[1](trusted, { theme: 'dark' })).resolves.toEqual({ theme: 'dark' });
    expect(m.nativeTheme.themeSource).toBe('dark');
    // Closing the window remembers its bounds in the same preferences.json: the theme must stay.
    win.emit('close');
    const saved = JSON.parse(readFileSync(path.join(m.userData, 'preferences.json'), 'utf8'));
    expect(saved).toEqual({ theme: 'dark', window: { width: 1100, height: 700, x: 40, y: 30 } });
  });

  it('closes the engine once on quit, then lets the quit continue', async () => {
    const first = { preventDefault: vi.fn() };
    m.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(m.engines[0].close).toHaveBeenCalledTimes(1);
    expect(m.ipcMain.removeHandler).toHaveBeenCalledTimes(INVOKE_CHANNELS.length);
    await vi.waitFor(() => expect(m.app.quit).toHaveBeenCalled());
    const second = { preventDefault: vi.fn() };
    m.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(m.engines[0].close).toHaveBeenCalledTimes(1);
  });

  it('quits when the last window closes (except on macOS)', () => {
    m.app.quit.mockClear();
    m.app.emit('window-all-closed');
    expect(m.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
