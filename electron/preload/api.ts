/**
 * The `window.driftscope` object: one method per contract channel, never a generic invoke. Kept apart from
 * index.ts so that a unit test can build it against a mocked ipcRenderer.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DriftscopeApi, EVENT_CHANNELS, InvokeChannel } from '../../shared/api';

type EventChannel = (typeof EVENT_CHANNELS)[number];

type Invoker = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createDriftscopeApi(ipc: Invoker): DriftscopeApi {
  const invoke = (channel: InvokeChannel, ...args: unknown[]) => ipc.invoke(channel, ...args);
  return {
    pickDataset: (role) => invoke('dataset:pick', role),
    openDroppedDataset: (role, droppedPath) => invoke('dataset:open-dropped', role, droppedPath),
    loadDemo: () => invoke('dataset:demo'),
    cancelLoad: (role) => invoke('dataset:cancel', role),
    runAnalysis: (settings) => invoke('analysis:run', settings),
    getColumnDetail: (column, bins) => invoke('analysis:column-detail', column, bins),
    getRows: (column, selector, limit) => invoke('dataset:rows', column, selector, limit),
    recomputeColumn: (column, settings) => invoke('analysis:recompute-column', column, settings),
    saveSession: (state) => invoke('session:save', state),
    openSession: () => invoke('session:open'),
    listRecent: () => invoke('recent:list'),
    openRecent: (id) => invoke('recent:open', id),
    getPreferences: () => invoke('preferences:get'),
    setPreferences: (changes) => invoke('preferences:set', changes),
    exportReport: (format, columnOrder, options) => invoke('report:export', format, columnOrder, options),
    runTimeline: (settings, options) => invoke('timeline:run', settings, options),
    cancelTimeline: () => invoke('timeline:cancel'),
    focusChunk: (settings, options, chunk) => invoke('timeline:focus-chunk', settings, options, chunk),
    onProgress: (listener) => subscribe(ipc, 'dataset:progress', 'onProgress', listener),
    onTimelineProgress: (listener) => subscribe(ipc, 'timeline:progress', 'onTimelineProgress', listener),
  };
}

/** Listens to an event channel; the IPC event (with its sender) never reaches the page, only the payload. */
function subscribe<T>(ipc: Invoker, channel: EventChannel, name: string, listener: (payload: T) => void) {
  if (typeof listener !== 'function') throw new TypeError(`${name}: listener must be a function`);
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipc.on(channel, wrapped);
  return () => {
    ipc.removeListener(channel, wrapped);
  };
}

/** `window.driftscopeFiles`: resolves a dropped File to its path on disk (drag and drop only). */
export interface DriftscopeFiles {
  getPathForFile(file: File): string;
}
