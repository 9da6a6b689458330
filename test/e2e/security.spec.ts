/**
 * Strings from data files are text, never markup: column names, category labels and file names carrying
 * HTML and script payloads are shown literally in the DOM and in Plotly charts, and nothing executes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPair } from './cli';
import { artifactsDir, expect, test } from './harness';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=window.__xss=1>';
const BOLD = '<b>bold</b><a href="javascript:window.__xss=2">link</a>';

/** A CSV cell: quoted, with inner quotes doubled (RFC 4180). */
const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;

function writeHostileCsv(file: string, rows: number, seed: number): void {
  const header = [SCRIPT, IMG, 'amount', 'plain'].map(cell).join(',');
  const labels = [SCRIPT, IMG, BOLD, 'safe'];
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const label = labels[(i * seed) % labels.length];
    const other = labels[(i + seed) % 3];
    const amount = ((i * 37 + seed * 11) % 97) + seed * 3 + (i % 7) / 10;
    lines.push([cell(label), cell(other), amount.toFixed(2), cell(i % 2 ? 'a' : 'b')].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

test('HTML and script in headers, categories and file names are shown as text', async ({
  harness,
  page,
}, testInfo) => {
  const reference = testInfo.outputPath(`${IMG}.csv`);
  const current = testInfo.outputPath('current <svg onload=window.__xss=3>.csv');
  writeHostileCsv(reference, 200, 1);
  writeHostileCsv(current, 200, 3);

  const app = await openPair(harness, reference, current);

  // File names: literal text in the slots and the verdict.
  await expect(page.getByTestId('slot-reference-file')).toHaveText(`${IMG}.csv`);
  await expect(page.getByTestId('verdict-current')).toContainText('current <svg onload=window.__xss=3>.csv');

  // Column names: literal text in the table.
  await expect(app.row(SCRIPT)).toHaveCount(1);
  await expect(app.row(IMG)).toHaveCount(1);

  // Category labels: literal in the summary table and in Plotly's tick labels.
  await app.row(SCRIPT).click();
  await expect(page.getByTestId('detail-title')).toHaveText(SCRIPT);
  await expect(app.categoryBars.locator('g.trace.bars')).toHaveCount(2);
  // Long labels are shortened on the axis (18 characters with the ellipsis), never interpreted.
  const short = (label: string) => (label.length <= 18 ? label : `${label.slice(0, 17)}…`);
  const ticks = await app.categoryBars.locator('.xtick text').allTextContents();
  expect(ticks.sort()).toEqual([SCRIPT, IMG, BOLD, 'safe'].map(short).sort());
  expect(ticks.some((tick) => tick.startsWith('<script>'))).toBe(true);
  expect(ticks.some((tick) => tick.startsWith('"><img'))).toBe(true);
  await expect(app.categoryBars.locator('.xtitle')).toHaveText(SCRIPT);
  await expect(page.getByTestId('category-table')).toContainText(BOLD);
  // Plotly turns <a href> in labels into links and <b> into bold: neither may appear.
  await expect(app.categoryBars.locator('a')).toHaveCount(0);
  await expect(app.categoryBars.locator('text tspan[style*="bold"]')).toHaveCount(0);
  await page.screenshot({ path: path.join(artifactsDir, 'hostile-labels.png') });

  await app.row(IMG).click();
  await expect(page.getByTestId('detail-title')).toHaveText(IMG);
  await expect(app.categoryBars.locator('.xtitle')).toHaveText(IMG);

  // Nothing became markup, and nothing ran.
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.locator('script').count()).toBe(1); // the bundle only
  const xss = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  expect(xss).toBeUndefined();
  expect(harness.dialogs).toEqual([]);
});

test('the Content-Security-Policy is in force: an injected inline script does not run', async ({
  harness,
  page,
}) => {
  harness.allowProblems(); // this test provokes a violation on purpose
  await harness.open();
  const inlineRan = await page.evaluate(async () => {
    const w = window as unknown as { __inline?: number };
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return w.__inline === 1;
  });
  expect(inlineRan).toBe(false);
  await expect
    .poll(() => harness.problems.some((problem) => /Content Security Policy/i.test(problem)))
    .toBe(true);
});
