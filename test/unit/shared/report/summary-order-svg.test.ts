import { describe, expect, it } from 'vitest';
import type { AnalysisResult, ColumnResult } from '../../../../shared/report/analysis-result';
import { driftedFirst, orderColumns } from '../../../../shared/report/column-order';
import { summaryLine } from '../../../../shared/report/drift-summary';
import { escapeHtml, formatBytes, formatNumber } from '../../../../shared/report/report-format';
import { distributionSvg, niceTicks } from '../../../../shared/report/svg-chart';
import { demoResult, IMG, SCRIPT } from './fixture';

describe('report-format', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
  it('formats numbers and sizes like the app', () => {
    expect(formatNumber(0.421234)).toBe('0.4212');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(1234567)).toBe('1.23e+6');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});

function column(name: string, over: Partial<ColumnResult>): ColumnResult {
  return { ...demoResult().columns[0], name, ...over };
}

describe('summaryLine', () => {
  it('names the count and the strongest drifted column with its test and score', () => {
    expect(summaryLine(demoResult())).toMatch(/^\d of \d columns drifted; strongest: income \(K–S p = \d/);
  });

  it('says p = for p-value tests and handles no drift and nothing tested', () => {
    const base = demoResult();
    const ks = column('age', {
      test: 'ks',
      testKind: 'p_value',
      score: 1.2e-9,
      threshold: 0.05,
      driftDetected: true,
      effectSize: null,
    });
    const one: AnalysisResult = {
      ...base,
      columns: [ks],
      dataset: { ...base.dataset, driftedColumns: 1, testedColumns: 3 },
    };
    expect(summaryLine(one)).toBe('1 of 3 columns drifted; strongest: age (K–S p = 1.2e-9)');
    const none: AnalysisResult = {
      ...base,
      dataset: { ...base.dataset, driftedColumns: 0, testedColumns: 12 },
    };
    expect(summaryLine(none)).toBe('0 of 12 columns drifted');
    const untested: AnalysisResult = {
      ...base,
      dataset: { ...base.dataset, driftedColumns: 0, testedColumns: 0 },
    };
    expect(summaryLine(untested)).toBe('No column could be tested');
  });
});

describe('column order', () => {
  it('puts drifted first (strongest first), then tested, then untested', () => {
    const result = demoResult();
    const groups = driftedFirst(result.columns).map((c) =>
      c.test === null || c.score === null ? 2 : c.driftDetected ? 0 : 1,
    );
    expect([...groups].sort()).toEqual(groups);
    expect(groups).toContain(2);
  });

  it('applies a user order, ignores unknown names and duplicates, appends the rest', () => {
    const result = demoResult();
    const names = orderColumns(result, ['color', 'nope', 'color', 'stable']).map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(['color', 'stable']);
    expect(new Set(names).size).toBe(result.columns.length);
  });
});

describe('distributionSvg', () => {
  it('niceTicks matches d3.ticks', () => {
    // d3.ticks(0, 1, 5)
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    // d3.ticks(-3, 17, 4)
    expect(niceTicks(-3, 17, 4)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(2, 2, 4)).toEqual([2]);
  });

  it('draws two bars per bin with tooltips', () => {
    const svg = distributionSvg(
      { kind: 'histogram', edges: [0, 1, 2, 3], reference: [0.2, 0.5, 0.3], current: [0.1, 0.3, 0.6] },
      'x',
    );
    expect(svg.match(/<rect x=/g)).toHaveLength(6 + 2); // 6 bars + 2 legend swatches
    expect(svg).toContain('<title>Current · 2 – 3 · 60.0%</title>');
  });

  it('handles a constant column (one zero-width bin) without NaN', () => {
    const svg = distributionSvg({ kind: 'histogram', edges: [5, 5], reference: [1], current: [1] }, 'c');
    expect(svg).not.toContain('NaN');
  });

  it('escapes category labels and the column name', () => {
    const svg = distributionSvg(
      { kind: 'categories', labels: [SCRIPT, IMG], reference: [0.5, 0.5], current: [1, 0], otherLabel: null },
      SCRIPT,
    );
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('NaN');
  });
});
