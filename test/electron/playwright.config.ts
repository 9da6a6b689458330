// Playwright _electron tests: run the built app (npm run build) with a real Electron binary.
// On Linux CI without a display: xvfb-run --auto-servernum -- npm run test:electron
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron.json' }]],
  use: { trace: 'on-first-retry' },
});
