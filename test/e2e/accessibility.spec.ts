/**
 * Basic accessibility: axe-core (WCAG 2 A and AA rules) on the main screens in light and dark themes, and a
 * keyboard walk through the workspace (Tab order, arrow keys in the drift table, a visible focus ring and
 * an accessible name on every interactive element).
 *
 * The renderer's CSP is `script-src 'self'`, which blocks the inline <script> page.addScriptTag injects
 * (and `new Function` too: no 'unsafe-eval'). This spec alone therefore runs with Playwright's
 * `bypassCSP: true`; security.spec.ts and every other spec keep the CSP enforced.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactsDir, expect, test } from './harness';
import type { AppPage } from './pages/app-page';

test.beforeAll(() => mkdirSync(artifactsDir, { recursive: true }));
test.use({ bypassCSP: true });

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe (wcag2a + wcag2aa) on the whole page; returns the violations, printed one line per node. */
async function axe(page: Page, screen: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(...args: unknown[]): Promise<unknown> } }).axe;
    const results = (await runner.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  });
  for (const violation of violations) {
    for (const node of violation.nodes) {
      console.log(
        `[axe ${screen}] ${violation.impact} ${violation.id} (${violation.help}): ${JSON.stringify(node.target)}` +
          ` ${node.html.slice(0, 160)}\n    ${(node.failureSummary ?? '').replace(/\n/g, ' ')}`,
      );
    }
  }
  return violations;
}

