/**
 * The exported HTML report opened in Chromium the way a colleague opens a mailed file (file://): every
 * column's and every model-quality chart's interactive Plotly chart renders from the embedded bundle
 * (its SVG stays for print), concept drift lists its features strongest first, no
 * console error, no CSP violation, no request but the file itself, the drift table sorts, and hostile
 * names from the data stay text in the page and in Plotly's axes and hover labels (nothing runs, no dialog).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { runCli } from '../helpers/run-cli';
import { artifactsDir } from './harness';

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '"><img src=x onerror=window.__xss=2>';
const BOLD = '<b>bold</b><a href="javascript:window.__xss=4">link</a>';
const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;

function cli(...args: string[]): void {
  const r = runCli(args);
  expect(r.code, r.stderr).toBe(0);
}

/** The demo's files written into a new folder, analysed into report.html and r.json there. */
function demoReport(prefix: string): { report: string; result: AnalysisResult } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cli('demo', '--out', dir);
  const report = path.join(dir, 'report.html');
  const json = path.join(dir, 'r.json');
  const files = ['--reference', path.join(dir, 'reference.csv'), '--current', path.join(dir, 'current.csv')];
  cli('analyze', ...files, '--html', report, '--json', json);
  return { report, result: JSON.parse(readFileSync(json, 'utf8')) as AnalysisResult };
}

function hostileCsv(file: string, seed: number): void {
  const labels = [SCRIPT, IMG, BOLD, 'safe'];
  const lines = [[SCRIPT, IMG, 'amount'].map(cell).join(',')];
  for (let i = 0; i < 300; i++) {
    lines.push([cell(labels[(i * seed) % 4]), String((i * 7) % 40), ((i * 37) % 97) + seed * 5].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

interface Watch {
  requests: string[];
  problems: string[];
  dialogs: string[];
}

/** Opens a report file and records every request, console error, page error, CSP violation and dialog. */
async function openReport(page: Page, file: string): Promise<Watch> {
  const watch: Watch = { requests: [], problems: [], dialogs: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(message.text());
  });
  page.on('pageerror', (error) => watch.problems.push(error.message));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  return watch;
}

/** Scrolls a chart box into view and waits until Plotly has drawn it (bars present, SVG hidden). */
async function expectPlotlyChart(box: Locator): Promise<void> {
  await box.scrollIntoViewIfNeeded();
  await expect(box).toHaveAttribute('data-state', 'drawn');
  const plot = box.locator('div.plotly-chart.js-plotly-plot');
  await expect(plot).toBeVisible();
  expect(await plot.locator('.barlayer .point path').count()).toBeGreaterThan(2);
  const plotBox = await plot.boundingBox();
  expect(plotBox?.width ?? 0).toBeGreaterThan(200);
  expect(plotBox?.height ?? 0).toBeGreaterThan(100);
  await expect(box.locator('svg.chart')).toBeHidden();
}

/** Moves the mouse over each bar of a Plotly chart and returns the hover labels it showed. */
async function hoverTexts(page: Page, box: Locator, bars: number): Promise<string[]> {
  const texts: string[] = [];
  await box.scrollIntoViewIfNeeded();
  const points = box.locator('.barlayer .trace').first().locator('.point path');
  for (let i = 0; i < Math.min(await points.count(), bars); i++) {
    const rect = await points.nth(i).boundingBox();
    if (!rect || rect.height < 1) continue;
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height - 1);
    const label = box.locator('.hoverlayer .hovertext');
    await expect(label.first()).toBeVisible();
    texts.push((await label.allTextContents()).join(' | '));
  }
  await page.mouse.move(0, 0);
  return texts;
}

test('the demo report renders every chart offline, sorts its table, and logs nothing', async ({ page }) => {
  const { report, result } = demoReport('ds-e2e-report-');
  const watch = await openReport(page, report);

  await expect(page.locator('h1')).toHaveText('Drift report: reference.csv vs current.csv');
  const expected = result.columns.filter((c) => c.distribution !== null).length;
  const charts = page.locator('#columns svg.chart');
  await expect(charts).toHaveCount(expected);
  for (let i = 0; i < expected; i++) {
    const chart = charts.nth(i);
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    expect(await chart.locator('rect').count()).toBeGreaterThan(2);
  }
  const boxes = page.locator('#columns .chart-box');
  await expect(boxes).toHaveCount(expected);
  for (let i = 0; i < expected; i++) await expectPlotlyChart(boxes.nth(i));
  // Hover shows the bin and the share.
  const hovered = await hoverTexts(page, boxes.first(), 3);
  expect(hovered.length).toBeGreaterThan(0);
  expect(hovered.join(' ')).toMatch(/Reference.*share \d+(\.\d+)?%/);
  // Print shows the vector SVG, never the Plotly div.
  await page.emulateMedia({ media: 'print' });
  await expect(charts.first()).toBeVisible();
  await expect(page.locator('div.plotly-chart').first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('#drift-table tbody tr')).toHaveCount(result.columns.length);
  await boxes.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'report-html.png') });

  // Sorting by column name (ascending, then descending) and by score (blanks last).
  const names = () => page.locator('#drift-table tbody tr td:first-child').allTextContents();
  const header = (label: string) => page.locator('#drift-table thead [role="button"]', { hasText: label });
  await header('Column').click();
  const ascending = await names();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
  await expect(page.locator('#drift-table thead th').first()).toHaveAttribute('aria-sort', 'ascending');
  await header('Column').press('Enter');
  expect(await names()).toEqual([...ascending].reverse());
  await header('Score').click();
  const scores = await page
    .locator('#drift-table tbody tr td:nth-child(4)')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-v')));
  const present = scores.filter((s) => s !== '').map(Number);
  expect(present).toEqual([...present].sort((a, b) => a - b));
  expect(scores.slice(present.length).every((s) => s === '')).toBe(true);

  expect(watch.problems).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.requests).toEqual([pathToFileURL(report).href]);
});

