/**
 * The renderer's only door to the rest of Driftscope: `window.driftscope` (shared/api.ts), exposed by the
 * preload in the app and by the Playwright harness in the end-to-end tests.
 */
import type { DriftscopeApi } from '../../shared/api';

export function getApi(): DriftscopeApi {
  const api = window.driftscope;
  if (!api) {
    throw new Error(
      'window.driftscope is missing: the renderer must run inside Driftscope (preload not loaded).',
    );
  }
  return api;
}

/**
 * The path on disk of a file dropped on the window, or null when the host cannot tell (a plain browser,
 * or a drop that is not a file on disk). The preload resolves it with Electron's webUtils.getPathForFile.
 */
export function getDroppedPath(file: File): string | null {
  try {
    const resolved = window.driftscopeFiles?.getPathForFile(file);
    return typeof resolved === 'string' && resolved.length > 0 ? resolved : null;
  } catch {
    return null;
  }
}
