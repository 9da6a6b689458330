/**
 * UI benchmark, measured in Chromium against the real engine (see bench-ui.config.ts). Prints:
 * - 1,000,000 rows × 20 columns (test/bench/data, from generate-bench-data.mjs): switching the feature
 *   detail, re-binning, a column's settings change recomputed and shown;
 * - 2,000 columns: the table's render, and frame times while it scrolls top to bottom.
 * Each time runs from the user's action to the next animation frame after the DOM shows the result.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeWidePair } from '../e2e/explore-data';
import { expect, test } from '../e2e/harness';
import { openAndAnalyse, timeAction } from './time-action';

const dataDir = path.join(__dirname, 'data');

function ensureBenchData(): { reference: string; current: string } {
  const meta = path.join(dataDir, 'meta.json');
  const ok = existsSync(meta) && JSON.parse(readFileSync(meta, 'utf8')).rows === 1_000_000;
  if (!ok) execFileSync('node', [path.join(__dirname, 'generate-bench-data.mjs')], { stdio: 'inherit' });
  return { reference: path.join(dataDir, 'reference.csv'), current: path.join(dataDir, 'current.csv') };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  return `median ${median.toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n = ${s.length})`;
};

const rowSel = (name: string) => `document.querySelector('[data-testid="drift-row"][data-column="${name}"]')`;
const detailReady = (name: string, bins: string) =>
  `(() => { const d = document.querySelector('[data-testid="feature-detail"]'); return !!d && d.dataset.column === '${name}' && d.dataset.bins === '${bins}' && d.dataset.detailState === 'ready'; })()`;

test('1,000,000 rows × 20 columns: detail switch, re-binning, settings change', async ({ harness, page }) => {
  const files = ensureBenchData();
  const { app, seconds } = await openAndAnalyse(harness, files, 10 * 60_000);
  console.log(`[bench-ui] load + analysis of 2 × 1,000,000 rows × 20 columns: ${seconds.toFixed(1)} s`);

  const numeric = ['f01', 'f02', 'f03', 'f05', 'f08', 'f10', 'f14', 'i1', 'i2'];
  const categorical = ['c1', 'c2', 'c3', 'c4'];
  // Warm-up: Plotly's bundle loads on the first chart.
  await page.evaluate(`${rowSel('f01')}.click()`);
  await expect(app.detail).toHaveAttribute('data-detail-state', 'ready');

  const switches: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const name of [...numeric, ...categorical]) {
      switches.push(await timeAction(page, `${rowSel(name)}.click()`, detailReady(name, 'auto')));
    }
  }
  console.log(`[bench-ui] switching the feature detail: ${stats(switches)}`);

  await page.evaluate(`${rowSel('f03')}.click()`);
  await expect(app.detail).toHaveAttribute('data-detail-state', 'ready');
  const rebins: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const bins of ['10', '30', '100', 'auto']) {
      rebins.push(
        await timeAction(
          page,
          `document.querySelector('[data-testid="bins-${bins}"]').click()`,
          detailReady('f03', bins),
        ),
      );
    }
  }
  console.log(`[bench-ui] re-binning (10, 30, 100, auto): ${stats(rebins)}`);

  const settings: number[] = [];
  for (const name of ['f01', 'f05', 'f10']) {
    await page.evaluate(`${rowSel(name)}.click()`);
    await expect(app.detail).toHaveAttribute('data-detail-state', 'ready');
    await page.getByTestId('column-settings-toggle').click();
    for (const [test, label] of [
      ['ks', 'K–S'],
      ['psi', 'PSI'],
      ['', 'Wasserstein'],
    ]) {
      const select = `(() => { const s = document.querySelector('[data-testid="setting-test"]'); s.value = '${test}'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`;
      const shown = `(() => { const r = ${rowSel(name)}; const b = document.querySelector('[data-testid="column-settings"]'); return !!r && r.querySelector('[data-testid="cell-test"]').textContent === '${label}' && b && b.dataset.busy === 'false'; })()`;
      // React listens to 'change' through its root; a select's value setter needs the native event.
      settings.push(await timeAction(page, select, shown));
    }
  }
  console.log(`[bench-ui] column settings change, recomputed and shown: ${stats(settings)}`);
});

test('2,000 columns: table render and scrolling frame times', async ({ harness, page }, testInfo) => {
  const wide = writeWidePair(testInfo.outputDir, 2000, 1000);
  const app = await harness.open();
  harness.chooseNext(wide.reference);
  await app.openButton('reference').click();
  await expect(app.slot('reference')).toHaveAttribute('data-slot-state', 'loaded', { timeout: 120_000 });
  // Long main-thread tasks while the result arrives and the table first renders.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  harness.chooseNext(wide.current);
  await app.openButton('current').click();
  await app.expectState('ready', 5 * 60_000);
  const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  console.log(
    `[bench-ui] 2,000 columns, first render: longest main-thread task ${Math.max(0, ...longTasks).toFixed(1)} ms (${longTasks.length} tasks over 50 ms)`,
  );
  // Re-render of the whole table model: filter to nothing, then back to all 2,000 rows.
  const renders: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('filter-verdict').selectOption('untested');
    renders.push(
      await timeAction(
        page,
        `(() => { const s = document.querySelector('[data-testid="filter-verdict"]'); s.value = 'all'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`,
        `document.querySelector('[data-testid="table-count"]').textContent === '2000 columns' && !!document.querySelector('[data-testid="drift-row"]')`,
      ),
    );
  }
  console.log(
    `[bench-ui] 2,000 columns, table render (filter cleared, sort model rebuilt): ${stats(renders)}`,
  );

  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const wrap = document.querySelector('[data-testid="drift-table-wrap"]') as HTMLElement;
        const deltas: number[] = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          if (wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 1) {
            resolve(deltas.slice(1));
            return;
          }
          wrap.scrollTop += 220; // about five rows per frame: 2,000 rows in ~400 frames
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  const sorted = [...frames].sort((a, b) => a - b);
  console.log(
    `[bench-ui] 2,000 columns, scrolling top to bottom: ${frames.length} frames, max ${sorted[sorted.length - 1].toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms`,
  );
  await expect(app.row('feature_1999')).toBeVisible();
});
