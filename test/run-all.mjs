// The README's test command (`npm test`): lint, typecheck, build, unit tests (Vitest), end-to-end tests
// (Playwright + Debian Chromium against the real engine), Electron tests (skipped without a binary).
// Ends with one line `N passed, N failed` counting every test that ran (each check step counts as one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${child.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return child.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

function countVitest(file, label, ok) {
  if (!existsSync(file)) {
    results.failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  results.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTests > 0 || (!ok && report.numFailedTests === 0)) failures.push(label);
  if (!ok && report.numFailedTests === 0) results.failed++;
}

function countPlaywright(file, label, ok) {
  if (!existsSync(file)) {
    results.failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  results.passed += stats.expected + stats.flaky;
  results.failed += stats.unexpected;
  results.skipped += stats.skipped;
  if (stats.unexpected > 0) failures.push(label);
  else if (!ok) {
    results.failed++;
    failures.push(label);
  }
}

step('lint', 'npx', ['biome', 'check', '.']);
step('typecheck', 'npx', ['tsc', '-b']);
step('build', 'npm', ['run', 'build']);

rmSync('test-results/vitest.json', { force: true });
const unitOk = run('unit tests', 'npx', ['vitest', 'run']);
countVitest('test-results/vitest.json', 'unit tests', unitOk);

for (const [label, config, report] of [
  ['end-to-end tests', 'test/e2e/playwright.config.ts', 'test-results/e2e.json'],
  ['electron tests', 'test/electron/playwright.config.ts', 'test-results/electron.json'],
]) {
  if (!existsSync(config)) continue;
  rmSync(report, { force: true });
  const ok = run(label, 'npx', ['playwright', 'test', '--config', config], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  countPlaywright(report, label, ok);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
if (results.skipped > 0) console.log(`(${results.skipped} skipped, not counted)`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed > 0 ? 1 : 0;
