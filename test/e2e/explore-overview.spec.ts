/** Exploration, overview: verdict facts and summary line, the drift table's filters, sparklines, keyboard, virtual rows. */
import path from 'node:path';
import { writeWidePair } from './explore-data';
import { artifactsDir, expect, fixturesDir, test } from './harness';
import type { AppPage } from './pages/app-page';

const reference = path.join(fixturesDir, 'shop-reference.csv');
const current = path.join(fixturesDir, 'shop-current.csv');

async function openShop(harness: { chooseNext(p: string | null): void; open(): Promise<AppPage> }) {
  const app = await harness.open();
  harness.chooseNext(reference);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  harness.chooseNext(current);
  await app.openButton('current').click();
  await app.expectState('ready');
  return app;
}

test('the verdict card states tested, drifted, missing-drift and one-file columns, rows and a summary line', async ({
  harness,
  page,
}) => {
  await openShop(harness);
  await expect(page.getByTestId('verdict-tested')).toHaveText(/^\d+$/);
  const tested = Number(await page.getByTestId('verdict-tested').textContent());
  const drifted = Number(await page.getByTestId('verdict-drifted').textContent());
  expect(tested).toBeGreaterThan(2);
  expect(drifted).toBeGreaterThan(0);
  // income has missing cells in current only; legacy_score and channel are each in one file.
  await expect(page.getByTestId('verdict-missing-drift')).toHaveText('1');
  await expect(page.getByTestId('verdict-one-file')).toHaveText('2');
  await expect(page.getByTestId('verdict-reference')).toContainText('400 rows');
  await expect(page.getByTestId('verdict-current')).toContainText('300 rows');
  await expect(page.getByTestId('verdict-counts')).toHaveText(
    new RegExp(`^${drifted} of ${tested} tested columns drifted; strongest: \\S+ \\(.+\\)$`),
  );
  await expect(page.getByTestId('verdict-summary')).toHaveText(
    new RegExp(`^${drifted} of ${tested} columns drifted; strongest: `),
  );
});

test('the table filters by name, type and verdict, and shows sparklines, score bars, p-values and effect sizes', async ({
  harness,
  page,
}) => {
  const app = await openShop(harness);
  const total = await app.rows.count();
  expect(total).toBe(8);
  // Every tested row has a sparkline, a score bar, and an effect size.
  const age = app.row('age');
  await expect(age.getByTestId('cell-shape').locator('svg.sparkline path')).toHaveCount(2);
  await expect(age.locator('.score-bar')).toBeVisible();
  await expect(age.getByTestId('cell-pValue')).toHaveText(/^[\d.e−+-]+$/);
  await expect(age.getByTestId('cell-effect')).toHaveText(/^0(\.\d+)?$/);
  await expect(app.row('plan').getByTestId('cell-shape').locator('rect').first()).toBeAttached();

  await page.getByTestId('filter-search').fill('INC');
  expect(await app.columnOrder()).toEqual(['income']);
  await expect(page.getByTestId('table-count')).toHaveText('1 of 8 columns');
  await page.getByTestId('filter-search').fill('');
  await page.getByTestId('filter-type').selectOption('categorical');
  const categorical = await app.cellTexts('type');
  expect(categorical.length).toBeGreaterThan(0);
  expect(new Set(categorical)).toEqual(new Set(['categorical']));
  await page.getByTestId('filter-type').selectOption('all');
  await page.getByTestId('filter-verdict').selectOption('drift');
  expect(new Set(await app.cellTexts('drift'))).toEqual(new Set(['Drift']));
  await page.getByTestId('filter-verdict').selectOption('untested');
  expect(new Set(await app.cellTexts('drift'))).toEqual(new Set(['Not tested']));
  await page.getByTestId('filter-verdict').selectOption('missing-drift');
  expect(await app.columnOrder()).toEqual(['income']);
  await page.getByTestId('filter-search').fill('nothing-like-this');
  await expect(page.getByTestId('table-empty')).toBeVisible();
  await page.getByTestId('filter-search').fill('');
  await page.getByTestId('filter-verdict').selectOption('all');

  // Sorting by p-value orders the rows in the direction aria-sort announces; untested stay last.
  await app.header('pValue').getByRole('button').click();
  const direction = await app.header('pValue').getAttribute('aria-sort');
  const ps = (await app.cellTexts('pValue')).filter((t) => t !== '—').map((t) => Number(t.replace('−', '-')));
  expect(ps.length).toBeGreaterThan(2);
  expect(ps).toEqual([...ps].sort((a, b) => (direction === 'ascending' ? a - b : b - a)));
  await app.header('effect').getByRole('button').click();
  await expect(app.header('effect')).toHaveAttribute('aria-sort', /ascending|descending/);
});

test('arrow keys move the selection and the detail follows', async ({ harness, page }) => {
  const app = await openShop(harness);
  const order = await app.columnOrder();
  await app.rows.first().click();
  await expect(app.detail).toHaveAttribute('data-column', order[0]);
  await page.keyboard.press('ArrowDown');
  await expect(app.detail).toHaveAttribute('data-column', order[1]);
  await expect(app.row(order[1])).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(app.detail).toHaveAttribute('data-column', order[1]);
  await page.keyboard.press('End');
  await expect(app.detail).toHaveAttribute('data-column', order[order.length - 1]);
  await page.keyboard.press('Home');
  await expect(app.detail).toHaveAttribute('data-column', order[0]);
});

test('2,000 columns: rows are virtualised, the table scrolls to the last column and keys follow', async ({
  harness,
  page,
}, testInfo) => {
  const wide = writeWidePair(testInfo.outputDir);
  const app = await harness.open();
  harness.chooseNext(wide.reference);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  harness.chooseNext(wide.current);
  await app.openButton('current').click();
  await app.expectState('ready', 60_000);
  await expect(page.getByTestId('table-count')).toHaveText('2000 columns');
  const rendered = await app.rows.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);
  const wrap = page.getByTestId('drift-table-wrap');
  await wrap.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(app.row('feature_1999')).toBeVisible();
  expect(await app.rows.count()).toBeLessThan(80);
  await app.row('feature_1999').click();
  await page.keyboard.press('ArrowUp');
  await expect(app.detail).toHaveAttribute('data-column', 'feature_1998');
  await page.keyboard.press('Home');
  await expect(app.detail).toHaveAttribute('data-column', 'feature_0000');
  await expect(app.row('feature_0000')).toBeVisible();
  // Drifted columns (every 10th) filter down to 200.
  await page.getByTestId('filter-verdict').selectOption('drift');
  await expect(page.getByTestId('table-count')).toHaveText(/^\d+ of 2000 columns$/);
  await page.screenshot({ path: path.join(artifactsDir, 'wide.png') });
});
