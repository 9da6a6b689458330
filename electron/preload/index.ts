/**
 * Preload (bundled to dist/electron/preload.cjs, runs sandboxed): exposes the contract and the drop helper.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDriftscopeApi, type DriftscopeFiles } from './api';

contextBridge.exposeInMainWorld('driftscope', createDriftscopeApi(ipcRenderer));

const files: DriftscopeFiles = {
  getPathForFile: (file) => webUtils.getPathForFile(file),
};
contextBridge.exposeInMainWorld('driftscopeFiles', files);
