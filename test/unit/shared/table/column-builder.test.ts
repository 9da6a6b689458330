import { describe, expect, it } from 'vitest';
import { ColumnBuilder } from '../../../../shared/table/column-builder';
import type { NumberColumn, StringColumn } from '../../../../shared/table/columnar';
import { parseNumberCell } from '../../../../shared/table/parse-number';

function build(name: string, cells: string[]) {
  const b = new ColumnBuilder(name);
  cells.forEach((cell, i) => {
    b.push(cell, i + 2);
  });
  return b.finish();
}

describe('parseNumberCell (statistics.md §1 missing tokens)', () => {
  it('parses numbers and treats missing tokens and infinities as NaN', () => {
    expect(parseNumberCell('1.5e3')).toBe(1500);
    expect(parseNumberCell(' -2 ')).toBe(-2);
    for (const missing of ['', ' ', 'NA', 'nan', 'NULL', 'None', 'inf', '-Infinity']) {
      expect(Number.isNaN(parseNumberCell(missing)), missing).toBe(true);
    }
    expect(parseNumberCell('abc')).toBeUndefined();
    expect(parseNumberCell('0x1f')).toBeUndefined();
    expect(parseNumberCell('1,5')).toBeUndefined();
  });
});

describe('parseNumberCell fast path', () => {
  it('gives exactly the double of Number() on 200,000 seeded decimal strings', () => {
    // Oracle: ECMAScript Number(string) (correctly rounded decimal conversion).
    let state = 12345;
    const rnd = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const cells = [
      '0',
      '-0',
      '.5',
      '-.5',
      '1.',
      '007',
      '123456789012345',
      '1234567890123456',
      '+2.5',
      '9007199254740993',
    ];
    for (let k = 0; k < 100_000; k++) {
      const v = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12);
      cells.push(v.toFixed(Math.floor(rnd() * 10)), v.toPrecision(1 + Math.floor(rnd() * 15)));
    }
    const mismatches = cells.filter((c) => !Object.is(parseNumberCell(c), Number(c)));
    expect(mismatches).toEqual([]);
  });
});

describe('ColumnBuilder', () => {
  it('stores numbers in a Float64Array with NaN for missing cells', () => {
    const col = build('x', ['1', '', '2.5', 'NA']) as NumberColumn;
    expect(col.storage).toBe('number');
    expect(Array.from(col.values)).toEqual([1, Number.NaN, 2.5, Number.NaN]);
    expect(col.invalidCount).toBe(0);
  });

  it('keeps a mostly numeric column numeric and counts the bad cells', () => {
    const cells = Array.from({ length: 20 }, (_, i) => String(i));
    cells[7] = 'oops';
    const col = build('x', cells) as NumberColumn;
    expect(col.storage).toBe('number');
    expect(col.invalidCount).toBe(1);
    expect(col.firstInvalid).toEqual({ line: 9, value: 'oops' });
  });

  it('switches to dictionary-encoded strings for text, keeping earlier numbers as labels', () => {
    const col = build('x', ['1', 'a', 'b', '', 'a']) as StringColumn;
    expect(col.storage).toBe('string');
    expect(Array.from(col.codes).map((c) => (c < 0 ? null : col.dictionary[c]))).toEqual([
      '1',
      'a',
      'b',
      null,
      'a',
    ]);
  });

  it('turns a text-first column back into numbers when at least 90 % of it is numeric', () => {
    const cells = ['n/a?', ...Array.from({ length: 30 }, (_, i) => String(i / 2))];
    const col = build('x', cells) as NumberColumn;
    expect(col.storage).toBe('number');
    expect(col.invalidCount).toBe(1);
    expect(col.values[2]).toBe(0.5);
  });
});
