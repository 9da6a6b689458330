/** Exploration, coming back: sessions saved and reopened (also after the files moved), recent list, theme, progress. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeExplorePair } from './explore-data';
import { artifactsDir, expect, test } from './harness';

test('a session saves paths and column settings, and reopens them with the selection', async ({
  harness,
  page,
}, testInfo) => {
  const files = writeExplorePair(testInfo.outputDir);
  const app = await harness.open();
  await expect(page.getByTestId('session-save')).toBeDisabled();
  harness.chooseNext(files.reference);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  harness.chooseNext(files.current);
  await app.openButton('current').click();
  await app.expectState('ready');
  await app.row('x').click();
  await page.getByTestId('column-settings-toggle').click();
  await page.getByTestId('setting-test').selectOption('wasserstein');
  await expect(app.row('x').getByTestId('cell-test')).toHaveText('Wasserstein');
  await page.getByTestId('bins-30').click();

  // Save: the dialog is answered without an extension; main adds .driftscope.json.
  const target = testInfo.outputPath('saved', 'my-analysis');
  mkdirSync(path.dirname(target), { recursive: true });
  harness.saveNext(target);
  await page.getByTestId('session-save').click();
  await expect(page.getByTestId('session-name')).toHaveText('my-analysis.driftscope.json');
  const saved = JSON.parse(readFileSync(`${target}.driftscope.json`, 'utf8'));
  expect(saved).toMatchObject({
    format: 'driftscope-session',
    version: 1,
    reference: files.reference,
    current: files.current,
    settings: { columns: { x: { test: 'wasserstein' } } },
    ui: { selected: 'x', bins: 30 },
  });

  // Reopen in a fresh window: files, settings, selection and bins come back.
  const fresh = await harness.open();
  harness.sessionNext(`${target}.driftscope.json`);
  await page.getByTestId('session-open').click();
  await fresh.expectState('ready');
  await expect(fresh.row('x').getByTestId('cell-test')).toHaveText('Wasserstein');
  await expect(fresh.detail).toHaveAttribute('data-column', 'x');
  await expect(fresh.detail).toHaveAttribute('data-bins', '30');
  await expect(page.getByTestId('slot-reference-file')).toHaveText('explore-reference.csv');

  // Cancelling the Open dialog changes nothing.
  harness.sessionNext(null);
  await page.getByTestId('session-open').click();
  await fresh.expectState('ready');
});

test('a session whose files moved asks for them, and a broken session says why', async ({
  harness,
  page,
}, testInfo) => {
  const files = writeExplorePair(testInfo.outputDir);
  const session = testInfo.outputPath('sessions', 'moved.driftscope.json');
  mkdirSync(path.dirname(session), { recursive: true });
  writeFileSync(
    session,
    JSON.stringify({
      format: 'driftscope-session',
      version: 1,
      reference: files.reference,
      current: files.current,
      settings: { test: null, threshold: null, shareThreshold: 0.5 },
      ui: { selected: 'plan', bins: 'auto', logY: false },
    }),
  );
  const elsewhere = testInfo.outputPath('elsewhere');
  mkdirSync(elsewhere, { recursive: true });
  const movedCurrent = path.join(elsewhere, 'renamed-current.csv');
  renameSync(files.current, movedCurrent);

  const app = await harness.open();
  harness.sessionNext(session);
  harness.locateNext(movedCurrent);
  await page.getByTestId('session-open').click();
  await app.expectState('ready');
  expect(harness.located).toEqual([`current: ${files.current}`]);
  await expect(page.getByTestId('slot-current-file')).toHaveText('renamed-current.csv');
  await expect(app.detail).toHaveAttribute('data-column', 'plan');

  const broken = testInfo.outputPath('sessions', 'broken.driftscope.json');
  writeFileSync(broken, '{"format": "something else"}');
  harness.sessionNext(broken);
  await page.getByTestId('session-open').click();
  await expect(page.getByTestId('notice')).toContainText(
    'broken.driftscope.json: not a Driftscope session file',
  );
  await app.expectState('ready');
});

test('recent files and sessions are listed and reopen', async ({ harness, page }, testInfo) => {
  const files = writeExplorePair(testInfo.outputDir);
  const app = await harness.open();
  await page.getByTestId('recent-menu').locator('summary').click();
  await expect(page.getByTestId('recent-menu')).toContainText('Nothing opened yet');
  await page.getByTestId('recent-menu').locator('summary').click();
  harness.chooseNext(files.reference);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded');
  harness.chooseNext(files.current);
  await app.openButton('current').click();
  await app.expectState('ready');
  const recent = JSON.parse(readFileSync(path.join(harness.userDataDir, 'recent.json'), 'utf8'));
  expect(recent[0].target).toEqual({ kind: 'pair', reference: files.reference, current: files.current });

  const fresh = await harness.open();
  await page.getByTestId('recent-menu').locator('summary').click();
  const item = page.getByTestId('recent-item').first();
  await expect(item).toHaveText(/Files\s*explore-reference\.csv ↔ explore-current\.csv/);
  await item.click();
  await fresh.expectState('ready');
  await expect(page.getByTestId('slot-current-file')).toHaveText('explore-current.csv');
});

test('the theme toggle switches light and dark, is remembered, and follows the system by default', async ({
  harness,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  const background = () =>
    app.root.evaluate((el) => getComputedStyle(el.ownerDocument.documentElement).backgroundColor);
  await expect(page.getByTestId('theme')).toHaveValue('system');
  const systemDark = await background();
  await page.getByTestId('theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(systemDark);
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(systemDark);
  await expect
    .poll(() => JSON.parse(readFileSync(path.join(harness.userDataDir, 'preferences.json'), 'utf8')).theme)
    .toBe('dark');
  // Remembered across windows.
  await page.emulateMedia({ colorScheme: 'light' });
  await harness.open('?demo=1');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('theme')).toHaveValue('dark');
  await app.rows.first().click();
  await page.screenshot({ path: path.join(artifactsDir, 'theme-dark.png') });
  await page.getByTestId('theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('loading shows rows per second and can be cancelled', async ({ harness, page }, testInfo) => {
  const big = testInfo.outputPath('big.csv');
  const chunk = '0.123456789,1.23456789,2.3456789,alpha,3.456789\n'.repeat(20_000);
  writeFileSync(big, `x,y,z,label,w\n${chunk.repeat(60)}`);
  const app = await harness.open();
  harness.chooseNext(big);
  await app.openButton('reference').click();
  await expect(app.slot('reference').getByTestId('load-progress-text')).toContainText(/[\d,]+ rows\/s/);
  await page.getByTestId('cancel-reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'idle');
});
