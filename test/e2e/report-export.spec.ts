/**
 * Export from the app: the Export menu → 'report:export' → (stubbed) Save dialog → files written by the
 * real handlers. The CSV and HTML follow the order the user sorted the drift table in; the PDF is printed
 * by the machine's Chromium in the requested page size.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, expect, test } from './harness';

test('Export menu writes CSV, HTML, JSON and PDF in the table order', async ({ harness, page }, testInfo) => {
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  await app.header('name').getByRole('button').click();
  const order = await app.columnOrder();
  expect(order.length).toBeGreaterThan(5);
  expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b)));

  const exportAs = async (id: string, file: string) => {
    harness.exportNext(file);
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId(`export-${id}`).click();
    await expect(page.getByTestId('export-status')).toHaveAttribute('data-status', 'saved', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('export-status')).toContainText(`Saved ${file.split('/').pop()}`);
  };

  const menu = page.getByTestId('export-menu');
  await menu.locator('summary').click();
  await expect(page.getByTestId('export-pdf-a4')).toBeVisible();
  await page.screenshot({ path: path.join(artifactsDir, 'export-menu.png') });
  await menu.locator('summary').click();

  const csv = testInfo.outputPath('table.csv');
  await exportAs('csv', csv);
  const csvNames = readFileSync(csv, 'utf8')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[0]);
  expect(csvNames.slice(0, order.length)).toEqual(order);

  const html = testInfo.outputPath('report.html');
  await exportAs('html', html);
  const sections = [
    ...readFileSync(html, 'utf8').matchAll(/<div class="column-head"><h3>([^<]*)<\/h3>/g),
  ].map((m) => m[1]);
  expect(sections.slice(0, order.length)).toEqual(order);

  const json = testInfo.outputPath('report.json');
  await exportAs('json', json);
  expect(JSON.parse(readFileSync(json, 'utf8')).schemaVersion).toBe(1);

  const pdf = testInfo.outputPath('report.pdf');
  await exportAs('pdf-letter', pdf);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toContain('(letter)');
  expect(harness.exportDialogs).toEqual([
    'csv: reference-vs-current-drift.csv',
    'html: reference-vs-current-drift.html',
    'json: reference-vs-current-drift.json',
    'pdf: reference-vs-current-drift.pdf',
  ]);

  // Cancelling the Save dialog writes nothing and reports nothing new.
  harness.exportNext(null);
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('export-status')).toHaveCount(0);
});
