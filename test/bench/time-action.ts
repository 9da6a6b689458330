/** Timing helpers of the UI benchmarks (bench-ui.spec.ts, timeline-app.bench.ts). */
import type { Page } from '@playwright/test';
import type { Harness } from '../e2e/harness';
import type { AppPage } from '../e2e/pages/app-page';

/**
 * Opens the app, picks the reference and then the current file and waits (up to `timeoutMs`) for the
 * analysis; resolves with the app and the seconds from the first click to the result.
 */
export async function openAndAnalyse(
  harness: Harness,
  files: { reference: string; current: string },
  timeoutMs: number,
): Promise<{ app: AppPage; seconds: number }> {
  const app = await harness.open();
  const t0 = Date.now();
  harness.chooseNext(files.reference);
  await app.openButton('reference').click();
  harness.chooseNext(files.current);
  await app.openButton('current').click();
  await app.expectState('ready', timeoutMs);
  return { app, seconds: (Date.now() - t0) / 1000 };
}

/**
 * Runs `action` (a click in the page) and resolves with the milliseconds until `done` holds and one more
 * animation frame has started (the frame that paints the result).
 */
export async function timeAction(page: Page, action: string, done: string): Promise<number> {
  return page.evaluate(
    ({ action, done }) =>
      new Promise<number>((resolve) => {
        const act = new Function(action) as () => void;
        const check = new Function(`return (${done});`) as () => boolean;
        const t0 = performance.now();
        const finish = () => requestAnimationFrame(() => resolve(performance.now() - t0));
        const observer = new MutationObserver(() => {
          if (check()) {
            observer.disconnect();
            finish();
          }
        });
        observer.observe(document.body, {
          subtree: true,
          attributes: true,
          childList: true,
          characterData: true,
        });
        act();
        if (check()) {
          observer.disconnect();
          finish();
        }
      }),
    { action, done },
  );
}
