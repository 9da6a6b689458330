/** Opening files through the (stubbed) Open dialog and by drag and drop; errors, progress and cancel. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, expect, fixturesDir, test } from './harness';

const reference = path.join(fixturesDir, 'shop-reference.csv');
const current = path.join(fixturesDir, 'shop-current.csv');
const empty = path.join(fixturesDir, 'empty.csv');

test('two CSV files opened through the Open dialog are analysed', async ({ harness, page }) => {
  const app = await harness.open();
  await app.expectState('empty');

  harness.chooseNext(reference);
  await app.openButton('reference').click();
  await expect(page.getByTestId('slot-reference-file')).toHaveText('shop-reference.csv');
  await expect(page.getByTestId('slot-reference-meta')).toHaveText(/400 rows · 7 columns/);
  await app.expectState('empty');
  // Something is open now, so the demo offer is gone.
  await expect(app.demoButton).toHaveCount(0);

  harness.chooseNext(current);
  await app.openButton('current').click();
  await app.expectState('ready');

  await expect(page.getByTestId('verdict-reference')).toContainText('shop-reference.csv');
  await expect(page.getByTestId('verdict-reference')).toContainText('400 rows');
  await expect(page.getByTestId('verdict-current')).toContainText('shop-current.csv');
  await expect(page.getByTestId('verdict-current')).toContainText('300 rows');
  await expect(page.getByTestId('only-in-reference')).toContainText('legacy_score');
  await expect(page.getByTestId('only-in-current')).toContainText('channel');

  const names = await app.columnOrder();
  expect(names).toEqual(expect.arrayContaining(['age', 'income', 'plan', 'region', 'churned']));
  // Columns present in one file only are listed in the table too, untested.
  await expect(app.row('legacy_score').getByTestId('cell-drift')).toHaveText('Not tested');
  // income has 10% missing values in the current file only.
  const incomeMissing = app.row('income').getByTestId('cell-missingCurrent');
  await expect(incomeMissing).toHaveText(/\d+\.\d%$/);
  await expect(incomeMissing).not.toHaveText(/^0\.0%$/);
  await expect(incomeMissing.getByTestId('missing-drift')).toBeVisible();
  await expect(app.row('income').getByTestId('cell-missingReference')).toHaveText('0.0%');
  await app.row('income').click();
  await expect(page.getByTestId('detail-missing-drift')).toContainText('Missing share changed');
  // age moved by about one standard deviation: drift.
  await expect(app.row('age').getByTestId('cell-drift')).toHaveText('Drift');
  await page.screenshot({ path: path.join(artifactsDir, 'shop-files.png') });
});

test('cancelling the Open dialog keeps what was loaded', async ({ harness, page }) => {
  const app = await harness.open();
  harness.chooseNext(reference);
  await app.openButton('reference').click();
  await expect(page.getByTestId('slot-reference-file')).toHaveText('shop-reference.csv');

  harness.chooseNext(null);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  await expect(page.getByTestId('slot-reference-file')).toHaveText('shop-reference.csv');
});

test('an empty file shows an inline error naming the file, and the app keeps working', async ({
  harness,
  page,
}) => {
  const app = await harness.open();
  harness.chooseNext(empty);
  await app.openButton('reference').click();
  await app.expectState('error');
  const error = app.slot('reference').getByTestId('load-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('empty.csv');
  await expect(app.slot('reference').getByTestId('load-error-message')).not.toBeEmpty();
  await page.screenshot({ path: path.join(artifactsDir, 'load-error.png') });

  // Still usable: open valid files into both slots.
  harness.chooseNext(reference);
  await app.openButton('reference').click();
  await expect(error).toHaveCount(0);
  harness.chooseNext(current);
  await app.openButton('current').click();
  await app.expectState('ready');
  await expect(app.verdict).toBeVisible();
});

test('rows that do not match the header are reported with file and line', async ({ harness }, testInfo) => {
  const bad = testInfo.outputPath('ragged.csv');
  writeFileSync(bad, 'a,b,c\n1,2,3\n4,5\n7,8,9,10\n');
  const app = await harness.open();
  harness.chooseNext(bad);
  await app.openButton('current').click();
  await app.expectState('error');
  const error = app.slot('current').getByTestId('load-error');
  await expect(error).toContainText('ragged.csv');
  await expect(error.getByTestId('load-error-where')).toContainText('line 3');
});

test('files with no column in common show why the analysis failed', async ({ harness }, testInfo) => {
  const other = testInfo.outputPath('other.csv');
  writeFileSync(other, 'p,q\n1,2\n3,4\n5,6\n');
  const app = await harness.open();
  harness.chooseNext(other);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  harness.chooseNext(current);
  await app.openButton('current').click();
  await app.expectState('error');
  await expect(app.page.getByTestId('analysis-error')).toContainText('no column in common');
  // Replacing the reference recovers.
  harness.chooseNext(reference);
  await app.openButton('reference').click();
  await app.expectState('ready');
});

test('files dropped on the drop zones are loaded and analysed', async ({ harness }) => {
  const app = await harness.open();
  await app.expectState('empty');
  await app.dropFile('reference', reference);
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  await app.dropFile('current', current);
  await app.expectState('ready');
  await expect(app.page.getByTestId('verdict-current')).toContainText('shop-current.csv');
});

test('a large file shows progress and can be cancelled', async ({ harness, page }, testInfo) => {
  const big = testInfo.outputPath('big.csv');
  const line = '0.123456789,1.23456789,2.3456789,alpha,3.456789\n';
  const chunk = line.repeat(20_000);
  writeFileSync(big, `x,y,z,label,w\n${chunk.repeat(60)}`); // about 60 MB
  const app = await harness.open();
  harness.chooseNext(big);
  await app.openButton('reference').click();
  await app.expectState('loading');
  const progress = app.slot('reference').getByTestId('load-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/of .* · [\d,]+ rows/);
  await page.screenshot({ path: path.join(artifactsDir, 'loading.png') });
  await page.getByTestId('cancel-reference').click();
  await app.expectState('empty');
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'idle');
  await expect(app.demoButton).toBeVisible();
});

test('files named in the launch query (?reference=&current=) are opened', async ({ harness }) => {
  const query = `?${new URLSearchParams({ reference, current }).toString()}`;
  const app = await harness.open(query);
  await app.expectState('ready');
  await expect(app.page.getByTestId('verdict-reference')).toContainText('shop-reference.csv');
  await expect(app.page.getByTestId('verdict-current')).toContainText('shop-current.csv');
});
