/**
 * The exported HTML report's timeline in Chromium, opened as a file (file://): the heatmap and each drifted
 * feature's line are drawn by the embedded Plotly bundle (their SVG stays for print), hover shows a cell's
 * numbers, hostile column names stay text (nothing runs, no dialog), no console error, no CSP violation,
 * no request but the file itself. Screenshots at 1280×800 and 1920×1080 go to test/artifacts/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import type { AnalysisResult } from '../../shared/report/analysis-result';
import { repoRoot } from './global-setup';
import { artifactsDir } from './harness';

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '"><img src=x onerror=window.__xss=2>';
const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;

function cli(...args: string[]): void {
  const child = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'electron', 'cli.cjs'), ...args], {
    encoding: 'utf8',
  });
  expect(child.status, child.stderr).toBe(0);
}

/** 40 days × 30 rows; `shift` moves the hostile numeric column from day `from` on; day 12 is empty. */
function timelineCsv(file: string, shift: number, from: number, skipDay: number | null): void {
  const lines = [['ts', SCRIPT, IMG, 'amount'].map(cell).join(',')];
  for (let d = 0; d < 40; d++) {
    if (d === skipDay) continue;
    const date = new Date(Date.UTC(2025, 0, 6 + d)).toISOString().slice(0, 10);
    for (let i = 0; i < 30; i++) {
      const k = d * 30 + i;
      const x = ((k * 37) % 101) + (d >= from ? shift : 0);
      lines.push([date, String(x), cell(['a', 'b', 'c'][k % 3]), String((k * 13) % 50)].join(','));
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

async function open(page: Page, file: string) {
  const watch = { requests: [] as string[], problems: [] as string[], dialogs: [] as string[] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(m.text());
  });
  page.on('pageerror', (e) => watch.problems.push(e.message));
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  return watch;
}

test('the timeline heatmap and drifted features are drawn offline; hostile names stay text', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ds-e2e-timeline-'));
  const reference = path.join(dir, 'reference.csv');
  const current = path.join(dir, 'current.csv');
  timelineCsv(reference, 0, 99, null);
  timelineCsv(current, 60, 20, 12);
  const report = path.join(dir, 'timeline.html');
  const json = path.join(dir, 'timeline.json');
  cli(
    ...['analyze', '--reference', reference, '--current', current, '--chunk', 'period:day'],
    ...['--time-column', 'ts', '--reference-chunks', '--html', report, '--json', json],
  );
  const result = JSON.parse(readFileSync(json, 'utf8')) as AnalysisResult;
  const watch = await open(page, report);

  const section = page.locator('#timeline');
  await expect(section.locator('h2')).toHaveText('Timeline');
  const boxes = section.locator('.timeline-box');
  await expect(boxes.first()).toHaveAttribute('data-state', 'drawn');
  const heat = boxes.first().locator('div.plotly-chart.js-plotly-plot');
  await expect(heat).toBeVisible();
  const chunks = result.timeline!.chunks.length;
  // One square per feature and chunk (the gap's squares too, hatched grey).
  expect(await heat.locator('.scatterlayer .trace').first().locator('path.point').count()).toBe(3 * chunks);
  await expect(boxes.first().locator('svg.chart')).toBeHidden();
  // The hostile numeric column drifted: it has its own line with the threshold.
  const feature = section.locator('.timeline-feature', { has: page.getByRole('heading', { name: SCRIPT }) });
  await expect(feature).toHaveCount(1);
  const line = feature.locator('.timeline-box');
  await line.scrollIntoViewIfNeeded();
  await expect(line).toHaveAttribute('data-state', 'drawn');
  await expect(line.locator('.legendtext', { hasText: 'Threshold' })).toHaveCount(1);

  // Hover over the hostile feature's cell of the last chunk: its name as text, the test and score.
  await boxes.first().scrollIntoViewIfNeeded();
  const data = JSON.parse((await boxes.first().locator('script.timeline-data').textContent()) ?? '{}');
  const row = (data.features as string[]).findIndex((f) => f.startsWith('&lt;script&gt;'));
  expect(row).toBeGreaterThanOrEqual(0);
  const point = heat
    .locator('.scatterlayer .trace')
    .first()
    .locator('path.point')
    .nth(row * chunks + chunks - 1);
  const rect = await point.boundingBox();
  expect(rect).not.toBeNull();
  await page.mouse.move(rect!.x + rect!.width / 2, rect!.y + rect!.height / 2);
  const hover = heat.locator('.hoverlayer .hovertext');
  await expect(hover.first()).toBeVisible();
  const text = (await hover.allTextContents()).join(' ');
  expect(text).toContain(SCRIPT);
  expect(text).toMatch(/wasserstein|ks/);
  await page.mouse.move(0, 0);

  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await boxes.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, `report-timeline-${w}x${h}.png`) });
  }
  // Print shows the vector SVGs, never the Plotly divs.
  await page.emulateMedia({ media: 'print' });
  await expect(boxes.first().locator('svg.chart')).toBeVisible();
  await expect(heat).toBeHidden();

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(watch.problems).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.requests).toEqual([pathToFileURL(report).href]);
});
