// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => 'result'), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
  webUtils: { getPathForFile: vi.fn(() => '/home/user/data.csv') },
}));
vi.mock('electron', () => electron);

import type { DriftscopeApi } from '../../../../shared/api';
import { INVOKE_CHANNELS } from '../../../../shared/api';
import { CONTRACT_SAMPLES as METHODS } from '../../../helpers/contract-samples';

let exposed: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../../electron/preload/index');
  exposed = Object.fromEntries(electron.contextBridge.exposeInMainWorld.mock.calls);
});

describe('preload', () => {
  it('exposes exactly window.driftscope and window.driftscopeFiles', () => {
    expect(Object.keys(exposed).sort()).toEqual(['driftscope', 'driftscopeFiles']);
  });

  it('exposes exactly the DriftscopeApi methods, all functions, and no generic invoke', () => {
    const api = exposed.driftscope as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(METHODS).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it('covers every invoke channel with one method', () => {
    const channels = Object.values(METHODS)
      .map((m) => m.channel)
      .filter((c) => c !== null);
    expect(channels.sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it.each(Object.entries(METHODS).filter(([, m]) => m.channel !== null))(
    '%s invokes its channel with its arguments',
    async (name, { channel, args }) => {
      electron.ipcRenderer.invoke.mockClear();
      const api = exposed.driftscope as Record<string, (...a: unknown[]) => Promise<unknown>>;
      await expect(api[name](...args)).resolves.toBe('result');
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
    },
  );

  it('onProgress forwards only the payload and returns an unsubscribe', () => {
    const api = exposed.driftscope as DriftscopeApi;
    const listener = vi.fn();
    const unsubscribe = api.onProgress(listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith('dataset:progress', expect.any(Function));
    const wrapped = electron.ipcRenderer.on.mock.calls.at(-1)![1] as (...a: unknown[]) => void;
    const progress = { role: 'reference', bytesRead: 1, bytesTotal: 2, rows: 3 };
    wrapped({ sender: 'ipc event' }, progress);
    expect(listener).toHaveBeenCalledWith(progress);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('dataset:progress', wrapped);
  });

  it('onTimelineProgress forwards only the payload of timeline:progress and returns an unsubscribe', () => {
    const api = exposed.driftscope as DriftscopeApi;
    const listener = vi.fn();
    const unsubscribe = api.onTimelineProgress(listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith('timeline:progress', expect.any(Function));
    const wrapped = electron.ipcRenderer.on.mock.calls.at(-1)![1] as (...a: unknown[]) => void;
    wrapped({ sender: 'ipc event' }, { done: 3, total: 12 });
    expect(listener.mock.calls).toEqual([[{ done: 3, total: 12 }]]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('timeline:progress', wrapped);
  });

  it('onProgress rejects a non-function listener', () => {
    const api = exposed.driftscope as { onProgress(l: unknown): unknown };
    expect(() => api.onProgress('nope')).toThrow(TypeError);
  });

  it('driftscopeFiles resolves dropped files through webUtils.getPathForFile', () => {
    const files = exposed.driftscopeFiles as Record<string, (f: unknown) => string>;
    expect(Object.keys(files)).toEqual(['getPathForFile']);
    const file = { name: 'data.csv' };
    expect(files.getPathForFile(file)).toBe('/home/user/data.csv');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });
});
