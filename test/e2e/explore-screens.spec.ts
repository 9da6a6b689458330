/** Screenshots of the exploration views at 1280×800 and 1920×1080 (test/artifacts/), for a human look. */
import path from 'node:path';
import { artifactsDir, expect, test } from './harness';

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`screens at ${size.width}×${size.height}`, async ({ harness, page }) => {
    await page.setViewportSize(size);
    const app = await harness.open('?demo=1');
    await app.expectState('ready');
    await app.header('drift').getByRole('button').click();
    await app.rows.first().click();
    await expect(app.detail).toHaveAttribute('data-detail-state', 'ready');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(artifactsDir, `explore-numeric-${size.width}.png`) });
    const categorical = app.rows.filter({
      has: page.getByTestId('cell-type').getByText('categorical', { exact: true }),
    });
    await categorical.first().click();
    await expect(page.getByTestId('category-table')).toBeVisible();
    await page.getByTestId('category-row').first().getByRole('button').click();
    await expect(page.getByTestId('rows-table')).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, `explore-categorical-${size.width}.png`) });
  });
}