test('the demo report draws its model-quality charts and concept drift offline, and logs nothing', async ({
  page,
}) => {
  const { report, result } = demoReport('ds-e2e-report-mq-');
  const perf = result.performance;
  expect(perf?.task).toBe('binary');
  const watch = await openReport(page, report);

  const section = page.locator('#model-quality');
  await expect(section).toHaveAttribute('data-performance', 'present');
  const ids = ['perf-roc', 'perf-pr', 'perf-calibration', 'perf-confidence'];
  await expect(section.locator('.perf-chart')).toHaveCount(ids.length);
  for (const id of ids) {
    const block = section.locator(`.perf-chart[data-chart="${id}"]`);
    const box = block.locator('.chart-box');
    await box.scrollIntoViewIfNeeded();
    await expect(box).toHaveAttribute('data-state', 'drawn');
    const plot = box.locator('div.plotly-chart.js-plotly-plot');
    await expect(plot).toBeVisible();
    const size = await plot.boundingBox();
    expect(size?.width ?? 0).toBeGreaterThan(250);
    expect(size?.height ?? 0).toBeGreaterThan(150);
    await expect(box.locator('svg.chart')).toBeHidden();
    await expect(box.locator('.legendtext')).toHaveText(['Reference', 'Current']);
    if (id === 'perf-confidence') {
      expect(await box.locator('.barlayer .point path').count()).toBeGreaterThan(10);
    } else {
      // The curves (and the dashed diagonal of ROC and calibration) are scatter traces with a line.
      const lines = await box.locator('.scatterlayer .trace .js-line').count();
      expect(lines).toBe(id === 'perf-pr' ? 2 : 3);
    }
  }
  // Hover over the ROC curve: the role and both rates (constant labels).
  const roc = section.locator('[data-chart="perf-roc"] .chart-box');
  const area = await roc.locator('.nsewdrag').first().boundingBox();
  if (!area) throw new Error('no ROC plot area');
  await page.mouse.move(area.x + area.width * 0.2, area.y + area.height * 0.2);
  await expect(roc.locator('.hoverlayer .hovertext').first()).toBeVisible();
  expect((await roc.locator('.hoverlayer .hovertext').allTextContents()).join(' ')).toMatch(
    /(Reference|Current)FPR 0\.\d+TPR [01]\.?\d*/,
  );
  await page.mouse.move(0, 0);
  // The confidence verdict, and concept drift: the reading and every feature, strongest first.
  await expect(section.locator('[data-chart="perf-confidence"] .chart-caption')).toContainText(
    'Drift of the top-class probability',
  );
  const concept = section.locator('#concept-drift');
  await expect(concept).toHaveAttribute('data-reading', perf?.conceptDrift?.reading ?? '');
  await expect(concept.locator('.concept-reading strong')).not.toBeEmpty();
  const features = [...(perf?.conceptDrift?.features ?? [])].sort(
    (a, b) => (b.effect ?? -1) - (a.effect ?? -1),
  );
  await expect(concept.locator('.concept-table tbody td.name')).toHaveText(features.map((f) => f.feature));
  await section.locator('.perf-charts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifactsDir, 'report-model-quality.png') });
  // Print shows the vector SVG of every model-quality chart, never the Plotly div.
  await page.emulateMedia({ media: 'print' });
  for (const id of ids) await expect(section.locator(`[data-chart="${id}"] svg.chart`)).toBeVisible();
  await expect(section.locator('div.plotly-chart').first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  expect(watch.problems).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.requests).toEqual([pathToFileURL(report).href]);
});

test('hostile names in headers, categories and file names are text; nothing runs', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-e2e-hostile-'));
  const reference = path.join(dir, `${IMG}.csv`);
  const current = path.join(dir, 'current <svg onload=window.__xss=3>.csv');
  hostileCsv(reference, 1);
  hostileCsv(current, 3);
  const report = path.join(dir, 'hostile.html');
  cli('analyze', '--reference', reference, '--current', current, '--html', report);
  const watch = await openReport(page, report);

  await expect(page.locator('h1')).toHaveText(
    `Drift report: ${IMG}.csv vs current <svg onload=window.__xss=3>.csv`,
  );
  await expect(page.locator('.column h3', { hasText: SCRIPT })).toHaveCount(1);
  await expect(page.locator('.column h3', { hasText: IMG })).toHaveCount(1);
  const chart = page
    .locator('.column', { has: page.locator('h3', { hasText: SCRIPT }) })
    .locator('svg.chart');
  const ticks = await chart.locator('text.tick').allTextContents();
  expect(ticks.some((t) => t.startsWith('<script>'))).toBe(true);

  // The Plotly charts: every one draws; names and categories are text in axes, ticks and hover labels.
  const boxes = page.locator('.chart-box');
  for (let i = 0; i < (await boxes.count()); i++) await expectPlotlyChart(boxes.nth(i));
  const box = page.locator('.column', { has: page.locator('h3', { hasText: SCRIPT }) }).locator('.chart-box');
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('.g-xtitle text')).toHaveText(SCRIPT);
  const plotTicks = await box.locator('.xtick text').allTextContents();
  expect(plotTicks.some((t) => t.startsWith('<script>'))).toBe(true);
  expect(plotTicks.some((t) => t.startsWith('"><img'))).toBe(true);
  await expect(box.locator('.legendtext')).toHaveText(['Reference', 'Current']);
  const hovered = (await hoverTexts(page, box, 10)).join('\n');
  expect(hovered).toContain(SCRIPT);
  expect(hovered).toContain(IMG);
  expect(hovered).toContain(BOLD);
  const imgColumn = page.locator('.column', { has: page.locator('h3', { hasText: IMG }) });
  await imgColumn.locator('.chart-box').scrollIntoViewIfNeeded();
  await expect(imgColumn.locator('.g-xtitle text')).toHaveText(IMG);
  await page.screenshot({ path: path.join(artifactsDir, 'report-hostile-plotly.png') });

  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.locator('main b')).toHaveCount(0);
  await expect(page.locator('main a[href^="javascript"]')).toHaveCount(0);
  const javascriptUrls = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll('*')).filter((el) =>
        Array.from(el.attributes).some((a) => /^\s*javascript:/i.test(a.value) || /^on/i.test(a.name)),
      ).length,
  );
  expect(javascriptUrls).toBe(0);
  // Three executable scripts (Plotly, the chart drawing, the sorter); the rest are JSON data blocks.
  expect(await page.locator('script:not([type])').count()).toBe(3);
  expect(await page.locator('script[type="application/json"]').count()).toBe(await boxes.count());
  await page.locator('#drift-table thead [role="button"]', { hasText: 'Column' }).click();
  await page.screenshot({ path: path.join(artifactsDir, 'report-hostile.png'), fullPage: false });

  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(watch.dialogs).toEqual([]);
  expect(watch.problems).toEqual([]);
  expect(watch.requests).toEqual([pathToFileURL(report).href]);
});
