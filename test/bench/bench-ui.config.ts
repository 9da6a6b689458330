/**
 * Playwright config of the UI benchmark (bench-ui.spec.ts): the e2e harness (real renderer in Debian's
 * Chromium, real engine) on large generated data. Not part of the test suite; it prints numbers and
 * asserts no timings. Run: npx playwright test --config test/bench/bench-ui.config.ts
 */
import { defineConfig } from '@playwright/test';
import base from '../e2e/playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'bench-ui.spec.ts',
  globalSetup: '../e2e/global-setup.ts',
  timeout: 15 * 60_000,
  reporter: [['list']],
  outputDir: '../../test-results/bench-ui',
});
