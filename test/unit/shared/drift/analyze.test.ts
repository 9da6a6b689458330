import { describe, expect, it } from 'vitest';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';
import type { ColumnarTable } from '../../../../shared/table/columnar';
import { textTable } from '../../../helpers/text-table';

const table = (fileName: string, columns: Record<string, string[]>): ColumnarTable =>
  textTable(fileName, columns);

const ctx = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };
const n = 200;
const seq = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

const reference = table('ref.csv', {
  x: seq((i) => String(i / 10)),
  shifted: seq((i) => String(i / 10)),
  color: seq((i) => ['red', 'green', 'blue'][i % 3]),
  sparse: seq((i) => (i % 20 === 0 ? '' : String(i * 1.5))),
  only_ref: seq(() => '1'),
});
const current = table('cur.csv', {
  x: seq((i) => String(i / 10 + 0.01)),
  shifted: seq((i) => String(i / 10 + 15)),
  color: seq((i) => ['red', 'green', 'purple'][i % 3]),
  sparse: seq((i) => (i % 3 === 0 ? '' : String(i * 1.5))),
  only_cur: seq(() => 'a'),
});

describe('analyzeTables', () => {
  const result = analyzeTables(reference, current, parseSettings({}), ctx);
  const col = (name: string) => result.columns.find((c) => c.name === name)!;

  it('keeps the reference order, then columns only in current, each untested one with a note', () => {
    expect(result.columns.map((c) => c.name)).toEqual([
      'x',
      'shifted',
      'color',
      'sparse',
      'only_ref',
      'only_cur',
    ]);
    expect(result.onlyInReference).toEqual(['only_ref']);
    expect(result.onlyInCurrent).toEqual(['only_cur']);
    expect(col('only_ref')).toMatchObject({ test: null, note: 'Missing from cur.csv: not tested.' });
  });

  it('runs the automatic tests and verdicts (n_ref = 200 ≤ 1000: ks for numbers, chisquare for 4 categories)', () => {
    expect(col('x')).toMatchObject({ test: 'ks', driftDetected: false });
    expect(col('shifted')).toMatchObject({ test: 'ks', driftDetected: true });
    // A category absent from the reference gives chisquare p = 0 (statistics.md §5).
    expect(col('color')).toMatchObject({ test: 'chisquare', score: 0, driftDetected: true });
    expect(col('x').effectSize?.measure).toBe('jensenshannon');
  });

  it('lists new and vanished categories and flags missing-share drift', () => {
    expect(col('color').newCategories).toEqual([{ value: 'purple', count: 66 }]);
    expect(col('color').vanishedCategories).toEqual([{ value: 'blue', count: 66 }]);
    expect(col('sparse').missingDrift).toMatchObject({ reference: 0.05, driftDetected: true });
    expect(result.dataset.missingDriftColumns).toBe(1);
  });

  it('applies ignore, a type override and a correction', () => {
    const r = analyzeTables(
      reference,
      current,
      parseSettings({
        ignore: ['x'],
        columns: { sparse: { type: 'categorical' } },
        correction: 'bonferroni',
      }),
      ctx,
    );
    expect(r.ignored).toEqual(['x']);
    expect(r.columns.map((c) => c.name)).not.toContain('x');
    const sparse = r.columns.find((c) => c.name === 'sparse')!;
    expect(sparse).toMatchObject({ type: 'categorical', typeSource: 'override' });
    const shifted = r.columns.find((c) => c.name === 'shifted')!;
    // Bonferroni over the 3 p-value tests run (shifted, color, sparse): p̃ = min(1, 3p).
    expect(shifted.pValueAdjusted).toBe(Math.min(1, 3 * shifted.pValue!));
    expect(r.dataset.correction).toBe('bonferroni');
  });

  it('survives values whose range overflows a double (±1e308): bins and effect size stay finite', () => {
    const huge = seq((i) => String((i - 100) * 1e306));
    const r = analyzeTables(table('a.csv', { v: huge }), table('b.csv', { v: huge }), parseSettings({}), ctx);
    const v = r.columns[0];
    expect(v.test).toBe('ks');
    expect(v.driftDetected).toBe(false);
    expect(v.effectSize?.value).toBe(0);
    expect(v.distribution?.kind).toBe('histogram');
    if (v.distribution?.kind === 'histogram')
      expect(v.distribution.edges.filter((e) => !Number.isFinite(e))).toEqual([]);
  });
});
