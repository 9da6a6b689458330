/**
 * Playwright config of the timeline UI benchmark (timeline-app.bench.ts): the e2e harness on generated
 * 1,000,000-row files. Not part of the test suite; it prints numbers and asserts no timings.
 * Run: npx playwright test --config test/bench/timeline-app.config.ts  (TIMELINE_ROWS=N for smaller data)
 */
import { defineConfig } from '@playwright/test';
import base from '../e2e/playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'timeline-app.bench.ts',
  globalSetup: '../e2e/global-setup.ts',
  timeout: 40 * 60_000,
  reporter: [['list']],
  outputDir: '../../test-results/bench-timeline-app',
});
