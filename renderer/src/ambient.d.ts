import type { DriftscopeApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by electron/preload (or by the end-to-end harness): see shared/api.ts. */
    driftscope: DriftscopeApi;
    /**
     * Exposed by electron/preload next to `driftscope`: resolves a dropped File to its path on disk
     * (webUtils.getPathForFile). Absent in a plain browser, where dropped files have no path.
     */
    driftscopeFiles?: { getPathForFile(file: File): string };
  }
}
