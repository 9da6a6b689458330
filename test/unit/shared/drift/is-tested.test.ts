/**
 * One meaning of "tested": a test ran and gave a score. A forced test that cannot be computed on the
 * column (fisher_exact on three categories: scipy.stats.fisher_exact takes a 2×2 table only) is "not
 * tested" in the dataset share, the CSV report, the CLI table and the report's order, on real files.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../../electron/cli-format';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { isTested } from '../../../../shared/drift/is-tested';
import { parseSettings } from '../../../../shared/drift/settings';
import { driftedFirst } from '../../../../shared/report/column-order';
import { driftTableCsv } from '../../../../shared/report/csv-report';

const fixture = (name: string) => path.join(__dirname, '..', '..', '..', 'fixtures', 'csv', name);
const ctx = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };

describe('isTested', () => {
  it('needs both a test and a score', () => {
    expect(isTested({ test: 'ks', score: 0.2 })).toBe(true);
    expect(isTested({ test: 'ks', score: 0 })).toBe(true);
    expect(isTested({ test: 'ks', score: null })).toBe(false);
    expect(isTested({ test: null, score: null })).toBe(false);
  });

  it('a forced test that cannot be computed is not tested everywhere (ref-small.csv vs cur-small.csv)', async () => {
    const reference = await loadCsv(fixture('ref-small.csv'));
    const current = await loadCsv(fixture('cur-small.csv'));
    // group (3 rows, 2 distinct: inferred as text, so typed categorical): a, b, a vs a, b, c → three categories
    const settings = parseSettings({ columns: { group: { type: 'categorical', test: 'fisher_exact' } } });
    const result = analyzeTables(reference, current, settings, ctx);
    const group = result.columns.find((c) => c.name === 'group')!;
    expect(group.test).toBe('fisher_exact');
    expect(group.score).toBeNull();
    expect(group.note).toContain('fisher_exact applies to two categories only; this column has 3.');
    expect(isTested(group)).toBe(false);
    // value (ks, n = 3 vs 3) is the only tested column: group, empty_here and extra are not
    expect(result.dataset.testedColumns).toBe(1);
    expect(result.columns.filter(isTested).map((c) => c.name)).toEqual(['value']);
    const cliLine = formatSummary(result)
      .split('\n')
      .find((l) => l.startsWith('group '))!;
    expect(cliLine).toMatch(/fisher_exact\s+-\s+0\.1\s+not tested\s+0\.0% → 0\.0%$/);
    const csvRow = driftTableCsv(result)
      .split(/\r?\n/)
      .find((l) => l.startsWith('group,'))!;
    expect(csvRow.split(',')).toContain('fisher_exact');
    // the drift cell is empty for an untested column, as for empty_here
    const header = driftTableCsv(result).split(/\r?\n/)[0].split(',');
    expect(csvRow.split(',')[header.indexOf('drift_detected')]).toBe('');
    expect(driftedFirst(result.columns).map((c) => c.name)[0]).toBe('value');
  });
});
