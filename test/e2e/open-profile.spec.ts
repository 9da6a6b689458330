/**
 * Profiles in the app (docs/profiles.md): a reference profile written by `driftscope profile` (the real
 * command line, in a child process) opened through the (stubbed) Open dialog beside the current CSV
 * dropped on its slot. The analysis runs on the profiles (the CSV is profiled in the engine); the verdict
 * and the drift table are those of `driftscope analyze` on the same pair (the oracle: its JSON); a numeric
 * column's detail is drawn from the sketches and says it is approximate; the rows behind a bar and the
 * timeline say they need the data file. A damaged profile shows an inline error naming it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { ensureCliBuilt, runCli } from '../helpers/run-cli';
import { artifactsDir, expect, test } from './harness';

const DIR = path.join(__dirname, '..', 'fixtures', 'parquet');
const REFERENCE_CSV = path.join(DIR, 'loan.reference.csv');
const CURRENT_CSV = path.join(DIR, 'loan.current.csv');

function writeProfile(outDir: string): string {
  ensureCliBuilt();
  const out = path.join(outDir, 'loan.reference.profile.json');
  const run = runCli(['profile', '--input', REFERENCE_CSV, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

test('a reference profile beside a current CSV: analysed, with the detail from the sketches', async ({
  harness,
  page,
}, testInfo) => {
  const profile = writeProfile(testInfo.outputDir);
  const json = path.join(testInfo.outputDir, 'cli.json');
  const cli = runCli(['analyze', '--reference', profile, '--current', CURRENT_CSV, '--json', json]);
  expect([0, 1]).toContain(cli.code);
  const expected = JSON.parse(readFileSync(json, 'utf8')) as AnalysisResult;

  const app = await harness.open();
  harness.chooseNext(profile);
  await app.openButton('reference').click();
  await expect(page.getByTestId('slot-reference-file')).toHaveText('loan.reference.profile.json');
  await expect(page.getByTestId('slot-reference-profile')).toBeVisible();
  await expect(page.getByTestId('slot-reference-meta')).toHaveText(/profile · 5,000 rows · 17 columns/);
  await app.dropFile('current', CURRENT_CSV);
  await app.expectState('ready');
  await expect(page.getByTestId('verdict-drifted')).toHaveText(String(expected.dataset.driftedColumns));
  expect(await app.columnOrder()).toEqual(expect.arrayContaining(expected.columns.map((c) => c.name)));

  await page
    .getByTestId('drift-row')
    .filter({ hasText: /^income/ })
    .first()
    .click();
  const detail = page.getByTestId('feature-detail');
  await expect(detail).toHaveAttribute('data-column', 'income');
  await expect(detail).toHaveAttribute('data-detail-state', 'ready');
  await expect(page.getByTestId('histogram').locator('g.trace.bars')).toHaveCount(2);
  await expect(page.getByTestId('bin-totals')).toContainText('from profiles: no rows behind the bars');
  await expect(page.getByTestId('detail-approximate')).toContainText('approximate');
  await page.getByTestId('bins-30').click();
  await expect(detail).toHaveAttribute('data-detail-state', 'ready');
  await expect(page.getByTestId('bin-totals')).toContainText('30 bins');
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(artifactsDir, `profile-pair-${width}x${height}.png`) });
  }
  await page.getByText('Bins table').click();
  await page.getByTestId('bin-rows').first().click();
  await expect(page.getByTestId('rows-panel')).toContainText(
    'needs the rows: loan.reference.profile.json is a profile (counts and sketches, no rows). Open the data file for this.',
  );
  // What needs the rows says so: the multivariate detectors and the timeline.
  await page.getByTestId('multivariate-run').click();
  await expect(page.getByTestId('multivariate-sentence')).toHaveText(
    'not run: The multivariate detectors need the rows: they are not computed from profiles.',
  );
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-error')).toContainText(
    'The timeline needs the rows: loan.reference.profile.json is a profile',
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(artifactsDir, 'profile-timeline-1280x800.png') });
});

test('a damaged profile shows an error naming it', async ({ harness }, testInfo) => {
  const profile = writeProfile(testInfo.outputDir);
  const bad = path.join(testInfo.outputDir, 'bad.profile.json');
  const parsed = JSON.parse(readFileSync(profile, 'utf8'));
  parsed.columns[0].count = -1;
  writeFileSync(bad, JSON.stringify(parsed));
  const app = await harness.open();
  harness.chooseNext(bad);
  await app.openButton('reference').click();
  await app.expectState('error');
  await expect(app.slot('reference').getByTestId('load-error-message')).toContainText(
    'bad.profile.json is not a valid Driftscope profile',
  );
});

test('a pair beyond the memory budget: profiled in one pass instead of loaded, as analyze --memory-budget 1', async ({
  harness,
  page,
}, testInfo) => {
  const json = path.join(testInfo.outputDir, 'cli-budget.json');
  const cli = runCli([
    'analyze',
    '--reference',
    REFERENCE_CSV,
    '--current',
    CURRENT_CSV,
    '--memory-budget',
    '1',
    '--json',
    json,
  ]);
  expect([0, 1]).toContain(cli.code);
  const expected = JSON.parse(readFileSync(json, 'utf8')) as AnalysisResult;

  harness.setMemoryBudget(1);
  const app = await harness.open();
  await app.dropFile('reference', REFERENCE_CSV);
  await app.dropFile('current', CURRENT_CSV);
  await app.expectState('ready');
  await expect(page.getByTestId('slot-current-meta')).toHaveText(/profile · 5,000 rows · 17 columns/);
  const warnings = page.getByTestId('slot-current-meta').getByTestId('load-warnings');
  await warnings.locator('summary').click();
  await expect(warnings).toContainText(
    'loan.current.csv was profiled in one pass instead of being loaded: loading it whole would need about',
  );
  await expect(warnings).toContainText('more than the memory budget of 1 B');
  await expect(page.getByTestId('verdict-drifted')).toHaveText(String(expected.dataset.driftedColumns));
  await page.screenshot({ path: path.join(artifactsDir, 'profiled-instead.png'), fullPage: false });
});
