// @vitest-environment node
// Regression: main (window bounds on close) and the IPC handlers (theme) must share ONE PreferencesStore.
// With two stores on the same file, each with its own cache, closing the window wrote main's stale theme
// back over the theme the user had just chosen ("set dark, close the window, the theme is lost").
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { EngineClient } from '../../../../electron/engine/engine-client';
import { createHandlers } from '../../../../electron/main/handlers';
import { PreferencesStore } from '../../../../electron/main/preferences';

describe('one preferences store for main and the handlers', () => {
  it('a theme set through IPC survives the window-bounds write on close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ds-prefs-'));
    const engine = { onProgress: vi.fn(() => () => {}) } as unknown as EngineClient;
    // What electron/main/index.ts does at startup: one store, given to the handlers.
    const preferences = PreferencesStore.inFolder(dir);
    const handlers = createHandlers({
      engine,
      chooseFile: async () => null,
      demoDir: path.join(dir, 'demo'),
      sendProgress() {},
      userDataDir: dir,
      preferences,
    });
    await handlers['preferences:set']({ theme: 'dark' });
    // The window closes: main saves its bounds through its store.
    preferences.setWindowBounds({ width: 1200, height: 800, x: 10, y: 20 });
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'preferences.json'), 'utf8'));
    expect(onDisk.theme).toBe('dark');
    expect(onDisk.window).toEqual({ width: 1200, height: 800, x: 10, y: 20 });
    // And the next start reads both back.
    const next = PreferencesStore.inFolder(dir);
    expect(next.get().theme).toBe('dark');
    expect(next.windowBounds()?.width).toBe(1200);
  });
});
