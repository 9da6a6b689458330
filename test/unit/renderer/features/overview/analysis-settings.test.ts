/**
 * Component test of the analysis settings panel, rendered to markup by react-dom/server (no DOM here: effects
 * do not run, so this is the first paint). Oracles: the settings it is opened with, the analysis result, and
 * the rule that every string from a data file is text (escaped), never HTML.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSettingsPanel } from '../../../../../renderer/src/features/overview/analysis-settings';
import { parseSettings } from '../../../../../shared/drift/settings';
import type { AnalysisResult } from '../../../../../shared/report/analysis-result';
import { hostileResult, SCRIPT } from '../../../shared/report/fixture';
import { shopResult } from '../../fixture';

/** The values of `attribute` on the elements carrying data-testid="testId", in order. */
function attributes(html: string, testId: string, attribute: string): string[] {
  const tags = html.match(new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`, 'g')) ?? [];
  return tags.map((tag) => tag.match(new RegExp(`${attribute}="([^"]*)"`))?.[1] ?? '');
}

let shop: AnalysisResult;
beforeAll(async () => {
  shop = await shopResult({});
});

describe('AnalysisSettingsPanel', () => {
  const panel = (settings: unknown, result: AnalysisResult) =>
    renderToStaticMarkup(
      createElement(AnalysisSettingsPanel, {
        settings: parseSettings(settings),
        result,
        onApply: () => {},
        onClose: () => {},
      }),
    );

  it('is a modal dialog showing the settings it was opened with, Apply off until something changes', () => {
    const html = panel({ correction: 'bonferroni', shareThreshold: 0.3, ignore: ['income'] }, shop);
    expect(html).toMatch(/^<div[^>]*role="dialog"[^>]*aria-modal="true"/);
    expect(html).toMatch(/<option value="bonferroni" selected="">/);
    expect(attributes(html, 'as-share-threshold', 'value')).toEqual(['0.3']);
    // the result on show was made without the ignore: every column of the files, in their order
    expect(attributes(html, 'as-ignore-item', 'data-column')).toEqual(shop.columns.map((c) => c.name));
    expect(html).toMatch(/data-column="income" checked=""/);
    expect(html).toMatch(/<button type="submit"[^>]*data-testid="as-apply" disabled=""/);
  });

  it('lists hostile column names as text', () => {
    const html = panel({}, hostileResult());
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<img');
  });
});
