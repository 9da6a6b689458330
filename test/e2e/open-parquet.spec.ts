/**
 * Parquet in the app: a Parquet reference through the (stubbed) Open dialog and a Parquet current dropped
 * on its slot are analysed like the CSV pair they were made from (test/fixtures/parquet); a truncated
 * Parquet file shows an inline error naming it. Screenshots at 1280×800 and 1920×1080.
 */
import path from 'node:path';
import { artifactsDir, expect, test } from './harness';

const DIR = path.join(__dirname, '..', 'fixtures', 'parquet');

test('a Parquet pair opened by dialog and by drop is analysed', async ({ harness, page }) => {
  const app = await harness.open();
  await expect(page.getByTestId('drop-reference')).toContainText('Drop a CSV, Parquet or profile file here');
  harness.chooseNext(path.join(DIR, 'loan.reference.parquet'));
  await app.openButton('reference').click();
  await expect(page.getByTestId('slot-reference-file')).toHaveText('loan.reference.parquet');
  // 5,000 rows × 17 columns (gen_parquet_fixtures.mjs: the demo pair plus two timestamp columns).
  await expect(page.getByTestId('slot-reference-meta')).toHaveText(/5,000 rows · 17 columns/);
  await app.dropFile('current', path.join(DIR, 'loan.current.zstd.parquet'));
  await app.expectState('ready');
  await expect(page.getByTestId('verdict-current')).toContainText('loan.current.zstd.parquet');
  const names = await app.columnOrder();
  expect(names).toEqual(expect.arrayContaining(['age', 'income', 'region', 'has_mortgage']));
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(artifactsDir, `parquet-pair-${width}x${height}.png`) });
  }
});

test('a truncated Parquet file shows an error naming it', async ({ harness, page }) => {
  const app = await harness.open();
  harness.chooseNext(path.join(DIR, 'bad', 'truncated.parquet'));
  await app.openButton('reference').click();
  await app.expectState('error');
  const message = app.slot('reference').getByTestId('load-error-message');
  await expect(message).toContainText('truncated.parquet is an incomplete Parquet file');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(artifactsDir, 'parquet-truncated-1280x800.png') });
});