/** The serious and critical violations, as "screen: rule on target" lines (the test's failure message). */
function blocking(screen: string, violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${screen}: ${v.id} on ${JSON.stringify(node.target)}`));
}

function typeRow(app: AppPage, type: string) {
  return app.rows.filter({ has: app.page.getByTestId('cell-type').getByText(type, { exact: true }) }).first();
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('axe finds no serious or critical WCAG 2 A/AA violation on the main screens', async ({
      harness,
      page,
    }) => {
      const found: string[] = [];
      const app = await harness.open();
      await app.expectState('empty');
      found.push(...blocking('start screen', await axe(page, `${scheme} start`)));

      await app.demoButton.click();
      await app.expectState('ready');
      await typeRow(app, 'numerical').click();
      await expect(app.detail).toHaveAttribute('data-detail-state', 'ready');
      // With the bins table open (the keyboard route to a bin's rows) and the rows of one bin shown.
      await page.getByTestId('bins-toggle').click();
      await page.getByTestId('bin-rows').first().click();
      await expect(page.getByTestId('rows-panel').getByTestId('rows-count')).toBeVisible();
      found.push(...blocking('drift, numeric', await axe(page, `${scheme} numeric`)));

      await typeRow(app, 'categorical').click();
      await expect(app.categoryBars.locator('svg.main-svg').first()).toBeVisible();
      found.push(...blocking('drift, categorical', await axe(page, `${scheme} categorical`)));

      await page.getByTestId('analysis-settings-button').click();
      await expect(page.getByTestId('analysis-settings')).toBeVisible();
      found.push(...blocking('analysis settings', await axe(page, `${scheme} settings`)));
      await page.getByTestId('as-cancel').click();

      await page.getByTestId('tab-quality').click();
      await expect(page.getByTestId('model-quality')).toHaveAttribute('data-quality-state', 'ready');
      found.push(...blocking('model quality', await axe(page, `${scheme} quality`)));

      expect(found, 'serious or critical axe violations').toEqual([]);
    });
  });
}

interface Stop {
  region: string;
  description: string;
  focusVisible: boolean;
  ring: boolean;
}

interface Focus {
  /** The focused element, null when the focus is not on an element of the page. */
  stop: Stop | null;
  /** Walking: the element was visited before in this walk (it is marked as visited otherwise). */
  again: boolean;
  /** Walking: its accessible name. */
  name: string;
}

/**
 * Runs in the page: the focused element, where it is, what it is, and whether it shows a focus ring. When
 * `walk` is set (a step of a Tab walk), it also tells whether the walk visited the element before, marks
 * it as visited, and gives its accessible name: one round trip per Tab stop.
 */
function inspectFocus(walk: boolean): Focus {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body) return { stop: null, again: false, name: '' };
  const regions: [string, string][] = [
    ['topbar', '.topbar'],
    ['tabs', '[role="tablist"]'],
    ['overview', '.overview'],
    ['toolbar', '[data-testid="table-toolbar"]'],
    ['table', '[data-testid="drift-table"]'],
    ['detail', '[data-testid="feature-detail"]'],
  ];
  const region = regions.find(([, selector]) => element.closest(selector))?.[0] ?? 'other';
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  const id = element.getAttribute('data-testid') ?? element.className;
  const stop = {
    region,
    description: `${element.tagName.toLowerCase()}[${id}] "${(element.textContent ?? '').trim().slice(0, 30)}"`,
    focusVisible: element.matches(':focus-visible'),
    ring: outline || shadow,
  };
  if (!walk) return { stop, again: false, name: '' };
  const again = element.dataset.a11yVisited === 'true';
  element.dataset.a11yVisited = 'true';
  if (again) return { stop, again, name: '' };
  // The accessible name as far as these controls need: aria-label(ledby), a label, then text/title.
  const labelledBy = element.getAttribute('aria-labelledby');
  const labels = (element as HTMLInputElement).labels;
  const name = labelledBy
    ? labelledBy
        .split(/\s+/)
        .map((labelId) => document.getElementById(labelId)?.textContent ?? '')
        .join(' ')
    : (element.getAttribute('aria-label') ??
      (labels && labels.length > 0
        ? Array.from(labels)
            .map((l) => l.textContent)
            .join(' ')
        : null) ??
      (element.textContent?.trim() || element.getAttribute('title') || ''));
  return { stop, again, name };
}

/** The focused element: where it is, what it is, and whether it shows a focus ring. */
async function focused(page: Page): Promise<Stop | null> {
  return (await page.evaluate(inspectFocus, false)).stop;
}

/**
 * Presses Tab from the current focus navigation starting point until the focus leaves the page or comes
 * back to an element it visited. Every stop must match :focus-visible, show a ring and have an accessible
 * name. Returns the stops, those problems, and the interactive elements Tab never reached.
 */
async function walkTab(page: Page, label: string, scope = 'body') {
  await page.evaluate(() => {
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-a11y-visited]'))) {
      delete element.dataset.a11yVisited;
    }
    // The walk starts after the focused element, if any: it counts as reached.
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      document.activeElement.dataset.a11yVisited = 'true';
    }
  });
  const stops: Stop[] = [];
  const problems: string[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const { stop, again, name } = await page.evaluate(inspectFocus, true);
    if (!stop) break;
    if (again) break;
    stops.push(stop);
    if (!stop.focusVisible) problems.push(`no :focus-visible on ${stop.description}`);
    if (!stop.ring) problems.push(`no focus ring (outline or box-shadow) on ${stop.description}`);
    if (!name.trim()) problems.push(`no accessible name on ${stop.description}`);
  }
  console.log(`[tab ${label}]\n${stops.map((stop) => `  ${stop.region}: ${stop.description}`).join('\n')}`);
  const unreached = await page.evaluate((within) => {
    const candidates = document.querySelectorAll<HTMLElement>(
      `${within} :is(a[href], button, input, select, textarea, summary, [tabindex])`,
    );
    return Array.from(candidates)
      .filter(
        (element) =>
          element.tabIndex >= 0 &&
          !(element as HTMLButtonElement).disabled &&
          // false for display: none, visibility: hidden and the content of a closed <details>
          element.checkVisibility({ visibilityProperty: true }) &&
          element.dataset.a11yVisited !== 'true',
      )
      .map((element) => element.outerHTML.slice(0, 120));
  }, scope);
  return { stops, problems, unreached };
}

test('keyboard: Tab order top bar → tabs → filters → table → detail, arrows move the selection', async ({
  harness,
  page,
}) => {
  // Four Tab walks, about 180 key presses in all (one page round trip after each): about 15 s alone on
  // an idle machine, much more beside another worker on a busy one.
  test.setTimeout(180_000);
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  await typeRow(app, 'numerical').click();
  await expect(app.detail).toHaveAttribute('data-detail-state', 'ready');
  await page.getByTestId('column-settings-toggle').click();
  // Start from the top of the window: a click on the (non-interactive) brand moves the focus navigation
  // starting point there.
  await page.locator('.brand').click();
  const numeric = await walkTab(page, 'numeric');

  // Regions in order, each visited in one stretch (the verdict card has no control today).
  const order = ['topbar', 'tabs', 'overview', 'toolbar', 'table', 'detail'];
  const regions = numeric.stops.map((s) => s.region).filter((r, i, all) => i === 0 || all[i - 1] !== r);
  expect(regions.filter((r) => r !== 'overview')).toEqual(order.filter((r) => r !== 'overview'));
  // One Tab stop in the table body (roving tabindex); the other rows are reached with the arrow keys.
  expect(numeric.stops.filter((s) => s.description.startsWith('tr[')).length).toBe(1);
  expect(numeric.unreached, 'interactive elements Tab never reached').toEqual([]);
  expect(numeric.problems).toEqual([]);

  // The table: arrow keys move the selection, the focus follows, and so does the detail.
  const selected = page.locator('[data-testid="drift-row"][data-selected="true"]');
  await selected.focus();
  const start = Number(await selected.getAttribute('data-row-index'));
  await page.keyboard.press('ArrowDown');
  const next = page.locator(`[data-testid="drift-row"][data-row-index="${start + 1}"]`);
  await expect(next).toHaveAttribute('data-selected', 'true');
  await expect(next).toBeFocused();
  await expect(app.detail).toHaveAttribute('data-column', (await next.getAttribute('data-column')) ?? '');
  await page.keyboard.press('ArrowUp');
  await expect(selected).toHaveAttribute('data-row-index', String(start));
  await expect(page.locator(`[data-testid="drift-row"][data-row-index="${start}"]`)).toBeFocused();
  const ring = await focused(page);
  expect(ring?.focusVisible && ring.ring, 'focus ring on the keyboard-selected row').toBe(true);

  // A categorical column: the category table's values are buttons (their rows).
  await typeRow(app, 'categorical').click();
  await expect(app.categoryBars.locator('svg.main-svg').first()).toBeVisible();
  await page.locator('.brand').click();
  const categorical = await walkTab(page, 'categorical');
  expect(categorical.stops.some((s) => s.description.includes('link-button'))).toBe(true);
  expect(categorical.unreached, 'interactive elements Tab never reached').toEqual([]);
  expect(categorical.problems).toEqual([]);

  // The analysis settings panel, opened from the keyboard.
  await page.getByTestId('analysis-settings-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('analysis-settings')).toBeVisible();
  // A modal dialog (role="dialog", aria-modal): the focus starts on its first control, and Tab wraps
  // around inside it (the walk ends where the focus comes back to a control it visited: the first one).
  const dialog = page.getByTestId('analysis-settings');
  await expect(dialog).toHaveAttribute('role', 'dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(page.getByTestId('as-correction')).toBeFocused();
  const settings = await walkTab(page, 'settings', '[data-testid="analysis-settings"]');
  expect(
    settings.stops.some((s) => s.description.includes('as-apply') || s.description.includes('as-cancel')),
  ).toBe(true);
  expect(settings.stops.at(-1)?.description).toContain('as-export');
  expect(settings.stops.filter((s) => s.region === 'table' || s.region === 'detail')).toEqual([]);
  await expect(page.getByTestId('as-correction')).toBeFocused();
  expect(settings.unreached, 'interactive elements Tab never reached').toEqual([]);
  expect(settings.problems).toEqual([]);
  // Shift+Tab on the first control goes to the last, Tab on the last back to the first.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('as-export')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('as-correction')).toBeFocused();
  // Escape closes it and gives the focus back to its button.
  await page.getByTestId('as-share-threshold').focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('analysis-settings-button')).toBeFocused();
  // The page behind the modal takes no clicks: a click there (on the backdrop) cancels, like Escape.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.getByTestId('as-correction').selectOption('bonferroni');
  // Below the toolbar, left of the panel: the drift table, under the backdrop.
  await page.mouse.click(200, 700);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('analysis-settings-button')).toBeFocused();
  await expect(page.getByTestId('analysis-settings-count')).toHaveCount(0);

  // The tabs: arrow keys move through Drift, Timeline and Model quality, and the focus moves with them.
  await page.getByTestId('tab-drift').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-timeline')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-timeline')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-quality')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-quality')).toBeFocused();
  await expect(page.getByTestId('model-quality')).toHaveAttribute('data-quality-state', 'ready');
  await page.locator('.brand').click();
  const quality = await walkTab(page, 'quality');
  expect(quality.unreached, 'interactive elements Tab never reached').toEqual([]);
  expect(quality.problems).toEqual([]);
  await page.getByTestId('tab-quality').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tab-timeline')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tab-drift')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-drift')).toBeFocused();
});

test('screenshots after the accessibility fixes (light and dark, 1280×800)', async ({ harness, page }) => {
  const app = await harness.open('?demo=1');
  await app.expectState('ready');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await typeRow(app, 'numerical').click();
    await expect(app.detail).toHaveAttribute('data-detail-state', 'ready');
    await typeRow(app, 'numerical').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(artifactsDir, `a11y-drift-${scheme}.png`) });
    // The modebar's focus ring (the app's accent, not Plotly's 1px black).
    await page.locator('.brand').click();
    await app.histogram.locator('.modebar-btn').first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await app.detail.screenshot({ path: path.join(artifactsDir, `a11y-detail-focus-${scheme}.png`) });
    // The bins table open, a range focused from the keyboard and its rows shown.
    await page.getByTestId('bins-toggle').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('rows-panel').getByTestId('rows-count')).toBeVisible();
    await page.getByTestId('bins-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, `a11y-bins-table-${scheme}.png`) });
    await page.getByTestId('rows-close').click();
    await page.getByTestId('bins-toggle').click();
    await page.getByTestId('analysis-settings-button').click();
    await page.screenshot({ path: path.join(artifactsDir, `a11y-settings-${scheme}.png`) });
    await page.getByTestId('as-cancel').click();
    await page.getByTestId('tab-quality').click();
    await expect(page.getByTestId('model-quality')).toHaveAttribute('data-quality-state', 'ready');
    await page.screenshot({ path: path.join(artifactsDir, `a11y-quality-${scheme}.png`) });
    await page.getByTestId('confusion-reference').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, `a11y-confusion-${scheme}.png`) });
    await page.getByTestId('tab-drift').click();
  }
});
