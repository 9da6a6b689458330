/** Exploration, feature detail: bins, log scale, ECDF and KS, deltas, PSI/JS on hover, categories, rows behind a bar, column settings. */
import path from 'node:path';
import { writeExplorePair } from './explore-data';
import { artifactsDir, expect, test } from './harness';

test.beforeEach(async ({ harness, page }, testInfo) => {
  const files = writeExplorePair(testInfo.outputDir);
  const app = await harness.open();
  harness.chooseNext(files.reference);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  harness.chooseNext(files.current);
  await app.openButton('current').click();
  await app.expectState('ready');
  await page.getByTestId('drift-row').filter({ hasText: /^x/ }).first().click();
});

test('numeric detail: bin control, log scale, ECDF overlay and statistics with deltas', async ({ page }) => {
  const detail = page.getByTestId('feature-detail');
  const histogram = page.getByTestId('histogram');
  await expect(detail).toHaveAttribute('data-column', 'x');
  await expect(detail).toHaveAttribute('data-detail-state', 'ready');
  await expect(histogram.locator('g.trace.bars')).toHaveCount(2);
  // Reference and current ECDFs on a second axis, and (x is tested with K–S) the KS distance marked.
  await expect(page.getByTestId('detail-test')).toContainText('K–S');
  await expect(histogram.locator('g.trace.scatter')).toHaveCount(3);
  await expect(histogram.locator('.annotation-text')).toHaveText(/^D = 0\.\d+/);
  await expect(histogram.locator('.y2title')).toHaveText('ECDF');

  for (const bins of [10, 30, 100] as const) {
    await page.getByTestId(`bins-${bins}`).click();
    await expect(detail).toHaveAttribute('data-bins', String(bins));
    await expect(detail).toHaveAttribute('data-detail-state', 'ready');
    await expect(page.getByTestId('bin-totals')).toContainText(`${bins} bins`);
    expect(await histogram.locator('g.trace.bars').first().locator('g.point').count()).toBe(bins);
  }
  await expect(page.getByTestId('bins-100')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('bins-auto').click();
  await expect(detail).toHaveAttribute('data-bins', 'auto');

  await page.getByTestId('scale-log').click();
  await expect(page.getByTestId('scale-log')).toHaveAttribute('aria-pressed', 'true');
  await expect(histogram.locator('.ytick text').first()).toHaveText(/%/);
  await page.getByTestId('scale-linear').click();
  await page.getByTestId('toggle-ecdf').uncheck();
  await expect(histogram.locator('g.trace.scatter')).toHaveCount(0);
  await page.getByTestId('toggle-ecdf').check();

  const summary = page.getByTestId('summary-table');
  for (const label of ['Count', 'Missing', 'Mean', 'Std. dev.', 'Min', '25%', 'Median', '75%', 'Max']) {
    await expect(summary.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
  }
  // current x is shifted by +0.5: the mean's delta is about +0.5.
  const meanDelta = summary.getByRole('row', { name: /^Mean/ }).getByTestId('stat-delta');
  await expect(meanDelta).toHaveText(/^\+0\.[3-7]/);
});

test("hovering a bin shows its PSI and Jensen–Shannon terms; clicking it lists the bin's current rows", async ({
  page,
}) => {
  const histogram = page.getByTestId('histogram');
  await expect(page.getByTestId('feature-detail')).toHaveAttribute('data-detail-state', 'ready');
  await page.getByTestId('bins-10').click();
  await expect(page.getByTestId('feature-detail')).toHaveAttribute('data-detail-state', 'ready');
  const bars = histogram.locator('g.trace.bars').nth(1).locator('g.point path');
  const heights = await bars.evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect().height));
  const bar = bars.nth(heights.indexOf(Math.max(...heights)));
  await bar.hover({ force: true });
  await expect(histogram.locator('.hoverlayer')).toContainText('PSI term');
  await expect(histogram.locator('.hoverlayer')).toContainText('JS term');
  await bar.click({ force: true });
  const panel = page.getByTestId('rows-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Current rows where x is [');
  const rows = panel.getByTestId('rows-row');
  expect(await rows.count()).toBeGreaterThan(0);
  expect(await rows.count()).toBeLessThanOrEqual(50);
  // All columns of those rows, as text; x lies in the clicked bin.
  await expect(panel.locator('thead th')).toHaveText(['Row', 'id', 'x', 'y', 'plan']);
  const label = (await panel.locator('.rows-title').textContent()) ?? '';
  const [lo, hi] = label
    .replace(/.*\[/, '')
    .replace(/[)\]]$/, '')
    .split(', ')
    .map(Number);
  const xs = await rows.locator('td:nth-of-type(2)').allInnerTexts();
  for (const x of xs.map(Number)) {
    expect(x).toBeGreaterThanOrEqual(lo - 1e-9);
    expect(x).toBeLessThanOrEqual(hi + 1e-9);
  }
  await page.screenshot({ path: path.join(artifactsDir, 'rows-behind-bin.png') });
  await panel.getByTestId('rows-close').click();
  await expect(panel).toHaveCount(0);
});

