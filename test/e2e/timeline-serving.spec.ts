/**
 * The Timeline view's "Serving health per chunk" chart (issue 13) on the shadow fixture
 * (test/fixtures/shadow/binary_*.csv, gen_shadow_fixtures.py: latency_ms and status_code columns) in 4 chunks:
 * the chart appears with its layers named in the legend, the summary names the highest chunk p95 and error
 * rate the command line's JSON report of the same files and chunking gives (run here; those per-chunk numbers
 * are checked against numpy in serving-series.test.ts), one requests bar per chunk, nothing drawn outside the
 * chart. Screenshots at 1280×800 light and 1920×1080 dark: test/artifacts/timeline-serving-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatPercent } from '../../shared/report/report-format';
import { latencyText } from '../../shared/timeline/serving-series';
import { chartOverflow } from './chart-bounds';
import { analyzeJson, openPair } from './cli';
import { repoRoot } from './global-setup';
import { artifactsDir, expect, test } from './harness';

const SHADOW = path.join(repoRoot, 'test', 'fixtures', 'shadow');
const REFERENCE = path.join(SHADOW, 'binary_reference.csv');
const CURRENT = path.join(SHADOW, 'binary_current.csv');

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

test('a latency and a status column show serving health per chunk', async ({ harness, page }) => {
  test.setTimeout(120_000);
  const report = analyzeJson('--reference', REFERENCE, '--current', CURRENT, '--chunk', 'count:4');
  const chunks = report.timeline!.chunks.filter((c) => c.period === 'analysis');
  const worstP95 = Math.max(...chunks.map((c) => c.serving!.latency!.p95!));
  const worstRate = Math.max(...chunks.map((c) => c.serving!.errorRate!));

  await openPair(harness, REFERENCE, CURRENT);
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('tl-kind').selectOption('count');
  await page.getByTestId('tl-n').fill('4');
  await page.getByTestId('tl-apply').click();
  await expect(page.getByTestId('timeline-summary')).toContainText('4 chunks', { timeout: 60_000 });

  const chart = page.getByTestId('timeline-serving');
  await expect(chart).toHaveAttribute('data-chart-drawn', /[1-9]/, { timeout: 30_000 });
  await expect(page.getByTestId('tl-serving-summary')).toHaveText(
    `highest p95 ${latencyText(worstP95, 'ms')} (reference ${latencyText(report.serving!.latency!.reference!.p95, 'ms')}) · ` +
      `highest error rate ${formatPercent(worstRate)} (reference ${formatPercent(report.serving!.errorRate!.reference)})`,
  );
  await expect(page.getByTestId('tl-serving-caption')).toContainText('5xx counts as an error');
  const legend = chart.locator('.legendtext');
  for (const name of ['latency p50', 'latency p95', 'latency p99', 'error rate (right axis)'])
    await expect(legend.filter({ hasText: name })).toHaveCount(1);
  await expect(legend.filter({ hasText: /^reference p95 92\.33 ms$/ })).toHaveCount(1); // expected.json serving.reference.p95 = 92.3277 (numpy.percentile)
  await expect(chart.locator('g.trace.bars path')).toHaveCount(4);

  await chart.scrollIntoViewIfNeeded();
  expect(await chartOverflow(chart)).toEqual([]);
  await page.screenshot({ path: path.join(artifactsDir, 'timeline-serving-1280.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(chart).toHaveAttribute('data-chart-drawn', /[1-9]/);
  await chart.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  expect(await chartOverflow(chart)).toEqual([]);
  await page.screenshot({ path: path.join(artifactsDir, 'timeline-serving-1920-dark.png') });
});
