// @vitest-environment node
// The real handlers module (electron/main/handlers.ts) registered through the real registerIpc: pins that its
// channel set is exactly the contract's, so main cannot start with a missing or extra channel.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { IpcMain } from 'electron';
import type { EngineClient } from '../../../../electron/engine/engine-client';
import { createHandlers } from '../../../../electron/main/handlers';
import { registerIpc } from '../../../../electron/main/ipc';
import { PreferencesStore } from '../../../../electron/main/preferences';
import { INVOKE_CHANNELS } from '../../../../shared/api';

describe('handlers ↔ IPC registration', () => {
  it('createHandlers provides exactly the contract channels and registers without error', () => {
    const engine = { onProgress: vi.fn(() => () => {}) } as unknown as EngineClient;
    const handlers = createHandlers({
      engine,
      chooseFile: async () => null,
      demoDir: '/tmp/x',
      sendProgress() {},
      preferences: PreferencesStore.inFolder('/tmp/x'),
    });
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() } as unknown as IpcMain;
    expect(() => registerIpc(ipcMain, handlers, 'file:///app/dist/renderer/index.html')).not.toThrow();
  });

  it('untrusted senders never reach a real handler', async () => {
    const chooseFile = vi.fn(async () => null);
    const engine = { onProgress: vi.fn(() => () => {}) } as unknown as EngineClient;
    const preferences = PreferencesStore.inFolder('/tmp/x');
    const handlers = createHandlers({
      engine,
      chooseFile,
      demoDir: '/tmp/x',
      sendProgress() {},
      preferences,
    });
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: (c: string, fn: never) => registered.set(c, fn) } as unknown as IpcMain;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    registerIpc(ipcMain, handlers, 'file:///app/dist/renderer/index.html');
    const evil = { senderFrame: { url: 'https://evil.example/' } };
    await expect(registered.get('dataset:pick')!(evil, 'reference')).rejects.toThrow(/untrusted/);
    expect(chooseFile).not.toHaveBeenCalled();
    const ours = { senderFrame: { url: 'file:///app/dist/renderer/index.html?demo=1' } };
    await expect(registered.get('dataset:pick')!(ours, 'reference')).resolves.toBeNull();
    expect(chooseFile).toHaveBeenCalledWith('reference');
    await expect(registered.get('dataset:pick')!(ours, 'everything')).rejects.toThrow(TypeError);
  });
});