test('keyboard: a range in the bins table opens the same rows as a click on its bar', async ({ page }) => {
  const detail = page.getByTestId('feature-detail');
  const histogram = page.getByTestId('histogram');
  await page.getByTestId('bins-10').click();
  await expect(detail).toHaveAttribute('data-detail-state', 'ready');
  // The mouse: the tallest current bar, its rows.
  const bars = histogram.locator('g.trace.bars').nth(1).locator('g.point path');
  const heights = await bars.evaluateAll((paths) => paths.map((p) => p.getBoundingClientRect().height));
  const bin = heights.indexOf(Math.max(...heights));
  await bars.nth(bin).click({ force: true });
  const panel = page.getByTestId('rows-panel');
  await expect(panel.getByTestId('rows-row').first()).toBeVisible();
  const title = (await panel.locator('.rows-title').textContent()) ?? '';
  const count = (await panel.getByTestId('rows-count').textContent()) ?? '';
  const byMouse = await panel.getByTestId('rows-row').locator('th').allInnerTexts();
  await panel.getByTestId('rows-close').click();
  await expect(panel).toHaveCount(0);

  // The keyboard: the disclosure is collapsed (nothing of the table shows), Enter opens it, Tab walks the
  // ranges (one stop per bin), Enter on the same bin's range.
  const table = page.getByTestId('bins-table');
  await expect(table).toBeHidden();
  await page.getByTestId('bins-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(table).toBeVisible();
  await expect(table.getByTestId('bin-row')).toHaveCount(10);
  for (let i = 0; i <= bin; i++) await page.keyboard.press('Tab');
  const range = title.replace(/^Current rows where x is /, '');
  const button = table.getByRole('button', { name: `Rows in bin ${range}`, exact: true });
  await expect(button).toBeFocused();
  await expect(table.locator(`[data-bin="${bin}"]`).getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('rows-row').first()).toBeVisible();
  await expect(panel.locator('.rows-title')).toHaveText(title);
  await expect(panel.getByTestId('rows-count')).toHaveText(count);
  expect(await panel.getByTestId('rows-row').locator('th').allInnerTexts()).toEqual(byMouse);
  // The focus stays on the range (the next bins are a Tab away); its row is marked as the one shown.
  await expect(button).toBeFocused();
  await expect(table.locator(`[data-bin="${bin}"]`)).toHaveClass(/bin-shown/);
  // Shares, change and drift terms per bin, as in the hover of a bar.
  await expect(table.locator('thead th')).toHaveText(['Bin', 'Ref.', 'Cur.', 'Δ', 'PSI', 'JS']);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(artifactsDir, 'bins-table-keyboard.png') });
});

test('categorical detail: bars, share table sorted by change with new and vanished categories, rows of a category', async ({
  page,
}) => {
  await page.getByTestId('drift-row').filter({ hasText: /^plan/ }).first().click();
  const detail = page.getByTestId('feature-detail');
  await expect(detail).toHaveAttribute('data-column', 'plan');
  await expect(page.getByTestId('category-bars').locator('g.trace.bars')).toHaveCount(2);
  const table = page.getByTestId('category-table');
  await expect(table).toBeVisible();
  await expect(table.locator('[data-status="new"]')).toContainText('trial');
  await expect(table.locator('[data-status="new"]')).toContainText('new');
  await expect(table.locator('[data-status="vanished"]')).toContainText('legacy');
  await expect(table.locator('[data-status="vanished"]')).toContainText('gone');
  const deltas = (await table.getByTestId('category-delta').allInnerTexts()).map((t) =>
    Math.abs(Number.parseFloat(t.replace('−', '-').replace('+', ''))),
  );
  expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
  await table.getByRole('button', { name: 'trial', exact: true }).click();
  const panel = page.getByTestId('rows-panel');
  await expect(panel).toContainText('Current rows where plan is trial');
  const plans = await panel.getByTestId('rows-row').locator('td:nth-of-type(4)').allInnerTexts();
  expect(plans.length).toBeGreaterThan(0);
  expect(new Set(plans)).toEqual(new Set(['trial']));
  await expect(page.getByTestId('rows-count')).toHaveText(/first 50 of \d+|\d+ rows/);
  await page.screenshot({ path: path.join(artifactsDir, 'categorical-detail.png') });
});

test('column settings: test, threshold and type overrides re-test the column at once', async ({ page }) => {
  const detail = page.getByTestId('feature-detail');
  const row = page.getByTestId('drift-row').filter({ hasText: /^x/ }).first();
  await page.getByTestId('column-settings-toggle').click();
  const testSelect = page.getByTestId('setting-test');
  // Tests are listed from the registry, only those for numerical columns.
  const options = await testSelect.locator('option').allInnerTexts();
  expect(options.some((o) => o.startsWith('K–S'))).toBe(true);
  expect(options.some((o) => o.startsWith('Wasserstein'))).toBe(true);

  await testSelect.selectOption('ks');
  await expect(row.getByTestId('cell-test')).toHaveText('K–S');
  await expect(page.getByTestId('detail-test')).toContainText('K–S');
  // The KS distance is marked on the ECDFs when the KS test is used.
  await expect(page.getByTestId('histogram').locator('g.trace.scatter')).toHaveCount(3);
  await expect(page.getByTestId('histogram').locator('.annotation-text')).toHaveText(/^D = /);
  await expect(row.getByTestId('cell-drift')).toHaveText('Drift');

  // A tiny threshold: the p-value is no longer below it.
  await page.getByTestId('setting-threshold').fill('1e-300');
  await page.getByTestId('setting-threshold').press('Enter');
  await expect(row.getByTestId('cell-drift')).toHaveText('No drift');
  await expect(page.getByTestId('column-settings-toggle')).toContainText('threshold 1e-300');

  await page.getByTestId('setting-type').selectOption('categorical');
  await expect(row.getByTestId('cell-type')).toHaveText('categorical');
  await expect(detail.locator('.chip').first()).toHaveText('categorical');
  // ks does not apply to categorical columns, so it was dropped from the override.
  await expect(row.getByTestId('cell-test')).not.toHaveText('K–S');

  await page.getByTestId('setting-reset').click();
  await expect(row.getByTestId('cell-type')).toHaveText('numerical');
  await expect(row.getByTestId('cell-drift')).toHaveText('Drift');
  await page.screenshot({ path: path.join(artifactsDir, 'column-settings.png') });
});
