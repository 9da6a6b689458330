import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_COLUMNS, DEMO_ROWS, generateDemo } from '../../../../shared/demo/generate-demo';
import { CALM_SERVING, DRIFTED_SERVING } from '../../../../shared/demo/production';
import { demoExpected } from '../../../helpers/demo-expected';

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

  it('writes the very files the Python oracle read (test/fixtures/gen_demo_expected.py)', () => {
    // When this fails the generator changed: run `npm run build:node` and
    // `/usr/bin/python3 test/fixtures/gen_demo_expected.py`, then review the re-pinned numbers.
    const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect({ reference: sha(demo.reference), current: sha(demo.current) }).toEqual(demoExpected.sha256);
    expect(demoExpected.columns).toEqual([...DEMO_COLUMNS]);
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
      expect(column(t, 'income').every((v) => v !== '' && Number.isFinite(+v))).toBe(true);
      for (const [model, suffix] of [
        [demo.model, ''],
        [demo.challenger, '_challenger'],
      ] as const) {
        const probability = column(t, `probability${suffix}`).map(Number);
        const prediction = column(t, `prediction${suffix}`).map(Number);
        expect(probability.every((p) => p >= 0 && p <= 1)).toBe(true);
        expect(probability.every((p, i) => prediction[i] === (p >= model.threshold ? 1 : 0))).toBe(true);
      }
      // Serving: a positive latency in ms with at most 2 decimals, an HTTP status code.
      expect(column(t, 'latency_ms').every((v) => /^\d+(\.\d{1,2})?$/.test(v) && +v > 0)).toBe(true);
      const codes = new Set(column(t, 'status_code'));
      expect(
        [...codes].every((c) =>
          ['200', '400', '404', '409', '422', '429', '500', '502', '503', '504'].includes(c),
        ),
      ).toBe(true);
      expect(codes.has('200')).toBe(true);
    }
    // The reference is fully labelled; current rows whose label has not arrived have an empty default.
    expect(new Set(column(reference, 'default'))).toEqual(new Set(['0', '1']));
    expect(new Set(column(current, 'default'))).toEqual(new Set(['0', '1', '']));
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

  it('labels arrive 21 to 35 days after the application: weeks 1-7 labelled, part of 8-9, none of 10-12', () => {
    const dates = column(current, 'application_date');
    const target = column(current, 'default');
    const start = Date.parse('2024-06-03T00:00:00Z');
    const byWeek = Array.from({ length: 12 }, () => ({ rows: 0, labelled: 0 }));
    dates.forEach((d, i) => {
      const w = byWeek[Math.floor((Date.parse(`${d}T00:00:00Z`) - start) / (7 * 86_400_000))];
      w.rows++;
      if (target[i] !== '') w.labelled++;
    });
    for (let w = 0; w < 7; w++) expect(byWeek[w].labelled).toBe(byWeek[w].rows);
    for (const w of [7, 8]) {
      expect(byWeek[w].labelled).toBeGreaterThan(0);
      expect(byWeek[w].labelled).toBeLessThan(byWeek[w].rows);
    }
    for (let w = 9; w < 12; w++) expect(byWeek[w].labelled).toBe(0);
    // Week 8 has about 11/15 of its labels, week 9 about 4/15 (delay uniform on 21..35 days).
    expect(byWeek[7].labelled / byWeek[7].rows).toBeCloseTo(11 / 15, 1);
    expect(byWeek[8].labelled / byWeek[8].rows).toBeCloseTo(4 / 15, 1);
    // The same counts as the oracle's (pandas on current.csv).
    expect(byWeek.map((w) => w.labelled)).toEqual(demoExpected.weeks.map((w) => w.labelled));
    expect(demo.metrics.currentLabelled).toBe(demoExpected.currentLabelled);
    // About a third of the rows wait for their label.
    expect(1 - demo.metrics.currentLabelled / DEMO_ROWS).toBeCloseTo(1 / 3, 1);
  });

  it('serves slower and with more 5xx from week 6 on', () => {
    const dates = column(current, 'application_date');
    const slice = (keep: (d: string) => boolean) => ({
      header: current.header,
      rows: current.rows.filter((_, i) => keep(dates[i])),
    });
    const p95 = (t: Table) => {
      const x = column(t, 'latency_ms')
        .map(Number)
        .sort((a, b) => a - b);
      return x[Math.floor(0.95 * (x.length - 1))];
    };
    const serverErrors = (t: Table) =>
      column(t, 'status_code').filter((c) => c >= '500').length / t.rows.length;
    const calm = slice((d) => d < '2024-07-08');
    const drifted = slice((d) => d >= '2024-07-08');
    // Log-normal: p95 = median · e^(1.645 sigma), 89 ms calm, 134 ms drifted; within 10 % on ~2000 rows.
    const expectedP95 = (p: typeof CALM_SERVING) => p.medianMs * Math.exp(1.645 * p.sigma);
    for (const [t, profile] of [
      [reference, CALM_SERVING],
      [calm, CALM_SERVING],
      [drifted, DRIFTED_SERVING],
    ] as const) {
      expect(Math.abs(p95(t) / expectedP95(profile) - 1)).toBeLessThan(0.1);
    }
    expect(serverErrors(drifted)).toBeGreaterThan(2 * serverErrors(reference));
    expect(serverErrors(reference)).toBeGreaterThan(0);
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
      const labelled = target.filter((v) => v !== '').length;
      const correct = target.filter((v, i) => v === prediction[i]).length;
      expect(correct / labelled).toBe(accuracy);
    }
    // sklearn accuracy_score on the labelled rows (test/fixtures/gen_demo_expected.py).
    expect(referenceAccuracy).toBeCloseTo(demoExpected.quality.reference.accuracy, 12);
    expect(currentAccuracy).toBeCloseTo(demoExpected.quality.current.accuracy, 12);
  });

  it('the challenger is the champion retrained with recent applicants: it weighs debt_to_income less', () => {
    const weight = (m: typeof demo.model, name: string) => m.numeric.find((f) => f.column === name)!.weight;
    expect(demo.challenger.converged).toBe(true);
    expect(weight(demo.challenger, 'debt_to_income')).toBeLessThan(weight(demo.model, 'debt_to_income'));
    // Better on the labelled current rows, a little worse on the reference (sklearn accuracy_score and
    // roc_auc_score, test/fixtures/gen_demo_expected.py).
    const q = demoExpected.challengerQuality;
    expect(q.current.rocAuc).toBeGreaterThan(demoExpected.quality.current.rocAuc);
    expect(q.current.accuracy).toBeGreaterThan(demoExpected.quality.current.accuracy);
    expect(q.reference.rocAuc).toBeLessThan(demoExpected.quality.reference.rocAuc);
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
