/**
 * The `window.driftscope` object: one method per contract channel, never a generic invoke. Kept apart from
 * index.ts so that a unit test can build it against a mocked ipcRenderer.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { DriftscopeApi, InvokeChannel, LoadProgress } from '../../shared/api';

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
    onProgress: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onProgress: listener must be a function');
      // The IPC event (with its sender) never reaches the page; only the progress payload does.
      const wrapped = (_event: IpcRendererEvent, progress: LoadProgress) => listener(progress);
      ipc.on('dataset:progress', wrapped);
      return () => {
        ipc.removeListener('dataset:progress', wrapped);
      };
    },
  };
}

/** `window.driftscopeFiles`: resolves a dropped File to its path on disk (drag and drop only). */
export interface DriftscopeFiles {
  getPathForFile(file: File): string;
}
