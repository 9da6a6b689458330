/**
 * The overview's multivariate line (issue 15) on test/fixtures/multivariate/recon-*.csv (gen_multivariate_fixtures.py:
 * a flipped correlation between x1 and x2 and an unseen category): off at first, "Run multivariate detectors"
 * runs them, the line reads the sentence the command line's `--multivariate` JSON report of the same files
 * gives (run here; the detectors are checked against scikit-learn in test/unit/shared/multivariate), the
 * details list the importance in the report's order, a column name opens that column's detail, and "Turn off"
 * goes back. Screenshots at 1280×800: test/artifacts/multivariate-1280.png (light), -dark.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { multivariateSentence, multivariateSummary } from '../../shared/report/multivariate-summary';
import { chartOverflow, widthOverflow } from './chart-bounds';
import { analyzeJson, openPair } from './cli';
import { repoRoot } from './global-setup';
import { artifactsDir, expect, test } from './harness';

const DIR = path.join(repoRoot, 'test', 'fixtures', 'multivariate');
const REFERENCE = path.join(DIR, 'recon-reference.csv');
const CURRENT = path.join(DIR, 'recon-current.csv');

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));

test('multivariate detectors run from the overview and open the separating column', async ({
  harness,
  page,
}) => {
  test.setTimeout(120_000);
  const report = analyzeJson('--reference', REFERENCE, '--current', CURRENT, '--multivariate');
  const mv = report.multivariate!;
  await openPair(harness, REFERENCE, CURRENT);
  const card = page.getByTestId('multivariate');
  await expect(card).toContainText('Multivariate drift');
  await page.getByTestId('multivariate-run').click();
  await expect(page.getByTestId('multivariate-sentence')).toHaveText(
    multivariateSentence(multivariateSummary(mv)),
    { timeout: 60_000 },
  );
  await expect(card).toHaveAttribute('data-verdict', 'drift');
  await page.getByTestId('multivariate-toggle').click();
  const names = page.getByTestId('multivariate-importance').locator('.importance-name');
  await expect(names).toHaveText(mv.domainClassifier!.importance.slice(0, 10).map((x) => x.feature));
  await expect(page.getByTestId('multivariate-reconstruction')).toContainText(
    `${mv.reconstruction!.components} components`,
  );
  expect(await widthOverflow(card, page.locator('.overview'))).toBe(0);
  await page.screenshot({ path: path.join(artifactsDir, 'multivariate-1280.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(artifactsDir, 'multivariate-1280-dark.png') });

  const first = mv.domainClassifier!.importance[0].feature;
  await names.first().click();
  await expect(page.getByTestId('detail-title')).toHaveText(first);

  await page.getByTestId('multivariate-off').click();
  await expect(page.getByTestId('multivariate-run')).toBeVisible({ timeout: 60_000 });
});

test('with the detectors on, the timeline plots the reconstruction error and the domain classifier per chunk', async ({
  harness,
  page,
}) => {
  test.setTimeout(120_000);
  const report = analyzeJson(
    '--reference',
    REFERENCE,
    '--current',
    CURRENT,
    '--multivariate',
    '--chunk',
    'size:100',
  );
  const chunks = report.timeline!.chunks.filter((c) => c.multivariate?.reconstruction);
  const drifted = chunks.filter((c) => c.multivariate!.reconstruction!.driftDetected).length;
  await openPair(harness, REFERENCE, CURRENT);
  await page.getByTestId('multivariate-run').click();
  await expect(page.getByTestId('multivariate-sentence')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('tl-kind').selectOption('size');
  await page.getByTestId('tl-n').fill('100');
  await page.getByTestId('tl-apply').click();
  await expect(page.getByTestId('timeline-summary')).toContainText('3 chunks', { timeout: 60_000 });
  const chart = page.getByTestId('timeline-reconstruction');
  await expect(chart).toHaveAttribute('data-chart-drawn', /[1-9]/, { timeout: 30_000 });
  await expect(page.getByTestId('tl-reconstruction-verdict')).toHaveText(
    drifted > 0 ? `Drift in ${drifted} of ${chunks.length} chunks` : `No drift in ${chunks.length} chunks`,
  );
  await chart.scrollIntoViewIfNeeded();
  expect(await chartOverflow(chart)).toEqual([]);
  await page.screenshot({ path: path.join(artifactsDir, 'timeline-reconstruction-1280.png') });
  // The domain classifier per chunk: its badge counts the chunks the command line's JSON calls drifted.
  const classified = report.timeline!.chunks.filter((c) => c.multivariate?.domainClassifier);
  const separated = classified.filter((c) => c.multivariate!.domainClassifier!.driftDetected).length;
  const auc = page.getByTestId('timeline-domain-auc');
  await expect(auc).toHaveAttribute('data-chart-drawn', /[1-9]/, { timeout: 30_000 });
  await expect(page.getByTestId('tl-domain-auc-verdict')).toHaveText(
    separated > 0
      ? `Drift in ${separated} of ${classified.length} chunks`
      : `No drift in ${classified.length} chunks`,
  );
  await auc.scrollIntoViewIfNeeded();
  expect(await chartOverflow(auc)).toEqual([]);
  await page.screenshot({ path: path.join(artifactsDir, 'timeline-domain-auc-1280.png') });
});
