/**
 * The Model quality tab on multiclass (iris, wine) and regression (diabetes) files, opened through the
 * stubbed Open dialog. Oracle: the fixtures' JSON (test/fixtures/performance/*.json), written by
 * test/fixtures/gen_performance_fixtures.py with scikit-learn (accuracy_score,
 * precision_recall_fscore_support, confusion_matrix, mean_absolute_error, mean_squared_error, r2_score, ...
 * as named in each file's "oracle" block). Numbers are compared as the tab formats them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { formatMetric } from '../../renderer/src/features/performance/quality-format';
import { formatPercent } from '../../shared/report/report-format';
import { repoRoot } from './global-setup';
import { artifactsDir, expect, type Harness, test } from './harness';

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'performance');

interface PerClass {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

interface FixtureSide {
  n: number;
  excluded: number;
  [metric: string]: unknown;
}

interface Fixture {
  task: string;
  reference: FixtureSide;
  current: FixtureSide;
}

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8'));
}

async function openPair(page: Page, harness: Harness, name: string) {
  const app = await harness.open();
  harness.chooseNext(path.join(fixtures, `${name}_reference.csv`));
  await app.openButton('reference').click();
  harness.chooseNext(path.join(fixtures, `${name}_current.csv`));
  await app.openButton('current').click();
  await app.expectState('ready');
  await page.getByTestId('tab-quality').click();
  await expect(page.getByTestId('model-quality')).toHaveAttribute('data-quality-state', 'ready');
  return app;
}

function metricRow(page: Page, metric: string): Locator {
  return page.locator(`[data-testid="metric-row"][data-metric="${metric}"]`);
}

const integer = (n: number) => n.toLocaleString('en-US');

async function expectMetric(page: Page, metric: string, f: Fixture, kind: 'classification' | 'regression') {
  const row = metricRow(page, metric);
  const format = (v: unknown) =>
    metric === 'mape' ? formatPercent(v as number) : formatMetric(v as number, kind);
  await expect(row.getByTestId('metric-reference'), `${metric} reference`).toHaveText(
    format(f.reference[metric]),
  );
  await expect(row.getByTestId('metric-current'), `${metric} current`).toHaveText(format(f.current[metric]));
}

for (const name of ['iris', 'wine']) {
  test(`multiclass (${name}): metrics, per-class table and confusion matrices equal scikit-learn's`, async ({
    harness,
    page,
  }) => {
    const f = fixture(name);
    await openPair(page, harness, name);
    await expect(page.getByTestId('quality-task')).toHaveText('Multiclass classification');
    await expect(page.getByTestId('rows-reference')).toHaveText(integer(f.reference.n));
    await expect(page.getByTestId('rows-current')).toHaveText(integer(f.current.n));
    for (const metric of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'prAuc', 'logLoss']) {
      await expectMetric(page, metric, f, 'classification');
    }

    // Per class: precision, recall, F1 (3 decimals) and support, reference → current.
    const refClasses = f.reference.perClass as PerClass[];
    const curClasses = f.current.perClass as PerClass[];
    const rows = page.getByTestId('per-class-row');
    await expect(rows).toHaveCount(refClasses.length);
    for (const ref of refClasses) {
      const cur = curClasses.find((c) => c.label === ref.label) as PerClass;
      const row = page.locator(`[data-testid="per-class-row"][data-label="${ref.label}"]`);
      for (const key of ['precision', 'recall', 'f1'] as const) {
        await expect(row.getByTestId(`per-class-${key}`), `${ref.label} ${key}`).toHaveText(
          `${ref[key].toFixed(3)} → ${cur[key].toFixed(3)}`,
        );
      }
      await expect(row.getByTestId('per-class-support')).toHaveText(
        `${integer(ref.support)} → ${integer(cur.support)}`,
      );
    }

    // Confusion matrices, row by row (true class) in the classes' order.
    for (const role of ['reference', 'current'] as const) {
      const matrix = f[role].confusionMatrix as number[][];
      await expect(page.getByTestId(`confusion-${role}`).locator('.pq-cell-count')).toHaveText(
        matrix.flat().map(integer),
      );
    }
    for (const id of ['class-balance-chart', 'confidence-chart']) {
      await expect(page.getByTestId(id).locator('svg.main-svg').first()).toBeVisible();
    }
    // ROC, PR and calibration curves are binary only: the cards say so.
    for (const id of ['roc-chart', 'pr-chart', 'calibration-chart']) {
      await expect(page.getByTestId(`${id}-empty`)).toBeVisible();
    }
    await page.getByTestId('per-class-table').scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(artifactsDir, `quality-${name}.png`) });
  });
}

test('regression (diabetes): metrics equal scikit-learn, error and predicted-vs-actual charts render', async ({
  harness,
  page,
}) => {
  const f = fixture('regression');
  await openPair(page, harness, 'regression');
  await expect(page.getByTestId('quality-task')).toHaveText('Regression');
  await expect(page.getByTestId('rows-reference')).toHaveText(integer(f.reference.n));
  await expect(page.getByTestId('rows-current')).toHaveText(integer(f.current.n));
  for (const metric of ['mae', 'rmse', 'mape', 'r2', 'meanError', 'errorStd']) {
    if (metric === 'meanError') continue;
    await expectMetric(page, metric, f, 'regression');
  }
  // The reference's mean error is 0 up to rounding (a least-squares fit): -1.32e-14 in scikit-learn, a
  // few ulps apart here; the current's is a real number.
  const meanError = metricRow(page, 'meanError');
  const refText = (await meanError.getByTestId('metric-reference').textContent()) ?? '';
  const refMean = Number(refText.replace('−', '-'));
  expect(Math.abs(refMean)).toBeLessThan(1e-12);
  await expect(meanError.getByTestId('metric-current')).toHaveText(
    formatMetric(f.current.meanError as number, 'regression'),
  );
  // ... so its change is not given relative to that zero (it was +238085167150395264.0%).
  await expect(meanError.locator('td').nth(3)).toHaveText('—');
  // No classification parts on a regression task.
  await expect(page.getByTestId('confusion-matrices')).toHaveCount(0);
  await expect(page.getByTestId('per-class-table')).toHaveCount(0);

  const errors = page.getByTestId('error-chart');
  await expect(errors.locator('svg.main-svg').first()).toBeVisible();
  await expect(errors.locator('g.trace.bars')).toHaveCount(2);
  const scatter = page.getByTestId('scatter-chart');
  await expect(scatter.locator('svg.main-svg').first()).toBeVisible();
  // Reference and current points, and the diagonal.
  await expect(scatter.locator('g.trace.scatter')).toHaveCount(3);
  const points = await scatter
    .locator('g.trace.scatter')
    .evaluateAll((traces) => traces.map((t) => t.querySelectorAll('path.point').length));
  expect(points.filter((n) => n > 0)).toEqual([f.reference.n, f.current.n]);
  await errors.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(artifactsDir, 'quality-regression.png') });
});
