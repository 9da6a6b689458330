/**
 * The one summary chooser (shared/report/drift-summary.ts) on real analyses: none drifted, ties,
 * missing-share drift only, columns not tested, columns without an effect size; and the report line,
 * the CLI summary and the report's column order all name the column it chooses.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, verdictLine } from '../../../../electron/cli-format';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';
import type { AnalysisResult, ColumnResult } from '../../../../shared/report/analysis-result';
import { driftedFirst } from '../../../../shared/report/column-order';
import {
  driftStrength,
  driftSummary,
  strongestText,
  summaryLine,
  summarySentence,
} from '../../../../shared/report/drift-summary';
import { demoResult, table } from './fixture';

const n = 300;
const seq = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const ctx = { version: '0.1.0-test', now: new Date('2026-01-02T03:04:05Z') };
const analyze = (ref: Record<string, string[]>, cur: Record<string, string[]>) =>
  analyzeTables(table('reference.csv', ref), table('current.csv', cur), parseSettings({}), ctx);
const byName = (result: AnalysisResult, name: string) =>
  result.columns.find((c) => c.name === name) as ColumnResult;

describe('driftSummary', () => {
  it('names no column when none drifted, and says so', () => {
    const same = { a: seq((i) => String(i % 97)), b: seq((i) => ['x', 'y'][i % 2]) };
    const result = analyze(same, same);
    const summary = driftSummary(result);
    expect(summary.verdict).toBe('no_drift');
    expect(summary.strongest).toEqual([]);
    expect(strongestText(summary)).toBeNull();
    expect(summarySentence(summary)).toBe('0 of 2 columns drifted');
  });

  it('names every column tied for the largest effect size, in file order', () => {
    // b and c hold the same values in both files, so their tests and effect sizes are equal by construction.
    const ref = { a: seq((i) => String(i % 50)), b: seq((i) => String(i)), c: seq((i) => String(i)) };
    const cur = {
      a: seq((i) => String((i % 50) + 20)),
      b: seq((i) => String(i + 200)),
      c: seq((i) => String(i + 200)),
    };
    const result = analyze(ref, cur);
    const b = byName(result, 'b');
    expect(b.driftDetected).toBe(true);
    expect(byName(result, 'a').driftDetected).toBe(true);
    expect(byName(result, 'a').effectSize!.value).toBeLessThan(b.effectSize!.value);
    const summary = driftSummary(result);
    expect(summary.strongest.map((c) => c.name)).toEqual(['b', 'c']);
    expect(summary.strongest[0].strength).toEqual({ by: 'effect_size', value: b.effectSize!.value });
    expect(strongestText(summary)).toMatch(/^b \(K–S p = [^)]+\), c \(K–S p = [^)]+\)$/);
    expect(summaryLine(result)).toBe(`3 of 3 columns drifted; strongest: ${strongestText(summary)}`);
  });

  it('does not count a column whose only drift is in its missing share', () => {
    // Current keeps every other value of reference and leaves the rest empty: same spread, half missing.
    const ref = { m: seq((i) => String(i)) };
    const cur = { m: seq((i) => (i % 2 === 0 ? String(i) : '')) };
    const result = analyze(ref, cur);
    const m = byName(result, 'm');
    expect(m.missingDrift?.driftDetected).toBe(true);
    expect(m.driftDetected).toBe(false);
    expect(result.dataset.missingDriftColumns).toBe(1);
    const summary = driftSummary(result);
    expect(summary.strongest).toEqual([]);
    expect(summarySentence(summary)).toBe('0 of 1 column drifted');
  });

  it('skips columns that were not tested, even one marked drifted', () => {
    const result = demoResult();
    const untested = result.columns.find((c) => c.test === null) as ColumnResult;
    expect(untested).toBeDefined();
    // A column without a test cannot rank, whatever its flag says.
    const forged: AnalysisResult = {
      ...result,
      columns: [
        { ...untested, driftDetected: true, effectSize: { measure: 'jensenshannon', value: 1 } },
        ...result.columns,
      ],
    };
    expect(driftSummary(forged).strongest.map((c) => c.name)).toEqual(['income']);
    const nothing: AnalysisResult = {
      ...result,
      dataset: { ...result.dataset, testedColumns: 0, driftedColumns: 0 },
    };
    expect(driftSummary(nothing).verdict).toBe('untested');
    expect(summarySentence(driftSummary(nothing))).toBe('No column could be tested');
  });

  it('ranks any effect size above none, and columns without one by score relative to threshold', () => {
    const result = demoResult();
    const base = result.columns.find((c) => c.name === 'income') as ColumnResult;
    const p = (name: string, score: number, effect: number | null): ColumnResult => ({
      ...base,
      name,
      test: 'ks',
      testKind: 'p_value',
      score,
      threshold: 0.05,
      driftDetected: true,
      effectSize: effect === null ? null : { measure: 'jensenshannon', value: effect },
    });
    // 0.05 / 1e-3 = 50 and 0.05 / 1e-6 = 50,000: the smaller p-value is the stronger.
    expect(driftStrength(p('x', 1e-3, null))).toEqual({ by: 'relative_score', value: 50 });
    const noEffect: AnalysisResult = { ...result, columns: [p('weak', 1e-3, null), p('strong', 1e-6, null)] };
    expect(driftSummary(noEffect).strongest.map((c) => c.name)).toEqual(['strong']);
    // A tiny effect size still outranks a tiny p-value without one (the app's old rule kept).
    const mixed: AnalysisResult = { ...result, columns: [p('bare', 1e-300, null), p('small', 0.01, 0.01)] };
    expect(driftSummary(mixed).strongest.map((c) => c.name)).toEqual(['small']);
    expect(driftedFirst(mixed.columns).map((c) => c.name)).toEqual(['small', 'bare']);
  });

  it('gives the report line, the CLI and the report order the same strongest column', () => {
    const result = demoResult();
    const summary = driftSummary(result);
    const text = strongestText(summary) as string;
    expect(summary.strongest[0].name).toBe('income');
    for (const c of result.columns) {
      if (c.driftDetected)
        expect(c.effectSize!.value).toBeLessThanOrEqual(summary.strongest[0].strength.value);
    }
    expect(summaryLine(result)).toContain(`; strongest: ${text}`);
    expect(formatSummary(result)).toContain(`\nStrongest drift: ${text}\n`);
    expect(verdictLine(result)).toBe(`Dataset drift detected: ${summaryLine(result)}.\n`);
    expect(driftedFirst(result.columns)[0].name).toBe('income');
  });
});
