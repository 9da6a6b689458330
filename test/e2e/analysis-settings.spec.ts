/**
 * Dataset-level analysis settings from the overview: correction (raw and adjusted p-values, the verdict
 * on the adjusted one), per-type tests and thresholds, share threshold, ignored columns, missing drift;
 * one settings object with the column overrides and the model quality mapping, saved with a session and
 * exported / imported as a `driftscope analyze --config` file. Oracle: the command line on the same files
 * and settings (`bin/driftscope.cjs analyze --config FILE --json -`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { formatNumber } from '../../shared/report/report-format';
import { analyzeJson, openPair } from './cli';
import { artifactsDir, expect, fixturesDir, test } from './harness';

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

const reference = path.join(fixturesDir, 'shop-reference.csv');
const current = path.join(fixturesDir, 'shop-current.csv');

/** The command line's analysis of the shop files with `settings` as its --config file. */
function cli(dir: string, settings: unknown): AnalysisResult {
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, `config-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(config, JSON.stringify(settings));
  return analyzeJson('--reference', reference, '--current', current, '--config', config);
}

async function openPanel(page: Page) {
  await page.getByTestId('analysis-settings-button').click();
  await expect(page.getByTestId('analysis-settings')).toBeVisible();
}

test('a correction shows raw and adjusted p-values and the adjusted one decides; the verdict names it', async ({
  harness,
  page,
}, testInfo) => {
  const app = await openPair(harness, reference, current);
  await expect(app.header('pAdjusted')).toHaveCount(0);
  await expect(page.getByTestId('verdict-correction')).toHaveCount(0);

  await openPanel(page);
  await page.getByTestId('as-type-numerical-test').selectOption('ks');
  await page.getByTestId('as-type-categorical-test').selectOption('chisquare');
  await page.getByTestId('as-type-categorical-threshold').fill('0.01');
  await page.getByTestId('as-correction').selectOption('bonferroni');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(artifactsDir, 'analysis-settings-panel.png') });
  await page.getByTestId('as-apply').click();
  await expect(page.getByTestId('analysis-settings')).toHaveCount(0);
  await app.expectState('ready');

  const settings = {
    types: { numerical: { test: 'ks' }, categorical: { test: 'chisquare', threshold: 0.01 } },
    correction: 'bonferroni',
  };
  const oracle = cli(testInfo.outputPath('cli'), settings);
  await expect(page.getByTestId('verdict-correction')).toHaveText(
    'Bonferroni correction on: adjusted p-values decide',
  );
  await expect(app.header('pAdjusted')).toHaveText(/p \(adj\.\)/);
  // At 1280 px the adjusted p-value takes the effect size's column (names keep their room).
  await expect(app.header('effect')).toHaveCount(0);
  await expect(page.getByTestId('analysis-settings-count')).toHaveText('4 changed');
  for (const column of oracle.columns.filter((c) => c.pValue !== null)) {
    const row = app.row(column.name);
    await expect(row.getByTestId('cell-pValue'), column.name).toHaveText(formatNumber(column.pValue, 3));
    await expect(row.getByTestId('cell-pAdjusted'), column.name).toHaveText(
      formatNumber(column.pValueAdjusted, 3),
    );
    await expect(row.getByTestId('cell-drift'), column.name).toHaveText(
      column.driftDetected ? 'Drift' : 'No drift',
    );
  }
  // churned: raw p 0.0093 < 0.01 but Bonferroni's 0.046 is not, so no drift.
  const churned = oracle.columns.find((c) => c.name === 'churned');
  expect(churned?.pValue).toBeLessThan(0.01);
  expect(churned?.pValueAdjusted).toBeGreaterThan(0.01);
  await expect(app.row('churned').getByTestId('cell-drift')).toHaveText('No drift');
  await expect(page.getByTestId('verdict-drifted')).toHaveText(String(oracle.dataset.driftedColumns));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(artifactsDir, 'analysis-settings-bonferroni.png') });

  // Benjamini–Hochberg, then back to none: the column goes, and churned drifts on its raw p.
  await openPanel(page);
  await page.getByTestId('as-correction').selectOption('benjamini_hochberg');
  await page.getByTestId('as-apply').click();
  await expect(page.getByTestId('verdict-correction')).toContainText('Benjamini–Hochberg');
  const bh = cli(testInfo.outputPath('cli'), { ...settings, correction: 'benjamini_hochberg' });
  const bhChurned = bh.columns.find((c) => c.name === 'churned');
  await expect(app.row('churned').getByTestId('cell-pAdjusted')).toHaveText(
    formatNumber(bhChurned?.pValueAdjusted ?? null, 3),
  );
  await openPanel(page);
  await page.getByTestId('as-correction').selectOption('none');
  await page.getByTestId('as-apply').click();
  await expect(page.getByTestId('verdict-correction')).toHaveCount(0);
  await expect(app.header('pAdjusted')).toHaveCount(0);
  await expect(app.header('effect')).toHaveCount(1);
  await expect(app.row('churned').getByTestId('cell-drift')).toHaveText('Drift');

  // Escape closes the panel without applying.
  await openPanel(page);
  await page.getByTestId('as-correction').selectOption('bonferroni');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('analysis-settings')).toHaveCount(0);
  await expect(app.header('pAdjusted')).toHaveCount(0);
});

test('share threshold, global test, ignored columns and missing drift; one settings object saved with a session', async ({
  harness,
  page,
}, testInfo) => {
  const app = await openPair(harness, reference, current);
  await expect(page.getByTestId('verdict-missing-drift')).toHaveText('1');
  const columnsBefore = await app.rows.count();

  // A column override (feature detail) and a model quality mapping first: the panel keeps both.
  await app.row('age').click();
  await page.getByTestId('column-settings-toggle').click();
  await page.getByTestId('setting-test').selectOption('wasserstein');
  await expect(app.row('age').getByTestId('cell-test')).toHaveText('Wasserstein');
  await page.getByTestId('tab-quality').click();
  await page.getByTestId('mapping-target').selectOption('churned');
  await page.getByTestId('mapping-apply').click();
  await expect(page.getByTestId('mapping-target')).toHaveValue('churned');
  await page.getByTestId('tab-drift').click();

  await openPanel(page);
  await page.getByTestId('as-test').selectOption('psi');
  await page.getByTestId('as-threshold').fill('0.2');
  await page.getByTestId('as-share-threshold').fill('0.25');
  await page.locator('[data-testid="as-ignore-item"][data-column="income"]').check();
  await page.getByTestId('as-missing-min-change').fill('0.5');
  // An invalid share threshold disables Apply.
  await page.getByTestId('as-share-threshold').fill('2');
  await expect(page.getByTestId('as-apply')).toBeDisabled();
  await page.getByTestId('as-share-threshold').fill('0.25');
  await page.getByTestId('as-apply').click();
  await app.expectState('ready');

  const expected = {
    test: 'psi',
    threshold: 0.2,
    shareThreshold: 0.25,
    columns: { age: { test: 'wasserstein' } },
    ignore: ['income'],
    missingDrift: { pValue: 0.05, minChange: 0.5 },
    performance: { target: 'churned' },
  };
  const oracle = cli(testInfo.outputPath('cli'), expected);
  await expect(app.row('income')).toHaveCount(0);
  await expect(app.rows).toHaveCount(columnsBefore - 1);
  await expect(app.row('age').getByTestId('cell-test')).toHaveText('Wasserstein');
  await expect(app.row('region').getByTestId('cell-test')).toHaveText('PSI');
  await expect(page.getByTestId('verdict-missing-drift')).toHaveText(
    String(oracle.dataset.missingDriftColumns),
  );
  await expect(page.getByTestId('verdict-missing-drift')).toHaveText('0');
  await expect(page.getByTestId('verdict-share')).toContainText('25% threshold');
  await expect(page.getByTestId('verdict-drifted')).toHaveText(String(oracle.dataset.driftedColumns));
  await expect(page.getByTestId('verdict')).toHaveAttribute(
    'data-drift',
    String(oracle.dataset.driftDetected),
  );

  // Export: the file is the settings object, and the command line reads it (same verdict).
  await openPanel(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('as-export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('driftscope-settings.json');
  const exportedPath = testInfo.outputPath('exported.json');
  await download.saveAs(exportedPath);
  const exported = JSON.parse(readFileSync(exportedPath, 'utf8'));
  expect(exported).toEqual(expected);
  expect(cli(testInfo.outputPath('cli'), exported).dataset).toEqual(oracle.dataset);
  await page.getByTestId('as-cancel').click();

  // Save the session: the one object, with the override and the mapping; reopen restores it all.
  const target = testInfo.outputPath('saved', 'settings');
  mkdirSync(path.dirname(target), { recursive: true });
  harness.saveNext(target);
  await page.getByTestId('session-save').click();
  await expect(page.getByTestId('session-name')).toHaveText('settings.driftscope.json');
  const saved = JSON.parse(readFileSync(`${target}.driftscope.json`, 'utf8'));
  expect(saved.settings).toEqual(expected);

  const fresh = await harness.open();
  harness.sessionNext(`${target}.driftscope.json`);
  await page.getByTestId('session-open').click();
  await fresh.expectState('ready');
  await expect(fresh.row('income')).toHaveCount(0);
  await expect(fresh.row('region').getByTestId('cell-test')).toHaveText('PSI');
  await expect(fresh.row('age').getByTestId('cell-test')).toHaveText('Wasserstein');
  await expect(page.getByTestId('verdict-share')).toContainText('25% threshold');
  await openPanel(page);
  await expect(page.getByTestId('as-test')).toHaveValue('psi');
  await expect(page.locator('[data-testid="as-ignore-item"][data-column="income"]')).toBeChecked();
  await page.getByTestId('as-cancel').click();
  await page.getByTestId('tab-quality').click();
  await expect(page.getByTestId('mapping-target')).toHaveValue('churned');
});

test('importing a --config file fills the panel and Apply analyses with it', async ({
  harness,
  page,
}, testInfo) => {
  const app = await openPair(harness, reference, current);
  const config = testInfo.outputPath('drift.json');
  const settings = {
    types: { categorical: { test: 'chisquare', threshold: 0.01 }, numerical: { test: 'ks' } },
    correction: 'bonferroni',
    ignore: ['legacy_score'],
  };
  writeFileSync(config, JSON.stringify(settings));
  await openPanel(page);
  await page.getByTestId('as-import-file').setInputFiles(config);
  await expect(page.getByTestId('as-correction')).toHaveValue('bonferroni');
  await expect(page.getByTestId('as-type-categorical-threshold')).toHaveValue('0.01');
  await expect(page.locator('[data-testid="as-ignore-item"][data-column="legacy_score"]')).toBeChecked();
  await page.getByTestId('as-apply').click();
  await app.expectState('ready');
  const oracle = cli(testInfo.outputPath('cli'), settings);
  await expect(app.row('legacy_score')).toHaveCount(0);
  await expect(app.row('churned').getByTestId('cell-drift')).toHaveText('No drift');
  await expect(page.getByTestId('verdict-drifted')).toHaveText(String(oracle.dataset.driftedColumns));

  // A file with an unknown key is refused with the parser's message.
  const bad = testInfo.outputPath('bad.json');
  writeFileSync(bad, JSON.stringify({ corection: 'bonferroni' }));
  await openPanel(page);
  await page.getByTestId('as-import-file').setInputFiles(bad);
  await expect(page.getByTestId('as-import-error')).toContainText('unknown key "corection"');
});
