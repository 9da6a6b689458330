/**
 * Notes that say why a column is not tested (issue 10 item 5), on real files: a numerical column whose
 * current values are all decimal-comma numbers, a date column typed numerical, and a config forcing a
 * test on a column type it does not apply to (docs/settings.md promises a note).
 * Files: test/fixtures/csv/prices-ref.csv (semicolon, decimal point) and prices-cur-decimal-comma.csv
 * (semicolon, decimal comma), 8 rows each, written by hand; the expected counts are counted in them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../../electron/engine/load-csv';
import { analyzeTables } from '../../../../shared/drift/analyze';
import { parseSettings } from '../../../../shared/drift/settings';

const fixture = (name: string) => path.join(__dirname, '..', '..', '..', 'fixtures', 'csv', name);
const ctx = { version: 'test', now: new Date('2026-01-01T00:00:00Z') };

async function run(config: unknown) {
  const reference = await loadCsv(fixture('prices-ref.csv'));
  const current = await loadCsv(fixture('prices-cur-decimal-comma.csv'));
  const result = analyzeTables(reference, current, parseSettings(config), ctx);
  return (name: string) => result.columns.find((c) => c.name === name)!;
}

describe('not-tested notes', () => {
  it('all current values are decimal-comma numbers: says they are not numbers, with the hint', async () => {
    const col = await run({});
    const price = col('price');
    expect(price.type).toBe('numerical');
    expect(price.test).toBeNull();
    // 8 cells such as "12,5" and "1.014,5", none missing
    expect(price.current.invalid).toBe(8);
    expect(price.current.missing).toBe(0);
    expect(price.note).toContain(
      'prices-cur-decimal-comma.csv: none of the 8 value(s) is a number (first: "12,5")',
    );
    expect(price.note).toContain('decimal comma');
    expect(price.note).not.toContain('after removing missing cells');
  });

  it('a date column typed numerical: not numbers, and no decimal-comma hint', async () => {
    const col = await run({ columns: { measured: { type: 'numerical' } } });
    const measured = col('measured');
    expect(measured.type).toBe('numerical');
    expect(measured.reference.invalid).toBe(8);
    expect(measured.note).toContain(
      'prices-ref.csv: none of the 8 value(s) is a number (first: "2024-01-03")',
    );
    expect(measured.note).not.toContain('decimal comma');
    expect(measured.note).toContain('type override');
  });

  it('a test forced on a date column gets a note; a global test does not add one there', async () => {
    const perColumn = await run({ columns: { measured: { test: 'ks' } } });
    expect(perColumn('measured').type).toBe('datetime');
    expect(perColumn('measured').note).toBe(
      'Date/time column: not drift-tested; it can serve as the time axis. ks does not apply to datetime columns; the request is ignored.',
    );
    const perType = await run({ types: { datetime: { test: 'psi' } } });
    expect(perType('measured').note).toContain(
      'psi does not apply to datetime columns; the request is ignored.',
    );
    const global = await run({ test: 'ks' });
    expect(global('measured').note).toBe(
      'Date/time column: not drift-tested; it can serve as the time axis.',
    );
  });

  it('a numerical-only test forced on a categorical column falls back, and says so', async () => {
    const col = await run({ columns: { city: { test: 'ks' } } });
    const city = col('city');
    expect(city.type).toBe('categorical');
    // n_ref = 8 ≤ 1000, 3 categories → chisquare (statistics.md §3)
    expect(city.test).toBe('chisquare');
    expect(city.note).toContain('ks does not apply to categorical columns; the automatic choice was used.');
  });
});
