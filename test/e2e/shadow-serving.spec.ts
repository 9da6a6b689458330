/**
 * The Model quality tab's Shadow, Serving and estimation sections (issue 13) on
 * test/fixtures/shadow/binary_{reference,current}.csv: every number shown is the one the command line's
 * JSON report gives for the same files (run here), and the JSON agrees with the Python oracle
 * (test/fixtures/gen_shadow_fixtures.py: sklearn 1.2.1, statsmodels 0.13.5, SciPy 1.10.1, NumPy 1.24.2).
 * Screenshots at 1280×800 and 1920×1080.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  formatDelta,
  formatMetric,
  formatPValue,
} from '../../renderer/src/features/performance/quality-format';
import { formatInteger, formatNumber, formatPercent } from '../../shared/report/report-format';
import { analyzeJson, openPair } from './cli';
import { repoRoot } from './global-setup';
import { artifactsDir, expect, test } from './harness';

const SHADOW = path.join(repoRoot, 'test', 'fixtures', 'shadow');
const REFERENCE = path.join(SHADOW, 'binary_reference.csv');
const CURRENT = path.join(SHADOW, 'binary_current.csv');
// biome-ignore lint/suspicious/noExplicitAny: the oracle's JSON
const oracle: any = JSON.parse(readFileSync(path.join(SHADOW, 'expected.json'), 'utf8'));

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

/** `driftscope analyze --json` on the fixture pair: what the app must show. */
const cliReport = () => analyzeJson('--reference', REFERENCE, '--current', CURRENT);

async function openFixture(harness: Parameters<typeof openPair>[0], page: Page) {
  await openPair(harness, REFERENCE, CURRENT);
  await page.getByTestId('tab-quality').click();
  await expect(page.getByTestId('model-quality')).toHaveAttribute('data-quality-state', 'ready');
}

