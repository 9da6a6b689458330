/** Where the Electron binary and the built app are, and why an Electron test cannot run here (if it cannot). */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** The Electron executable from node_modules/electron, or null when it was installed without the binary. */
export function findElectronBinary(): string | null {
  try {
    // node_modules/electron/index.js returns the binary path, and throws when path.txt is missing
    // (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
    const resolved: unknown = createRequire(path.join(repoRoot, 'package.json'))('electron');
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** A human-readable reason to skip, or null when the app can be launched. */
export function electronSkipReason(): string | null {
  if (!findElectronBinary()) {
    return (
      'Electron binary not installed (node_modules/electron/path.txt or dist/ missing, e.g. ' +
      'ELECTRON_SKIP_BINARY_DOWNLOAD=1); reinstall electron with the download enabled to run these tests.'
    );
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display on Linux: run under `xvfb-run --auto-servernum -- npm run test:electron`.';
  }
  return null;
}

/** Files the build must have produced before Electron can start the app. */
export function missingBuildOutputs(): string[] {
  return ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'].filter(
    (file) => !existsSync(path.join(repoRoot, file)),
  );
}
