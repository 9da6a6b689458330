/**
 * The app's monitoring menu in Chromium on the real handlers: "Save as baseline" writes the baseline of the
 * loaded reference (its SHA-256 that of the file), "Open baseline" loads its reference with its settings and
 * refuses one whose reference changed, and "Open monitor history" shows a history a real monitor wrote
 * (test/helpers/monitor-history-fixture.ts) as batches with their alerts; screenshots of it.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildBaseline, serializeBaseline } from '../../electron/monitor/build-baseline';
import { parseSettings } from '../../shared/drift/settings';
import { writeMonitorHistory } from '../helpers/monitor-history-fixture';
import { chartOverflow, widthOverflow } from './chart-bounds';
import { artifactsDir, expect, test } from './harness';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function menu(page: Page, item: string): Promise<void> {
  await page.getByTestId('monitoring-menu').locator('summary').click();
  await page.getByTestId(item).click();
}

test('Save as baseline writes the loaded reference, pinned by its SHA-256, and Open baseline loads it back', async ({
  page,
  harness,
}, testInfo) => {
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  const file = testInfo.outputPath('demo.baseline.json');
  harness.baselineSaveNext(file);
  await menu(page, 'baseline-save');
  await expect(page.getByTestId('notice')).toContainText(
    'Saved the baseline demo.baseline.json: model "reference"',
  );
  const baseline = JSON.parse(readFileSync(file, 'utf8'));
  expect(baseline.kind).toBe('driftscope-baseline');
  // sha256 of the demo reference's bytes (node:crypto), the file the app loaded.
  expect(baseline.reference.sha256).toBe(sha(path.join(testInfo.outputPath('demo'), 'reference.csv')));

  harness.baselineNext(file);
  await menu(page, 'baseline-open');
  await expect(page.getByTestId('notice')).toContainText(
    'Opened the baseline demo.baseline.json (model "reference")',
  );
  await expect(page.getByTestId('slot-reference-file')).toHaveText('reference.csv');
  await app.expectState('ready');
});

test('Open baseline refuses a baseline whose reference changed, naming both files', async ({
  page,
  harness,
}, testInfo) => {
  const app = await harness.open();
  const reference = testInfo.outputPath('ref.csv');
  copyFileSync(path.join(__dirname, 'fixtures', 'shop-reference.csv'), reference);
  const file = testInfo.outputPath('ref.baseline.json');
  writeFileSync(file, serializeBaseline(await buildBaseline(reference, parseSettings(undefined), 'ref')));
  appendFileSync(reference, `${readFileSync(reference, 'utf8').split('\n')[1]}\n`);
  harness.baselineNext(file);
  await menu(page, 'baseline-open');
  await expect(page.getByTestId('notice').locator('span')).toHaveText(
    'The reference ref.csv changed since the baseline ref.baseline.json was made (SHA-256 differs); make a new baseline with driftscope baseline.',
  );
  await app.expectState('empty');
});

test('Open monitor history shows the batches as chunks with their alerts, and a batch’s stored numbers', async ({
  page,
  harness,
}, testInfo) => {
  test.setTimeout(120_000);
  const run = await writeMonitorHistory(testInfo.outputPath('monitor'));
  const before = sha(run.history);
  await harness.open();
  harness.historyNext(run.history);
  await menu(page, 'history-open');
  const view = page.getByTestId('history-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('history-summary')).toContainText('5 batches · 1 not analysed');
  const batches = page.getByTestId('history-batch');
  await expect(batches).toHaveCount(5);
  await expect(batches.nth(4)).toHaveAttribute('data-status', 'error');
  await expect(batches.nth(4)).toContainText('error: not analysed');
  // Each batch lists as many alerts as the monitor's own JSON log has for its file (the unit test checks
  // them field by field); batch 3 onwards carries the injected income shift.
  const logged = readFileSync(run.log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((l) => l.event === 'alert');
  for (let i = 0; i < 5; i++) {
    const file = `batch-00${i + 1}.csv`;
    await expect(batches.nth(i)).toHaveAttribute(
      'data-alerts',
      String(logged.filter((l) => l.file === file).length),
    );
  }
  expect(logged.some((l) => l.file === 'batch-003.csv' && l.feature === 'income')).toBe(true);
  await expect(batches.nth(2).getByTestId('history-alert').filter({ hasText: 'income drifted' })).toHaveCount(
    1,
  );
  await expect(page.getByTestId('timeline-heatmap')).toBeVisible();
  await batches.nth(2).getByRole('button', { name: 'batch-003.csv' }).click();
  const detail = page.getByTestId('batch-detail');
  await expect(detail.getByTestId('batch-rows-note')).toContainText('not its rows');
  await expect(detail.locator('[data-testid="batch-column"][data-name="income"]')).toHaveAttribute(
    'data-drift',
    'true',
  );
  // Issue 12: at both sizes and in both themes, the slanted batch labels sit inside each chart's svg, the
  // share line's points inside its plot area, and the batch's table no wider than its pane.
  const workspace = page.getByTestId('history-view');
  const pane = page.locator('.tl-detail');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      for (const id of ['timeline-heatmap', 'timeline-share'])
        expect(await chartOverflow(page.getByTestId(id)), `${id} at ${size.width}, ${scheme}`).toEqual([]);
      for (const id of ['batch-columns', 'batch-metrics'])
        expect(
          await widthOverflow(detail.getByTestId(`${id}-box`), pane),
          `${id} wider than the pane at ${size.width}, ${scheme}`,
        ).toBeLessThanOrEqual(0);
      const suffix = scheme === 'light' ? '' : '-dark';
      await page.screenshot({
        path: path.join(artifactsDir, `monitor-history-${size.width}${suffix}.png`),
        fullPage: false,
      });
      await workspace.evaluate((e) => e.scrollTo(0, 0));
      await page.screenshot({
        path: path.join(artifactsDir, `monitor-history-${size.width}${suffix}-top.png`),
        fullPage: false,
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await batches.nth(4).getByRole('button', { name: 'batch-005.csv' }).click();
  await expect(detail.getByTestId('batch-error')).toContainText('batch-005.csv');
  await page.screenshot({ path: path.join(artifactsDir, 'monitor-history-error-1920.png') });
  expect(sha(run.history)).toBe(before);
  await page.getByTestId('history-close').click();
  await expect(view).toHaveCount(0);
});
