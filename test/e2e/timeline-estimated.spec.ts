/**
 * The Timeline view's "Estimated and realised" chart (issue 13) on test/fixtures/shadow/degradation_reference.csv
 * against test/fixtures/timeline/estimated_current.csv (the known-degradation chunks with labels thinning
 * out, gen_estimated_fixture.py), cut into chunks of 1,000 rows: the chart appears, its verdict counts the
 * degraded chunks the command line's JSON report of the same files and chunking gives (run here), the
 * metric selector switches the chart, and the labelled shares (gen_estimated_fixture.py) are drawn as bars.
 * Screenshot at 1280×800: test/artifacts/timeline-estimated-1280.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeJson, openPair } from './cli';
import { repoRoot } from './global-setup';
import { artifactsDir, expect, test } from './harness';

const REFERENCE = path.join(repoRoot, 'test', 'fixtures', 'shadow', 'degradation_reference.csv');
const CURRENT = path.join(repoRoot, 'test', 'fixtures', 'timeline', 'estimated_current.csv');

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

/** `driftscope analyze --chunk size:1000 --json` on the pair: the verdicts the app must count. */
const cliReport = () => analyzeJson('--reference', REFERENCE, '--current', CURRENT, '--chunk', 'size:1000');

test('chunks with a CBPE estimate show the estimated and realised chart; the metric selector switches it', async ({
  harness,
  page,
}) => {
  test.setTimeout(120_000);
  const report = cliReport();
  const chunks = report.timeline!.chunks;
  const degradedIn = (metric: string) =>
    chunks.filter((c) => c.performance?.estimated?.degraded.includes(metric as never)).length;

  await openPair(harness, REFERENCE, CURRENT);
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('tl-kind').selectOption('size');
  await page.getByTestId('tl-n').fill('1000');
  await page.getByTestId('tl-apply').click();
  await expect(page.getByTestId('timeline-summary')).toContainText('8 chunks', { timeout: 60_000 });

  const chart = page.getByTestId('timeline-estimated');
  await expect(chart).toHaveAttribute('data-chart-drawn', /[1-9]/, { timeout: 30_000 });
  await expect(chart.locator('.ytitle').first()).toHaveText('Accuracy');
  await expect(page.getByTestId('tl-estimated-metric')).toHaveValue('accuracy');
  await expect(page.getByTestId('tl-estimated-verdict')).toHaveText(
    `Estimate below the reference in ${degradedIn('accuracy')} of 8 chunks`,
  );
  await expect(page.getByTestId('tl-estimated-caption')).toContainText('± 3 sampling errors');
  await expect(page.getByTestId('tl-estimated-caption')).toContainText(
    '1 chunk(s) without any label yet: no realised value',
  );
  // The legend names every layer of the chart.
  const legend = chart.locator('.legendtext');
  for (const name of [
    'estimate ± 3 sampling errors',
    'estimated (CBPE, all rows)',
    'realised (labelled rows)',
    'estimate degraded',
  ])
    await expect(legend.filter({ hasText: name })).toHaveCount(1);
  await expect(legend.filter({ hasText: /^reference 0\.88/ })).toHaveCount(1);
  await expect(legend.filter({ hasText: 'decay limit (20% below the reference)' })).toHaveCount(1);
  // Labelled shares 100 %, 100 %, 90 %, 70 %, 50 %, 30 %, 10 %, 0 % (gen_estimated_fixture.py): one bar a
  // chunk with rows; the unlabelled last chunk draws none (zero height).
  const bars = chart.locator('g.trace.bars path');
  await expect(bars).toHaveCount(8);
  const heights = await bars.evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().height));
  expect(heights[0]).toBeGreaterThan(heights[2]);
  expect(heights[2]).toBeGreaterThan(heights[6]);
  expect(heights[7]).toBe(0);

  await chart.scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifactsDir, 'timeline-estimated-1280.png') });

  const drawn = Number(await chart.getAttribute('data-chart-drawn'));
  await page.getByTestId('tl-estimated-metric').selectOption('precision');
  await expect(chart).toHaveAttribute('data-chart-drawn', String(drawn + 1));
  await expect(chart.locator('.ytitle').first()).toHaveText('Precision');
  await expect(page.getByTestId('tl-estimated-verdict')).toHaveText(
    `Estimate below the reference in ${degradedIn('precision')} of 8 chunks`,
  );
  expect(degradedIn('precision')).not.toBe(degradedIn('accuracy'));
  const options = await page
    .getByTestId('tl-estimated-metric')
    .locator('option')
    .evaluateAll((els) => els.map((e) => e.textContent));
  expect(options).toEqual(['Accuracy', 'Precision', 'Recall', 'F1', 'ROC AUC']);
});
