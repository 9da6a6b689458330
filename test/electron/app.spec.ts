import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, expect, test } from '@playwright/test';
import { API_METHODS } from '../../shared/api';
import { electronSkipReason, findElectronBinary, missingBuildOutputs, repoRoot } from './electron-env';

const skipReason = electronSkipReason();
if (skipReason) console.log(`[test:electron] skipped: ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

let app: ElectronApplication;
let userData: string;

test.beforeAll(async () => {
  const missing = missingBuildOutputs();
  if (missing.length > 0)
    throw new Error(`Build the app first (npm run build); missing: ${missing.join(', ')}`);
  userData = mkdtempSync(path.join(tmpdir(), 'driftscope-electron-'));
  // Chromium refuses to start as root without --no-sandbox (CI containers); never passed otherwise.
  const switches = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await _electron.launch({
    executablePath: findElectronBinary()!,
    args: [...switches, repoRoot],
    cwd: repoRoot,
    env: { ...process.env, DRIFTSCOPE_USER_DATA: userData, NODE_ENV: 'test' },
  });
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('opens on the built-in demo and reaches the ready state', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get('demo')).toBe('1');
});

test('the renderer sees only the contract, with no Node access', async () => {
  const page = await app.firstWindow();
  const exposed = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      api: Object.keys((w.driftscope as object) ?? {}).sort(),
      files: Object.keys((w.driftscopeFiles as object) ?? {}),
      require: typeof w.require,
      process: typeof w.process,
    };
  });
  expect(exposed).toEqual({
    // Every method of the contract (shared/api.ts), and nothing else.
    api: [...API_METHODS].sort(),
    files: ['getPathForFile'],
    require: 'undefined',
    process: 'undefined',
  });
});

test('window.open is denied and opens no window (navigation denial is unit-tested)', async () => {
  const page = await app.firstWindow();
  const before = app.windows().length;
  const denied = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(denied).toBe(true);
  expect(app.windows().length).toBe(before);
});
