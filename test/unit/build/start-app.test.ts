// @vitest-environment node
// `npm start` without the Electron binary (as on machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1):
// one line saying what is missing, how to install it and that the command line works; no stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const binaryInstalled = existsSync(path.join(root, 'node_modules/electron/path.txt'));

describe('build/start-app.mjs', () => {
  it.skipIf(binaryInstalled)('without the Electron binary: one line, exit 1, no stack trace', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'build/start-app.mjs')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs the Electron binary, which is not installed/);
    expect(lines[0]).toContain('npm rebuild electron');
    expect(lines[0]).toContain('npx driftscope demo --out demo');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
