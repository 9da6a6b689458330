/** Timing helper of the UI benchmarks (bench-ui.spec.ts, timeline-app.bench.ts). */
import type { Page } from '@playwright/test';

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
