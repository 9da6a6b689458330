import { describe, expect, it } from 'vitest';
import { DriftSpecError, parseDriftSpec } from '../../../../shared/simulate/drift-spec';
import { SimulateError, simulateBatches } from '../../../../shared/simulate/simulate-batches';

const header = ['id', 'income', 'region', 'target', 'prediction'];
// A small reference: income 10..109, regions cycling a/b/c/d, target = income > 60, prediction = target.
const reference = Array.from({ length: 100 }, (_, i) => {
  const income = 10 + i;
  const t = income > 60 ? '1' : '0';
  return [String(i), String(income), 'abcd'[i % 4], t, t];
});

describe('parseDriftSpec', () => {
  it('reads every kind, with @K', () => {
    expect(parseDriftSpec('shift:income:0.5sd@3')).toEqual({
      kind: 'shift',
      column: 'income',
      delta: 0.5,
      unit: 'sd',
      fromBatch: 3,
    });
    expect(parseDriftSpec('shift:income:-20')).toMatchObject({ delta: -20, unit: 'value', fromBatch: null });
    expect(parseDriftSpec('scale:income:1.5')).toMatchObject({ kind: 'scale', factor: 1.5 });
    expect(parseDriftSpec('reweight:region:a=3,b=0')).toMatchObject({ weights: { a: 3, b: 0 } });
    expect(parseDriftSpec('new-category:region:zz:0.2')).toMatchObject({ category: 'zz', share: 0.2 });
    expect(parseDriftSpec('missing:income:0.3')).toMatchObject({ kind: 'missing', share: 0.3 });
    expect(parseDriftSpec('break:income')).toMatchObject({ kind: 'break', column: 'income' });
    expect(parseDriftSpec('degrade:prediction:0.4@2')).toMatchObject({ share: 0.4, fromBatch: 2 });
  });

  it.each([
    ['lift:income:1', /unknown change "lift"/],
    ['shift', /name the column/],
    ['shift:income:abc', /the shift must be a number/],
    ['missing:income:1.5', /share must be a number in \[0, 1\]/],
    ['reweight:region:a', /CATEGORY=WEIGHT/],
    ['break:income@0', /@K must be a batch number/],
  ])('refuses %s with a message', (spec, message) => {
    expect(() => parseDriftSpec(spec)).toThrow(DriftSpecError);
    expect(() => parseDriftSpec(spec)).toThrow(message);
  });
});

describe('simulateBatches', () => {
  const run = (drift: string[], seed = 7, batches = 4) =>
    simulateBatches(header, reference, { batches, rows: 200, drift: drift.map(parseDriftSpec), seed });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(run(['shift:income:5'])).toEqual(run(['shift:income:5']));
    expect(run([], 8)[0].rows).not.toEqual(run([], 7)[0].rows);
  });

  it('resamples reference rows unchanged before the drift starts (default: the middle batch)', () => {
    const batches = run(['shift:income:1000']);
    const refRows = new Set(reference.map((r) => r.join(',')));
    for (const b of batches.slice(0, 2)) {
      expect(b.applied).toEqual([]);
      expect(b.rows.every((r) => refRows.has(r.join(',')))).toBe(true);
    }
    expect(batches[2].applied.map((c) => c.kind)).toEqual(['shift']);
  });

  it('shift in reference standard deviations moves every number by k·σ (ddof 0)', () => {
    // numpy.std(np.arange(10, 110)) = 28.86607004772212 (population std of 10..109), numpy 1.24
    const sigma = 28.86607004772212;
    const plain = run([]);
    const shifted = run(['shift:income:0.5sd@1']);
    // Same seed, same draws: the resample is identical, then each income is moved.
    shifted[0].rows.forEach((row, i) => {
      expect(Number(row[1])).toBeCloseTo(Number(plain[0].rows[i][1]) + 0.5 * sigma, 9);
    });
  });

  it('missing and new-category change exactly round(share × rows) cells', () => {
    const [b] = run(['missing:income:0.25@1'], 7, 1);
    expect(b.rows.filter((r) => r[1] === '').length).toBe(50);
    const [c] = run(['new-category:region:zz:0.1@1'], 7, 1);
    expect(c.rows.filter((r) => r[2] === 'zz').length).toBe(20);
  });

  it('reweight with weight 0 removes a category; break keeps the column multiset but not the relation', () => {
    const [b] = run(['reweight:region:b=0,c=0,d=0@1'], 7, 1);
    expect(new Set(b.rows.map((r) => r[2]))).toEqual(new Set(['a']));
    const plain = run([], 3, 1)[0].rows;
    const broken = run(['break:income@1'], 3, 1)[0].rows;
    expect(broken.map((r) => r[1]).sort()).toEqual(plain.map((r) => r[1]).sort());
    const agree = (rows: string[][]) => rows.filter((r) => (Number(r[1]) > 60 ? '1' : '0') === r[3]).length;
    expect(agree(plain)).toBe(200);
    expect(agree(broken)).toBeLessThan(150);
  });

  it('degrade replaces a share of the predictions by other rows’ predictions', () => {
    const [b] = run(['degrade:prediction:1@1'], 7, 1);
    const right = b.rows.filter((r) => r[3] === r[4]).length;
    expect(right).toBeLessThan(170);
    expect(right).toBeGreaterThan(60);
  });

  it('names an unknown column or category', () => {
    expect(() => run(['shift:salary:1'])).toThrow(SimulateError);
    expect(() => run(['shift:salary:1'])).toThrow(/no column "salary"/);
    expect(() => run(['reweight:region:q=2@1'])).toThrow(/has no category "q"/);
    expect(() => run(['shift:region:1@1'])).toThrow(/region: the column has no numbers/);
  });
});
