#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: checks that the Electron binary is installed, builds the app, then opens it
 * (arguments after `--` go to the app, e.g. `npm start -- --reference a.csv --current b.csv`). Without the
 * binary (an install with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or a download that failed) it says so in one line,
 * with what to do and that the command line works without it, instead of Electron's stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron executable, or null when its binary is not installed. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary === null) {
  console.error(
    'driftscope: the desktop app needs the Electron binary, which is not installed (its download was skipped or ' +
      'failed); install it with `npm rebuild electron` (network access, ELECTRON_SKIP_BINARY_DOWNLOAD unset). ' +
      'The command line works without it: `npx driftscope demo --out demo`, then ' +
      '`npx driftscope analyze --reference demo/reference.csv --current demo/current.csv`.',
  );
  process.exit(1);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawnSync(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(app.status ?? 1);
