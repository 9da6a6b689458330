/** The built-in demo end to end: verdict, sorting, feature detail with Plotly charts. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { demoExpected } from '../helpers/demo-expected';
import { artifactsDir, expect, test } from './harness';

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

test('the demo opens from the empty screen and shows the dataset verdict', async ({ harness, page }) => {
  const app = await harness.open();
  await app.expectState('empty');
  await page.screenshot({ path: path.join(artifactsDir, 'empty.png') });
  await app.demoButton.click();
  await app.expectState('ready');
  await expect(app.verdict).toBeVisible();
  // The demo's latest week drifted (8 of its 16 tested columns, test/fixtures/gen_demo_expected.py) and its
  // model is degraded (test/unit/shared/performance/demo.test.ts): the headline names the week first.
  const latest = demoExpected.weeks.at(-1)!;
  expect(latest.dataset.driftDetected).toBe(true);
  await expect(app.page.getByTestId('verdict-title')).toHaveText(
    `Drift in the latest chunk (${latest.label})`,
  );
  await expect(app.page.getByTestId('verdict-also')).toContainText('Model quality degraded');
  await expect(app.page.getByTestId('verdict-counts')).toHaveText(/\d+ of \d+ tested columns drifted/);
  await expect(app.rows.first()).toBeVisible();
  await expect(app.demoButton).toHaveCount(0);
});

test('?demo=1 opens the demo automatically', async ({ harness }) => {
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  await expect(app.verdict).toBeVisible();
});

test('sorting by score sets aria-sort and orders the rows', async ({ harness }) => {
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  const score = app.header('score');
  await expect(score).toHaveAttribute('aria-sort', 'none');

  await score.getByRole('button').click();
  await expect(score).toHaveAttribute('aria-sort', /ascending|descending/);
  const first = await score.getAttribute('aria-sort');
  const parse = (texts: string[]) => texts.filter((t) => t !== '—').map(Number);
  const firstOrder = parse(await app.cellTexts('score'));
  const sorted = [...firstOrder].sort((a, b) => (first === 'ascending' ? a - b : b - a));
  expect(firstOrder).toEqual(sorted);

  await score.getByRole('button').click();
  const second = await score.getAttribute('aria-sort');
  expect(second).not.toBe(first);
  expect(second).toMatch(/ascending|descending/);
  const secondOrder = parse(await app.cellTexts('score'));
  expect(secondOrder).toEqual([...firstOrder].reverse());
  // Untested columns (no score) stay at the bottom in both directions.
  const texts = await app.cellTexts('score');
  const firstDash = texts.indexOf('—');
  if (firstDash >= 0) expect(texts.slice(firstDash).every((t) => t === '—')).toBe(true);
});

test('a numeric row shows an overlaid histogram; a categorical row shows grouped bars', async ({
  harness,
  page,
}) => {
  const app = await harness.open('?demo=1');
  await app.expectState('ready');

  const numeric = app.rows.filter({
    has: page.getByTestId('cell-type').getByText('numerical', { exact: true }),
  });
  const numericName = await numeric.first().getAttribute('data-column');
  await numeric.first().click();
  await expect(app.detail).toHaveAttribute('data-column', numericName ?? '');
  await expect(app.histogram.locator('svg.main-svg').first()).toBeVisible();
  await expect(app.histogram.locator('g.trace.bars')).toHaveCount(2);
  expect(await app.histogram.locator('g.point path').count()).toBeGreaterThan(4);
  await expect(app.histogram.locator('.legendtext')).toHaveText(['Reference', 'Current']);
  await expect(page.getByTestId('summary-table')).toContainText('Median');
  await expect(numeric.first()).toHaveAttribute('data-selected', 'true');
  await page.screenshot({ path: path.join(artifactsDir, 'numeric.png') });

  const categorical = app.rows.filter({
    has: page.getByTestId('cell-type').getByText('categorical', { exact: true }),
  });
  const catRow = categorical.first();
  const catName = await catRow.getAttribute('data-column');
  // Keyboard selection: focus the row and press Enter.
  await catRow.focus();
  await page.keyboard.press('Enter');
  await expect(app.detail).toHaveAttribute('data-column', catName ?? '');
  await expect(app.categoryBars.locator('g.trace.bars')).toHaveCount(2);
  expect(await app.categoryBars.locator('g.point path').count()).toBeGreaterThan(1);
  await expect(page.getByTestId('category-table')).toBeVisible();
  await page.screenshot({ path: path.join(artifactsDir, 'categorical.png') });
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('a drifted numeric column renders with the dark palette', async ({ harness, page }) => {
    const app = await harness.open('?demo=1');
    await app.expectState('ready');
    const drifted = app.rows
      .filter({ has: page.getByTestId('cell-type').getByText('numerical', { exact: true }) })
      .filter({ has: page.getByTestId('cell-drift').getByText('Drift', { exact: true }) });
    await drifted.first().click();
    await expect(app.histogram.locator('g.trace.bars')).toHaveCount(2);
    const background = await app.root.evaluate(
      (element) => getComputedStyle(element.ownerDocument.body).color,
    );
    expect(background).not.toBe('rgb(31, 36, 48)');
    await page.screenshot({ path: path.join(artifactsDir, 'dark.png') });
  });
});

test('README screenshot: the demo with a drifted numeric feature selected', async ({ harness, page }) => {
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  const drifted = app.rows
    .filter({ has: page.getByTestId('cell-type').getByText('numerical', { exact: true }) })
    .filter({ has: page.getByTestId('cell-drift').getByText('Drift', { exact: true }) });
  await drifted.first().click();
  await expect(app.histogram.locator('g.trace.bars')).toHaveCount(2);
  await app.header('drift').getByRole('button').click();
  await expect(app.header('drift')).toHaveAttribute('aria-sort', 'descending');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(artifactsDir, 'app.png') });
});
