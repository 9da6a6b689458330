/**
 * The `window.driftscope` object: one method per contract channel (shared/api.ts), never a generic invoke,
 * built from the contract's method map. Kept apart from index.ts so that a unit test can build it against a
 * mocked ipcRenderer.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  type DriftscopeApi,
  EVENT_CHANNELS,
  EVENT_METHODS,
  INVOKE_CHANNELS,
  INVOKE_METHODS,
} from '../../shared/api';

type Invoker = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createDriftscopeApi(ipc: Invoker): DriftscopeApi {
  const api: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    api[INVOKE_METHODS[channel]] = (...args: unknown[]) => ipc.invoke(channel, ...args);
  }
  for (const channel of EVENT_CHANNELS) {
    const method = EVENT_METHODS[channel];
    api[method] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError(`${method}: listener must be a function`);
      // The IPC event (with its sender) never reaches the page; only the payload does.
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    };
  }
  // Each method's types come from the contract's map; this unit is pinned by
  // test/unit/electron/preload/preload.test.ts.
  return api as unknown as DriftscopeApi;
}

/** `window.driftscopeFiles`: resolves a dropped File to its path on disk (drag and drop only). */
export interface DriftscopeFiles {
  getPathForFile(file: File): string;
}
