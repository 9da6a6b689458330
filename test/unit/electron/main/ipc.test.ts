// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  createProgressForwarder,
  type InvokeHandlers,
  isTrustedSender,
  PROGRESS_CHANNEL,
  registerIpc,
  TIMELINE_PROGRESS_CHANNEL,
} from '../../../../electron/main/ipc';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type LoadProgress } from '../../../../shared/api';
import { SAMPLE_CHANNELS } from '../../../helpers/contract-samples';

const RENDERER = 'file:///opt/driftscope/dist/renderer/index.html';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const registered = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => registered.delete(channel)),
  };
  return { ipcMain: ipcMain as unknown as IpcMain, registered, spy: ipcMain };
}

function fakeHandlers(): InvokeHandlers {
  const entries = INVOKE_CHANNELS.map((channel) => [
    channel,
    vi.fn(async (...args: unknown[]) => ({ channel, args })),
  ]);
  return Object.fromEntries(entries) as InvokeHandlers;
}

const eventFrom = (url: string | null) =>
  ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;

describe('isTrustedSender', () => {
  it.each([
    [RENDERER, true],
    [`${RENDERER}?demo=1`, true],
    [`${RENDERER}?reference=%2Ftmp%2Fa.csv#top`, true],
    ['file:///opt/driftscope/dist/renderer/other.html', false],
    ['file:///tmp/index.html', false],
    ['file://evil-host/opt/driftscope/dist/renderer/index.html', false],
    ['https://example.com/opt/driftscope/dist/renderer/index.html', false],
    ['http://localhost:5173/', false],
    ['devtools://devtools/bundled/index.html', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
    [undefined, false],
    [null, false],
  ])('%s -> %s', (url, expected) => {
    expect(isTrustedSender(url, RENDERER)).toBe(expected);
  });
});

describe('registerIpc', () => {
  it('registers exactly the contract channels, once each', () => {
    const { ipcMain, spy } = fakeIpcMain();
    registerIpc(ipcMain, fakeHandlers(), RENDERER);
    const channels = spy.handle.mock.calls.map((call) => call[0]);
    expect(channels).toEqual([...INVOKE_CHANNELS]);
    expect(INVOKE_CHANNELS).toEqual(SAMPLE_CHANNELS);
    expect(EVENT_CHANNELS).toEqual([PROGRESS_CHANNEL, TIMELINE_PROGRESS_CHANNEL]);
  });

  it('calls the handler with the renderer arguments for a trusted sender and returns its result', async () => {
    const { ipcMain, registered } = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain, handlers, RENDERER);
    const result = await registered.get('dataset:open-dropped')!(
      eventFrom(`${RENDERER}?demo=1`),
      'reference',
      '/tmp/a.csv',
    );
    expect(handlers['dataset:open-dropped']).toHaveBeenCalledWith('reference', '/tmp/a.csv');
    expect(result).toEqual({ channel: 'dataset:open-dropped', args: ['reference', '/tmp/a.csv'] });
  });

  it.each(['https://evil.example/', 'file:///tmp/evil.html', null])(
    'rejects sender %s on every channel without calling the handler',
    async (url) => {
      const { ipcMain, registered } = fakeIpcMain();
      const handlers = fakeHandlers();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      registerIpc(ipcMain, handlers, RENDERER);
      for (const channel of INVOKE_CHANNELS) {
        await expect(registered.get(channel)!(eventFrom(url), 'reference')).rejects.toThrow(
          /untrusted sender/,
        );
        expect(handlers[channel]).not.toHaveBeenCalled();
      }
      warn.mockRestore();
    },
  );

  it('propagates handler errors (argument validation) to the renderer', async () => {
    const { ipcMain, registered } = fakeIpcMain();
    const handlers = fakeHandlers();
    handlers['dataset:cancel'] = vi.fn(async () => {
      throw new TypeError('dataset:cancel: role must be reference or current');
    });
    registerIpc(ipcMain, handlers, RENDERER);
    await expect(registered.get('dataset:cancel')!(eventFrom(RENDERER), 'bogus')).rejects.toThrow(TypeError);
  });

  it('refuses a handler set that misses a channel or declares an extra one', () => {
    const missing = fakeHandlers() as Partial<InvokeHandlers>;
    delete missing['analysis:run'];
    expect(() => registerIpc(fakeIpcMain().ipcMain, missing as InvokeHandlers, RENDERER)).toThrow(
      /analysis:run/,
    );
    const extra = { ...fakeHandlers(), 'fs:read': vi.fn() } as unknown as InvokeHandlers;
    expect(() => registerIpc(fakeIpcMain().ipcMain, extra, RENDERER)).toThrow(/fs:read/);
  });

  it('returns an unregister function that removes every channel', () => {
    const { ipcMain, registered } = fakeIpcMain();
    const unregister = registerIpc(ipcMain, fakeHandlers(), RENDERER);
    unregister();
    expect(registered.size).toBe(0);
  });
});

describe('createProgressForwarder', () => {
  const progress: LoadProgress = { role: 'current', bytesRead: 10, bytesTotal: 100, rows: 3 };

  function fakeWindow(destroyed = false) {
    const send = vi.fn();
    const win = {
      isDestroyed: () => destroyed,
      webContents: { isDestroyed: () => destroyed, send },
    } as unknown as BrowserWindow;
    return { win, send };
  }

  it("sends progress on 'dataset:progress'", () => {
    const { win, send } = fakeWindow();
    createProgressForwarder(() => win)(progress);
    expect(send).toHaveBeenCalledWith('dataset:progress', progress);
  });

  it('drops progress when the window is gone or destroyed', () => {
    expect(() => createProgressForwarder(() => null)(progress)).not.toThrow();
    const { win, send } = fakeWindow(true);
    createProgressForwarder(() => win)(progress);
    expect(send).not.toHaveBeenCalled();
  });
});
