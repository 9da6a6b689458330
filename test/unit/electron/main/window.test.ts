// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const instances: Array<{
    options: unknown;
    once: ReturnType<typeof vi.fn>;
    show: ReturnType<typeof vi.fn>;
    loadFile: ReturnType<typeof vi.fn>;
  }> = [];
  class BrowserWindow {
    once = vi.fn();
    show = vi.fn();
    loadFile = vi.fn(async () => {});
    constructor(public options: unknown) {
      instances.push(this);
    }
  }
  const showOpenDialog = vi.fn();
  return { BrowserWindow, instances, dialog: { showOpenDialog } };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, dialog: electron.dialog }));

import type { BrowserWindow } from 'electron';
import { createFileChooser, openDialogOptions } from '../../../../electron/main/dialogs';
import { parseLaunchFiles, rendererQuery } from '../../../../electron/main/launch';
import { createMainWindow, mainWindowOptions } from '../../../../electron/main/window';

describe('main window', () => {
  it('uses the security defaults and the requested size', () => {
    const options = mainWindowOptions('/app/dist/electron/preload.cjs');
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 960, minHeight: 600, show: false });
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('loads the renderer file with the query and shows on ready-to-show', () => {
    createMainWindow({
      preloadPath: '/app/dist/electron/preload.cjs',
      rendererPath: '/app/dist/renderer/index.html',
      query: { demo: '1' },
    });
    const win = electron.instances.at(-1)!;
    expect(win.loadFile).toHaveBeenCalledWith('/app/dist/renderer/index.html', { query: { demo: '1' } });
    expect(win.show).not.toHaveBeenCalled();
    const [event, callback] = win.once.mock.calls[0];
    expect(event).toBe('ready-to-show');
    callback();
    expect(win.show).toHaveBeenCalled();
  });
});

describe('launch arguments', () => {
  it('opens the demo when no files are given', () => {
    expect(parseLaunchFiles(['/usr/bin/electron', '.'], true, '/work')).toBeNull();
    expect(parseLaunchFiles(['/opt/Driftscope/driftscope'], false, '/work')).toBeNull();
    expect(rendererQuery(null)).toEqual({ demo: '1' });
  });

  it('reads two files after the app dir (dev) or the executable (packaged), ignoring switches', () => {
    const expected = { reference: '/work/ref.csv', current: '/data/cur.csv' };
    expect(parseLaunchFiles(['electron', '.', 'ref.csv', '/data/cur.csv'], true, '/work')).toEqual(expected);
    expect(
      parseLaunchFiles(['driftscope', '--no-sandbox', 'ref.csv', '/data/cur.csv'], false, '/work'),
    ).toEqual(expected);
    expect(rendererQuery(expected)).toEqual(expected);
  });

  it('ignores a single file or more than two', () => {
    expect(parseLaunchFiles(['electron', '.', 'ref.csv'], true, '/work')).toBeNull();
    expect(parseLaunchFiles(['electron', '.', 'a', 'b', 'c'], true, '/work')).toBeNull();
  });
});

describe('open dialog', () => {
  it('offers CSV, TSV, Parquet and all files, one file at a time', () => {
    const options = openDialogOptions('reference');
    expect(options.properties).toEqual(['openFile']);
    const names = options.filters!.map((f) => f.name);
    expect(names).toEqual([
      'Data files and profiles (CSV, TSV, Parquet, JSON)',
      'CSV',
      'TSV',
      'Parquet',
      'Profiles (driftscope profile)',
      'All files',
    ]);
    expect(options.filters!.find((f) => f.name === 'Parquet')!.extensions).toEqual(['parquet']);
    expect(options.filters![0].extensions).toContain('parquet');
    expect(options.filters!.at(-1)!.extensions).toEqual(['*']);
    expect(openDialogOptions('current').title).toMatch(/current/);
  });

  it('returns the chosen path, or null when cancelled', async () => {
    const win = { isDestroyed: () => false } as unknown as BrowserWindow;
    const chooseFile = createFileChooser(() => win);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/tmp/a.csv'] });
    await expect(chooseFile('reference')).resolves.toBe('/tmp/a.csv');
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(win, openDialogOptions('reference'));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(chooseFile('current')).resolves.toBeNull();
  });

  it('opens a parentless dialog when there is no window', async () => {
    const chooseFile = createFileChooser(() => null);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/tmp/b.csv'] });
    await expect(chooseFile('current')).resolves.toBe('/tmp/b.csv');
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(openDialogOptions('current'));
  });
});
