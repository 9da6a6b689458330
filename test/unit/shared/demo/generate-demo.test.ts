import { describe, expect, it } from 'vitest';
import { DEMO_COLUMNS, DEMO_ROWS, generateDemo } from '../../../../shared/demo/generate-demo';

type Table = { header: string[]; rows: string[][] };

/** The demo never needs quoting (asserted below), so a plain split parses it. */
function parse(csv: string): Table {
  expect(csv.endsWith('\n')).toBe(true);
  expect(csv).not.toContain('\r');
  expect(csv).not.toContain('"');
  const lines = csv.slice(0, -1).split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function column(t: Table, name: string): string[] {
  const i = t.header.indexOf(name);
  expect(i).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => r[i]);
}

function mean(cells: string[]): number {
  const values = cells.filter((c) => c !== '').map(Number);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function missingShare(cells: string[]): number {
  return cells.filter((c) => c === '').length / cells.length;
}

describe('generateDemo', () => {
  const demo = generateDemo();
  const reference = parse(demo.reference);
  const current = parse(demo.current);

  it('is byte-identical for the same seed and differs for another seed', () => {
    const again = generateDemo(42);
    expect(again.reference).toBe(demo.reference);
    expect(again.current).toBe(demo.current);
    expect(again.model).toEqual(demo.model);
    expect(again.metrics).toEqual(demo.metrics);
    const other = generateDemo(7);
    expect(other.reference).not.toBe(demo.reference);
    expect(other.current).not.toBe(demo.current);
  });

  it('has the documented header and row counts', () => {
    for (const t of [reference, current]) {
      expect(t.header).toEqual([...DEMO_COLUMNS]);
      expect(t.rows).toHaveLength(DEMO_ROWS);
      expect(t.rows.every((r) => r.length === DEMO_COLUMNS.length)).toBe(true);
    }
  });

  it('writes values in their documented domains', () => {
    for (const t of [reference, current]) {
      const ids = column(t, 'customer_id');
      expect(new Set(ids).size).toBe(ids.length);
      expect(column(t, 'age').every((v) => /^\d+$/.test(v))).toBe(true);
      expect(column(t, 'credit_score').every((v) => /^\d+$/.test(v) && +v >= 300 && +v <= 850)).toBe(true);
      expect(new Set(column(t, 'num_open_accounts')).size).toBeLessThanOrEqual(10);
      expect(new Set(column(t, 'has_mortgage'))).toEqual(new Set(['true', 'false']));
      expect(column(t, 'application_date').every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true);
      expect(new Set(column(t, 'default'))).toEqual(new Set(['0', '1']));
      expect(column(t, 'income').every((v) => v !== '' && Number.isFinite(+v))).toBe(true);
      const probability = column(t, 'probability').map(Number);
      const prediction = column(t, 'prediction').map(Number);
      expect(probability.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(probability.every((p, i) => prediction[i] === (p >= demo.model.threshold ? 1 : 0))).toBe(true);
    }
    const referenceIds = new Set(column(reference, 'customer_id'));
    expect(column(current, 'customer_id').some((id) => referenceIds.has(id))).toBe(false);
  });

  it('dates current over twelve weeks in file order, the drift starting in week 6', () => {
    const dates = column(current, 'application_date');
    expect(dates[0]).toBe('2024-06-03'); // a Monday
    expect(dates.at(-1)).toBe('2024-08-25'); // the Sunday of the twelfth week
    expect([...dates].sort()).toEqual(dates);
    const calm = { header: current.header, rows: current.rows.filter((_, i) => dates[i] < '2024-07-08') };
    // Weeks 1-5 (5/12 of the rows) are drawn from the reference population: no new category, income as in reference.
    expect(calm.rows.length).toBe(Math.ceil((35 * DEMO_ROWS) / 84));
    expect(column(calm, 'region')).not.toContain('islands');
    const ratio = mean(column(calm, 'income')) / mean(column(reference, 'income'));
    expect(Math.abs(ratio - 1)).toBeLessThan(0.05);
  });

  it('builds in the documented drifts (from week 6 on)', () => {
    const dates = column(current, 'application_date');
    const drifted = { header: current.header, rows: current.rows.filter((_, i) => dates[i] >= '2024-07-08') };
    // income shifted down (x 0.82) and loan_amount rescaled (x 1.4).
    expect(mean(column(drifted, 'income'))).toBeLessThan(0.9 * mean(column(reference, 'income')));
    expect(mean(column(drifted, 'loan_amount'))).toBeGreaterThan(
      1.1 * mean(column(reference, 'loan_amount')),
    );
    // 'islands' is a category of current only.
    expect(column(reference, 'region')).not.toContain('islands');
    const islands = column(drifted, 'region').filter((r) => r === 'islands').length;
    expect(islands / drifted.rows.length).toBeGreaterThan(0.05);
    // More missing employment_years.
    expect(missingShare(column(drifted, 'employment_years'))).toBeGreaterThan(
      missingShare(column(reference, 'employment_years')) + 0.08,
    );
    expect(missingShare(column(reference, 'employment_years'))).toBeGreaterThan(0);
    // Controls stay put: age has the same distribution in both sets.
    expect(Math.abs(mean(column(current, 'age')) - mean(column(reference, 'age')))).toBeLessThan(1);
  });

  it('trains a model that learned the reference relation, whose accuracy falls on current', () => {
    expect(demo.model.converged).toBe(true);
    const weight = (name: string) => demo.model.numeric.find((f) => f.column === name)!.weight;
    expect(weight('debt_to_income')).toBeGreaterThan(0.5);
    expect(weight('credit_score')).toBeLessThan(-0.5);
    const { referenceAccuracy, currentAccuracy } = demo.metrics;
    expect(referenceAccuracy).toBeGreaterThan(0.75);
    expect(currentAccuracy).toBeLessThanOrEqual(referenceAccuracy - 0.05);
    // The metrics agree with the written columns.
    for (const [t, accuracy] of [
      [reference, referenceAccuracy],
      [current, currentAccuracy],
    ] as const) {
      const target = column(t, 'default');
      const prediction = column(t, 'prediction');
      const correct = target.filter((v, i) => v === prediction[i]).length;
      expect(correct / DEMO_ROWS).toBe(accuracy);
    }
  });

  it('accuracy falls for other seeds too', () => {
    for (const seed of [1, 2, 3]) {
      const { referenceAccuracy, currentAccuracy } = generateDemo(seed).metrics;
      expect(currentAccuracy).toBeLessThanOrEqual(referenceAccuracy - 0.05);
    }
  });

  it('is fast', () => {
    const start = performance.now();
    generateDemo(11);
    // Typically about 60 ms once warm; the bound is loose so that slow CI machines pass.
    expect(performance.now() - start).toBeLessThan(1500);
  });
});
