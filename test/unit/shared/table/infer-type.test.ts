import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../../shared/table/column-builder';
import { inferColumnType, isIdLikeName } from '../../../../shared/table/infer-type';

function infer(name: string, cells: string[]) {
  const b = new ColumnBuilder(name);
  cells.forEach((cell, i) => {
    b.push(cell, i + 2);
  });
  return inferColumnType(b.finish());
}

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('inferColumnType (statistics.md §2)', () => {
  it('float-valued numbers are numerical', () => {
    expect(
      infer(
        'x',
        range(50, (i) => String(i + 0.5)),
      ),
    ).toBe('numerical');
  });
  it('integers with at most 10 distinct values are categorical, with 11 numerical', () => {
    expect(
      infer(
        'x',
        range(100, (i) => String(i % 10)),
      ),
    ).toBe('categorical');
    expect(
      infer(
        'x',
        range(100, (i) => String(i % 11)),
      ),
    ).toBe('numerical');
  });
  it('booleans are categorical', () => {
    expect(
      infer(
        'flag',
        range(4, (i) => (i % 2 ? 'True' : 'False')),
      ),
    ).toBe('categorical');
  });
  it('strings: text when distinct > half the non-missing count, else categorical', () => {
    expect(
      infer(
        'comment',
        range(10, (i) => `c${i % 6}`),
      ),
    ).toBe('text');
    expect(
      infer(
        'grade',
        range(10, (i) => `c${i % 5}`),
      ),
    ).toBe('categorical');
  });
  it('ISO dates are datetime', () => {
    expect(
      infer(
        'day',
        range(30, (i) => `2024-01-${String(i + 1).padStart(2, '0')}`),
      ),
    ).toBe('datetime');
  });
  it('ID-like names with all values distinct are id', () => {
    expect(
      infer(
        'customer_id',
        range(30, (i) => String(1000 + i)),
      ),
    ).toBe('id');
    expect(
      infer(
        'user_id',
        range(30, (i) => `u${i}`),
      ),
    ).toBe('id');
    expect(
      infer(
        'customer_id',
        range(30, (i) => String(i % 3)),
      ),
    ).toBe('categorical');
  });
  it('recognises ID-like names', () => {
    for (const name of ['id', 'ID', 'customer_id', 'customerId', 'CustomerID', 'user-id', 'uuid']) {
      expect(isIdLikeName(name), name).toBe(true);
    }
    for (const name of ['idle', 'paid', 'width', 'valid']) expect(isIdLikeName(name), name).toBe(false);
  });
});
