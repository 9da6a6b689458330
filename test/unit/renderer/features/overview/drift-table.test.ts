/**
 * Component tests of the drift table, rendered to markup by react-dom/server
 * (no DOM here: effects do not run, so this is the first paint). Oracles: the analysis result the markup is
 * made from, and the rule that every string from a data file is text (escaped), never HTML.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DriftTable } from '../../../../../renderer/src/features/overview/drift-table';
import type { AnalysisResult } from '../../../../../shared/report/analysis-result';
import { hostileResult, IMG, SCRIPT } from '../../../shared/report/fixture';
import { shopResult } from '../../fixture';

/** node has no window: the table asks matchMedia whether the window is 1600 px wide (here: no). */
let undo: (() => void) | undefined;
function installWindow() {
  const g = globalThis as { window?: unknown };
  const before = g.window;
  g.window = { matchMedia: () => ({ matches: false, addEventListener() {}, removeEventListener() {} }) };
  undo = () => {
    g.window = before;
  };
}
afterEach(() => undo?.());

const table = (result: AnalysisResult, selected: string | null = null) =>
  renderToStaticMarkup(createElement(DriftTable, { result, selected, onSelect: () => {} }));

/** The values of `attribute` on the elements carrying data-testid="testId", in order. */
function attributes(html: string, testId: string, attribute: string): string[] {
  const tags = html.match(new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`, 'g')) ?? [];
  return tags.map((tag) => tag.match(new RegExp(`${attribute}="([^"]*)"`))?.[1] ?? '');
}

let shop: AnalysisResult;
beforeAll(async () => {
  shop = await shopResult({});
});

describe('DriftTable', () => {
  it('renders a row per column in the files’ order, the first one in the Tab order', () => {
    installWindow();
    const html = table(shop);
    expect(attributes(html, 'drift-row', 'data-column')).toEqual(shop.columns.map((c) => c.name));
    expect(attributes(html, 'drift-row', 'tabindex')).toEqual(
      shop.columns.map((_, i) => (i === 0 ? '0' : '-1')),
    );
    // header row + one per column
    expect(html).toContain(`aria-rowcount="${shop.columns.length + 1}"`);
    expect(html).toContain(`${shop.columns.length} columns`);
  });

  it('marks the selected row and gives it the Tab stop', () => {
    installWindow();
    const html = table(shop, 'income');
    expect(attributes(html, 'drift-row', 'data-selected')).toEqual(
      shop.columns.map((c) => (c.name === 'income' ? 'true' : 'false')),
    );
    expect(attributes(html, 'drift-row', 'tabindex')).toEqual(
      shop.columns.map((c) => (c.name === 'income' ? '0' : '-1')),
    );
  });

  it('shows a verdict per column: Drift, No drift, or Not tested', () => {
    installWindow();
    const badges = [...table(shop).matchAll(/class="badge badge-(\w+)">([^<]*)</g)].map((m) => m[2]);
    expect(badges).toEqual(
      shop.columns.map((c) =>
        c.test === null || c.score === null ? 'Not tested' : c.driftDetected ? 'Drift' : 'No drift',
      ),
    );
  });

  it('shows the effect size and no adjusted p without a correction, the reverse with one below 1600 px', async () => {
    installWindow();
    const plain = table(shop);
    expect(plain).toContain('data-testid="header-effect"');
    expect(plain).not.toContain('data-testid="header-pAdjusted"');
    const corrected = table(await shopResult({ correction: 'bonferroni' }));
    expect(corrected).toContain('data-testid="header-pAdjusted"');
    expect(corrected).not.toContain('data-testid="header-effect"');
  });

  it('writes column names from a data file as text, never HTML', () => {
    installWindow();
    const html = table(hostileResult());
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    // HTML attribute/text escaping: & < > " as entities
    const escaped = (text: string) =>
      text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    expect(html).toContain(`>${escaped(IMG)}</span>`);
  });
});