test('Shadow, Serving and CBPE sections show the JSON report numbers of the same files', async ({
  harness,
  page,
}) => {
  test.setTimeout(180_000);
  const report = cliReport();
  const shadow = report.performance!.shadow!;
  const serving = report.serving!;
  const estimated = report.performance!.estimated!;
  // The JSON against the Python oracle (gen_shadow_fixtures.py): sklearn roc_auc_score on the labelled rows,
  // the paired bootstrap interval on the same resamples, statsmodels mcnemar(exact=True).
  expect(shadow.champion.rocAuc).toBeCloseTo(oracle.shadowBinary.champion.rocAuc, 12);
  expect(shadow.difference.rocAuc.ciHigh!).toBeCloseTo(oracle.shadowBinary.difference.rocAuc.ciHigh, 9);
  expect(shadow.mcnemar!.pValue).toBeCloseTo(oracle.shadowBinary.mcnemar.pValue, 10);
  expect(serving.latency!.p95Difference!.ciLow).toBeCloseTo(oracle.serving.p95Difference.ciLow, 9);
  expect(serving.errorRate!.pValue!).toBeCloseTo(oracle.serving.errorRate.pValue, 12);
  expect(estimated.metrics.rocAuc!).toBeCloseTo(oracle.cbpeBinary.metrics.rocAuc, 9);

  await openFixture(harness, page);
  const section = page.getByTestId('shadow-section');
  await expect(section).toBeVisible();
  // Challenger worse: the ROC AUC interval [−0.0231, −0.0011] lies below 0 at α = 0.05.
  await expect(section.getByTestId('shadow-verdict')).toHaveText('Challenger worse');
  await expect(section.getByTestId('shadow-basis')).toContainText(
    `on ROC AUC at α = 0.05 · ${formatInteger(shadow.labelled)} labelled of ${formatInteger(shadow.n)} rows`,
  );
  for (const key of Object.keys(shadow.champion)) {
    const row = section.locator(`[data-testid="shadow-metric-row"][data-metric="${key}"]`);
    const d = shadow.difference[key];
    await expect(row.getByTestId('shadow-champion')).toHaveText(
      formatMetric(shadow.champion[key], 'classification'),
    );
    await expect(row.getByTestId('shadow-challenger')).toHaveText(
      formatMetric(shadow.challenger[key], 'classification'),
    );
    await expect(row.getByTestId('shadow-difference')).toHaveText(formatDelta(d.value, 'classification'));
    await expect(row.getByTestId('shadow-interval')).toHaveText(
      `[${formatDelta(d.ciLow, 'classification')}, ${formatDelta(d.ciHigh, 'classification')}]`,
    );
  }
  await expect(section.getByTestId('shadow-mcnemar')).toContainText(
    `p = ${formatPValue(shadow.mcnemar!.pValue)} · only champion right b = ${shadow.mcnemar!.b}, only challenger right c = ${shadow.mcnemar!.c}`,
  );
  await expect(section.getByTestId('shadow-agreement')).toHaveText(formatPercent(shadow.agreement, 2));

  // The disagreement table, and the rows behind its first feature (dataset:rows with the named rows).
  const features = section.getByTestId('disagreement-row');
  await expect(features).toHaveCount(shadow.disagreementFeatures.length);
  const first = shadow.disagreementFeatures[0];
  await expect(features.first()).toHaveAttribute('data-feature', first.feature);
  await expect(features.first().getByTestId('disagreement-value')).toHaveText(
    formatPercent(first.top.disagreement),
  );
  await features.first().getByTestId('disagreement-rows').click();
  const rows = page.getByTestId('rows-panel');
  await expect(rows.getByTestId('rows-count')).toHaveText(`${first.rows.length} rows`);
  const rowNumbers = await rows.locator('tbody tr th, tbody tr td:first-child').allTextContents();
  expect(rowNumbers.join(' ')).toContain(String(Math.min(...first.rows) + 1));

  // Serving.
  const srv = page.getByTestId('serving-section');
  for (const key of ['p50', 'p95', 'p99', 'mean'] as const) {
    const row = srv.locator(`[data-testid="latency-row"][data-stat="${key}"]`);
    await expect(row.getByTestId('latency-reference')).toHaveText(
      formatNumber(serving.latency!.reference![key]),
    );
    await expect(row.getByTestId('latency-current')).toHaveText(formatNumber(serving.latency!.current![key]));
  }
  const p95 = serving.latency!.p95Difference!;
  await expect(srv.getByTestId('p95-difference')).toContainText(
    `${formatNumber(p95.value)} ms 95 % interval [${formatNumber(p95.ciLow)}, ${formatNumber(p95.ciHigh)}]`,
  );
  await expect(srv.getByTestId('latency-ks')).toContainText(
    `D = ${formatNumber(serving.latency!.ks!.statistic)}, p = ${formatPValue(serving.latency!.ks!.pValue)}`,
  );
  await expect(srv.getByTestId('error-rate-reference').getByTestId('error-rate')).toHaveText(
    formatPercent(serving.errorRate!.reference, 2),
  );
  await expect(srv.getByTestId('error-rate-current').getByTestId('error-rate')).toHaveText(
    formatPercent(serving.errorRate!.current, 2),
  );
  await expect(srv.getByTestId('error-rate-test')).toContainText(
    `z = ${formatNumber(serving.errorRate!.statistic)}, p = ${formatPValue(serving.errorRate!.pValue)}`,
  );
  await expect(srv.getByTestId('serving-notes')).toContainText(
    'binary_current.csv, column "latency_ms": 1 non-numeric latency left out (first: "timeout").',
  );
  // The overlay is drawn on a log x axis.
  const chart = srv.getByTestId('latency-chart');
  await expect(chart.locator('.main-svg').first()).toBeVisible();
  expect(
    await chart.evaluate(
      (el) => (el as unknown as { layout: { xaxis: { type: string } } }).layout.xaxis.type,
    ),
  ).toBe('log');

  // CBPE estimated against realised.
  const est = page.getByTestId('estimation-section');
  await expect(est.getByTestId('labelled-share')).toContainText(
    `${formatPercent(estimated.labelledShare)} of current rows labelled`,
  );
  for (const m of ['accuracy', 'rocAuc'] as const) {
    const row = est.locator(`[data-testid="estimation-row"][data-metric="${m}"]`);
    await expect(row.getByTestId('estimation-estimated')).toHaveText(
      `${formatMetric(estimated.metrics[m], 'classification')} ± ${formatMetric(estimated.samplingError[m], 'classification')}`,
    );
    await expect(row.getByTestId('estimation-realised')).toHaveText(
      `${formatMetric(estimated.realised.metrics[m], 'classification')} ± ${formatMetric(estimated.realised.samplingError[m], 'classification')}`,
    );
  }
  await expect(est.getByTestId('estimation-calibration')).toContainText('calibrated on the reference');

  await rows.getByTestId('rows-close').click();
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    for (const id of ['estimation-section', 'shadow-section', 'serving-section']) {
      await page.getByTestId(id).scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(artifactsDir, `quality-${id}-${width}x${height}.png`) });
    }
  }
});

test('the mapping editor sets the challenger and serving columns and unit', async ({ harness, page }) => {
  await openFixture(harness, page);
  const panel = page.getByTestId('model-quality');
  await expect(page.getByTestId('mapping-challenger-prediction').locator('option:checked')).toHaveText(
    'Auto (prediction_challenger)',
  );
  await expect(page.getByTestId('mapping-latency').locator('option:checked')).toHaveText('Auto (latency_ms)');
  await expect(page.getByTestId('mapping-status').locator('option:checked')).toHaveText('Auto (status_code)');
  const before = await panel.getAttribute('data-generated-at');
  // The champion's own columns as the challenger: the same model, so agreement is 1 and every difference 0.
  await page.getByTestId('mapping-challenger-prediction').selectOption('prediction');
  await page.getByTestId('mapping-challenger-proba').selectOption('proba');
  await page.getByTestId('mapping-latency-unit').selectOption('s');
  await page.getByTestId('mapping-apply').click();
  await expect(panel).not.toHaveAttribute('data-generated-at', before ?? '');
  await expect(panel).toHaveAttribute('data-quality-state', 'ready');
  await expect(page.getByTestId('shadow-agreement')).toHaveText('100.00%');
  await expect(
    page.locator('[data-testid="shadow-metric-row"][data-metric="rocAuc"]').getByTestId('shadow-difference'),
  ).toHaveText('0.0000');
  await expect(page.getByTestId('shadow-verdict')).toHaveText('No significant difference');
  await expect(page.getByTestId('serving-latency')).toContainText('in s');
});
