import type { DriftscopeApi } from '../../shared/api';

declare global {
  interface Window {
    /** Exposed by electron/preload (or by the end-to-end harness): see shared/api.ts. */
    driftscope: DriftscopeApi;
  }
}
