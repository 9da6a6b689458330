/**
 * The built-in demo's production log in the app (issue 13): the challenger in shadow, serving health and
 * labels for part of the current rows, as `npm start` shows them. Every number is the Python oracle's
 * (test/fixtures/gen_demo_expected.py on the CSVs of `driftscope demo --out`: scikit-learn 1.2.1,
 * statsmodels 0.13.5, SciPy 1.10.1, NumPy 1.24.2, the bootstrap resamples through xoshiro.py).
 * Screenshots of the Shadow, Serving and estimation sections and of the Timeline at 1280×800 and 1920×1080.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  formatDelta,
  formatMetric,
  formatPValue,
} from '../../renderer/src/features/performance/quality-format';
import { formatInteger, formatNumber, formatPercent } from '../../shared/report/report-format';
import { demoExpected } from '../helpers/demo-expected';
import { chartOverflow } from './chart-bounds';
import { artifactsDir, expect, test } from './harness';

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

const SIZES = [
  [1280, 800],
  [1920, 1080],
] as const;

test('the demo: challenger better on ROC AUC, slower serving with more 5xx, CBPE over all rows', async ({
  harness,
  page,
}) => {
  test.setTimeout(180_000);
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  await page.getByTestId('tab-quality').click();
  await expect(page.getByTestId('model-quality')).toHaveAttribute('data-quality-state', 'ready');

  // Champion against challenger, on the 3,318 labelled of 5,000 current rows.
  const s = demoExpected.shadow;
  const section = page.getByTestId('shadow-section');
  await expect(section.getByTestId('shadow-verdict')).toHaveText('Challenger better');
  // The paired bootstrap interval of the ROC AUC difference lies above 0 (challenger − champion).
  expect(s.difference.rocAuc.ciLow).toBeGreaterThan(0);
  await expect(section.getByTestId('shadow-basis')).toContainText(
    `on ROC AUC at α = 0.05 · ${formatInteger(s.labelled)} labelled of ${formatInteger(s.n)} rows`,
  );
  for (const key of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'] as const) {
    const row = section.locator(`[data-testid="shadow-metric-row"][data-metric="${key}"]`);
    const d = s.difference[key];
    await expect(row.getByTestId('shadow-champion')).toHaveText(
      formatMetric(s.champion[key], 'classification'),
    );
    await expect(row.getByTestId('shadow-challenger')).toHaveText(
      formatMetric(s.challenger[key], 'classification'),
    );
    await expect(row.getByTestId('shadow-difference')).toHaveText(formatDelta(d.value, 'classification'));
    await expect(row.getByTestId('shadow-interval')).toHaveText(
      `[${formatDelta(d.ciLow, 'classification')}, ${formatDelta(d.ciHigh, 'classification')}]`,
    );
  }
  await expect(section.getByTestId('shadow-mcnemar')).toContainText(
    `p = ${formatPValue(s.mcnemar.pValue)} · only champion right b = ${s.mcnemar.b}, only challenger right c = ${s.mcnemar.c}`,
  );
  await expect(section.getByTestId('shadow-agreement')).toHaveText(formatPercent(s.agreement, 2));

  // Serving health: p95 89 → 120 ms, 5xx 0.62 % → 1.44 %.
  const v = demoExpected.serving;
  const srv = page.getByTestId('serving-section');
  for (const key of ['p50', 'p95', 'p99', 'mean'] as const) {
    const row = srv.locator(`[data-testid="latency-row"][data-stat="${key}"]`);
    await expect(row.getByTestId('latency-reference')).toHaveText(formatNumber(v.reference[key]));
    await expect(row.getByTestId('latency-current')).toHaveText(formatNumber(v.current[key]));
  }
  await expect(srv.getByTestId('p95-difference')).toContainText(
    `${formatNumber(v.p95Difference.value)} ms 95 % interval [${formatNumber(v.p95Difference.ciLow)}, ${formatNumber(v.p95Difference.ciHigh)}]`,
  );
  await expect(srv.getByTestId('latency-ks')).toContainText(
    `D = ${formatNumber(v.ks.statistic)}, p = ${formatPValue(v.ks.pValue)}`,
  );
  for (const role of ['reference', 'current'] as const)
    await expect(srv.getByTestId(`error-rate-${role}`).getByTestId('error-rate')).toHaveText(
      formatPercent(v.errorRate[role], 2),
    );
  await expect(srv.getByTestId('error-rate-test')).toContainText(
    `z = ${formatNumber(v.errorRate.statistic)}, p = ${formatPValue(v.errorRate.pValue)}`,
  );
  await expect(srv.getByTestId('serving-notes')).toHaveCount(0);

  // CBPE on all 5,000 rows, realised on the labelled ones; the concept drift keeps the estimate higher.
  const c = demoExpected.cbpe;
  const est = page.getByTestId('estimation-section');
  await expect(est.getByTestId('labelled-share')).toContainText(
    `${formatPercent(c.labelledShare)} of current rows labelled`,
  );
  for (const m of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'] as const) {
    const row = est.locator(`[data-testid="estimation-row"][data-metric="${m}"]`);
    await expect(row.getByTestId('estimation-estimated')).toHaveText(
      `${formatMetric(c.metrics[m], 'classification')} ± ${formatMetric(c.samplingError[m], 'classification')}`,
    );
    await expect(row.getByTestId('estimation-realised')).toHaveText(
      `${formatMetric(c.realised.metrics[m], 'classification')} ± ${formatMetric(c.realised.samplingError[m], 'classification')}`,
    );
    expect(c.metrics[m]).toBeGreaterThan(c.realised.metrics[m]);
  }

  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    for (const id of ['shadow-section', 'serving-section', 'estimation-section']) {
      // The section's heading (verdict) at the top of the scrolled pane: a section can be taller than it.
      await page.getByTestId(id).evaluate((el) => {
        let pane = el.parentElement;
        while (pane && !/(auto|scroll)/.test(getComputedStyle(pane).overflowY)) pane = pane.parentElement;
        if (pane) pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
      });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(artifactsDir, `demo-${id}-${width}x${height}.png`) });
    }
  }
});

test('the demo timeline: labels arrive for weeks 1-9 only, serving and estimate per week', async ({
  harness,
  page,
}) => {
  test.setTimeout(180_000);
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-heatmap')).toHaveAttribute('data-chart-drawn', /[1-9]/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('timeline-summary')).toContainText('12 chunks');
  const rows = page.getByTestId('timeline-row');
  const names = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  for (const name of ['latency_ms', 'status_code', 'probability_challenger', 'prediction_challenger'])
    expect(names).toContain(name);
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(400);
    for (const id of ['timeline-heatmap', 'timeline-feature-line', 'timeline-share', 'timeline-metrics'])
      expect(await chartOverflow(page.getByTestId(id)), `${id} at ${width}`).toEqual([]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(artifactsDir, `demo-timeline-${width}x${height}.png`) });
    await page.screenshot({
      path: path.join(artifactsDir, `demo-timeline-full-${width}x${height}.png`),
      fullPage: true,
    });
  }
});
